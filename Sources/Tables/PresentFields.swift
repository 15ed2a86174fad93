/// A delimited column's fields as ``ColumnInference`` reads them: each row's bytes without the
/// spaces around them, or `nil` when they spell a missing value, found when asked (no array of
/// a range per row). Valid while the bytes and spans it points to are.
struct PresentFields {
  /// The rows' bytes.
  let base: UnsafeBufferPointer<UInt8>
  /// Each row's field start and end in ``base``, two entries a row.
  let spans: UnsafeBufferPointer<Int32>

  var count: Int { spans.count / 2 }

  /// Row `row`'s field as a range of ``base``, or `nil` when missing.
  @inline(__always)
  subscript(row: Int) -> Range<Int>? {
    ColumnInference.presentSpan(base, Int(spans[2 * row]), Int(spans[2 * row + 1]))
  }
}

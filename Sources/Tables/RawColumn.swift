/// One delimited column's fields as bytes, back to back, with each row's end offset: no
/// string or enum per cell until the column's kind is known (numbers never become strings).
struct RawColumn {
  var bytes: [UInt8] = []
  /// Where each row's field ends in `bytes` (the next starts there).
  var ends: [Int] = []
  /// `bytes.count` at the end of the last complete row (a record read again after a buffer
  /// refill starts from here).
  var committed = 0

  var count: Int { ends.count }

  /// The bytes of row `row`.
  func field(_ row: Int) -> ArraySlice<UInt8> {
    bytes[(row == 0 ? 0 : ends[row - 1])..<ends[row]]
  }
}

internal import Locking

/// The metrics Pango gave for each text, size and weight, kept for the process: a chart lays
/// out the same tick labels and category names several times (one analysis of 200,000 orders
/// measured 552 texts, 102 of them distinct), and each measure shapes the text anew.
///
/// The metrics depend only on the text, the size, the weight and the fonts installed; a PDF
/// page's are kept apart from a picture's (cairo may hint one and not the other). At most
/// ``capacity`` entries are kept; past that the table starts again.
enum MeasuredText {
  struct Key: Hashable {
    var text: String
    var sizePixels: Double
    var bold: Bool
    var document: Bool
  }

  static let capacity = 4096
  private static let table = Locked<[Key: TextMetrics]>([:])

  /// The metrics of `key`, measured by `measure` the first time.
  static func metrics(_ key: Key, _ measure: () -> TextMetrics) -> TextMetrics {
    if let known = table.withLock({ $0[key] }) { return known }
    let metrics = measure()
    table.withLock { known in
      if known.count >= capacity { known.removeAll(keepingCapacity: true) }
      known[key] = metrics
    }
    return metrics
  }
}

import Locking

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: Sendable {
  private let label: String
  private let lastDrawn = Locked<Int>(-1)

  init(label: String) {
    self.label = label
  }

  /// Redraws the bar when the percentage changes.
  func update(done: Int, total: Int?) {
    let percent = total.map { $0 > 0 ? min(100, done * 100 / $0) : 0 } ?? 0
    let shouldDraw = lastDrawn.withLock { last in
      guard percent != last else { return false }
      last = percent
      return true
    }
    guard shouldDraw else { return }
    let width = 30
    let filled = width * percent / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    let count = total.map { "\(done)/\($0)" } ?? "\(done)"
    var err = StandardError()
    err.write("\r\(label) \(bar) \(percent)% \(count) frames")
  }

  /// Clears the bar's line.
  func finish() {
    guard lastDrawn.withLock({ $0 }) >= 0 else { return }
    var err = StandardError()
    err.write("\r\u{1B}[2K")
  }
}

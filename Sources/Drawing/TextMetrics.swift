/// How much room a line of text takes, in pixels.
public struct TextMetrics: Sendable, Hashable {
  /// The advance width.
  public var width: Double
  /// The line height (ascent + descent).
  public var height: Double
  /// The baseline's distance from the top.
  public var baseline: Double

  /// Creates metrics.
  public init(width: Double, height: Double, baseline: Double) {
    self.width = width
    self.height = height
    self.baseline = baseline
  }
}

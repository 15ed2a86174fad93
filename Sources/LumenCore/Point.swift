/// A point in a plane: pixels on a canvas, or projected map units (metres) before fitting.
public struct Point: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Horizontal coordinate, growing to the right.
  public var x: Double
  /// Vertical coordinate; grows downwards on a canvas and northwards in map units.
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  public var description: String { "(\(x), \(y))" }
}

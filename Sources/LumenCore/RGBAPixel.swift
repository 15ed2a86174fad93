/// One 8-bit pixel with straight alpha.
public struct RGBAPixel: Sendable, Hashable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8
  public var alpha: UInt8

  /// Creates a pixel; `alpha` defaults to opaque.
  public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Creates an opaque pixel of the given colour.
  public init(_ color: RGBColor) {
    self.init(red: color.red, green: color.green, blue: color.blue)
  }

  /// Fully transparent black.
  public static let transparent = RGBAPixel(red: 0, green: 0, blue: 0, alpha: 0)

  /// The colour without its alpha.
  public var color: RGBColor { RGBColor(red: red, green: green, blue: blue) }

  public var description: String { "\(color.hex)/\(alpha)" }
}

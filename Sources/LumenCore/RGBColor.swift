/// An opaque 8-bit sRGB colour, written and parsed as `#rrggbb`.
public struct RGBColor: Sendable, Hashable, Codable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// The colour syntax every Lumen option and tool argument accepts, for messages.
  public static let syntax = "#rrggbb, #rgb or a CSS colour name such as red"

  /// Parses `#rrggbb`, `rrggbb`, `#rgb`, `rgb` or a CSS colour name (`red`, `rebeccapurple`),
  /// the one colour syntax of the CLI and the tools.
  ///
  /// - Returns: `nil` when the text is not a colour.
  public init?(hex text: String) {
    if let named = CSSColorNames.color(named: text) {
      self = named
      return
    }
    var digits = Substring(text)
    if digits.first == "#" { digits = digits.dropFirst() }
    guard digits.allSatisfy(\.isHexDigit) else { return nil }
    if digits.count == 3 {
      digits = Substring(digits.flatMap { [$0, $0] })
    }
    guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
    self.init(
      red: UInt8(truncatingIfNeeded: value >> 16),
      green: UInt8(truncatingIfNeeded: value >> 8),
      blue: UInt8(truncatingIfNeeded: value))
  }

  /// The colour as `#rrggbb` in lower case.
  public var hex: String {
    @inline(__always) func digit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
    return String(unsafeUninitializedCapacity: 7) { text in
      text[0] = UInt8(ascii: "#")
      for (i, byte) in [red, green, blue].enumerated() {
        text[1 + 2 * i] = digit(byte >> 4)
        text[2 + 2 * i] = digit(byte & 0xF)
      }
      return 7
    }
  }

  public var description: String { hex }

  public static let white = RGBColor(red: 255, green: 255, blue: 255)
  public static let black = RGBColor(red: 0, green: 0, blue: 0)

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let color = RGBColor(hex: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "not a colour (\(Self.syntax)): \(text)"
        ))
    }
    self = color
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}

/// A width and height in pixels.
public struct Size: Sendable, Hashable, Codable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// Parses `WIDTHxHEIGHT` (also `×` or `X`), both positive.
  public init?(parsing text: String) {
    let parts = text.split(whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" })
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else {
      return nil
    }
    self.init(width: w, height: h)
  }

  /// The size with each side rounded up to an even number (what 4:2:0 video needs).
  public var roundedUpToEven: Size { Size(width: (width + 1) & ~1, height: (height + 1) & ~1) }

  public var description: String { "\(width)×\(height)" }
}

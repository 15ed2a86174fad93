public import ImageIO

/// The result of ``ExtractPalette``: the image, the pixels used, and the palette.
public struct PaletteReport: Sendable, Hashable, Codable {
  public var path: String
  public var image: ImageSource.Info
  /// Pixels looked at (after grid sampling), before transparency and exclusions.
  public var pixelsSampled: Int
  public var palette: Palette

  /// A table for a terminal: hex, rgb, share, CSS name.
  public var summary: String {
    var lines = [
      "\(path): \(image.width)×\(image.height) \(image.format), \(pixelsSampled) pixels sampled, "
        + "\(palette.pixelsClustered) clustered in \(palette.space)"
    ]
    for (key, share) in palette.excludedShares.sorted(by: { $0.key < $1.key }) {
      lines.append("excluded \(key): \(Self.percent(share))")
    }
    if palette.pixelsTransparent > 0 {
      lines.append("transparent pixels skipped: \(palette.pixelsTransparent)")
    }
    lines.append("hex       rgb            share   name")
    for color in palette.colors {
      let rgb = color.rgb.map { String($0) }.joined(separator: ",")
      lines.append(
        color.hex + "   " + rgb.padding(toLength: 13, withPad: " ", startingAt: 0) + "  "
          + Self.percent(color.weight).leftPadded(to: 6) + "  " + color.name)
    }
    if let reason = palette.reason { lines.append("note: \(reason)") }
    lines += image.warnings.map { "warning: \($0)" }
    return lines.joined(separator: "\n")
  }

  /// A share as a percentage with one decimal ("37.2%").
  public static func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

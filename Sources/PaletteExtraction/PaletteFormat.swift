internal import Foundation
internal import LumenCore

/// Palette file formats: CSS custom properties, GIMP palette, Adobe Swatch Exchange, plain hex.
public enum PaletteFormat: String, Sendable, CaseIterable, Codable {
  case css, gpl, ase, hex

  /// The format a file name's extension asks for (`.css`, `.gpl`, `.ase`, `.hex` or `.txt` for
  /// hex); `nil` for any other.
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "css": self = .css
    case "gpl": self = .gpl
    case "ase": self = .ase
    case "hex", "txt": self = .hex
    default: return nil
    }
  }

  /// The format for an output file: the extension's, which must agree with an explicit
  /// `format` when one is given.
  public static func forOutput(_ path: String, format: PaletteFormat?) throws(PaletteError)
    -> PaletteFormat
  {
    let pathExtension = PathName(path).pathExtension
    let fromName = PaletteFormat(pathExtension: pathExtension)
    switch (format, fromName) {
    case (let format?, let fromName?) where format != fromName:
      throw .invalidOption(
        "format \(format.rawValue) disagrees with the output name \(path) (a .\(fromName.rawValue) file)"
      )
    case (let format?, _): return format
    case (nil, let fromName?): return fromName
    case (nil, nil):
      throw .invalidOption(
        "\(path): cannot tell the palette format from "
          + (pathExtension.isEmpty
            ? "a name without an extension" : "the extension .\(pathExtension)")
          + "; name it .css, .gpl, .ase, .hex or .txt, or give the format")
    }
  }

  /// The formatted palette (ASE is binary; the others are UTF-8 text).
  public func encode(_ report: PaletteReport) -> [UInt8] {
    let colors = report.palette.colors
    switch self {
    case .hex:
      return Array(colors.map { $0.hex + "\n" }.joined().utf8)
    case .css:
      var text = ":root {\n"
      for (i, color) in colors.enumerated() {
        text +=
          "  --palette-\(i + 1): \(color.hex); /* \(PaletteReport.percent(color.weight)) \(color.name) */\n"
      }
      return Array((text + "}\n").utf8)
    case .gpl:
      let name = PathName(report.path).stem
      var text = "GIMP Palette\nName: \(name)\nColumns: \(colors.count)\n#\n"
      for color in colors {
        let rgb = color.rgb.map { String($0).leftPadded(to: 3) }.joined(separator: " ")
        text += "\(rgb)\t\(color.hex) \(color.name) (\(PaletteReport.percent(color.weight)))\n"
      }
      return Array(text.utf8)
    case .ase:
      return Self.swatchExchange(colors)
    }
  }

  /// Adobe Swatch Exchange 1.0: a colour entry block per colour (RGB, float, "normal" type).
  static func swatchExchange(_ colors: [PaletteColor]) -> [UInt8] {
    var out = Array("ASEF".utf8)
    out += be16(1) + be16(0) + be32(UInt32(colors.count))
    for color in colors {
      let name = Array(color.hex.utf16) + [0]
      var block = be16(UInt16(name.count))
      for unit in name { block += be16(unit) }
      block += Array("RGB ".utf8)
      for channel in color.rgb { block += be32((Float(channel) / 255).bitPattern) }
      block += be16(2)
      out += be16(1) + be32(UInt32(block.count)) + block
    }
    return out
  }

  private static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
  private static func be32(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }
}

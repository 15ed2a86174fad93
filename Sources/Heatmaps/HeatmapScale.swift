public import LumenCore

/// A colour scale: sequential (dark to light or light to dark) or diverging around a centre.
public enum HeatmapScale: String, Sendable, Hashable, Codable, CaseIterable {
  case viridis, magma, inferno, plasma, cividis, blues, greens, reds, greys
  case rdbu, brbg, piyg, coolwarm

  /// Whether the scale has a neutral middle (used with a centre value).
  public var isDiverging: Bool {
    switch self {
    case .rdbu, .brbg, .piyg, .coolwarm: true
    default: false
    }
  }

  /// The scale as 256 colours, low to high: the stops below interpolated in sRGB.
  public var table: [RGBColor] {
    let stops = self.stops
    return (0..<256).map { i in
      let t = Double(i) / 255 * Double(stops.count - 1)
      let k = min(Int(t), stops.count - 2)
      let f = t - Double(k)
      func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
        UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded())
      }
      let a = stops[k]
      let b = stops[k + 1]
      return RGBColor(
        red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
  }

  /// Evenly spaced samples of the published scales (matplotlib's for the perceptual ones,
  /// ColorBrewer's for the others, Moreland's for coolwarm).
  private var stops: [RGBColor] {
    let hex: [UInt32] =
      switch self {
      case .viridis:
        [0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725]
      case .magma:
        [0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064, 0xfb8761, 0xfec287, 0xfcfdbf]
      case .inferno:
        [0x000004, 0x1f0c48, 0x550f6d, 0x88226a, 0xba3655, 0xe35933, 0xf98e09, 0xf9cb35, 0xfcffa4]
      case .plasma:
        [0x0d0887, 0x4c02a1, 0x7e03a8, 0xa92395, 0xcc4778, 0xe56b5d, 0xf89540, 0xfdc527, 0xf0f921]
      case .cividis:
        [
          0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8678, 0xa59c74, 0xc3b369, 0xe1cc55,
          0xfee838,
        ]
      case .blues:
        [0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b]
      case .greens:
        [0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b]
      case .reds:
        [0xfff5f0, 0xfee0d2, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xef3b2c, 0xcb181d, 0xa50f15, 0x67000d]
      case .greys:
        [0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000]
      case .rdbu:
        [
          0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3,
          0x2166ac, 0x053061,
        ]
      case .brbg:
        [
          0x543005, 0x8c510a, 0xbf812d, 0xdfc27d, 0xf6e8c3, 0xf5f5f5, 0xc7eae5, 0x80cdc1, 0x35978f,
          0x01665e, 0x003c30,
        ]
      case .piyg:
        [
          0x8e0152, 0xc51b7d, 0xde77ae, 0xf1b6da, 0xfde0ef, 0xf7f7f7, 0xe6f5d0, 0xb8e186, 0x7fbc41,
          0x4d9221, 0x276419,
        ]
      case .coolwarm:
        [0x3b4cc0, 0x6282ea, 0x8db0fe, 0xb8d0f9, 0xdddddd, 0xf5c4ad, 0xf49a7b, 0xe26952, 0xb40426]
      }
    return hex.map {
      RGBColor(
        red: UInt8($0 >> 16), green: UInt8(($0 >> 8) & 0xff), blue: UInt8($0 & 0xff))
    }
  }
}

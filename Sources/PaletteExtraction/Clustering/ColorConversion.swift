public import LumenCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// sRGB ↔ CIELAB (D65) and OKLab conversions.
public enum ColorConversion {
  /// sRGB 8-bit value → linear light, for each of the 256 values.
  static let linearTable: [Float] = (0..<256).map { value in
    let c = Float(value) / 255
    return c <= 0.04045 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
  }

  /// Linear light of an sRGB channel given as 0…255 (fractional values allowed).
  static func linear(_ value: Float) -> Float {
    let c = value / 255
    return c <= 0.04045 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
  }

  /// sRGB 0…255 of a linear value, rounded and clamped.
  static func encoded(_ linear: Float) -> UInt8 {
    let c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * powf(max(linear, 0), 1 / 2.4) - 0.055
    return UInt8(max(0, min(255, (c * 255).rounded())))
  }

  /// CIELAB (D65) of an sRGB colour with channels in 0…255 (fractional values allowed).
  public static func lab(red: Float, green: Float, blue: Float) -> LabColor {
    let r = linear(red)
    let g = linear(green)
    let b = linear(blue)
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b
    let z = (0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b) / 1.088_83
    let fx = labF(x)
    let fy = labF(y)
    let fz = labF(z)
    return LabColor(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
  }

  /// CIELAB (D65) of an 8-bit sRGB colour.
  public static func lab(_ color: RGBColor) -> LabColor {
    lab(red: Float(color.red), green: Float(color.green), blue: Float(color.blue))
  }

  /// The nearest 8-bit sRGB colour of a CIELAB colour (out-of-gamut channels clamped).
  public static func rgb(fromLab lab: LabColor) -> RGBColor {
    let fy = (lab.l + 16) / 116
    let fx = fy + lab.a / 500
    let fz = fy - lab.b / 200
    let x = 0.950_47 * labFInverse(fx)
    let y = labFInverse(fy)
    let z = 1.088_83 * labFInverse(fz)
    let r = 3.240_454_2 * x - 1.537_138_5 * y - 0.498_531_4 * z
    let g = -0.969_266_0 * x + 1.876_010_8 * y + 0.041_556_0 * z
    let b = 0.055_643_4 * x - 0.204_025_9 * y + 1.057_225_2 * z
    return RGBColor(red: encoded(r), green: encoded(g), blue: encoded(b))
  }

  /// OKLab of an sRGB colour with channels in 0…255.
  public static func oklab(red: Float, green: Float, blue: Float) -> LabColor {
    let r = linear(red)
    let g = linear(green)
    let b = linear(blue)
    let l = cbrtf(0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b)
    let m = cbrtf(0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b)
    let s = cbrtf(0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b)
    return LabColor(
      l: 0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_046_8 * s,
      a: 1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s,
      b: 0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s)
  }

  /// OKLab of an 8-bit sRGB colour.
  public static func oklab(_ color: RGBColor) -> LabColor {
    oklab(red: Float(color.red), green: Float(color.green), blue: Float(color.blue))
  }

  /// The nearest 8-bit sRGB colour of an OKLab colour.
  public static func rgb(fromOKLab lab: LabColor) -> RGBColor {
    let l = lab.l + 0.396_337_777_4 * lab.a + 0.215_803_757_3 * lab.b
    let m = lab.l - 0.105_561_345_8 * lab.a - 0.063_854_172_8 * lab.b
    let s = lab.l - 0.089_484_177_5 * lab.a - 1.291_485_548_0 * lab.b
    let (l3, m3, s3) = (l * l * l, m * m * m, s * s * s)
    return RGBColor(
      red: encoded(4.076_741_662_1 * l3 - 3.307_711_591_3 * m3 + 0.230_969_929_2 * s3),
      green: encoded(-1.268_438_004_6 * l3 + 2.609_757_401_1 * m3 - 0.341_319_396_5 * s3),
      blue: encoded(-0.004_196_086_3 * l3 - 0.703_418_614_7 * m3 + 1.707_614_701_0 * s3))
  }

  private static func labF(_ t: Float) -> Float {
    t > 216 / 24389 ? cbrtf(t) : (24389 / 27 * t + 16) / 116
  }

  private static func labFInverse(_ t: Float) -> Float {
    let cube = t * t * t
    return cube > 216 / 24389 ? cube : (116 * t - 16) / (24389 / 27)
  }
}

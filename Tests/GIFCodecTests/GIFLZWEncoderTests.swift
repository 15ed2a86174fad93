import GIFCodec
import LumenCore
import TestSupport
import Testing

/// Lumen's LZW encoder writes every frame of ``GIFAnimationWriter``; giflib's decoder reads
/// them back. Palettes of 1…255 colours give every minimum code size from 2 to 8 bits, random
/// pixels force dictionary resets (more than 4,095 codes per frame), and long transparent runs
/// take the direct-child path.
@Suite struct GIFLZWEncoderTests {
  /// A reproducible pseudo-random stream (SplitMix64).
  struct Noise {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func palette(_ count: Int) -> [RGBColor] {
    (0..<count).map { (i: Int) -> RGBColor in
      let value = UInt8(i)
      return RGBColor(red: value, green: 255 - value, blue: value &* 37)
    }
  }

  /// A frame of random palette colours, with a band of `base`'s pixels (unchanged, so written
  /// as a long transparent run) when `base` is given.
  static func frame(_ colors: [RGBColor], size: Size, noise: inout Noise, base: RGBAImage?)
    -> RGBAImage
  {
    var image =
      base ?? RGBAImage(width: size.width, height: size.height, fill: RGBAPixel(colors[0]))
    for y in 0..<size.height where base == nil || y % 7 == 0 {
      for x in 0..<size.width {
        image.set(x, y, colors[Int(noise.next() % UInt64(colors.count))])
      }
    }
    return image
  }

  @Test(arguments: [1, 2, 3, 5, 8, 15, 16, 31, 63, 100, 127, 200, 255])
  func giflibDecodesWhatItEncodes(colorCount: Int) throws {
    let folder = TemporaryDirectory()
    let path = folder.file("lzw.gif")
    let colors = Self.palette(colorCount)
    let size = Size(width: 173, height: 61)
    var noise = Noise(state: UInt64(colorCount))
    let first = Self.frame(colors, size: size, noise: &noise, base: nil)
    let second = Self.frame(colors, size: size, noise: &noise, base: first)
    var writer = try GIFAnimationWriter(
      path: path, size: size, colorTable: GIFColorTable(colors: colors))
    try writer.append(first, delayCentiseconds: 5)
    try writer.append(second, delayCentiseconds: 5)
    _ = try writer.finish()

    let decoded = try GIFAnimationWriterTests.decodeAll(path)
    // Compared as Bools: a failure names the frame without printing every pixel.
    let firstMatches = decoded.first?.image == first
    let lastMatches = decoded.last?.image == (colorCount == 1 ? first : second)
    #expect(firstMatches, "frame 1 decodes to other pixels")
    #expect(lastMatches, "the last frame decodes to other pixels")
    #expect(decoded.count == (colorCount == 1 ? 1 : 2))
  }

  @Test func aOnePixelGIFRoundTrips() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("one.gif")
    let image = RGBAImage(width: 1, height: 1, fill: RGBAPixel(RGBColor(red: 9, green: 8, blue: 7)))
    var writer = try GIFAnimationWriter(
      path: path, size: Size(width: 1, height: 1),
      colorTable: GIFColorTable(colors: [RGBColor(red: 9, green: 8, blue: 7)]))
    try writer.append(image, delayCentiseconds: 3)
    _ = try writer.finish()
    #expect(try GIFAnimationWriterTests.decodeAll(path).map(\.image) == [image])
  }
}

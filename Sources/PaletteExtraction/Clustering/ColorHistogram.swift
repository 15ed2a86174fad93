public import LumenCore

/// Pixels counted into 32,768 bins (5 bits per channel) with per-bin sums, so each bin's mean
/// colour is exact, plus one colour that really occurs in it.
///
/// Streaming pixels into the histogram is the only per-pixel work of palette extraction;
/// clustering then runs over the occupied bins.
public struct ColorHistogram: Sendable {
  static let binCount = 1 << 15
  private static let noSample: UInt32 = 0xFFFF_FFFF

  private var counts = [UInt32](repeating: 0, count: binCount)
  private var sums = [UInt64](repeating: 0, count: binCount * 3)
  private var samples = [UInt32](repeating: noSample, count: binCount)
  /// Pixels counted (opaque enough).
  public private(set) var pixelsCounted = 0
  /// Pixels skipped because their alpha was below the threshold.
  public private(set) var pixelsTransparent = 0

  public init() {}

  /// Counts the pixels of an image, every `step`-th row and column (1 = all).
  ///
  /// - Parameters:
  ///   - image: Straight-alpha RGBA pixels.
  ///   - alphaThreshold: Pixels with a lower alpha are skipped and counted as transparent.
  ///   - step: Sample every `step`-th pixel in both directions (a pixel budget's grid).
  public mutating func add(_ image: RGBAImage, alphaThreshold: UInt8 = 128, step: Int = 1) {
    precondition(step >= 1)
    var counted = 0
    var transparent = 0
    image.bytes.withUnsafeBytes { raw in
      let pixels = raw.bindMemory(to: UInt32.self)
      counts.withUnsafeMutableBufferPointer { counts in
        sums.withUnsafeMutableBufferPointer { sums in
          samples.withUnsafeMutableBufferPointer { samples in
            for y in stride(from: 0, to: image.height, by: step) {
              let row = y * image.width
              for x in stride(from: 0, to: image.width, by: step) {
                let pixel = pixels[row + x]
                if UInt8(truncatingIfNeeded: pixel >> 24) < alphaThreshold {
                  transparent += 1
                  continue
                }
                let r = pixel & 0xFF
                let g = (pixel >> 8) & 0xFF
                let b = (pixel >> 16) & 0xFF
                let bin = Int((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3))
                counts[bin] &+= 1
                sums[3 * bin] &+= UInt64(r)
                sums[3 * bin + 1] &+= UInt64(g)
                sums[3 * bin + 2] &+= UInt64(b)
                if samples[bin] == Self.noSample { samples[bin] = pixel & 0x00FF_FFFF }
                counted += 1
              }
            }
          }
        }
      }
    }
    pixelsCounted += counted
    pixelsTransparent += transparent
  }

  /// Counts `count` pixels of one colour (colours already tallied elsewhere).
  public mutating func add(_ color: RGBColor, count: Int) {
    guard count > 0 else { return }
    let (r, g, b) = (UInt32(color.red), UInt32(color.green), UInt32(color.blue))
    let bin = Int((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3))
    counts[bin] &+= UInt32(truncatingIfNeeded: count)
    sums[3 * bin] &+= UInt64(r) * UInt64(count)
    sums[3 * bin + 1] &+= UInt64(g) * UInt64(count)
    sums[3 * bin + 2] &+= UInt64(b) * UInt64(count)
    if samples[bin] == Self.noSample { samples[bin] = r | g << 8 | b << 16 }
    pixelsCounted += count
  }

  /// The occupied bins, in bin order.
  public var bins: [Bin] {
    var result: [Bin] = []
    for bin in 0..<Self.binCount where counts[bin] > 0 {
      let n = Float(counts[bin])
      let sample = samples[bin]
      result.append(
        Bin(
          count: Int(counts[bin]),
          meanRed: Float(sums[3 * bin]) / n, meanGreen: Float(sums[3 * bin + 1]) / n,
          meanBlue: Float(sums[3 * bin + 2]) / n,
          sample: RGBColor(
            red: UInt8(sample & 0xFF), green: UInt8((sample >> 8) & 0xFF),
            blue: UInt8((sample >> 16) & 0xFF))))
    }
    return result
  }

  /// One occupied bin.
  public struct Bin: Sendable, Hashable {
    /// Pixels in the bin.
    public var count: Int
    /// The exact mean of the bin's pixels, per channel (0…255).
    public var meanRed: Float
    public var meanGreen: Float
    public var meanBlue: Float
    /// A colour that occurs in the image and falls in this bin.
    public var sample: RGBColor
  }
}

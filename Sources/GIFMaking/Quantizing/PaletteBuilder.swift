internal import GIFCodec
internal import LumenCore
internal import PaletteExtraction

/// Collects the colours of frames and turns them into a GIF palette: the exact colours when
/// there are few enough (a GIF re-timed or a drawing keeps every colour), else weighted
/// k-means in OKLab over a 32,768-bin histogram (Palette extraction's clustering).
struct PaletteBuilder {
  private var histogram = ColorHistogram()
  /// Every colour seen with its pixel count, until there are more than `colors`.
  private var exact: ExactColors
  private var exactOverflowed = false
  /// The most colours a palette holds (one index is kept for "unchanged").
  let colors: Int

  init(colors: Int) {
    self.colors = min(colors, GIFColorTable.maximumColors)
    exact = ExactColors(capacity: self.colors)
  }

  /// Counts a frame's colours: every colour exactly (with its pixel count) while there are at
  /// most `colors`; once there are more, a histogram of every pixel (up to 2 megapixels — a
  /// grid would miss thin lines, whose colours a palette needs — else every other row and
  /// column), seeded with the exact counts so far.
  mutating func add(_ image: RGBAImage) {
    let step = image.width * image.height > 2_000_000 ? 2 : 1
    guard !exactOverflowed else {
      histogram.add(image, alphaThreshold: 0, step: step)
      return
    }
    let before = exact
    image.bytes.withUnsafeBytes { raw in
      let words = raw.bindMemory(to: UInt32.self)
      var last = UInt32.max
      var run = 0
      for word in words {
        let color = word & 0x00FF_FFFF
        if color == last {
          run += 1
          continue
        }
        if run > 0, !exact.add(last, pixels: run) {
          exactOverflowed = true
          return
        }
        last = color
        run = 1
      }
      if run > 0, !exact.add(last, pixels: run) { exactOverflowed = true }
    }
    guard exactOverflowed else { return }
    // Too many colours: the frames so far go into the histogram as counted, then this one.
    for (color, count) in before.entries {
      histogram.add(
        RGBColor(
          red: UInt8(color & 0xFF), green: UInt8((color >> 8) & 0xFF),
          blue: UInt8((color >> 16) & 0xFF)),
        count: count)
    }
    histogram.add(image, alphaThreshold: 0, step: step)
    exact = ExactColors(capacity: 0)
  }

  /// Whether every colour seen fits the palette (then it is exact).
  var isExact: Bool { !exactOverflowed && exact.count > 0 }

  /// The palette: every colour seen when they fit, else `colors` cluster centres (or fewer,
  /// `count`, when a size budget asks for them).
  func palette(count: Int? = nil) -> [RGBColor] {
    let colors = min(count ?? self.colors, self.colors)
    if isExact, exact.count <= colors {
      // The most frequent first: frames that use a few common colours then need few bits.
      let ordered = exact.entries.sorted { a, b in
        a.count != b.count ? a.count > b.count : a.color < b.color
      }
      return ordered.map { entry -> RGBColor in
        let c = entry.color
        return RGBColor(
          red: UInt8(c & 0xFF), green: UInt8((c >> 8) & 0xFF), blue: UInt8((c >> 16) & 0xFF))
      }
    }
    var options = ClusteringOptions()
    options.count = .exactly(colors)
    // OKLab: on real clips its palettes came out truer than CIELAB's (SSIM 0.937 against
    // 0.927 on the compare script's zoom over a photo, no dithering).
    options.space = .oklab
    options.initializations = 1
    options.justNoticeableDifference = 0  // no merging: the refinement step follows

    options.alphaThreshold = 0

    let clustered = PaletteClustering.cluster(from: histogram, options: options)
    let found = clustered.colors.map(\.color)
    return found.isEmpty ? [.black] : found
  }

  /// Moves each colour to the mean of the pixels nearest it (Lloyd steps over every third of
  /// the frames' real pixels, which the histogram's 5-bit bins only approximate).
  static func refine(_ palette: [RGBColor], frames: [RGBAImage], iterations: Int = 1)
    -> [RGBColor]
  {
    var colors = palette
    guard !frames.isEmpty, colors.count > 1 else { return colors }
    // Every third pixel is plenty for the means.
    func visit(_ body: (UInt32) -> Void) {
      for frame in frames {
        frame.bytes.withUnsafeBytes { raw in
          let words = raw.bindMemory(to: UInt32.self)
          for i in stride(from: 0, to: words.count, by: 3) { body(words[i] & 0x00FF_FFFF) }
        }
      }
    }
    for _ in 0..<iterations {
      var table = GIFColorTable(colors: colors)
      var sums = [(Int, Int, Int, Int)](repeating: (0, 0, 0, 0), count: colors.count)
      // Each centre's most common exact colour (a majority vote, then counted): a centre
      // most of whose pixels are one colour (a flat background) keeps that colour exactly,
      // where the mean of its pixels would shift it by the noise around it — SSIM punishes a
      // shifted dark background hard.
      var candidate = [UInt32](repeating: 0, count: colors.count)
      var votes = [Int](repeating: 0, count: colors.count)
      visit { color in
        let k = Int(
          table.index(
            red: UInt8(color & 0xFF), green: UInt8((color >> 8) & 0xFF),
            blue: UInt8((color >> 16) & 0xFF)))
        sums[k].0 += Int(color & 0xFF)
        sums[k].1 += Int((color >> 8) & 0xFF)
        sums[k].2 += Int((color >> 16) & 0xFF)
        sums[k].3 += 1
        if votes[k] == 0 {
          candidate[k] = color
          votes[k] = 1
        } else {
          votes[k] += candidate[k] == color ? 1 : -1
        }
      }
      var majority = [Int](repeating: 0, count: colors.count)
      visit { color in
        let k = Int(
          table.index(
            red: UInt8(color & 0xFF), green: UInt8((color >> 8) & 0xFF),
            blue: UInt8((color >> 16) & 0xFF)))
        if candidate[k] == color { majority[k] += 1 }
      }
      for k in colors.indices where sums[k].3 > 0 {
        let n = sums[k].3
        if majority[k] * 2 >= n {
          let c = candidate[k]
          colors[k] = RGBColor(
            red: UInt8(c & 0xFF), green: UInt8((c >> 8) & 0xFF), blue: UInt8((c >> 16) & 0xFF))
        } else {
          colors[k] = RGBColor(
            red: UInt8((sums[k].0 + n / 2) / n), green: UInt8((sums[k].1 + n / 2) / n),
            blue: UInt8((sums[k].2 + n / 2) / n))
        }
      }
    }
    return colors
  }

  /// The mean weighted squared error of a frame's pixels (a sample of about 4,096) against
  /// `table`.
  static func frameError(_ image: RGBAImage, _ table: inout GIFColorTable) -> Double {
    let pixels = image.width * image.height
    let step = max(1, pixels / 4096)
    var total = 0
    var count = 0
    var i = 0
    while i < pixels {
      let p = i * 4
      let color = RGBColor(red: image.bytes[p], green: image.bytes[p + 1], blue: image.bytes[p + 2])
      total += error(color, &table)
      count += 1
      i += step
    }
    return count > 0 ? Double(total) / Double(count) : 0
  }

  @inline(__always)
  static func error(_ color: RGBColor, _ table: inout GIFColorTable) -> Int {
    let index = table.index(red: color.red, green: color.green, blue: color.blue)
    let chosen = table.colors[Int(index)]
    return weightedDistance(color, chosen)
  }

  @inline(__always)
  static func weightedDistance(_ a: RGBColor, _ b: RGBColor) -> Int {
    let dr = Int(a.red) - Int(b.red)
    let dg = Int(a.green) - Int(b.green)
    let db = Int(a.blue) - Int(b.blue)
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}

internal import GIFCodec
internal import LumenCore

/// Quantizes frames (global, per-frame or auto palettes) and writes them, measuring each
/// frame's SSIM against its source as it goes.
final class FrameEncoder {
  /// What was written.
  struct Tally {
    var framesStored = 0
    var localPalettes = 0
    var centiseconds = 0
    var delays: [Int] = []
    var similarityTotal = 0.0
    var similarityWeight = 0.0
    var paletteColors = 0
  }

  private var writer: GIFIndexedWriter?
  private var quantizer: FrameQuantizer?
  private let path: String
  private let options: GIFOptions
  private let tolerance: Int
  private var global: GIFColorTable?
  /// The frame's own palette (per-frame mode), or the one auto mode keeps while it fits.
  private var localTable: GIFColorTable?
  private let mode: PaletteMode
  private let colors: Int
  private let lossy: Int
  private(set) var tally = Tally()

  /// - Parameters:
  ///   - globalPalette: The palette from every frame (global and auto modes).
  init(
    path: String, globalPalette: [RGBColor]?, options: GIFOptions,
    tolerance: Int
  ) {
    let table = globalPalette.map { GIFColorTable(colors: $0) }
    self.path = path
    self.options = options
    self.tolerance = tolerance
    global = options.palette == .perFrame ? nil : table
    mode = options.palette
    colors = options.colors
    lossy = options.lossy
    tally.paletteColors = table?.colors.count ?? 0
  }

  /// Adds a frame shown for `delay` centiseconds.
  func add(_ image: RGBAImage, delay: Int) throws {
    if writer == nil {
      // The first frame settles the size.
      let size = Size(width: image.width, height: image.height)
      let plays = options.loop == 0 ? 0 : (options.loop == 1 ? nil : options.loop - 1)
      writer = try GIFIndexedWriter(
        path: path, size: size,
        globalColors: mode == .perFrame ? nil : global.map { $0.colors + [.black] },
        loopCount: plays)
      quantizer = FrameQuantizer(
        size: size, dither: options.dither, strength: options.ditherStrength,
        tolerance: tolerance)
    }
    // Taken out while it works, so its pixel buffers are not shared (and copied) on write.
    guard var quantizer = quantizer.take() else { return }
    defer { self.quantizer = quantizer }
    tally.centiseconds += delay
    // Tables are taken out while they work, so their 4 MB caches are not shared (and copied)
    // on write.
    var local = false
    switch mode {
    case .perFrame:
      localTable = Self.ownTable(image, colors: colors)
      local = true
    case .auto:
      // A frame keeps the global palette while it fits (mean weighted squared error under
      // `Self.poorFit`, about 6 levels a channel); else it gets its own when that fits at
      // least twice as well, and the next frames keep that one while it does better.
      if var globalTable = global.take() {
        let errorGlobal = PaletteBuilder.frameError(image, &globalTable)
        global = globalTable
        if var table = localTable.take() {
          let errorLocal = PaletteBuilder.frameError(image, &table)
          if errorLocal < errorGlobal && errorLocal <= Self.poorFit {
            localTable = table
            local = true
          }
        }
        if !local && errorGlobal > Self.poorFit {
          var own = Self.ownTable(image, colors: colors)
          if PaletteBuilder.frameError(image, &own) * 2 < errorGlobal {
            localTable = own
            local = true
          }
        }
      }
    case .global: break
    }
    guard var table = local ? localTable.take() : global.take() else { return }
    let result = quantizer.quantize(image, table: &table)
    defer {
      if local { localTable = table } else { global = table }
    }
    if var result {
      let transparent = table.transparentIndex
      var frame = GIFIndexedFrame(
        rect: result.rect, indices: result.indices, delayCentiseconds: delay,
        transparentIndex: transparent, localColors: local ? table.colors + [.black] : nil,
        lossy: lossy)
      if !local, tally.framesStored > 0,
        var opaque = quantizer.opaqueIndices(result, table: &table),
        let size = writer?.compressedSize(of: Self.lowered(frame))
      {
        // The same rectangle with what is shown written out instead of "unchanged": smaller
        // when the unchanged pixels break runs the picture itself has.
        let plain = GIFIndexedFrame(
          rect: result.rect, indices: opaque, delayCentiseconds: delay,
          transparentIndex: transparent, lossy: lossy)
        if let other = writer?.compressedSize(of: Self.lowered(plain)), other < size {
          swap(&opaque, &frame.indices)
          result.indices = frame.indices
        }
      }
      var written = Self.lowered(frame)
      try writer?.append(&written)
      if lossy > 0 {
        // Back to the table's transparent index for the quantizer.
        let chosen = written.transparentIndex
        result.indices = written.indices.map { $0 == chosen ? transparent : $0 }
        quantizer.commit(result, colors: table.colors, transparent: transparent)
      }
      tally.framesStored += 1
      tally.delays.append(delay)
      if local { tally.localPalettes += 1 }
    } else if tally.framesStored > 0 {
      try writer?.extendLastFrame(byCentiseconds: delay)
      tally.delays[tally.delays.count - 1] += delay
    }
    tally.similarityTotal += StructuralSimilarity.mean(image, quantizer.shown) * Double(delay)
    tally.similarityWeight += Double(delay)
  }

  /// Shows the last frame `extra` centiseconds longer.
  func extend(by extra: Int) throws {
    guard extra > 0, tally.framesStored > 0 else { return }
    try writer?.extendLastFrame(byCentiseconds: extra)
    tally.delays[tally.delays.count - 1] += extra
    tally.centiseconds += extra
  }

  /// Writes the rest and closes the file.
  func finish() throws -> Tally {
    guard writer != nil else {
      throw GIFMakingError.noFrames("no frame to write")
    }
    try writer.take()?.finish()
    return tally
  }

  /// The mean weighted squared error (2·ΔR² + 4·ΔG² + 3·ΔB²) above which a palette fits a
  /// frame poorly: about 6 levels in each channel.
  static let poorFit = 9.0 * 36

  /// `frame` with its transparent index moved to the lowest index the frame does not use
  /// for a colour, so the frame's indices need the fewest bits (the LZW code size follows
  /// the highest index used).
  static func lowered(_ frame: GIFIndexedFrame) -> GIFIndexedFrame {
    guard let transparent = frame.transparentIndex else { return frame }
    var used = [Bool](repeating: false, count: 256)
    for index in frame.indices where index != transparent { used[Int(index)] = true }
    guard let lowest = used.firstIndex(of: false), lowest < Int(transparent) else { return frame }
    var moved = frame
    let low = UInt8(lowest)
    moved.transparentIndex = low
    if frame.indices.contains(transparent) {
      moved.indices = frame.indices.map { $0 == transparent ? low : $0 }
    }
    return moved
  }

  /// A palette of the frame's own colours.
  private static func ownTable(_ image: RGBAImage, colors: Int) -> GIFColorTable {
    var builder = PaletteBuilder(colors: colors)
    builder.add(image)
    return GIFColorTable(colors: builder.palette())
  }
}

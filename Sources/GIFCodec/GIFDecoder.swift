internal import CGif
public import LumenCore

/// A streaming GIF decoder that composites frames as browsers show them.
///
/// Only the current canvas (and, for "restore to previous" frames, one saved copy) is held in
/// memory, whatever the number of frames.
///
/// ```swift
/// var decoder = try GIFDecoder(path: "in.gif")
/// while let frame = try decoder.nextFrame() {
///   print(frame.index, frame.timing.playedCentiseconds)
/// }
/// if let damage = decoder.damage { print("stopped early: \(damage)") }
/// ```
///
/// Damaged files decode up to the damage: ``nextFrame()`` then returns `nil` and ``damage``
/// says where it stopped. Sizes beyond ``DecodeLimits`` throw before anything is allocated.
public struct GIFDecoder: ~Copyable {
  private let file: GIFFile
  private let limits: DecodeLimits
  /// The logical screen size (the canvas every frame is composited on).
  public private(set) var screenSize: Size
  /// Loop count, comments and other metadata read so far (complete once ``nextFrame()`` has
  /// returned `nil`).
  public private(set) var metadata: GIFMetadata
  /// Image descriptors met so far, including a damaged one.
  public private(set) var framesFound = 0
  /// Frames decoded completely so far.
  public private(set) var framesDecoded = 0
  /// Why decoding stopped before the trailer, if it did.
  public private(set) var damage: GIFError?
  /// Notes about oddities that did not stop decoding (missing trailer, missing colour table).
  public private(set) var warnings: [String] = []

  private var canvas: [UInt8] = []
  private var savedCanvas: [UInt8] = []
  private var pendingDisposal: (GIFDisposal, PixelRect)?
  private var control: GraphicsControlBlock?
  private var totalPixels = 0
  private var finished = false
  /// Whether any canvas pixel changed since the last frame was returned.
  private var canvasChanged = false
  private var lineBuffer: [UInt8] = []
  /// Lumen's LZW decoder (giflib reads the blocks), reused frame after frame.
  private var lzw = GIFLZWDecoder()
  private var globalPalette: [UInt32]?

  /// Opens a GIF file and reads its header and global colour table.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - limits: Size limits checked before allocating.
  /// - Throws: ``GIFError`` when the file cannot be opened, is not a GIF, or its logical screen
  ///   breaks a limit.
  public init(path: String, limits: DecodeLimits = .default) throws(GIFError) {
    let file = try GIFFile(path: path)
    let gif = file.handle.pointee
    let screen = Size(width: Int(gif.SWidth), height: Int(gif.SHeight))
    if let violation = limits.violation(width: screen.width, height: screen.height) {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "logical screen \(screen): \(violation) (a decompression bomb?)")
    }
    self.limits = limits
    self.screenSize = screen
    self.metadata = GIFMetadata(hasGlobalColorTable: gif.SColorMap != nil)
    self.globalPalette = gif.SColorMap.map { Self.palette(from: $0) }
    self.file = file
  }

  /// Decodes and composites the next frame.
  ///
  /// - Returns: The frame, or `nil` at the end of the file or at damage (see ``damage``).
  /// - Throws: ``GIFError`` with code ``GIFError/Code/limitExceeded`` when a frame breaks a
  ///   limit.
  public mutating func nextFrame() throws(GIFError) -> GIFFrame? {
    guard !finished else { return nil }
    canvasChanged = framesDecoded == 0
    applyPendingDisposal()
    while true {
      var record = UNDEFINED_RECORD_TYPE
      do {
        try file.check(DGifGetRecordType(file.handle, &record), "DGifGetRecordType", frame: nil)
      } catch {
        stop(at: error, missingTrailer: true)
        return nil
      }
      switch record {
      case IMAGE_DESC_RECORD_TYPE:
        return try readImage()
      case EXTENSION_RECORD_TYPE:
        do { try readExtension() } catch {
          stop(at: error, missingTrailer: false)
          return nil
        }
      case TERMINATE_RECORD_TYPE:
        finished = true
        return nil
      default:
        stop(
          at: GIFError(
            code: .wrongRecord, function: "DGifGetRecordType", message: "unknown record type",
            byteOffset: file.input.offset),
          missingTrailer: false)
        return nil
      }
    }
  }

  // MARK: - Records

  private mutating func stop(at error: GIFError, missingTrailer: Bool) {
    finished = true
    if missingTrailer && framesDecoded > 0 && error.code == .readFailed {
      warnings.append(
        "the file ends without a GIF trailer after \(counted(framesDecoded, "frame"))")
    } else {
      damage = error
    }
  }

  private mutating func readImage() throws(GIFError) -> GIFFrame? {
    let index = framesFound
    framesFound += 1
    do {
      try file.check(DGifGetImageDesc(file.handle), "DGifGetImageDesc", frame: index)
    } catch {
      stop(at: file.explained(error), missingTrailer: false)
      return nil
    }
    let desc = file.handle.pointee.Image
    file.forgetSavedImages()
    let rect = PixelRect(
      x: Int(desc.Left), y: Int(desc.Top), width: Int(desc.Width), height: Int(desc.Height))
    try checkLimits(frame: rect, index: index)
    if canvas.isEmpty { try allocateCanvas(firstFrame: rect) }
    try checkWork(index: index)

    let control =
      self.control
      ?? GraphicsControlBlock(
        DisposalMode: Int32(DISPOSAL_UNSPECIFIED), UserInputFlag: false, DelayTime: -1,
        TransparentColor: Int32(NO_TRANSPARENT_COLOR))
    let hadControl = self.control != nil
    self.control = nil
    let disposal = GIFDisposal(giflibMode: control.DisposalMode)
    let transparent = control.TransparentColor >= 0 ? Int(control.TransparentColor) : nil

    var palette: [UInt32]
    if let local = desc.ColorMap {
      palette = Self.palette(from: local)
    } else if let globalPalette {
      palette = globalPalette
    } else {
      warnings.append("frame \(index + 1) has no colour table; a greyscale table was used")
      palette = (0..<256).map { UInt32($0) * 0x01_01_01 | 0xFF00_0000 }
    }
    if let transparent, transparent < 256 { palette[transparent] = 0 }

    let visible = rect.clipped(
      to: PixelRect(x: 0, y: 0, width: screenSize.width, height: screenSize.height))
    if disposal == .previous { savedCanvas = canvas }
    do {
      try drawRows(
        of: rect, visible: visible, interlaced: desc.Interlace, palette: palette, frame: index)
    } catch  where error.code == .imageDefect {
      // The frame's blocks are complete but its LZW codes are garbage: like browsers, show the
      // rows decoded so far, then stop (the position in the code stream is lost).
      stop(at: error, missingTrailer: false)
      warnings.append("frame \(index + 1) is only partly decoded (damaged LZW data)")
    } catch {
      // The data ends inside the frame: drop it, as browsers drop an incomplete last frame.
      if disposal == .previous { canvas = savedCanvas }
      stop(at: error, missingTrailer: false)
      return nil
    }
    framesDecoded += 1
    pendingDisposal = (disposal, visible)
    return GIFFrame(
      index: index,
      image: RGBAImage(width: screenSize.width, height: screenSize.height, bytes: canvas),
      timing: FrameTiming(authoredCentiseconds: hadControl ? Int(control.DelayTime) : nil),
      rect: rect, disposal: disposal, transparentIndex: transparent,
      isInterlaced: desc.Interlace, hasLocalColorTable: desc.ColorMap != nil,
      isIdenticalToPrevious: !canvasChanged)
  }

  private mutating func checkLimits(frame rect: PixelRect, index: Int) throws(GIFError) {
    if let violation = limits.violation(width: rect.width, height: rect.height) {
      throw GIFError(
        code: .limitExceeded, function: "limits", message: "frame \(rect): \(violation)",
        frameIndex: index)
    }
    if framesFound > limits.maxFrames {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "more than \(limits.maxFrames) frames", frameIndex: index)
    }
  }

  /// Counts the work a frame produces: a whole composited canvas (what a video encodes), not
  /// just the frame's rectangle, so 100,000 one-pixel frames on a 4096×4096 screen are refused.
  private mutating func checkWork(index: Int) throws(GIFError) {
    totalPixels += screenSize.width * screenSize.height
    if totalPixels > limits.maxTotalPixels {
      throw GIFError(
        code: .limitExceeded, function: "limits",
        message: "more than \(limits.maxTotalPixels) composited pixels in all (frames × screen "
          + "\(screenSize))", frameIndex: index)
    }
  }

  /// Allocates the canvas; a degenerate 0-pixel screen takes its size from the first frame.
  private mutating func allocateCanvas(firstFrame rect: PixelRect) throws(GIFError) {
    if screenSize.width == 0 || screenSize.height == 0 {
      let extent = Size(width: rect.x + rect.width, height: rect.y + rect.height)
      // The extent reaches from the origin to the frame's far corner: check it like a screen
      // read from a header, before allocating it.
      if let violation = limits.violation(width: extent.width, height: extent.height) {
        throw GIFError(
          code: .limitExceeded, function: "limits",
          message:
            "the logical screen is empty and the first frame reaches \(extent): \(violation) "
            + "(a decompression bomb?)", frameIndex: 0)
      }
      screenSize = extent
      warnings.append(
        "the logical screen has no pixels; the first frame's extent \(screenSize) was used")
    }
    guard screenSize.width > 0, screenSize.height > 0 else {
      throw GIFError(
        code: .emptyScreen, function: "limits",
        message: "the GIF has no pixels (0-sized screen and frame)")
    }
    canvas = [UInt8](repeating: 0, count: screenSize.width * screenSize.height * 4)
  }

  private mutating func drawRows(
    of rect: PixelRect, visible: PixelRect, interlaced: Bool, palette: [UInt32], frame: Int
  ) throws(GIFError) {
    let width = rect.width
    if lineBuffer.count < max(width, 1) { lineBuffer = [UInt8](repeating: 0, count: max(width, 1)) }
    lzw.start(pixels: width * rect.height)
    let screenWidth = screenSize.width
    let rowOrder = interlaced ? Self.interlacedRows(height: rect.height) : nil
    let skipLeft = visible.x - rect.x
    for stored in 0..<rect.height {
      let handle = file.handle
      let status = lineBuffer.withUnsafeMutableBufferPointer {
        lzw.decodeRow(into: $0.baseAddress!, count: width, file: handle)
      }
      try file.check(status, "LZW decoding", frame: frame)
      let y = rect.y + (rowOrder?[stored] ?? stored)
      guard y >= visible.y, y < visible.y + visible.height, visible.width > 0 else { continue }
      canvas.withUnsafeMutableBytes { raw in
        let pixels = raw.bindMemory(to: UInt32.self)
        let start = y * screenWidth + visible.x
        lineBuffer.withUnsafeBufferPointer { line in
          palette.withUnsafeBufferPointer { colors in
            var difference: UInt32 = 0
            for column in 0..<visible.width {
              let color = colors[Int(line[skipLeft + column])]
              if color != 0 {
                difference |= pixels[start + column] ^ color
                pixels[start + column] = color
              }
            }
            if difference != 0 { canvasChanged = true }
          }
        }
      }
    }
  }

  private mutating func applyPendingDisposal() {
    guard let (disposal, rect) = pendingDisposal else { return }
    pendingDisposal = nil
    switch disposal {
    case .background:
      clear(rect)
    case .previous:
      if canvas != savedCanvas { canvasChanged = true }
      canvas = savedCanvas
      savedCanvas = []
    case .keep, .unspecified:
      break
    }
  }

  private mutating func clear(_ rect: PixelRect) {
    guard !rect.isEmpty else { return }
    let screenWidth = screenSize.width
    canvas.withUnsafeMutableBytes { raw in
      let pixels = raw.bindMemory(to: UInt32.self)
      var cleared: UInt32 = 0
      for y in rect.y..<(rect.y + rect.height) {
        let start = y * screenWidth + rect.x
        for x in 0..<rect.width {
          cleared |= pixels[start + x]
          pixels[start + x] = 0
        }
      }
      if cleared != 0 { canvasChanged = true }
    }
  }

  private mutating func readExtension() throws(GIFError) {
    var code: Int32 = 0
    var block: UnsafeMutablePointer<GifByteType>?
    try file.check(DGifGetExtension(file.handle, &code, &block), "DGifGetExtension", frame: nil)
    var blocks: [[UInt8]] = []
    while let current = block {
      let length = Int(current[0])
      blocks.append(Array(UnsafeBufferPointer(start: current + 1, count: length)))
      block = nil
      try file.check(DGifGetExtensionNext(file.handle, &block), "DGifGetExtensionNext", frame: nil)
    }
    switch code {
    case Int32(GRAPHICS_EXT_FUNC_CODE):
      guard let first = blocks.first, first.count >= 4 else { return }
      var gcb = GraphicsControlBlock()
      _ = first.withUnsafeBufferPointer { DGifExtensionToGCB(4, $0.baseAddress, &gcb) }
      control = gcb
    case Int32(COMMENT_EXT_FUNC_CODE):
      let bytes = blocks.joined().prefix(65_536)
      metadata.comments.append(String(decoding: bytes, as: UTF8.self))
    case Int32(APPLICATION_EXT_FUNC_CODE):
      guard blocks.count >= 2, let identity = blocks.first,
        identity.elementsEqual(Array("NETSCAPE2.0".utf8))
          || identity.elementsEqual(Array("ANIMEXTS1.0".utf8))
      else { return }
      let data = blocks[1]
      if data.count >= 3, data[0] == 1, metadata.loopCount == nil {
        metadata.loopCount = Int(data[1]) | Int(data[2]) << 8
      }
    default:
      break
    }
  }

  // MARK: - Helpers

  /// A 256-entry table of little-endian RGBA words; indices past the table are opaque black.
  private static func palette(from map: UnsafeMutablePointer<ColorMapObject>) -> [UInt32] {
    var table = [UInt32](repeating: 0xFF00_0000, count: 256)
    let count = min(Int(map.pointee.ColorCount), 256)
    guard let colors = map.pointee.Colors else { return table }
    for i in 0..<count {
      let c = colors[i]
      table[i] = UInt32(c.Red) | UInt32(c.Green) << 8 | UInt32(c.Blue) << 16 | 0xFF00_0000
    }
    return table
  }

  /// The screen row of each stored row of an interlaced image (passes of 8, 8, 4, 2).
  static func interlacedRows(height: Int) -> [Int] {
    var rows: [Int] = []
    rows.reserveCapacity(height)
    for (start, step) in [(0, 8), (4, 8), (2, 4), (1, 2)] {
      rows.append(contentsOf: stride(from: start, to: height, by: step))
    }
    return rows
  }
}

internal import CPNG
internal import CPNGWriter
public import LumenCore

/// Reads and writes PNG files as 8-bit RGBA through libpng.
///
/// Any PNG libpng reads (grey, grey+alpha, palette with tRNS, RGB, RGBA, 16-bit, Adam7) comes
/// back as straight-alpha RGBA with its stored values (gamma chunks are not applied, as in
/// Pillow and FFmpeg); 16-bit samples are scaled to 8 bits, not clipped. Writing uses libpng's
/// simplified API, except opaque pictures from cairo (charts, heatmaps), which
/// ``writeOpaque(bgrx:width:height:stride:to:compression:)`` deflates itself.
///
/// ```swift
/// let image = try PNGFile.read(path: "in.png")
/// try PNGFile.write(image, to: "out.png")
/// ```
public enum PNGFile {
  /// Decodes a PNG file.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - limits: Size limits checked from the header before the pixels are allocated.
  /// - Throws: ``PNGError`` for unreadable or damaged files and broken limits.
  public static func read(path: String, limits: DecodeLimits = .default) throws(PNGError)
    -> RGBAImage
  {
    let reader = try PNGReader(path: path)
    if let violation = limits.violation(width: reader.width, height: reader.height) {
      throw PNGError(
        code: PNGError.limitExceededCode, function: "limits", message: "\(path): \(violation)")
    }
    var bytes = [UInt8](repeating: 0, count: reader.width * reader.height * 4)
    var failure: PNGError?
    bytes.withUnsafeMutableBytes { buffer in
      do throws(PNGError) { try reader.read(into: buffer) } catch { failure = error }
    }
    if let failure { throw failure }
    return RGBAImage(width: reader.width, height: reader.height, bytes: bytes)
  }

  /// What a PNG's header says: size, bit depth, colour type, interlacing.
  public static func header(path: String) throws(PNGError) -> PNGHeader {
    let reader = try PNGReader(path: path)
    return PNGHeader(
      width: reader.width, height: reader.height, bitDepth: reader.bitDepth,
      colorType: reader.colorType, isInterlaced: reader.isInterlaced)
  }

  /// Encodes an image as an 8-bit RGBA PNG.
  ///
  /// - Throws: ``PNGError`` when the file cannot be written.
  public static func write(_ image: RGBAImage, to path: String) throws(PNGError) {
    let handle = PNGImageHandle()
    handle.raw.pointee.width = UInt32(image.width)
    handle.raw.pointee.height = UInt32(image.height)
    handle.raw.pointee.format = CPNG_FORMAT_RGBA
    let status = image.bytes.withUnsafeBytes { buffer in
      png_image_write_to_file(handle.raw, path, 0, buffer.baseAddress, Int32(image.width * 4), nil)
    }
    try handle.check(status, "png_image_write_to_file")
  }

  /// Writes an opaque picture held as 4-byte B, G, R, X pixels (cairo's ARGB32 on a
  /// little-endian machine) as an 8-bit RGB PNG, a row at a time, with no row filter: no RGBA
  /// copy, and a fast compression that suits flat graphics (``PNGCompression/flatGraphics``,
  /// or zlib at a level).
  ///
  /// The corresponding C functions are `cpng_write_bgrx_flat` and `cpng_write_bgrx` (zlib).
  ///
  /// - Throws: ``PNGError`` when the file cannot be written.
  public static func writeOpaque(
    bgrx pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int, to path: String,
    compression: PNGCompression = .flatGraphics
  ) throws(PNGError) {
    let function =
      switch compression {
      case .flatGraphics: "cpng_write_bgrx_flat"
      case .zlib: "cpng_write_bgrx"
      }
    guard width > 0, height > 0, stride >= width * 4,
      pixels.count >= stride * (height - 1) + width * 4, let base = pixels.baseAddress
    else {
      throw PNGError(
        function: function,
        message: "\(pixels.count) bytes do not hold \(width)×\(height) pixels \(stride) bytes apart"
      )
    }
    var message = [CChar](repeating: 0, count: 256)
    let bytes = base.assumingMemoryBound(to: UInt8.self)
    let status =
      switch compression {
      case .flatGraphics:
        cpng_write_bgrx_flat(
          path, UInt32(width), UInt32(height), bytes, stride, &message, message.count)
      case .zlib(let level):
        cpng_write_bgrx(
          path, UInt32(width), UInt32(height), bytes, stride, Int32(level), &message,
          message.count)
      }
    guard status == Int32(CPNG_WRITER_OK) else {
      throw PNGError(
        code: status, function: function,
        message: message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }
  }

  /// Encodes an image as an 8-bit RGBA PNG in memory (for a preview sent inline).
  ///
  /// The corresponding C function is `png_image_write_to_memory`, called once for the size
  /// and once to write.
  ///
  /// - Throws: ``PNGError`` when libpng cannot encode the image.
  public static func encode(_ image: RGBAImage) throws(PNGError) -> [UInt8] {
    let stride = Int32(image.width * 4)
    func handle() -> PNGImageHandle {
      let handle = PNGImageHandle()
      handle.raw.pointee.width = UInt32(image.width)
      handle.raw.pointee.height = UInt32(image.height)
      handle.raw.pointee.format = CPNG_FORMAT_RGBA
      return handle
    }
    var size = 0
    let sizing = handle()
    let measured = image.bytes.withUnsafeBytes { pixels in
      png_image_write_to_memory(sizing.raw, nil, &size, 0, pixels.baseAddress, stride, nil)
    }
    try sizing.check(measured, "png_image_write_to_memory")
    var bytes = [UInt8](repeating: 0, count: size)
    let writing = handle()
    let status = bytes.withUnsafeMutableBytes { memory in
      image.bytes.withUnsafeBytes { pixels in
        png_image_write_to_memory(
          writing.raw, memory.baseAddress, &size, 0, pixels.baseAddress, stride, nil)
      }
    }
    try writing.check(status, "png_image_write_to_memory")
    return Array(bytes.prefix(size))
  }
}

internal import CPNG
public import LumenCore

/// Reads and writes PNG files as 8-bit RGBA through libpng.
///
/// Any PNG libpng reads (grey, grey+alpha, palette with tRNS, RGB, RGBA, 16-bit, Adam7) comes
/// back as straight-alpha RGBA; 16-bit samples are scaled to 8 bits, not clipped.
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
    let handle = PNGImageHandle()
    try handle.check(
      png_image_begin_read_from_file(handle.raw, path), "png_image_begin_read_from_file")
    let width = Int(handle.raw.pointee.width)
    let height = Int(handle.raw.pointee.height)
    if let violation = limits.violation(width: width, height: height) {
      throw PNGError(function: "limits", message: "\(path): \(violation)")
    }
    handle.raw.pointee.format = CPNG_FORMAT_RGBA
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    let status = bytes.withUnsafeMutableBytes { buffer in
      png_image_finish_read(handle.raw, nil, buffer.baseAddress, Int32(width * 4), nil)
    }
    try handle.check(status, "png_image_finish_read")
    return RGBAImage(width: width, height: height, bytes: bytes)
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
}

internal import CTurboJPEG
internal import Foundation
public import LumenCore

/// Decodes JPEG files through libjpeg-turbo, optionally at ½, ¼ or ⅛ size (a smaller IDCT,
/// far cheaper than decoding then scaling). Measured here 1.4–1.7× faster than FFmpeg's
/// reduced-size (`lowres`) MJPEG decoding on 1.5 and 12 MP photos.
public enum JPEGFile {
  /// A decoded JPEG and the size it was stored at.
  public struct Decoded: Sendable {
    /// The picture, turned upright when the read asked for it.
    public var image: RGBAImage
    public var storedSize: Size
    /// How the file says to turn the stored picture (its EXIF orientation).
    public var orientation: PictureOrientation = .upright
    /// What was wrong with a file that decoded only in part (the undecoded pixels are left
    /// transparent, so they are not taken for image content).
    public var warnings: [String] = []
  }

  /// Grey within the rounding of the colour conversion (127…129 seen): what libjpeg-turbo
  /// decodes for blocks past the end of the data.
  static func isFillGrey(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Bool {
    let near: (UInt8) -> Bool = { $0 >= 125 && $0 <= 131 }
    return near(red) && near(green) && near(blue)
  }

  /// Whether the bytes start like a JPEG (`FF D8 FF`).
  public static func isJPEG(_ head: [UInt8]) -> Bool { head.starts(with: [0xFF, 0xD8, 0xFF]) }

  /// Decodes `path`.
  ///
  /// - Parameters:
  ///   - limits: Checked against the stored size from the header, before decoding.
  ///   - reducedDecodingTarget: Decode at the scale (1, ½, ¼, ⅛) whose pixel count is nearest
  ///     this target on a log scale; `nil` decodes at full size.
  ///   - upright: Turn the picture as its EXIF orientation says (as browsers show it); false
  ///     leaves it as stored (colours alone do not need the turn).
  public static func read(
    path: String, limits: DecodeLimits = .default, reducedDecodingTarget: Int? = nil,
    upright: Bool = true
  )
    throws(JPEGError) -> Decoded
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JPEGError(function: "FileManager.contents", message: "cannot read \(path)")
    }
    let handle = try TurboJPEGHandle()
    var width: Int32 = 0
    var height: Int32 = 0
    var subsampling: Int32 = 0
    var colorspace: Int32 = 0
    let bytes = [UInt8](data)
    try handle.check(
      tjDecompressHeader3(
        handle.raw, bytes, UInt(bytes.count), &width, &height, &subsampling, &colorspace),
      "tjDecompressHeader3")
    guard width > 0, height > 0 else {
      throw JPEGError(
        function: "tjDecompressHeader3", message: "\(path) has no picture (0×0 header)")
    }
    if let violation = limits.violation(width: Int(width), height: Int(height)) {
      throw JPEGError(function: "limits", message: "\(path): \(violation)", isLimit: true)
    }
    var denominator: Int32 = 1
    if let target = reducedDecodingTarget, target > 0 {
      func mismatch(_ d: Int32) -> Double {
        let pixels =
          Double(cturbojpeg_scaled(width, 1, d)) * Double(cturbojpeg_scaled(height, 1, d))
        return abs(log2(max(pixels, 1) / Double(target)))
      }
      for candidate: Int32 in [2, 4, 8] where mismatch(candidate) < mismatch(denominator) {
        denominator = candidate
      }
    }
    let outWidth = Int(cturbojpeg_scaled(width, 1, denominator))
    let outHeight = Int(cturbojpeg_scaled(height, 1, denominator))
    // Alpha 0 marks pixels the decoder never wrote (it writes 255 into each pixel it decodes).
    var pixels = [UInt8](repeating: 0, count: outWidth * outHeight * 4)
    let status = pixels.withUnsafeMutableBufferPointer { out in
      tjDecompress2(
        handle.raw, bytes, UInt(bytes.count), out.baseAddress, Int32(outWidth), 0, Int32(outHeight),
        Int32(TJPF_RGBA.rawValue), 0)
    }
    var warnings: [String] = []
    if status != 0 {
      // A warning (a truncated or slightly damaged file) may still leave a usable picture.
      guard tjGetErrorCode(handle.raw) == Int32(TJERR_WARNING.rawValue) else {
        throw JPEGError(
          function: "tjDecompress2", message: String(cString: tjGetErrorStr2(handle.raw)),
          code: tjGetErrorCode(handle.raw))
      }
      // Past the end of the data libjpeg-turbo decodes empty blocks: flat grey rows at the
      // bottom. Those are not the picture; mark them undecoded too.
      let rowBytes = outWidth * 4
      var row = outHeight - 1
      while row >= 0 {
        let start = row * rowBytes
        let isFill = stride(from: start, to: start + rowBytes, by: 4).allSatisfy { i in
          pixels[i + 3] == 0 || Self.isFillGrey(pixels[i], pixels[i + 1], pixels[i + 2])
        }
        guard isFill else { break }
        for i in stride(from: start + 3, to: start + rowBytes, by: 4) { pixels[i] = 0 }
        row -= 1
      }
      let total = outWidth * outHeight
      var decoded = 0
      for index in stride(from: 3, to: pixels.count, by: 4) where pixels[index] != 0 {
        decoded += 1
      }
      guard decoded > 0 else {
        throw JPEGError(
          function: "tjDecompress2",
          message:
            "the file is damaged: not one pixel could be decoded (\(String(cString: tjGetErrorStr2(handle.raw))))"
        )
      }
      let percent = Double(decoded) / Double(total) * 100
      warnings.append(
        "the file is damaged or cut short: \(String(format: "%.1f", percent))% of the pixels decoded "
          + "(the rest is left out)")
    }
    let orientation = ExifOrientation.read(bytes)
    let image = RGBAImage(width: outWidth, height: outHeight, bytes: pixels)
    return Decoded(
      image: upright ? orientation.apply(image) : image,
      storedSize: Size(width: Int(width), height: Int(height)), orientation: orientation,
      warnings: warnings)
  }
}

internal import FFmpegIO
internal import LumenCore

/// What happens to each source picture before it is quantized: crop, resize (Lanczos, aspect
/// kept unless both sides are given), caption.
final class FrameTransform {
  /// The size of the pictures made.
  let outputSize: Size
  private let crop: PixelRect?
  private let resizer: ImageResizer?
  private let caption: CaptionOverlay?

  /// Settles the sizes from the source's and the options, checking the crop lies inside;
  /// `prescaled` pictures already have the GIF's size.
  init(sourceSize: Size, options: GIFOptions, prescaled: Bool = false) throws {
    var size = sourceSize
    if let crop = options.crop {
      guard crop.x + crop.width <= sourceSize.width, crop.y + crop.height <= sourceSize.height
      else {
        throw GIFMakingError.invalidOption(
          "crop \(crop.x),\(crop.y),\(crop.width),\(crop.height) reaches outside the "
            + "\(sourceSize) source picture")
      }
      size = Size(width: crop.width, height: crop.height)
      self.crop =
        crop == PixelRect(x: 0, y: 0, width: sourceSize.width, height: sourceSize.height)
        ? nil : crop
    } else {
      self.crop = nil
    }
    let target = prescaled ? size : Self.targetSize(size, options: options)
    if let violation = options.limits.violation(width: target.width, height: target.height) {
      throw GIFMakingError.limitExceeded("the GIF would be \(target): \(violation)")
    }
    guard target.width <= 65535, target.height <= 65535 else {
      throw GIFMakingError.limitExceeded(
        "a GIF is at most 65535 pixels wide and high, not \(target)")
    }
    resizer = target == size ? nil : try ImageResizer(from: size, to: target)
    caption = try options.caption.flatMap {
      $0.isEmpty
        ? nil : try CaptionOverlay(text: $0, size: target, position: options.captionPosition)
    }
    outputSize = target
  }

  /// The picture as the GIF shows it.
  func apply(_ image: RGBAImage) throws -> RGBAImage {
    var picture = image
    if let crop { picture = Self.cropped(picture, to: crop) }
    if let resized = try resizer?.resize(picture) { picture = resized }
    if let caption { picture = caption.apply(to: picture) }
    return picture
  }

  /// The GIF's size for pictures of `size`: as the options say, times `widthScale`.
  static func targetSize(_ size: Size, options: GIFOptions) -> Size {
    let target = scaledSize(size, options: options)
    guard options.widthScale < 1 else { return target }
    return Size(
      width: max(1, Int((Double(target.width) * options.widthScale).rounded())),
      height: max(1, Int((Double(target.height) * options.widthScale).rounded())))
  }

  /// `size` scaled as the options say: both sides given, one side (the other follows the
  /// aspect ratio), or a maximum width.
  static func scaledSize(_ size: Size, options: GIFOptions) -> Size {
    func follow(_ value: Double) -> Int { max(1, Int(value.rounded())) }
    let aspect = Double(size.height) / Double(size.width)
    switch (options.width, options.height) {
    case (let w?, let h?): return Size(width: w, height: h)
    case (let w?, nil): return Size(width: w, height: follow(Double(w) * aspect))
    case (nil, let h?): return Size(width: follow(Double(h) / aspect), height: h)
    case (nil, nil):
      if let maxWidth = options.maxWidth, size.width > maxWidth {
        return Size(width: maxWidth, height: follow(Double(maxWidth) * aspect))
      }
      return size
    }
  }

  static func cropped(_ image: RGBAImage, to rect: PixelRect) -> RGBAImage {
    var bytes = [UInt8](repeating: 0, count: rect.width * rect.height * 4)
    let row = rect.width * 4
    for y in 0..<rect.height {
      let from = ((rect.y + y) * image.width + rect.x) * 4
      bytes.replaceSubrange(y * row..<(y + 1) * row, with: image.bytes[from..<from + row])
    }
    return RGBAImage(width: rect.width, height: rect.height, bytes: bytes)
  }
}

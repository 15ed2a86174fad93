internal import CFFmpeg
public import LumenCore

/// Resizes RGBA pictures of one size to another with swscale's Lanczos filter (what
/// `ffmpeg -vf scale=…:flags=lanczos` does), reusing its buffers from picture to picture.
///
/// ```swift
/// var resizer = try ImageResizer(from: Size(width: 1920, height: 1080),
///                                 to: Size(width: 480, height: 270))
/// let small = try resizer.resize(frame)
/// ```
public struct ImageResizer: ~Copyable {
  private let scaler: ScaleContext
  private let source: Frame
  private let destination: Frame
  /// The size pictures are taken at.
  public let inputSize: Size
  /// The size pictures are made.
  public let outputSize: Size

  /// Prepares a resizer; both sizes must be at least 1×1.
  ///
  /// - Throws: ``FFmpegError`` when FFmpeg is missing or cannot allocate the buffers.
  public init(from inputSize: Size, to outputSize: Size) throws(FFmpegError) {
    try FFmpegLibrary.load()
    guard inputSize.width > 0, inputSize.height > 0, outputSize.width > 0, outputSize.height > 0
    else {
      throw FFmpegError(
        code: cffmpeg_averror(EINVAL), function: "ImageResizer",
        message: "cannot resize \(inputSize) to \(outputSize)")
    }
    let scaler = try ScaleContext(
      from: AV_PIX_FMT_RGBA, width: inputSize.width, height: inputSize.height,
      to: AV_PIX_FMT_RGBA, width: outputSize.width, height: outputSize.height, yuvMatrix: nil,
      flags: SWS_LANCZOS | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT)
    let source = try Frame(
      format: AV_PIX_FMT_RGBA, width: inputSize.width, height: inputSize.height)
    let destination = try Frame(
      format: AV_PIX_FMT_RGBA, width: outputSize.width, height: outputSize.height)
    self.scaler = scaler
    self.source = source
    self.destination = destination
    self.inputSize = inputSize
    self.outputSize = outputSize
  }

  /// Returns `image` (which must have ``inputSize``) at ``outputSize``.
  ///
  /// - Throws: ``FFmpegError`` when the picture has another size or swscale fails.
  public func resize(_ image: RGBAImage) throws(FFmpegError) -> RGBAImage {
    guard image.width == inputSize.width, image.height == inputSize.height else {
      throw FFmpegError(
        code: cffmpeg_averror(EINVAL), function: "ImageResizer",
        message: "a \(image.width)×\(image.height) picture given to a resizer for \(inputSize)")
    }
    try check(av_frame_make_writable(source.raw), "av_frame_make_writable")
    try check(av_frame_make_writable(destination.raw), "av_frame_make_writable")
    let inRow = inputSize.width * 4
    let inStride = Int(source.raw.pointee.linesize.0)
    let input = source.raw.pointee.data.0!
    image.bytes.withUnsafeBytes { bytes in
      for y in 0..<inputSize.height {
        UnsafeMutableRawPointer(input + y * inStride).copyMemory(
          from: bytes.baseAddress! + y * inRow, byteCount: inRow)
      }
    }
    try scaler.scale(source, height: inputSize.height, into: destination)
    let outRow = outputSize.width * 4
    let outStride = Int(destination.raw.pointee.linesize.0)
    let output = destination.raw.pointee.data.0!
    var bytes = [UInt8](repeating: 0, count: outRow * outputSize.height)
    bytes.withUnsafeMutableBytes { target in
      for y in 0..<outputSize.height {
        (target.baseAddress! + y * outRow).copyMemory(
          from: output + y * outStride, byteCount: outRow)
      }
    }
    return RGBAImage(width: outputSize.width, height: outputSize.height, bytes: bytes)
  }
}

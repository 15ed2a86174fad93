internal import CFFmpeg
public import LumenCore

/// Reads the best video stream of any file FFmpeg can open (MP4, WebM, GIF, JPEG, PNG, …) and
/// decodes its pictures to RGBA.
///
/// ```swift
/// var reader = try MediaReader(path: "out.mp4")
/// print(reader.info.codecName, reader.info.durationSeconds ?? 0)
/// while let frame = try reader.nextFrame() { … }
/// ```
public struct MediaReader: ~Copyable {
  private let input: InputContext
  private let decoder: CodecContext
  private let packet: Packet
  private let decoded: Frame
  /// The picture after `decoded`, read to learn when `decoded` ends (``nextFrame(where:)``).
  private let following: Frame
  /// Whether `decoded` holds a picture read ahead and not yet handed out.
  private var holdsPicture = false
  private let rgba: Frame
  private let scaler: ScaleContext
  private let pictureSize: (width: Int32, height: Int32, format: Int32)
  private let streamIndex: Int32
  private let timeBase: AVRational
  private var draining = false
  /// What the file says about its video stream.
  public let info: VideoInfo

  /// Opens a file and its decoder.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - reducedDecodingTarget: When the decoder can decode at reduced size (JPEG's `lowres`:
  ///     ½, ¼, ⅛ through a smaller IDCT, far cheaper than decoding then scaling), the reduction
  ///     whose pixel count is nearest this target (on a log scale) is used. `nil` decodes at full
  ///     size.
  ///   - outputSize: Pictures are scaled to this size (Lanczos) on their way from YUV to RGBA,
  ///     as `ffmpeg -vf scale=…:flags=lanczos` does; `nil` keeps the decoded size. It is the
  ///     size as shown: a picture the file says to turn (``VideoInfo/orientation``) is scaled at
  ///     its stored size, then turned.
  /// - Throws: ``FFmpegError`` when the file cannot be opened, has no video stream, or its
  ///   decoder is missing.
  public init(path: String, reducedDecodingTarget: Int? = nil, outputSize: Size? = nil)
    throws(FFmpegError)
  {
    try FFmpegLibrary.load()
    let input = try InputContext(path: path)
    var codec: UnsafePointer<AVCodec>?
    let index = try check(
      av_find_best_stream(input.raw, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0), "av_find_best_stream")
    let stream = input.raw.pointee.streams[Int(index)]!
    guard let codec else {
      throw FFmpegError(
        code: FFmpegError.invalidData, function: "av_find_best_stream", message: "no decoder")
    }
    let decoder = try CodecContext(codec: codec)
    try check(
      avcodec_parameters_to_context(decoder.raw, stream.pointee.codecpar),
      "avcodec_parameters_to_context")
    decoder.raw.pointee.pkt_timebase = stream.pointee.time_base
    let parameters = stream.pointee.codecpar.pointee
    // A stream whose probing found no picture (a misnamed or damaged file) has no pixel format
    // or size; swscale would abort on it.
    guard parameters.width > 0, parameters.height > 0, parameters.format >= 0,
      sws_isSupportedInput(AVPixelFormat(parameters.format)) > 0
    else {
      throw FFmpegError(
        code: FFmpegError.invalidData, function: "avformat_find_stream_info",
        message:
          "\(path): no decodable picture (\(String(cString: avcodec_get_name(parameters.codec_id))) "
          + "stream without a size or pixel format)")
    }
    var lowres: Int32 = 0
    if let target = reducedDecodingTarget, target > 0 {
      func mismatch(_ level: Int32) -> Double {
        let pixels = Double(parameters.width >> level) * Double(parameters.height >> level)
        return abs(log2(max(pixels, 1) / Double(target)))
      }
      for level in 0...Int32(codec.pointee.max_lowres) where mismatch(level) < mismatch(lowres) {
        lowres = level
      }
    }
    decoder.raw.pointee.lowres = lowres
    // The size the decoder produces: each side divided by 2^lowres, rounded up.
    let decodedWidth = -((-parameters.width) >> lowres)
    let decodedHeight = -((-parameters.height) >> lowres)
    try check(avcodec_open2(decoder.raw, codec, nil), "avcodec_open2")
    let duration = input.raw.pointee.duration
    let info = VideoInfo(
      formatName: String(cString: input.raw.pointee.iformat.pointee.name),
      codecName: String(cString: avcodec_get_name(parameters.codec_id)),
      profileName: avcodec_profile_name(parameters.codec_id, parameters.profile).map {
        String(cString: $0)
      },
      width: Int(parameters.width), height: Int(parameters.height),
      pixelFormatName: av_get_pix_fmt_name(AVPixelFormat(parameters.format)).map {
        String(cString: $0)
      } ?? "none",
      colorPrimaries: String(cString: av_color_primaries_name(parameters.color_primaries)),
      colorTransfer: String(cString: av_color_transfer_name(parameters.color_trc)),
      colorSpace: String(cString: av_color_space_name(parameters.color_space)),
      colorRange: String(cString: av_color_range_name(parameters.color_range)),
      durationSeconds: duration == CFFMPEG_AV_NOPTS_VALUE
        ? nil : Double(duration) / Double(AV_TIME_BASE),
      frameCountFromHeader: stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil,
      framesPerSecond: Self.rate(stream.pointee.avg_frame_rate)
        ?? Self.rate(stream.pointee.r_frame_rate),
      startSeconds: input.raw.pointee.start_time == CFFMPEG_AV_NOPTS_VALUE
        ? nil : Double(input.raw.pointee.start_time) / Double(AV_TIME_BASE),
      decodedWidth: Int(decodedWidth), decodedHeight: Int(decodedHeight),
      orientation: cffmpeg_display_matrix(stream).map {
        PictureOrientation(displayMatrix: Array(UnsafeBufferPointer(start: $0, count: 9)))
      } ?? .upright)
    // Pictures are scaled as stored, then turned: the output size is the shown one.
    let output = info.orientation.shown(
      outputSize.flatMap { $0.width > 0 && $0.height > 0 ? $0 : nil } ?? info.shownSize)
    // One pass from the decoder's planes to RGBA at the output size (Lanczos), with the
    // chroma interpolated across each row at full resolution (swscale otherwise gives each
    // pair of RGB pixels one chroma sample). Against the source scaled by `ffmpeg -vf
    // scale=…:flags=lanczos,format=gbrp` (where swscale interpolates chroma fully), the
    // compare script's GIFs scored SSIM 0.974 / 0.959 / 0.9966 where scaling the YUV planes
    // and then converting without it gave 0.847 / 0.939 / 0.9957: coloured edges had been a
    // pixel wide and shifted.
    let format = AVPixelFormat(parameters.format)
    let scaler = try ScaleContext(
      from: format, width: Int(decodedWidth), height: Int(decodedHeight), to: AV_PIX_FMT_RGBA,
      width: output.width, height: output.height, yuvMatrix: nil,
      flags: SWS_LANCZOS | SWS_FULL_CHR_H_INT)
    // Read YUV back with the matrix and range it is tagged with (BT.601 when untagged).
    let matrix = parameters.color_space == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_ITU601
    let fullRange: Int32 = parameters.color_range == AVCOL_RANGE_JPEG ? 1 : 0
    try scaler.setColorspace(matrix: matrix, sourceFullRange: fullRange, destinationFullRange: 1)
    let packet = try Packet()
    let decoded = try Frame()
    let following = try Frame()
    let rgba = try Frame(format: AV_PIX_FMT_RGBA, width: output.width, height: output.height)
    self.input = input
    self.decoder = decoder
    self.packet = packet
    self.decoded = decoded
    self.following = following
    self.rgba = rgba
    self.scaler = scaler
    self.pictureSize = (decodedWidth, decodedHeight, parameters.format)
    self.streamIndex = index
    self.timeBase = stream.pointee.time_base
    self.info = info
  }

  /// Moves to the last key frame at or before `seconds`, so decoding resumes there (the
  /// caller drops the pictures before the time it wants). The corresponding C function is
  /// `avformat_seek_file`; a file that cannot seek is read from the start instead.
  public mutating func seek(toSeconds seconds: Double) {
    guard seconds > 0, seconds.isFinite else { return }
    let target = Int64(seconds * Double(AV_TIME_BASE))
    let status = avformat_seek_file(input.raw, -1, Int64.min, target, target, 0)
    guard status >= 0 else { return }
    avcodec_flush_buffers(decoder.raw)
    draining = false
    av_frame_unref(decoded.raw)
    holdsPicture = false
  }

  private static func rate(_ rate: AVRational) -> Double? {
    guard rate.num > 0, rate.den > 0 else { return nil }
    let value = Double(rate.num) / Double(rate.den)
    return value.isFinite && value > 0 && value <= 1000 ? value : nil
  }

  /// Decodes the next picture.
  ///
  /// - Returns: The picture, or `nil` after the last one.
  /// - Throws: ``FFmpegError`` when reading or decoding fails.
  public mutating func nextFrame() throws(FFmpegError) -> DecodedFrame? {
    if holdsPicture {
      holdsPicture = false
      return try convertDecoded()
    }
    return try receive(into: decoded.raw) ? try convertDecoded() : nil
  }

  /// Decodes the next picture `needed` keeps, converting only those: a picture is passed
  /// over, unconverted, when `needed(start, nextStart)` is false for its presentation time and
  /// the next picture's (`nil` for the last picture, which is always handed out).
  ///
  /// A reader sampling a 25 fps video at 15 fps converts 15 pictures a second instead of 25:
  /// with Lanczos scaling and full chroma interpolation, conversion is most of the decoding
  /// cost.
  public mutating func nextFrame(where needed: (_ start: Double, _ nextStart: Double?) -> Bool)
    throws(FFmpegError) -> DecodedFrame?
  {
    if !holdsPicture {
      guard try receive(into: decoded.raw) else { return nil }
      holdsPicture = true
    }
    while true {
      guard try receive(into: following.raw) else {
        holdsPicture = false
        return try convertDecoded()
      }
      let keep = needed(presentationSeconds(decoded), presentationSeconds(following))
      let frame = keep ? try convertDecoded() : nil
      av_frame_unref(decoded.raw)
      av_frame_move_ref(decoded.raw, following.raw)
      if let frame { return frame }
    }
  }

  /// Receives the next decoded picture into `frame`, feeding the decoder packets as it asks;
  /// false after the last picture.
  private mutating func receive(into frame: UnsafeMutablePointer<AVFrame>) throws(FFmpegError)
    -> Bool
  {
    while true {
      let status = avcodec_receive_frame(decoder.raw, frame)
      if status >= 0 { return true }
      if status == FFmpegError.endOfFile { return false }
      guard status == FFmpegError.tryAgain else {
        throw FFmpegError(code: status, function: "avcodec_receive_frame")
      }
      try feedDecoder()
    }
  }

  private func presentationSeconds(_ frame: borrowing Frame) -> Double {
    let pts = frame.raw.pointee.best_effort_timestamp
    return pts == CFFMPEG_AV_NOPTS_VALUE ? 0 : Double(pts) * av_q2d(timeBase)
  }

  private mutating func feedDecoder() throws(FFmpegError) {
    guard !draining else { return }
    while true {
      let status = av_read_frame(input.raw, packet.raw)
      if status == FFmpegError.endOfFile {
        draining = true
        try check(avcodec_send_packet(decoder.raw, nil), "avcodec_send_packet")
        return
      }
      try check(status, "av_read_frame")
      defer { av_packet_unref(packet.raw) }
      if packet.raw.pointee.stream_index == streamIndex {
        try check(avcodec_send_packet(decoder.raw, packet.raw), "avcodec_send_packet")
        return
      }
    }
  }

  private mutating func convertDecoded() throws(FFmpegError) -> DecodedFrame {
    defer { av_frame_unref(decoded.raw) }
    let frame = decoded.raw.pointee
    let height = Int(frame.height)
    let width = Int(rgba.raw.pointee.width)
    let outputHeight = Int(rgba.raw.pointee.height)
    guard frame.width == pictureSize.width, frame.height == pictureSize.height,
      frame.format == pictureSize.format
    else {
      throw FFmpegError(
        code: FFmpegError.invalidData, function: "avcodec_receive_frame",
        message: "the picture format or size changed mid-stream")
    }
    // swscale writes whole SIMD blocks, so it converts into the padded AVFrame buffer; the rows
    // are then copied into the tightly packed image.
    try check(av_frame_make_writable(rgba.raw), "av_frame_make_writable")
    try scaler.scale(decoded, height: height, into: rgba)
    let rowBytes = width * 4
    let stride = Int(rgba.raw.pointee.linesize.0)
    let source = rgba.raw.pointee.data.0!
    var bytes = [UInt8](repeating: 0, count: rowBytes * outputHeight)
    bytes.withUnsafeMutableBytes { destination in
      for y in 0..<outputHeight {
        (destination.baseAddress! + y * rowBytes).copyMemory(
          from: source + y * stride, byteCount: rowBytes)
      }
    }
    let seconds = av_q2d(timeBase)
    return DecodedFrame(
      image: info.orientation.apply(RGBAImage(width: width, height: outputHeight, bytes: bytes)),
      presentationSeconds: presentationSeconds(decoded),
      durationSeconds: frame.pkt_duration > 0 ? Double(frame.pkt_duration) * seconds : nil)
  }
}

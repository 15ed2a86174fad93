internal import CFFmpeg
public import LumenCore

/// Encodes RGBA pictures with exact, variable presentation times into an MP4 or WebM file.
///
/// Each appended picture becomes one encoded frame at the time given; the last frame lasts
/// until the end time passed to ``finish(endTime:)``, so the container's duration is exact.
/// Pictures are converted to limited-range YUV 4:2:0 with ``VideoSettings/matrix`` (by an
/// integer loop at the same size, by swscale when resizing) and tagged so.
///
/// ```swift
/// var writer = try VideoWriter(path: "out.mp4", settings: .init(inputSize: size))
/// try writer.append(image, presentationTime: 0)     // in settings.timeBase units
/// let summary = try writer.finish(endTime: 150)      // 1.5 s at 1/100
/// ```
public struct VideoWriter: ~Copyable {
  private let output: OutputContext
  private let encoder: CodecContext
  private let scaler: ScaleContext
  private let picture: Frame
  private let source: Frame
  private let received: Packet
  private let held: Packet
  private var hasHeld = false
  private let stream: UnsafeMutablePointer<AVStream>  // owned by output
  /// The settings the writer was opened with.
  public let settings: VideoSettings
  /// Frames given to the encoder so far.
  public private(set) var framesAppended = 0
  /// Packets written to the file so far.
  public private(set) var packetsWritten = 0
  private var lastPresentationTime: Int64 = .min
  private var firstPresentationTime: Int64 = 0
  /// How long each frame still inside the encoder is shown, by presentation time: known once
  /// the next frame (or the end) is given.
  private var presentationDurations: [Int64: Int64] = [:]
  /// Presentation times of the frames whose packets are not written yet, in increasing order.
  private var unwritten: [Int64] = []
  /// The decoding times written so far: the first and the latest (stream time base).
  private var firstDecodingTime: Int64?
  private var previousDecodingTime: Int64?

  /// Opens the encoder and the output file and writes the container header.
  ///
  /// - Parameters:
  ///   - path: The file to create (the container is `settings.container`, whatever the name).
  ///   - settings: Codec, quality, sizes and time base.
  /// - Throws: ``FFmpegError`` naming the FFmpeg function that failed.
  public init(path: String, settings: VideoSettings) throws(FFmpegError) {
    try FFmpegLibrary.load()
    let out = settings.outputSize
    guard out.width > 0, out.height > 0, out.width % 2 == 0, out.height % 2 == 0 else {
      throw FFmpegError(
        code: cffmpeg_averror(EINVAL), function: "VideoWriter",
        message: "4:2:0 video needs an even, non-zero size, not \(out)")
    }
    let minimum = settings.codec.minimumSize
    guard out.width >= minimum.width, out.height >= minimum.height else {
      throw FFmpegError(
        code: cffmpeg_averror(EINVAL), function: "VideoWriter",
        message: "\(settings.codec.encoderName) needs at least \(minimum), not \(out)")
    }
    guard let codec = avcodec_find_encoder_by_name(settings.codec.encoderName) else {
      throw FFmpegError(
        code: FFmpegError.encoderNotFound, function: "avcodec_find_encoder_by_name",
        message: "this FFmpeg has no \(settings.codec.encoderName) encoder")
    }
    let output = try OutputContext(formatName: settings.container.muxerName, path: path)
    let stream = try checkAllocation(avformat_new_stream(output.raw, nil), "avformat_new_stream")
    let encoder = try CodecContext(codec: codec)
    try Self.configure(encoder, settings: settings, globalHeader: output.needsGlobalHeader)
    var options = try Self.encoderOptions(for: settings)
    try check(avcodec_open2(encoder.raw, codec, &options.raw), "avcodec_open2")
    try check(
      avcodec_parameters_from_context(stream.pointee.codecpar, encoder.raw),
      "avcodec_parameters_from_context")
    stream.pointee.time_base = encoder.raw.pointee.time_base
    if settings.codec == .hevc {
      stream.pointee.codecpar.pointee.codec_tag = 0x3163_7668  // 'hvc1'
    }
    try output.open(path: path)
    var muxerOptions = Options()
    if settings.container == .mp4 { try muxerOptions.set("movflags", "+faststart") }
    try check(avformat_write_header(output.raw, &muxerOptions.raw), "avformat_write_header")

    let scaler = try ScaleContext(
      from: AV_PIX_FMT_RGBA, width: settings.inputSize.width, height: settings.inputSize.height,
      to: AV_PIX_FMT_YUV420P, width: out.width, height: out.height,
      yuvMatrix: settings.matrix.swscaleCoefficients)
    let picture = try Frame(format: AV_PIX_FMT_YUV420P, width: out.width, height: out.height)
    let source = try Frame(
      format: AV_PIX_FMT_RGBA, width: settings.inputSize.width, height: settings.inputSize.height)
    let received = try Packet()
    let held = try Packet()
    self.output = output
    self.encoder = encoder
    self.scaler = scaler
    self.picture = picture
    self.source = source
    self.received = received
    self.held = held
    self.stream = stream
    self.settings = settings
  }

  /// Converts and encodes one picture.
  ///
  /// - Parameters:
  ///   - image: A picture of `settings.inputSize`.
  ///   - presentationTime: When it is shown, in `settings.timeBase` units; strictly increasing.
  /// - Throws: ``FFmpegError`` from conversion, encoding or writing.
  public mutating func append(_ image: RGBAImage, presentationTime: Int64) throws(FFmpegError) {
    precondition(
      image.width == settings.inputSize.width && image.height == settings.inputSize.height,
      "picture size \(image.width)×\(image.height) differs from the writer's \(settings.inputSize)")
    precondition(presentationTime > lastPresentationTime, "presentation times must increase")
    if lastPresentationTime != .min {
      presentationDurations[lastPresentationTime] = presentationTime - lastPresentationTime
    } else {
      firstPresentationTime = presentationTime
    }
    lastPresentationTime = presentationTime
    unwritten.append(presentationTime)
    try check(av_frame_make_writable(picture.raw), "av_frame_make_writable")
    if settings.inputSize == settings.outputSize {
      RGBToYUV420.convert(image, matrix: settings.matrix, into: picture.raw)
    } else {
      let scaled = try scale(image)
      guard scaled == settings.outputSize.height else {
        throw FFmpegError(code: cffmpeg_averror(EINVAL), function: "sws_scale")
      }
    }
    picture.raw.pointee.pts = presentationTime
    try send(picture.raw)
    framesAppended += 1
  }

  /// Flushes the encoder, gives the last frame its duration and finishes the file.
  ///
  /// - Parameter endTime: When the last frame ends, in `settings.timeBase` units.
  /// - Throws: ``FFmpegError`` from flushing, writing the trailer or closing the file.
  public consuming func finish(endTime: Int64) throws(FFmpegError) {
    if lastPresentationTime != .min {
      presentationDurations[lastPresentationTime] = max(1, endTime - lastPresentationTime)
    }
    try send(nil)
    if hasHeld { try writeHeld(endingAt: max(endTime, lastPresentationTime + 1)) }
    try check(av_write_trailer(output.raw), "av_write_trailer")
    try check(avio_closep(&output.raw.pointee.pb), "avio_closep")
  }

  // MARK: - Encoding

  /// Copies the picture into a padded AVFrame (swscale reads whole SIMD blocks past a row's
  /// end), then resizes and converts it to the encoder's YUV with swscale.
  /// Copies the picture into the RGBA source frame and scales it into the output picture.
  private func scale(_ image: RGBAImage) throws(FFmpegError) -> Int {
    let rowBytes = image.width * 4
    let stride = Int(source.raw.pointee.linesize.0)
    guard let destination = source.raw.pointee.data.0 else {
      throw FFmpegError(code: cffmpeg_averror(EINVAL), function: "av_frame_get_buffer")
    }
    image.bytes.withUnsafeBytes { pixels in
      guard let base = pixels.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
      for y in 0..<image.height {
        (destination + y * stride).update(from: base + y * rowBytes, count: rowBytes)
      }
    }
    return try scaler.scale(source, height: image.height, into: picture)
  }

  private mutating func send(_ frame: UnsafeMutablePointer<AVFrame>?) throws(FFmpegError) {
    try check(avcodec_send_frame(encoder.raw, frame), "avcodec_send_frame")
    while true {
      let status = avcodec_receive_packet(encoder.raw, received.raw)
      if status == FFmpegError.tryAgain || status == FFmpegError.endOfFile { return }
      try check(status, "avcodec_receive_packet")
      repairDecodingTime(of: received.raw)
      // Hold each packet back one step, so that its frame's successor (or the end) is known
      // when it is written.
      if hasHeld { try writeHeld() }
      av_packet_move_ref(held.raw, received.raw)
      hasHeld = true
    }
  }

  /// Replaces an impossible decoding time with the presentation time.
  ///
  /// libx265 fills the DTS of a one-frame stream from B-frame bookkeeping that never ran
  /// (values like −3·10¹³), which the MP4 muxer rejects. No real DTS lies earlier than the first
  /// presentation time minus the whole span of frames given so far.
  private func repairDecodingTime(of packet: UnsafeMutablePointer<AVPacket>) {
    let span = lastPresentationTime - firstPresentationTime
    let earliest = firstPresentationTime - span - 1
    if packet.pointee.dts == CFFMPEG_AV_NOPTS_VALUE || packet.pointee.dts < earliest
      || packet.pointee.dts > packet.pointee.pts
    {
      packet.pointee.dts = packet.pointee.pts
    }
  }

  /// Writes the held packet with its frame's presentation duration (the muxer takes the
  /// container's end from the largest `pts + duration`) and a decoding time of Lumen's own.
  ///
  /// An MP4's sample table (stts) gives each packet, in decoding order, the step to the next
  /// decoding time, and the last one its own `duration`; browsers take the video's length from
  /// the sum. The encoder's decoding times are its presentation times shifted by a number of
  /// frames, so with B-frames and irregular GIF delays their span is not the presentation span
  /// (long first frames and short last ones make it longer, the reverse shorter). So each
  /// packet is decoded at the earliest presentation time still to come (its own or a later
  /// packet's), a few ticks early so that packets sharing it stay in order; and the last packet
  /// (`endTime` given) lasts until the table's sum is the presentation length. Every decoding
  /// time then lies at or before its presentation time, and the last packet's `pts + duration`
  /// within the end.
  private mutating func writeHeld(endingAt endTime: Int64? = nil) throws(FFmpegError) {
    let packet = held.raw
    let slack =
      reorderTicks
      ?? Self.reorderTicks(for: packet, ticksPerEncoderTick: max(1, streamTime(1) - streamTime(0)))
    reorderTicks = slack
    let presentation = packet.pointee.pts
    let earliest = unwritten.first.map { min($0, presentation) } ?? presentation
    if let index = unwritten.firstIndex(of: presentation) { unwritten.remove(at: index) }
    packet.pointee.duration = presentationDurations.removeValue(forKey: presentation) ?? 0
    packet.pointee.stream_index = stream.pointee.index
    av_packet_rescale_ts(packet, encoder.raw.pointee.time_base, stream.pointee.time_base)

    var decoding = streamTime(earliest) - slack
    if let previousDecodingTime { decoding = max(decoding, previousDecodingTime + 1) }
    packet.pointee.dts = min(decoding, packet.pointee.pts)
    let firstDecoding = firstDecodingTime ?? packet.pointee.dts
    if let endTime {
      let length = streamTime(endTime) - streamTime(firstPresentationTime)
      packet.pointee.duration = max(1, length - (packet.pointee.dts - firstDecoding))
    }
    firstDecodingTime = firstDecoding
    previousDecodingTime = packet.pointee.dts
    try check(av_interleaved_write_frame(output.raw, packet), "av_interleaved_write_frame")
    hasHeld = false
    packetsWritten += 1
  }

  /// How many stream ticks before the earliest presentation time still to come a packet is
  /// decoded, decided at the first packet: none when the encoder does not reorder (its first
  /// decoding time is its presentation time), else room for a run of 32 packets sharing that
  /// time (x264 and x265 reorder at most 16 frames), within a third of an encoder tick.
  private var reorderTicks: Int64?

  private static func reorderTicks(
    for packet: UnsafeMutablePointer<AVPacket>, ticksPerEncoderTick: Int64
  ) -> Int64 {
    packet.pointee.dts < packet.pointee.pts ? max(1, min(32, ticksPerEncoderTick / 3)) : 0
  }

  /// A time in the encoder's time base, in the stream's.
  private func streamTime(_ time: Int64) -> Int64 {
    av_rescale_q(time, encoder.raw.pointee.time_base, stream.pointee.time_base)
  }

  // MARK: - Configuration

  private static func configure(
    _ encoder: borrowing CodecContext, settings: VideoSettings, globalHeader: Bool
  ) throws(FFmpegError) {
    let context = encoder.raw
    context.pointee.width = Int32(settings.outputSize.width)
    context.pointee.height = Int32(settings.outputSize.height)
    context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
    context.pointee.time_base = AVRational(
      num: Int32(settings.timeBase.numerator), den: Int32(settings.timeBase.denominator))
    context.pointee.color_primaries = AVCOL_PRI_BT709
    context.pointee.color_trc = AVCOL_TRC_BT709
    context.pointee.colorspace = settings.matrix.colorSpace
    context.pointee.color_range = AVCOL_RANGE_MPEG
    context.pointee.thread_count = Int32(settings.threads)
    if settings.codec == .vp9 { context.pointee.bit_rate = 0 }
    if globalHeader { context.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER) }
  }

  private static func encoderOptions(for settings: VideoSettings) throws(FFmpegError) -> Options {
    var options = Options()
    let speed = VideoCodec.presets.firstIndex(of: settings.preset) ?? 5
    try options.set("crf", String(settings.effectiveCRF))
    switch settings.codec {
    case .h264:
      try options.set("preset", settings.preset)
      // CRF 0 is lossless, which only the High 4:4:4 Predictive profile can carry.
      if settings.effectiveCRF > 0 { try options.set("profile", "high") }
    case .hevc:
      try options.set("preset", settings.preset)
      try options.set("x265-params", "log-level=error")
    case .vp9:
      try options.set("deadline", "good")
      try options.set("cpu-used", String([5, 5, 4, 4, 3, 2, 1, 0, 0][speed]))
      try options.set("row-mt", "1")
    case .av1:
      try options.set("preset", String([13, 12, 11, 10, 9, 8, 6, 4, 2][speed]))
    }
    return options
  }
}

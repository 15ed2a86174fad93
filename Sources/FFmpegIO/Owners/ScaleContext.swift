internal import CFFmpeg

/// The owner of a swscale context converting and resizing pictures.
struct ScaleContext: ~Copyable {
  let raw: OpaquePointer

  /// Creates a converter; `yuvMatrix` picks the RGB→YUV matrix (`SWS_CS_ITU709`,
  /// `SWS_CS_ITU601`) for limited-range YUV output, and is ignored for RGB output.
  init(
    from source: AVPixelFormat, width sourceWidth: Int, height sourceHeight: Int,
    to destination: AVPixelFormat, width: Int, height: Int, yuvMatrix: Int32?
  ) throws(FFmpegError) {
    let flags = SWS_BICUBIC
    let context = try checkAllocation(
      sws_getContext(
        Int32(sourceWidth), Int32(sourceHeight), source, Int32(width), Int32(height),
        destination, flags, nil, nil, nil),
      "sws_getContext")
    if let yuvMatrix {
      let table = sws_getCoefficients(yuvMatrix)
      let status = sws_setColorspaceDetails(context, table, 1, table, 0, 0, 1 << 16, 1 << 16)
      guard status >= 0 else {
        sws_freeContext(context)
        throw FFmpegError(code: status, function: "sws_setColorspaceDetails")
      }
    }
    raw = context
  }

  deinit {
    sws_freeContext(raw)
  }
}

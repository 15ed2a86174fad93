internal import CFFmpeg

/// The owner of a swscale context converting and resizing pictures.
struct ScaleContext: ~Copyable {
  let raw: OpaquePointer

  /// Creates a converter; `yuvMatrix` picks the RGB→YUV matrix (`SWS_CS_ITU709`,
  /// `SWS_CS_ITU601`) for limited-range YUV output, and is ignored for RGB output.
  init(
    from source: AVPixelFormat, width sourceWidth: Int, height sourceHeight: Int,
    to destination: AVPixelFormat, width: Int, height: Int, yuvMatrix: Int32?,
    flags: Int32 = SWS_BICUBIC
  ) throws(FFmpegError) {
    let context = try checkAllocation(
      sws_getContext(
        Int32(sourceWidth), Int32(sourceHeight), source, Int32(width), Int32(height),
        destination, flags, nil, nil, nil),
      "sws_getContext")
    if let yuvMatrix {
      // RGB is full range, the YUV written is limited range.
      do {
        try Self.setColorspace(
          context, matrix: yuvMatrix, sourceFullRange: 1, destinationFullRange: 0)
      } catch {
        sws_freeContext(context)
        throw error
      }
    }
    raw = context
  }

  /// Sets the YUV matrix and ranges used when reading or writing YUV. The corresponding C
  /// function is `sws_setColorspaceDetails`.
  ///
  /// - Parameters:
  ///   - matrix: `SWS_CS_ITU601` or `SWS_CS_ITU709`.
  ///   - sourceFullRange: The source's range (1 for full/JPEG range).
  ///   - destinationFullRange: The destination's range.
  func setColorspace(matrix: Int32, sourceFullRange: Int32, destinationFullRange: Int32)
    throws(FFmpegError)
  {
    try Self.setColorspace(
      raw, matrix: matrix, sourceFullRange: sourceFullRange,
      destinationFullRange: destinationFullRange)
  }

  private static func setColorspace(
    _ context: OpaquePointer, matrix: Int32, sourceFullRange: Int32, destinationFullRange: Int32
  ) throws(FFmpegError) {
    let table = sws_getCoefficients(matrix)
    try check(
      sws_setColorspaceDetails(
        context, table, sourceFullRange, table, destinationFullRange, 0, 1 << 16, 1 << 16),
      "sws_setColorspaceDetails")
  }

  /// Converts the first `height` rows of `source` into `destination` (both allocated with
  /// their planes). The corresponding C function is `sws_scale`.
  ///
  /// - Returns: The number of rows written.
  @discardableResult
  func scale(_ source: borrowing Frame, height: Int, into destination: borrowing Frame)
    throws(FFmpegError) -> Int
  {
    let rows = withUnsafeMutableBytes(of: &source.raw.pointee.data) { sourcePlanes in
      withUnsafeMutableBytes(of: &source.raw.pointee.linesize) { sourceStrides in
        withUnsafeMutableBytes(of: &destination.raw.pointee.data) { planes in
          withUnsafeMutableBytes(of: &destination.raw.pointee.linesize) { strides in
            let constPlanes = sourcePlanes.bindMemory(to: UnsafeMutablePointer<UInt8>?.self)
              .map { $0.map { UnsafePointer($0) } }
            return sws_scale(
              raw, constPlanes, sourceStrides.bindMemory(to: Int32.self).baseAddress, 0,
              Int32(height),
              planes.bindMemory(to: UnsafeMutablePointer<UInt8>?.self).baseAddress,
              strides.bindMemory(to: Int32.self).baseAddress)
          }
        }
      }
    }
    guard rows > 0 else {
      throw FFmpegError(code: rows == 0 ? cffmpeg_averror(EINVAL) : rows, function: "sws_scale")
    }
    return Int(rows)
  }

  deinit {
    sws_freeContext(raw)
  }
}

internal import CPNGReader

/// The owner of an open `cpng_reader` (libpng read struct + file); closed only in `deinit`.
struct PNGReader: ~Copyable {
  let raw: OpaquePointer
  let width: Int
  let height: Int
  let bitDepth: Int
  let colorType: Int
  let isInterlaced: Bool

  /// Opens a file and reads its header.
  init(path: String) throws(PNGError) {
    var reader: OpaquePointer?
    var info = cpng_reader_info()
    var message = [CChar](repeating: 0, count: 256)
    let status = cpng_reader_open(path, &reader, &info, &message, message.count)
    guard status == Int32(CPNG_READER_OK), let reader else {
      throw PNGError(
        code: status, function: "png_read_info", message: "\(path): \(Self.text(message))")
    }
    raw = reader
    width = Int(info.width)
    height = Int(info.height)
    bitDepth = Int(info.bit_depth)
    colorType = Int(info.color_type)
    isInterlaced = info.interlaced != 0
  }

  /// Decodes the pixels as 8-bit RGBA into `buffer` (`width * height * 4` bytes).
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(PNGError) {
    precondition(buffer.count == width * height * 4)
    var message = [CChar](repeating: 0, count: 256)
    let status = cpng_reader_read_rgba8(
      raw, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), &message, message.count)
    guard status == Int32(CPNG_READER_OK) else {
      throw PNGError(code: status, function: "png_read_image", message: Self.text(message))
    }
  }

  private static func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  deinit {
    cpng_reader_close(raw)
  }
}

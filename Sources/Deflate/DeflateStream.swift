internal import CZStream

/// The one owner of a zlib deflate stream: set up in `init`, ended and freed only in `deinit`.
/// zlib keeps the stream's address in its state, so the `z_stream` lives on the heap.
struct DeflateStream: ~Copyable {
  let stream: UnsafeMutablePointer<z_stream>

  /// A raw deflate stream (no zlib header) at `level` (1 fastest … 9 smallest).
  init(level: Int32) throws(DeflateError) {
    // Set up before `self` is: a throw after `stream` is stored would also run `deinit`.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = deflateInit2_(
      stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw DeflateError(function: "deflateInit2", code: status)
    }
    self.stream = stream
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// All of `input` compressed and finished, in one call into a buffer of zlib's bound.
  func finish(_ input: UnsafeBufferPointer<UInt8>) throws(DeflateError) -> [UInt8] {
    let bound = Int(deflateBound(stream, uLong(input.count)))
    var output = [UInt8](repeating: 0, count: bound)
    let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
      stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.pointee.avail_in = uInt(input.count)
      stream.pointee.next_out = out.baseAddress
      stream.pointee.avail_out = uInt(out.count)
      return deflate(stream, Z_FINISH)
    }
    guard status == Z_STREAM_END else { throw DeflateError(function: "deflate", code: status) }
    output.removeLast(Int(stream.pointee.avail_out))
    return output
  }
}

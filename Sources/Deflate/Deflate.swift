/// Raw deflate (RFC 1951, what the browser's `DecompressionStream("deflate-raw")` reads)
/// through zlib, at the level the caller chooses.
///
/// ```swift
/// let packed = try Deflate.raw(Array(text.utf8), level: 1)
/// ```
public enum Deflate {
  /// The largest input compressed in one call (zlib counts in 32 bits).
  public static let maximumInput = Int(UInt32.max)

  /// `bytes` compressed as one raw deflate stream; `level` 1 is fastest, 9 smallest.
  public static func raw(_ bytes: [UInt8], level: Int32 = 1) throws(DeflateError) -> [UInt8] {
    guard bytes.count <= maximumInput else {
      throw DeflateError(function: "deflate", code: -5)
    }
    let stream = try DeflateStream(level: level)
    return try bytes.withUnsafeBufferPointer { input throws(DeflateError) in
      try stream.finish(input)
    }
  }
}

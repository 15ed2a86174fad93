/// Splits a byte stream into newline-delimited messages (MCP over stdio) in linear time, with a
/// size limit: a message longer than ``maxMessageBytes`` is skipped up to its newline and
/// reported, never held in memory.
///
/// Each byte is looked at once: the search for a newline resumes where the last one stopped,
/// and the buffer is compacted once per chunk, not once per message.
///
/// ```swift
/// var framer = LineFramer(maxMessageBytes: 1 << 20)
/// for event in framer.append(chunk) {
///   switch event {
///   case .message(let bytes): handle(bytes)
///   case .tooLarge(let size): reject(size)
///   }
/// }
/// ```
public struct LineFramer: Sendable {
  /// What one chunk of input completed.
  public enum Event: Sendable, Hashable {
    /// One message, without its newline (and without a `\r` before it).
    case message([UInt8])
    /// A message of this many bytes was skipped: it is over the limit.
    case tooLarge(bytes: Int)
  }

  /// The longest message accepted, in bytes.
  public let maxMessageBytes: Int
  private var buffer: [UInt8] = []
  /// Bytes of `buffer` already known to hold no newline.
  private var scanned = 0
  /// Bytes skipped so far of a message over the limit (`nil` when not skipping).
  private var skipped: Int?

  public init(maxMessageBytes: Int) {
    self.maxMessageBytes = maxMessageBytes
  }

  /// Adds the bytes read and returns the messages (and refusals) they complete.
  public mutating func append(_ bytes: some Collection<UInt8>) -> [Event] {
    var events: [Event] = []
    if let count = skipped {
      // Skipping an oversized message: only its end matters.
      guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
        skipped = count + bytes.count
        return events
      }
      events.append(.tooLarge(bytes: count + bytes.distance(from: bytes.startIndex, to: newline)))
      skipped = nil
      return events + append(bytes[bytes.index(after: newline)...])
    }
    buffer.append(contentsOf: bytes)
    var start = 0
    var index = scanned
    while index < buffer.count {
      if buffer[index] == UInt8(ascii: "\n") {
        var end = index
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        if end - start > maxMessageBytes {
          events.append(.tooLarge(bytes: end - start))
        } else if end > start {
          events.append(.message(Array(buffer[start..<end])))
        }
        start = index + 1
      }
      index += 1
    }
    buffer.removeFirst(start)
    scanned = buffer.count
    if buffer.count > maxMessageBytes {
      skipped = buffer.count
      buffer = []
      scanned = 0
    }
    return events
  }
}

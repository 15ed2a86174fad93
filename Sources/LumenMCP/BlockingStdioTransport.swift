import Foundation
import Locking
import Logging
import MCP

#if canImport(Glibc)
  import Glibc
#endif

/// MCP over stdin/stdout with a blocking reader thread.
///
/// The SDK's `StdioTransport` puts stdin in non-blocking mode and sleeps 10 ms whenever no byte
/// is waiting, which put 10–20 ms on every round trip (measured: tools/list p50 18.8 ms). Here
/// a dedicated thread blocks in `read(2)` and hands each newline-delimited message to the
/// stream as soon as it arrives.
///
/// Messages are framed by ``LineFramer`` in linear time; one longer than `maxMessageBytes` is
/// skipped and answered with a JSON-RPC error (-32600, id null) instead of being buffered.
actor BlockingStdioTransport: Transport {
  nonisolated let logger = Logger(label: "lumen.mcp.stdio")
  /// The longest message accepted (64 MB by default: far beyond any tool call).
  let maxMessageBytes: Int
  private let stream: AsyncThrowingStream<Data, any Swift.Error>
  private let continuation: AsyncThrowingStream<Data, any Swift.Error>.Continuation
  private var reader: Thread?
  /// Answers `tools/list` on the reader thread, without the SDK's per-string cost.
  private let toolList: ToolListReply?

  init(maxMessageBytes: Int = 64 << 20, toolList: ToolListReply? = nil) {
    self.maxMessageBytes = maxMessageBytes
    self.toolList = toolList
    (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
  }

  func connect() async throws {
    guard reader == nil else { return }
    let continuation = self.continuation
    let limit = maxMessageBytes
    let toolList = self.toolList
    let thread = Thread {
      var framer = LineFramer(maxMessageBytes: limit)
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        for event in framer.append(buffer[0..<count]) {
          switch event {
          case .message(let bytes):
            if let reply = toolList?.reply(to: bytes) {
              Self.writeAll(reply + [UInt8(ascii: "\n")])
            } else {
              let data = Data(bytes)
              if case .request(let id, _)? = JSONRPCEnvelope(data: data)?.kind {
                Self.unanswered.withLock { _ = $0.insert(id) }
              }
              continuation.yield(data)
            }
          case .tooLarge(let size):
            let reply =
              #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"message of "#
              + "\(size) bytes is over the limit of \(limit) bytes; send smaller requests\"}}\n"
            Self.writeAll(Array(reply.utf8))
          }
        }
      }
      // The client closed stdin: answer what it asked before ending the stream (the server
      // stops reading, and the process ends, once the stream ends). `echo REQUEST | lumen mcp`
      // got its reply only some of the time before.
      // (At most 10 minutes, in case a request is never answered: a call times out sooner.)
      let deadline = ContinuousClock.now + .seconds(600)
      while !Self.unanswered.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
        usleep(5_000)
      }
      continuation.finish()
    }
    thread.name = "lumen-mcp-stdin"
    reader = thread
    thread.start()
  }

  func disconnect() async {
    continuation.finish()
  }

  func send(_ data: Data) async throws {
    var message = [UInt8](data)
    message.append(UInt8(ascii: "\n"))
    let written = Self.writeAll(message)
    if case .response(let id)? = JSONRPCEnvelope(data: data)?.kind {
      Self.unanswered.withLock { _ = $0.remove(id) }
    }
    guard written else { throw MCPError.transportError(POSIXError(.EIO)) }
  }

  /// The ids of the requests received and not yet answered.
  private static let unanswered = Locked(Set<ID>())

  /// Serialises whole messages on stdout: the reader thread's replies and the server's never
  /// interleave. It counts the messages written (a lock around an empty value read as a race
  /// to ThreadSanitizer: Swift gives a zero-sized property no storage of its own).
  private static let messagesWritten = Locked(0)

  /// Writes every byte to stdout as one message; `false` when the pipe is gone.
  @discardableResult
  nonisolated static func writeAll(_ bytes: [UInt8]) -> Bool {
    messagesWritten.withLock { count in
      count += 1
      return bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let written = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
          if written < 0 && errno == EINTR { continue }
          guard written > 0 else { return false }
          offset += written
        }
        return true
      }
    }
  }

  nonisolated func receive() -> AsyncThrowingStream<Data, any Swift.Error> {
    stream
  }
}

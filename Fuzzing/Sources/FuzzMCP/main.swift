import Foundation
import FuzzSupport
import LumenMCP
import MCP
import ToolDispatch

/// MCP over stdio: the byte stream through `LineFramer` (fed in chunks, checked against a
/// plain line split), then each message decoded as the JSON-RPC messages the server handles;
/// a `tools/call` request goes on to the stub tool, its arguments converted through JSON as
/// Lumen's server converts them.
///
/// The chunk size and the message limit are derived from the input's length, so each input
/// is replayed the same way.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(fuzzInput: data, size))
  let limit = 64 + size % 193
  let chunk = 1 + size % 61
  var framer = LineFramer(maxMessageBytes: limit)
  var events: [LineFramer.Event] = []
  var start = 0
  while start < bytes.count {
    let end = min(start + chunk, bytes.count)
    events += framer.append(bytes[start..<end])
    start = end
  }
  let expected = referenceSplit(bytes, limit: limit)
  precondition(
    events.map(Outcome.init) == expected,
    "LineFramer(maxMessageBytes: \(limit)) fed \(chunk)-byte chunks: \(events.map(Outcome.init)), expected \(expected)"
  )
  for case .message(let message) in events.prefix(8) { handle(Data(message)) }
  return 0
}

/// What a line became, without the byte count of a refused one (counted differently when
/// the refusal starts before the line's end arrives).
enum Outcome: Equatable, CustomStringConvertible {
  case message([UInt8])
  case tooLarge

  init(_ event: LineFramer.Event) {
    switch event {
    case .message(let bytes): self = .message(bytes)
    case .tooLarge: self = .tooLarge
    }
  }

  var description: String {
    switch self {
    case .message(let bytes): "message(\(bytes.count) bytes)"
    case .tooLarge: "tooLarge"
    }
  }
}

/// The framing rule stated plainly: each complete line, less one `\r` before its newline;
/// empty lines dropped, lines over the limit refused.
func referenceSplit(_ bytes: [UInt8], limit: Int) -> [Outcome] {
  var outcomes: [Outcome] = []
  var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
  lines.removeLast()  // not ended by a newline yet
  for var line in lines {
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    if line.count > limit {
      outcomes.append(.tooLarge)
    } else if !line.isEmpty {
      outcomes.append(.message(Array(line)))
    }
  }
  return outcomes
}

/// Decodes one message as each message type; what decodes is encoded again.
func handle(_ line: Data) {
  let decoder = JSONDecoder()
  let encoder = JSONEncoder()
  if let request = try? decoder.decode(Request<CallTool>.self, from: line) {
    _ = try? encoder.encode(request)
    var arguments: JSONValue = .object([:])
    if let given = request.params.arguments, let json = try? encoder.encode(given),
      let value = try? JSONText.decode(String(decoding: json, as: UTF8.self))
    {
      arguments = value
    }
    StubRegistry.call(
      ToolCall(id: "\(request.id)", name: request.params.name, arguments: arguments, format: .mcp))
    return
  }
  if let request = try? decoder.decode(Request<Initialize>.self, from: line) {
    _ = try? encoder.encode(request)
  }
  if let request = try? decoder.decode(Request<ListTools>.self, from: line) {
    _ = try? encoder.encode(request)
  }
  if let message = try? decoder.decode(Message<InitializedNotification>.self, from: line) {
    _ = try? encoder.encode(message)
  }
  if let response = try? decoder.decode(Response<CallTool>.self, from: line) {
    _ = try? encoder.encode(response)
  }
  if let value = try? decoder.decode(Value.self, from: line) { _ = try? encoder.encode(value) }
}

StubRegistry.prepare()
LibFuzzer.run(fuzz)

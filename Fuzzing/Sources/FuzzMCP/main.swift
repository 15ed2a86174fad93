import Foundation
import FuzzSupport
import MCP
import ToolDispatch

/// MCP messages as the stdio server reads them: bytes split into newline-delimited lines,
/// each decoded as the JSON-RPC messages the server handles; a `tools/call` request goes on
/// to the stub tool, its arguments converted as Lumen's server converts them (through JSON).
///
/// The split here mirrors `BlockingStdioTransport` (internal to LumenMCP) rather than calling
/// it: no public framing type exists yet.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Data(buffer: UnsafeBufferPointer(fuzzInput: data, size))
  for line in bytes.split(separator: UInt8(ascii: "\n")).prefix(8) { handle(Data(line)) }
  return 0
}

/// Decodes one line as each message type; what decodes is encoded again.
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
    StubRegistry.call(ToolCall(id: "\(request.id)", name: request.params.name, arguments: arguments, format: .mcp))
    return
  }
  if let request = try? decoder.decode(Request<Initialize>.self, from: line) { _ = try? encoder.encode(request) }
  if let request = try? decoder.decode(Request<ListTools>.self, from: line) { _ = try? encoder.encode(request) }
  if let message = try? decoder.decode(Message<InitializedNotification>.self, from: line) {
    _ = try? encoder.encode(message)
  }
  if let response = try? decoder.decode(Response<CallTool>.self, from: line) { _ = try? encoder.encode(response) }
  if let value = try? decoder.decode(Value.self, from: line) { _ = try? encoder.encode(value) }
}

StubRegistry.prepare()
LibFuzzer.run(fuzz)

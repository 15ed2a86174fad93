import FuzzSupport
import ToolDispatch

/// Tool-call JSON through parsing, argument validation and dispatch to the stub tool.
///
/// The input is a model's message in any dialect; each call found goes through the
/// registry. When the text holds no call, the whole value is tried as the stub's arguments.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(fuzzInput: data, size), as: UTF8.self)
  guard let value = try? JSONText.decode(text) else { return 0 }
  let calls = (try? ToolCall.parse(value)) ?? []
  for call in calls.prefix(8) { StubRegistry.call(call) }
  if calls.isEmpty {
    StubRegistry.call(ToolCall(id: "1", name: "stub", arguments: value, format: .mcp))
  }
  return 0
}

StubRegistry.prepare()
LibFuzzer.run(fuzz)

import LumenMCP
import Testing

@Suite struct LineFramerTests {
  func messages(_ events: [LineFramer.Event]) -> [String] {
    events.compactMap { event in
      if case .message(let bytes) = event { String(decoding: bytes, as: UTF8.self) } else { nil }
    }
  }

  @Test func splitsMessagesWhateverTheChunks() {
    let stream = Array("{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n".utf8)
    for chunk in [1, 2, 3, 7, stream.count] {
      var framer = LineFramer(maxMessageBytes: 100)
      var events: [LineFramer.Event] = []
      var offset = 0
      while offset < stream.count {
        events += framer.append(stream[offset..<min(offset + chunk, stream.count)])
        offset += chunk
      }
      #expect(messages(events) == [#"{"a":1}"#, #"{"b":2}"#, #"{"c":3}"#], "chunks of \(chunk)")
    }
  }

  @Test func skipsAMessageOverTheLimitAndKeepsTheNext() {
    var framer = LineFramer(maxMessageBytes: 10)
    var events = framer.append(Array("0123456789ABCDEF".utf8))
    #expect(events.isEmpty)
    events += framer.append(Array("GHIJ\n{\"ok\":1}\n".utf8))
    #expect(events == [.tooLarge(bytes: 20), .message(Array(#"{"ok":1}"#.utf8))])
    // A long message that arrives whole is refused too, without holding on to it.
    #expect(framer.append(Array(String(repeating: "x", count: 11).utf8) + [10]) == [.tooLarge(bytes: 11)])
  }

  @Test func aMessageOfExactlyTheLimitPasses() {
    var framer = LineFramer(maxMessageBytes: 4)
    #expect(framer.append(Array("abcd\n".utf8)) == [.message(Array("abcd".utf8))])
  }

  @Test func aTwentyMegabyteMessageInSmallChunksIsDeliveredWhole() {
    var framer = LineFramer(maxMessageBytes: 64 << 20)
    let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
    var events: [LineFramer.Event] = []
    for _ in 0..<320 { events += framer.append(chunk) }
    events += framer.append([10])
    #expect(events.count == 1)
    if case .message(let bytes)? = events.first { #expect(bytes.count == 320 * 65_536) }
  }
}

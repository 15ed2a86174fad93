import Foundation
import Testing

@testable import LumenMCPHTTP

@Suite struct ServerSentEventTests {
  @Test func writesEachLineAsData() {
    let event = ServerSentEvent.message(Data("{\n\"a\": 1\n}".utf8))
    #expect(
      String(decoding: event, as: UTF8.self)
        == "event: message\ndata: {\ndata: \"a\": 1\ndata: }\n\n")
  }
}

internal import Foundation

/// The wire form of server-sent events (the `text/event-stream` format of the HTML standard).
enum ServerSentEvent {
  /// A `message` event carrying one JSON-RPC message, without an event id (Lumen does not
  /// offer resumption with `Last-Event-ID`).
  ///
  /// Each line of the message becomes a `data:` line (JSON has line breaks only between
  /// tokens, and a reader joins the lines with line feeds), and a blank line ends the event.
  static func message(_ json: Data) -> Data {
    var event = Data("event: message\n".utf8)
    var lineStart = json.startIndex
    for index in json.indices where json[index] == 0x0A || json[index] == 0x0D {
      appendDataLine(json[lineStart..<index], to: &event)
      lineStart = json.index(after: index)
    }
    appendDataLine(json[lineStart...], to: &event)
    event.append(0x0A)
    return event
  }

  private static func appendDataLine(_ line: Data, to event: inout Data) {
    event.append(contentsOf: "data: ".utf8)
    event.append(line)
    event.append(0x0A)
  }
}

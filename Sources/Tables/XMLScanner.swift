/// A small pull reader for the machine-written XML inside workbooks: start and end tags with
/// their attributes, and text with entities decoded. Not a general XML parser (no DTDs); it
/// exists because Foundation's XMLParser would link libxml2 and ICU into every `lumen` start
/// (+2.1 ms measured), for a job that needs only this.
struct XMLScanner {
  enum Event: Equatable {
    /// `<name a="v">` (`selfClosing` for `<name/>`), the name without its prefix.
    case start(name: Substring, attributes: [Substring: String], selfClosing: Bool)
    case end(name: Substring)
    case text(String)
  }

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The next event, `nil` at the end.
  /// - Throws: `TableError.malformed` for a tag that does not close.
  mutating func next() throws(TableError) -> Event? {
    while position < bytes.count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        let text = Self.decode(bytes[start..<position])
        if !text.isEmpty { return .text(text) }
        continue
      }
      if startsWith("<?") {
        try skip(past: "?>")
        continue
      }
      if startsWith("<!--") {
        try skip(past: "-->")
        continue
      }
      if startsWith("<![CDATA[") {
        position += 9
        let start = position
        try skip(past: "]]>")
        return .text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self))
      }
      if startsWith("<!") {
        try skip(past: ">")
        continue
      }
      return try tag()
    }
    return nil
  }

  private mutating func tag() throws(TableError) -> Event {
    position += 1
    let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
    if closing { position += 1 }
    let nameStart = position
    while position < bytes.count, !Self.isNameEnd(bytes[position]) { position += 1 }
    let name = Self.localName(bytes[nameStart..<position])
    var attributes: [Substring: String] = [:]
    while true {
      while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
      guard position < bytes.count else { throw .malformed("an XML tag does not close") }
      let byte = bytes[position]
      if byte == UInt8(ascii: ">") {
        position += 1
        return closing
          ? .end(name: name) : .start(name: name, attributes: attributes, selfClosing: false)
      }
      if byte == UInt8(ascii: "/"), position + 1 < bytes.count,
        bytes[position + 1] == UInt8(ascii: ">")
      {
        position += 2
        return .start(name: name, attributes: attributes, selfClosing: true)
      }
      let keyStart = position
      while position < bytes.count, bytes[position] != UInt8(ascii: "="),
        !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">")
      {
        position += 1
      }
      let key = Self.localName(bytes[keyStart..<position], keepPrefix: true)
      while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
      guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
        if position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
        continue
      }
      position += 1
      while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
      guard position < bytes.count,
        bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
      else { throw .malformed("an XML attribute has no quoted value") }
      let quote = bytes[position]
      position += 1
      let valueStart = position
      while position < bytes.count, bytes[position] != quote { position += 1 }
      guard position < bytes.count else { throw .malformed("an XML attribute does not close") }
      attributes[key] = Self.decode(bytes[valueStart..<position])
      position += 1
    }
  }

  private func startsWith(_ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    return prefix.withUTF8Buffer { bytes[position..<(position + count)].elementsEqual($0) }
  }

  private mutating func skip(past end: StaticString) throws(TableError) {
    while position < bytes.count {
      if startsWith(end) {
        position += end.utf8CodeUnitCount
        return
      }
      position += 1
    }
    throw .malformed("an XML comment or declaration does not close")
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }
  private static func isNameEnd(_ b: UInt8) -> Bool {
    isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
  }

  private static func localName(_ raw: ArraySlice<UInt8>, keepPrefix: Bool = false) -> Substring {
    let text = Substring(String(decoding: raw, as: UTF8.self))
    if !keepPrefix, let colon = text.lastIndex(of: ":") { return text[text.index(after: colon)...] }
    return text
  }

  /// Text with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references decoded.
  static func decode(_ raw: ArraySlice<UInt8>) -> String {
    guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
    let text = String(decoding: raw, as: UTF8.self)
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else {
        out += rest[amp...]
        return out
      }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        var scalar: Unicode.Scalar?
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
          scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if entity.hasPrefix("#") {
          scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
        }
        if let scalar { out.unicodeScalars.append(scalar) } else { out += rest[amp...semi] }
      }
      rest = rest[rest.index(after: semi)...]
    }
    out += rest
    return out
  }
}

/// The kinds of table file Lumen reads, told from the file's name and its first bytes.
public enum TableFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Comma-, semicolon-, tab- or bar-separated text (the separator is sniffed).
  case delimited = "csv"
  /// One JSON object per line (`.jsonl`, `.ndjson`).
  case jsonLines = "jsonl"
  /// A JSON array of objects.
  case jsonArray = "json"
  /// An Excel workbook (Office Open XML).
  case xlsx

  /// How to name the format in a sentence.
  public var phrase: String {
    switch self {
    case .delimited: "delimited text (CSV/TSV)"
    case .jsonLines: "JSON Lines"
    case .jsonArray: "a JSON array"
    case .xlsx: "an Excel workbook"
    }
  }

  /// The format of a file from its first bytes, with its name's extension deciding between
  /// the two JSON forms when the bytes alone cannot (a `.json` file of one object per line).
  ///
  /// - Returns: `nil` for bytes that are not text and not a ZIP archive.
  public static func detect(head: some Collection<UInt8>, name: String) -> TableFormat? {
    let bytes = Array(head.prefix(4096))
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard !body.contains(0) else { return nil }
    let lowered = name.lowercased()
    let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    switch first {
    case UInt8(ascii: "["): return .jsonArray
    case UInt8(ascii: "{"):
      return lowered.hasSuffix(".json") && !Self.hasSecondObjectLine(body) ? .jsonArray : .jsonLines
    default: return .delimited
    }
  }

  /// Whether a second line also starts an object (JSON Lines written as `.json`).
  private static func hasSecondObjectLine(_ body: ArraySlice<UInt8>) -> Bool {
    guard let newline = body.firstIndex(of: 0x0A) else { return false }
    let next = body[(newline + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return next == UInt8(ascii: "{")
  }
}

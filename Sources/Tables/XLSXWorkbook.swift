internal import Foundation

/// An `.xlsx` workbook's one sheet as rows of cells: shared strings, numbers, booleans, inline
/// strings, and dates told from the cell's number format (built-in date formats and custom
/// ones with day, month, year or time codes).
struct XLSXWorkbook {
  /// The sheets' names, in workbook order.
  let sheetNames: [String]
  private let archive: ZIPDirectory
  private let sheetPaths: [String: String]
  private let sharedStrings: [String]
  /// For each cell style index: nil (not a date) or whether the date format shows a time.
  private let dateStyles: [Bool?]
  private let date1904: Bool
  private let name: String
  private let maxPartBytes: Int

  init(_ source: TableSource, maxPartBytes: Int) throws(TableError) {
    let path = source.name
    name = path
    self.maxPartBytes = maxPartBytes
    let zip = try ZIPDirectory(try source.contents(), name: path)
    archive = zip
    guard let workbook = try zip.contents(of: "xl/workbook.xml", limit: maxPartBytes) else {
      throw .malformed(
        "\(path) is not an .xlsx workbook: it has no xl/workbook.xml (is it another ZIP file, or an .xls/.ods?)"
      )
    }
    var names: [String] = []
    var ids: [String: String] = [:]
    var scanner = XMLScanner(workbook)
    var uses1904 = false
    while let event = try scanner.next() {
      guard case .start(let tag, let attributes, _) = event else { continue }
      if tag == "sheet", let sheetName = attributes["name"] {
        names.append(sheetName)
        ids[sheetName] = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value
      } else if tag == "workbookPr", let value = attributes["date1904"] {
        uses1904 = value == "1" || value == "true"
      }
    }
    date1904 = uses1904
    sheetNames = names
    var targets: [String: String] = [:]
    if let rels = try zip.contents(of: "xl/_rels/workbook.xml.rels", limit: maxPartBytes) {
      var relScanner = XMLScanner(rels)
      while let event = try relScanner.next() {
        guard case .start("Relationship", let attributes, _) = event,
          let id = attributes["Id"], let target = attributes["Target"]
        else { continue }
        targets[id] =
          target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      }
    }
    var paths: [String: String] = [:]
    for (index, sheetName) in names.enumerated() {
      paths[sheetName] =
        ids[sheetName].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
    }
    sheetPaths = paths
    sharedStrings = try Self.strings(zip.contents(of: "xl/sharedStrings.xml", limit: maxPartBytes))
    dateStyles = try Self.dateStyles(zip.contents(of: "xl/styles.xml", limit: maxPartBytes))
  }

  /// The rows of `sheet` (the first when nil), each as (column index, cell) pairs; blank rows
  /// are left out.
  func rows(sheet: String?) throws(TableError) -> (sheet: String, rows: [[(Int, TableCell)]]) {
    guard let chosen = sheet ?? sheetNames.first else {
      throw .empty("\(name) has no sheets")
    }
    guard let path = sheetPaths[chosen],
      let bytes = try archive.contents(of: path, limit: maxPartBytes)
    else {
      let list = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
      throw .unknownColumn("\(name) has no sheet named \"\(chosen)\"; its sheets are \(list)")
    }
    var scanner = XMLScanner(bytes)
    var rows: [[(Int, TableCell)]] = []
    var row: [(Int, TableCell)] = []
    var column = 0
    var type = ""
    var style = 0
    var value: String?
    var inValue = false
    var nextColumn = 0
    while let event = try scanner.next() {
      switch event {
      case .start("row", _, let selfClosing):
        row = []
        nextColumn = 0
        if selfClosing { continue }
      case .end("row"):
        if !row.isEmpty { rows.append(row) }
      case .start("c", let attributes, let selfClosing):
        column = attributes["r"].flatMap(Self.columnIndex) ?? nextColumn
        nextColumn = column + 1
        type = attributes["t"] ?? "n"
        style = attributes["s"].flatMap { Int($0) } ?? 0
        value = nil
        if selfClosing { continue }
      case .start("v", _, _), .start("t", _, _):
        inValue = true
      case .end("v"), .end("t"):
        inValue = false
      case .text(let text) where inValue:
        value = (value ?? "") + text
      case .end("c"):
        if let cell = cell(type: type, style: style, value: value) { row.append((column, cell)) }
      default: break
      }
    }
    return (chosen, rows)
  }

  private func cell(type: String, style: Int, value: String?) -> TableCell? {
    guard let value else { return nil }
    switch type {
    case "s":
      guard let index = Int(value), sharedStrings.indices.contains(index) else { return nil }
      return .text(sharedStrings[index])
    case "b": return .boolean(value == "1" || value == "true")
    case "str", "inlineStr": return .text(value)
    case "e": return .missing
    default:
      guard let number = Double(value) else { return .text(value) }
      if style < dateStyles.count, let hasTime = dateStyles[style] {
        let epoch = date1904 ? 24_107.0 : 25_569.0
        let seconds = ((number - epoch) * 86_400).rounded()
        return .moment(seconds, hasTime: hasTime || number != number.rounded())
      }
      return .number(number)
    }
  }

  /// `"AB12"` → 27.
  static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard ("A"..."Z").contains(scalar) else { break }
      index = index * 26 + Int(scalar.value - 64)
      letters += 1
    }
    return letters == 0 ? nil : index - 1
  }

  private static func strings(_ bytes: [UInt8]?) throws(TableError) -> [String] {
    guard let bytes else { return [] }
    var scanner = XMLScanner(bytes)
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = false
    while let event = try scanner.next() {
      switch event {
      case .start("si", _, let selfClosing):
        current = ""
        if selfClosing { strings.append("") }
      case .end("si"): strings.append(current)
      case .start("rPh", _, _): phonetic = true
      case .end("rPh"): phonetic = false
      case .start("t", _, let selfClosing): inText = !selfClosing
      case .end("t"): inText = false
      case .text(let text) where inText && !phonetic: current += text
      default: break
      }
    }
    return strings
  }

  private static func dateStyles(_ bytes: [UInt8]?) throws(TableError) -> [Bool?] {
    guard let bytes else { return [] }
    var scanner = XMLScanner(bytes)
    var custom: [Int: String] = [:]
    var styles: [Bool?] = []
    var inCellXfs = false
    while let event = try scanner.next() {
      switch event {
      case .start("numFmt", let attributes, _):
        if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"]
        {
          custom[id] = code
        }
      case .start("cellXfs", _, _): inCellXfs = true
      case .end("cellXfs"): inCellXfs = false
      case .start("xf", let attributes, _) where inCellXfs:
        let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
        styles.append(dateKind(id: id, code: custom[id]))
      default: break
      }
    }
    return styles
  }

  /// nil when the format is not a date; else whether it shows a time.
  static func dateKind(id: Int, code: String?) -> Bool? {
    switch id {
    case 14...17: return false
    case 18...21, 45...47: return true
    case 22: return true
    default: break
    }
    guard let code else { return nil }
    var plain = ""
    var inQuote = false
    var inBracket = false
    var escaped = false
    for c in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch c {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      default: if !inQuote && !inBracket { plain.append(c) }
      }
    }
    let hasDate = plain.contains("d") || plain.contains("y") || plain.contains("m")
    let hasTime = plain.contains("h") || plain.contains("s")
    guard hasDate || hasTime, !plain.contains("0"), !plain.contains("#") else { return nil }
    return hasTime
  }
}

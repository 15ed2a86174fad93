internal import Foundation

/// JSON Lines (one object per line, streamed line by line) and a JSON array of objects. Keys
/// become columns in the order first seen; nested values are kept as their JSON text.
enum JSONRows {
  static func read(
    _ source: TableSource, format: TableFormat, into collector: inout ColumnCollector
  )
    throws(TableError)
  {
    let path = source.name
    try collector.setHeader([], complete: false)
    var positions: [String: Int] = [:]
    func add(_ object: [String: Any], _ data: Data?, _ collector: inout ColumnCollector)
      throws(TableError)
    {
      let newKeys = object.keys.filter { positions[$0] == nil }
      if !newKeys.isEmpty {
        for key in keysInOrder(newKeys, data: data) {
          positions[key] = try collector.extendHeader(key)
        }
      }
      var byIndex: [Int: TableCell] = [:]
      for (key, value) in object { byIndex[positions[key]!] = cell(value) }
      try collector.add { byIndex[$0] ?? .missing }
    }
    switch format {
    case .jsonArray:
      let data = try source.contents()
      let root: Any
      do {
        root = try JSONSerialization.jsonObject(with: data)
      } catch {
        throw .malformed("\(path) is not valid JSON: \(error.localizedDescription)")
      }
      let objects: [Any]
      if let array = root as? [Any] {
        objects = array
      } else if let object = root as? [String: Any], object.count == 1,
        let array = object.values.first as? [Any]
      {
        objects = array  // {"data": [...]}
      } else {
        throw .malformed("\(path) is JSON but not an array of objects (one object per row)")
      }
      for (index, element) in objects.enumerated() {
        guard let object = element as? [String: Any] else {
          throw .malformed(
            "element \(index + 1) of \(path) is not an object; expected one object per row")
        }
        try add(object, index == 0 ? data : nil, &collector)
      }
    default:
      var handle: FileHandle?
      var memory: Data?
      switch source {
      case .file(let file):
        guard let opened = FileHandle(forReadingAtPath: file) else {
          throw .unreadable("cannot open \(path)")
        }
        handle = opened
      case .memory(let bytes, _): memory = Data(bytes)
      }
      defer { try? handle?.close() }
      var pending = Data()
      var lineNumber = 0
      func line(_ bytes: Data, _ collector: inout ColumnCollector) throws(TableError) {
        lineNumber += 1
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        let object: [String: Any]
        do {
          guard let parsed = try JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw TableError.malformed(
              "line \(lineNumber) of \(path) is not a JSON object; JSON Lines has one object per line"
            )
          }
          object = parsed
        } catch let error as TableError {
          throw error
        } catch {
          throw .malformed("line \(lineNumber) of \(path) is not valid JSON")
        }
        try add(object, bytes, &collector)
      }
      while true {
        var chunk = Data()
        if let whole = memory {
          chunk = whole
          memory = nil
        } else if let handle {
          do {
            chunk = try handle.read(upToCount: 1 << 20) ?? Data()
          } catch {
            throw .unreadable("cannot read \(path): \(error.localizedDescription)")
          }
        }
        if chunk.isEmpty { break }
        pending.append(chunk)
        while let newline = pending.firstIndex(of: 0x0A) {
          try line(pending[pending.startIndex..<newline], &collector)
          pending.removeSubrange(pending.startIndex...newline)
        }
      }
      if !pending.isEmpty { try line(pending, &collector) }
    }
  }

  /// An object's keys in the order written (JSONSerialization's dictionaries have none): found
  /// in the line's bytes when given, else sorted.
  private static func keysInOrder(_ keys: [String], data: Data?) -> [String] {
    guard keys.count > 1, let data else { return keys.sorted() }
    let text = String(decoding: data, as: UTF8.self)
    return keys.sorted { a, b in
      let ra = text.range(of: "\"\(a)\"")?.lowerBound
      let rb = text.range(of: "\"\(b)\"")?.lowerBound
      switch (ra, rb) {
      case (let x?, let y?): return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a < b
      }
    }
  }

  private static func cell(_ value: Any) -> TableCell {
    switch value {
    case is NSNull: return .missing
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return .boolean(number.boolValue) }
      return .number(number.doubleValue)
    case let text as String: return .text(text)
    default:
      if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
        return .text(String(decoding: data, as: UTF8.self))
      }
      return .missing
    }
  }
}

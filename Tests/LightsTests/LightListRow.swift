import Foundation

/// One row of `lake_michigan_lights_characteristics.csv`: a light, its characteristic as written
/// in the Light List, and the on/off seconds of one period that the data expects.
struct LightListRow: Sendable, Hashable {
  var name: String
  var characteristic: String
  var periodSeconds: Double
  /// Lit seconds, in order (`0.5;0.5` → `[0.5, 0.5]`).
  var onSeconds: [Double]
  /// Dark seconds, each following the lit interval of the same index.
  var offSeconds: [Double]
  /// `listed` (from the Light List), `assumed` (a default) or `unparsed`.
  var source: String

  /// The expected intervals of one period: on, off, on, off … with zero-length ones left out.
  var expectedIntervals: [(isOn: Bool, seconds: Double)] {
    var intervals: [(isOn: Bool, seconds: Double)] = []
    for index in 0..<max(onSeconds.count, offSeconds.count) {
      if index < onSeconds.count, onSeconds[index] > 0 {
        intervals.append((true, onSeconds[index]))
      }
      if index < offSeconds.count, offSeconds[index] > 0 {
        intervals.append((false, offSeconds[index]))
      }
    }
    return intervals
  }

  /// The rows of a file with the header `name,lat,lon,llnr,characteristic,period_s,on_s,off_s,
  /// char_source`.
  static func load(_ url: URL) throws -> [LightListRow] {
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard let header = lines.first.map(fields(of:)) else { return [] }
    func column(_ name: String) throws -> Int {
      guard let index = header.firstIndex(of: name) else { throw RowError("no column \(name)") }
      return index
    }
    let name = try column("name")
    let characteristic = try column("characteristic")
    let period = try column("period_s")
    let on = try column("on_s")
    let off = try column("off_s")
    let source = try column("char_source")
    return try lines.dropFirst().map { line in
      let values = fields(of: line)
      guard values.count == header.count, let periodSeconds = Double(values[period]) else {
        throw RowError("bad row: \(line)")
      }
      return LightListRow(
        name: values[name], characteristic: values[characteristic],
        periodSeconds: periodSeconds, onSeconds: try seconds(values[on]),
        offSeconds: try seconds(values[off]), source: values[source])
    }
  }

  /// `1.0;13.0` → `[1.0, 13.0]`.
  private static func seconds(_ text: String) throws -> [Double] {
    try text.split(separator: ";").map { part in
      guard let value = Double(part) else { throw RowError("bad seconds: \(text)") }
      return value
    }
  }

  /// The comma-separated fields of one CSV line; double quotes protect commas (`""` is a quote).
  static func fields(of line: String) -> [String] {
    let characters = Array(line)
    var fields: [String] = []
    var field = ""
    var isQuoted = false
    var index = 0
    while index < characters.count {
      let character = characters[index]
      index += 1
      if isQuoted {
        if character != "\"" {
          field.append(character)
        } else if index < characters.count, characters[index] == "\"" {
          field.append("\"")
          index += 1
        } else {
          isQuoted = false
        }
      } else if character == "\"" {
        isQuoted = true
      } else if character == "," {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
    }
    fields.append(field)
    return fields
  }

  struct RowError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}

internal import CSV
public import Foundation
import Geo
import LumenCore

/// The points read from a CSV file, with what was skipped and why.
///
/// ```swift
/// let table = try PointTable.read(path: "lighthouses.csv")
/// print(table.points.count, table.skipped)
/// ```
public struct PointTable: Sendable {
  /// The valid points, in file order.
  public var points: [MapPoint]
  /// Data rows seen.
  public var rowsRead: Int
  /// Skipped rows by reason (`"missing coordinates"`, `"latitude out of range"`, …).
  public var skipped: [String: Int]
  /// The columns used.
  public var columns: PointColumns
  /// Things worth knowing (replaced bytes, odd values).
  public var warnings: [String]

  /// The total of skipped rows.
  public var skippedCount: Int { skipped.values.reduce(0, +) }

  /// Reads a CSV file: a header row, then one point per row; quoted fields, a UTF-8 BOM and
  /// CRLF line ends are fine, and bytes that are not UTF-8 are replaced (with a warning).
  ///
  /// - Parameters:
  ///   - latitudeColumn, longitudeColumn: Column names to use instead of the common ones.
  ///   - maxPoints: More valid points than this is an error (checked while reading).
  ///   - maxBytes: A larger file is refused before it is read.
  /// - Throws: ``MapError`` for an unreadable, empty or header-only file, missing coordinate
  ///   columns, too many points, or when every row is invalid.
  public static func read(
    path: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil,
    maxPoints: Int = 100_000, maxBytes: Int = 256 << 20
  ) throws(MapError) -> PointTable {
    let data: Data
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      if attributes[.type] as? FileAttributeType == .typeDirectory {
        throw MapError.unreadableInput("\(path) is a folder, not a CSV file")
      }
      if let size = attributes[.size] as? Int, size > maxBytes {
        throw MapError.limitExceeded("\(path) is \(size) bytes; the limit is \(maxBytes)")
      }
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as MapError {
      throw error
    } catch {
      throw .unreadableInput("cannot read \(path): \((error as NSError).localizedDescription)")
    }
    return try parse(
      data, name: path, latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn,
      maxPoints: maxPoints)
  }

  /// Parses CSV bytes (see ``read(path:latitudeColumn:longitudeColumn:maxPoints:maxBytes:)``).
  public static func parse(
    _ data: Data, name: String = "the CSV", latitudeColumn: String? = nil,
    longitudeColumn: String? = nil, maxPoints: Int = 100_000
  ) throws(MapError) -> PointTable {
    var warnings: [String] = []
    var text: String
    if let valid = String(data: data, encoding: .utf8) {
      text = valid
    } else {
      text = String(decoding: data, as: UTF8.self)
      warnings.append("\(name) is not valid UTF-8; undecodable bytes were replaced with U+FFFD")
    }
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw .emptyInput(
        "\(name) is empty: expected a header row with latitude and longitude columns, then one row per point"
      )
    }
    let reader: CSVReader
    do {
      reader = try CSVReader(
        string: text, hasHeaderRow: true, trimFields: true,
        delimiter: CSVDelimiter.sniff(text.prefix(64 << 10)))
    } catch {
      throw .unreadableInput("\(name) is not readable CSV: \(error)")
    }
    let header = reader.headerRow ?? []
    let columns = try PointColumns.find(
      in: header, latitude: latitudeColumn, longitude: longitudeColumn
    ).get()
    func index(_ column: String?) -> Int? { column.flatMap { header.firstIndex(of: $0) } }
    let lat = index(columns.latitude)!
    let lon = index(columns.longitude)!
    let nameIndex = index(columns.name)
    let colorIndex = index(columns.color)
    let sizeIndex = index(columns.size)
    let lightIndex = index(columns.characteristic)

    var points: [MapPoint] = []
    var skipped: [String: Int] = [:]
    var rows = 0
    var badColors = 0
    while let row = reader.next() {
      if row.count == 1, row[0].isEmpty { continue }  // blank line
      rows += 1
      func field(_ i: Int?) -> String? {
        guard let i, i < row.count else { return nil }
        let value = row[i]
        return value.isEmpty ? nil : value
      }
      guard let latText = field(lat), let lonText = field(lon) else {
        skipped["missing coordinates", default: 0] += 1
        continue
      }
      guard let latitude = Double(latText), let longitude = Double(lonText), latitude.isFinite,
        longitude.isFinite
      else {
        skipped["coordinates not numbers", default: 0] += 1
        continue
      }
      guard (-90...90).contains(latitude) else {
        skipped["latitude out of range", default: 0] += 1
        continue
      }
      guard (-180...180).contains(longitude) else {
        skipped["longitude out of range", default: 0] += 1
        continue
      }
      guard points.count < maxPoints else {
        throw .limitExceeded(
          "\(name) has more than \(maxPoints) points; the limit is \(maxPoints) (a map cannot show more distinctly; sample the data or raise --max-points)"
        )
      }
      var color: RGBColor?
      if let text = field(colorIndex) {
        color = LightPalette.color(named: text)
        if color == nil { badColors += 1 }
      }
      let size = field(sizeIndex).flatMap(Double.init).map { min(max($0, 0.25), 4) } ?? 1
      points.append(
        MapPoint(
          coordinate: GeoCoordinate(latitude: latitude, longitude: longitude),
          name: field(nameIndex),
          color: color, sizeFactor: size.isFinite ? size : 1, characteristic: field(lightIndex)))
    }
    if let error = reader.error {
      throw .unreadableInput("\(name) is not readable CSV after row \(rows): \(error)")
    }
    guard rows > 0 else {
      throw .emptyInput("\(name) has a header row but no data rows")
    }
    guard !points.isEmpty else {
      let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
        separator: ", ")
      throw .noValidPoints("none of the \(rows) rows of \(name) has valid coordinates (\(reasons))")
    }
    if badColors > 0 {
      warnings.append(
        "\(badColors) colour value(s) were not a #hex, a CSS name or a chart letter; the light's own colour was used"
      )
    }
    return PointTable(
      points: points, rowsRead: rows, skipped: skipped, columns: columns, warnings: warnings)
  }
}

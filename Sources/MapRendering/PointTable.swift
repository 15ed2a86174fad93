public import Foundation
import Geo
import LumenCore
internal import Tables

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

  /// Reads a CSV file (or any table file ``Tables/TableReader`` reads): a header row, then one
  /// point per row; quoted fields, a UTF-8 BOM and CRLF line ends are fine, and bytes that are
  /// not UTF-8 are replaced (with a warning).
  ///
  /// - Parameters:
  ///   - latitudeColumn, longitudeColumn: Column names to use instead of the common ones.
  ///   - maxPoints: More valid points than this is an error (rows are counted while reading).
  ///   - maxBytes: A larger file is refused before it is read.
  /// - Throws: ``MapError`` for an unreadable, empty or header-only file, missing coordinate
  ///   columns, too many points, or when every row is invalid.
  public static func read(
    path: String, latitudeColumn: String? = nil, longitudeColumn: String? = nil,
    maxPoints: Int = 100_000, maxBytes: Int = 256 << 20
  ) throws(MapError) -> PointTable {
    var limits = TableReader.Limits()
    limits.maxFileBytes = maxBytes
    limits.maxRows = rowLimit(maxPoints)
    let table: Table
    do {
      table = try TableReader.read(path: path, limits: limits)
    } catch {
      throw mapError(error, name: path, maxPoints: maxPoints, maxRows: limits.maxRows)
    }
    return try points(
      from: table, latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn,
      maxPoints: maxPoints)
  }

  /// Parses CSV bytes (see ``read(path:latitudeColumn:longitudeColumn:maxPoints:maxBytes:)``).
  public static func parse(
    _ data: Data, name: String = "the CSV", latitudeColumn: String? = nil,
    longitudeColumn: String? = nil, maxPoints: Int = 100_000
  ) throws(MapError) -> PointTable {
    var limits = TableReader.Limits()
    limits.maxRows = rowLimit(maxPoints)
    let table: Table
    do {
      table = try TableReader.read(bytes: Array(data), name: name, limits: limits)
    } catch {
      throw mapError(error, name: name, maxPoints: maxPoints, maxRows: limits.maxRows)
    }
    return try points(
      from: table, latitudeColumn: latitudeColumn, longitudeColumn: longitudeColumn,
      maxPoints: maxPoints)
  }

  /// Rows read before a file is refused as having too many points: invalid rows are skipped,
  /// so a few times the point limit.
  static func rowLimit(_ maxPoints: Int) -> Int { max(maxPoints * 4, 1_000) }

  /// The reader's error in the map's words.
  static func mapError(_ error: TableError, name: String, maxPoints: Int, maxRows: Int) -> MapError
  {
    switch error {
    case .empty(let message):
      if message.contains("header row but no data rows") {
        return .emptyInput("\(name) has a header row but no data rows")
      }
      return .emptyInput(
        "\(name) is empty: expected a header row with latitude and longitude columns, then one row per point"
      )
    case .limitExceeded(let message):
      if message.contains("data rows") {
        return .limitExceeded(
          "\(name) has more than \(maxPoints) points (stopped reading at \(maxRows) rows); the limit is \(maxPoints) (a map cannot show more distinctly; sample the data or raise --max-points)"
        )
      }
      return .limitExceeded(message)
    case .unreadable(let message): return .unreadableInput(message)
    case .cancelled: return .renderingFailed("reading \(name) was cancelled")
    case .malformed(let message), .unsupported(let message), .unknownColumn(let message),
      .wrongValue(let message):
      return .badTable(message)
    }
  }

  /// The points of a table read by ``Tables/TableReader``.
  static func points(
    from table: Table, latitudeColumn: String?, longitudeColumn: String?, maxPoints: Int
  ) throws(MapError) -> PointTable {
    let name = table.source
    let columns = try PointColumns.find(
      in: table.header, latitude: latitudeColumn, longitude: longitudeColumn
    ).get()
    func column(_ name: String?) -> TableColumn? { name.flatMap { table.column($0) } }
    let lat = column(columns.latitude)!
    let lon = column(columns.longitude)!
    let nameColumn = column(columns.name)
    let colorColumn = column(columns.color)
    let sizeColumn = column(columns.size)
    let lightColumn = column(columns.characteristic)
    /// A coordinate: nil when missing, NaN when not a number.
    func number(_ column: TableColumn, _ row: Int) -> Double? {
      if column.kind.isNumeric, case .numbers(let values) = column.values { return values[row] }
      guard let text = column.values.text(at: row) else { return nil }
      return Double(text.trimmingCharacters(in: .whitespaces)) ?? .nan
    }
    var points: [MapPoint] = []
    var skipped: [String: Int] = [:]
    var badColors = 0
    for row in 0..<table.rowCount {
      guard let latitude = number(lat, row), let longitude = number(lon, row) else {
        skipped["missing coordinates", default: 0] += 1
        continue
      }
      guard latitude.isFinite, longitude.isFinite else {
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
      if let text = colorColumn?.values.text(at: row) {
        color = LightPalette.color(named: text)
        if color == nil { badColors += 1 }
      }
      let size = sizeColumn.flatMap { number($0, row) }.map { min(max($0, 0.25), 4) } ?? 1
      points.append(
        MapPoint(
          coordinate: GeoCoordinate(latitude: latitude, longitude: longitude),
          name: nameColumn?.values.text(at: row), color: color,
          sizeFactor: size.isFinite ? size : 1, characteristic: lightColumn?.values.text(at: row)))
    }
    var warnings = table.warnings
    guard !points.isEmpty else {
      let reasons = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
        separator: ", ")
      throw .noValidPoints(
        "none of the \(table.rowCount) rows of \(name) has valid coordinates (\(reasons))")
    }
    if badColors > 0 {
      warnings.append(
        "\(badColors) colour value(s) were not a #hex, a CSS name or a chart letter; the light's own colour was used"
      )
    }
    return PointTable(
      points: points, rowsRead: table.rowCount, skipped: skipped, columns: columns,
      warnings: warnings)
  }
}

internal import Tables

/// A column name with a date part in front (`hour:time`, `weekday:time`): the cells group a
/// date or datetime column by that part.
struct DateBucket: Hashable, Sendable {
  /// The parts a date is grouped by.
  enum Unit: String, CaseIterable, Sendable {
    case hour, weekday, day, month, year, date
  }

  var unit: Unit
  var column: String

  /// The bucket a spec names, or `nil` when the spec is a plain column name.
  init?(spec: String) {
    guard let colon = spec.firstIndex(of: ":"),
      let unit = Unit(rawValue: String(spec[..<colon]).lowercased())
    else { return nil }
    self.unit = unit
    column = String(spec[spec.index(after: colon)...])
  }

  /// The title a grouped axis gets: `hour(time)`.
  var title: String { "\(unit.rawValue)(\(column))" }

  /// The moment's part: its order (the key sorted by) and its label.
  func key(seconds: Double) -> (order: Double, label: String) {
    let days = Int((seconds / 86_400).rounded(.down))
    switch unit {
    case .hour:
      let hour = Int(seconds - Double(days) * 86_400) / 3600
      return (Double(hour), String(hour))
    case .weekday:
      let weekday = CivilDate.weekday(days: days)
      return (Double(weekday), CivilDate.weekdayNames[weekday])
    case .day:
      let day = CivilDate.date(days: days).day
      return (Double(day), String(day))
    case .month:
      let month = CivilDate.date(days: days).month
      return (Double(month), CivilDate.monthNames[month - 1])
    case .year:
      let year = CivilDate.date(days: days).year
      return (Double(year), String(year))
    case .date:
      return (Double(days), CivilDate.text(seconds: Double(days) * 86_400, withTime: false))
    }
  }

}

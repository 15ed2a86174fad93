internal import Tables

/// The calendar unit dates are grouped by (`--time-unit month`).
public enum TimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
  case day, week, month, quarter, year

  /// The start of the unit holding `seconds` (weeks start on Monday), in seconds.
  package func start(of seconds: Double) -> Double {
    let days = Int((seconds / 86_400).rounded(.down))
    switch self {
    case .day: return Double(days) * 86_400
    case .week:
      return Double(days - CivilDate.weekday(days: days)) * 86_400
    case .month, .quarter, .year:
      let (y, m, _) = CalendarDate.civil(days)
      let month = self == .year ? 1 : self == .quarter ? (m - 1) / 3 * 3 + 1 : m
      return Double(CalendarDate.days(y, month, 1)) * 86_400
    }
  }

  /// How a unit's start is labelled (`2024-03`, `2024 Q1`, `2024`).
  package func label(_ start: Double) -> String {
    let (y, m, d) = CalendarDate.civil(Int((start / 86_400).rounded(.down)))
    switch self {
    case .day, .week: return "\(y)-\(CalendarDate.two(m))-\(CalendarDate.two(d))"
    case .month: return "\(y)-\(CalendarDate.two(m))"
    case .quarter: return "\(y) Q\((m - 1) / 3 + 1)"
    case .year: return "\(y)"
    }
  }
}

internal import Tables

/// Calendar dates for axes and labels, on ``CivilDate``'s day counts.
enum CalendarDate {
  static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
    CivilDate.days(year: year, month: month, day: day)
  }

  static func civil(_ days: Int) -> (Int, Int, Int) {
    let date = CivilDate.date(days: days)
    return (date.year, date.month, date.day)
  }

  static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

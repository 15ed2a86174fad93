/// Dates as chart labels write them.
enum DateLabel {
  /// `2024-01-31`, or `2024-01-31 13:45` with a time.
  static func day(_ seconds: Double, withTime: Bool) -> String {
    let days = Int((seconds / 86_400).rounded(.down))
    let (y, m, d) = CalendarDate.civil(days)
    var text = "\(y)-\(CalendarDate.two(m))-\(CalendarDate.two(d))"
    let rest = Int(seconds - Double(days) * 86_400)
    if withTime, rest != 0 {
      text += " \(CalendarDate.two(rest / 3600)):\(CalendarDate.two(rest / 60 % 60))"
    }
    return text
  }
}

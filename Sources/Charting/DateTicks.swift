internal import Tables

/// Ticks on calendar boundaries for a date axis: years, quarters, months, weeks or days,
/// whichever gives about six.
enum DateTicks {
  static func ticks(_ low: Double, _ high: Double) -> NiceTicks.Result {
    let day = 86_400.0
    let span = max(high - low, day)
    let lowDay = Int((low / day).rounded(.down))
    let highDay = Int((high / day).rounded(.up))
    var values: [Double] = []
    if span > 3 * 365 * day {
      let (y0, _, _) = CalendarDate.civil(lowDay)
      let (y1, _, _) = CalendarDate.civil(highDay)
      let years = y1 - y0 + 1
      let step = [1, 2, 5, 10, 20, 50, 100].first { years / $0 <= 8 } ?? 100
      var y = (y0 / step) * step
      while y <= y1 + step {
        values.append(Double(CalendarDate.days(y, 1, 1)) * day)
        y += step
      }
    } else if span > 60 * day {
      let months = Int(span / (30 * day))
      let step = [1, 2, 3, 6, 12].first { months / $0 <= 8 } ?? 12
      var (y, m, _) = CalendarDate.civil(lowDay)
      m = ((m - 1) / step) * step + 1
      while true {
        let t = Double(CalendarDate.days(y, m, 1)) * day
        values.append(t)
        if t > high { break }
        m += step
        if m > 12 {
          m -= 12
          y += 1
        }
      }
    } else {
      let days = Int(span / day)
      let step = [1, 2, 7, 14].first { days / $0 <= 8 } ?? 14
      var d = lowDay
      if step == 7 { d -= ((d % 7) + 7 + 3) % 7 }
      while true {
        values.append(Double(d) * day)
        if Double(d) * day > high { break }
        d += step
      }
    }
    // Keep the ticks inside the data, with one on each side when needed for the range.
    let inside = values.filter { $0 >= low - 1 && $0 <= high + 1 }
    let lower = min(low, inside.first ?? low)
    let upper = max(high, inside.last ?? high)
    return NiceTicks.Result(
      lower: lower, upper: upper, step: 0, values: inside.isEmpty ? [low, high] : inside)
  }

  /// `2024`, `Mar 2024`, `Mar 5` as fits the span.
  static func label(_ seconds: Double, span: Double) -> String {
    let (y, m, d) = CalendarDate.civil(Int((seconds / 86_400).rounded(.down)))
    if span > 3 * 365 * 86_400 { return "\(y)" }
    if span > 60 * 86_400 {
      return m == 1 ? "\(CivilDate.monthNames[m - 1]) \(y)" : CivilDate.monthNames[m - 1]
    }
    return "\(CivilDate.monthNames[m - 1]) \(d)"
  }
}

/// Calendar days counted from 1970-01-01 and back (proleptic Gregorian, UTC; Howard Hinnant's
/// `days_from_civil` and `civil_from_days`), shared by the reader and the data jobs.
public enum CivilDate {
  /// Monday 0 … Sunday 6 of a day counted from 1970-01-01 (a Thursday).
  public static func weekday(days: Int) -> Int { ((days + 3) % 7 + 7) % 7 }

  /// `Mon` … `Sun`, by ``weekday(days:)``.
  public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  /// `Jan` … `Dec`, month 1 first.
  public static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// Days from 1970-01-01 to the date.
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// `seconds` since 1970 as ISO 8601 (`2024-01-31`, or `2024-01-31 13:45` / `…:07` when
  /// `withTime` and the time of day is not midnight).
  public static func text(seconds: Double, withTime: Bool) -> String {
    let days = Int((seconds / 86_400).rounded(.down))
    let (y, m, d) = date(days: days)
    var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    let rest = Int((seconds - Double(days) * 86_400).rounded())
    if withTime, rest != 0 {
      text += " \(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2))"
      if rest % 60 != 0 { text += ":\(pad(rest % 60, 2))" }
    }
    return text
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// The date `days` after 1970-01-01.
  public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

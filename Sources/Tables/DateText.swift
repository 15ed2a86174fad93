/// Dates and times as tables write them, read with one layout per column: ISO 8601
/// (`2024-01-31`, `2024-01-31T13:45:00Z`, `2024-01-31 13:45`), `01/31/2024`, `31/01/2024`,
/// `31.01.2024` and `2024/01/31`, each with an optional time.
enum DateText {
  /// The layouts, in the order tried.
  enum Layout: String, CaseIterable, Sendable {
    case iso = "2024-01-31"
    case monthDayYear = "01/31/2024"
    case dayMonthYear = "31/01/2024"
    case dotted = "31.01.2024"
    case yearSlash = "2024/01/31"
  }

  /// A moment read from text.
  struct Reading: Equatable {
    /// Seconds since 1970-01-01 00:00 UTC (a time without a zone is taken as UTC).
    var seconds: Double
    /// Whether a time of day was written.
    var hasTime: Bool
  }

  /// Reads `text` with `layout`, or `nil`.
  static func read(_ text: Substring, layout: Layout) -> Reading? {
    Array(text.utf8).withUnsafeBufferPointer { read(bytes: $0[...], layout: layout) }
  }

  /// Reads UTF-8 bytes with `layout`, or `nil`.
  static func read(bytes: Slice<UnsafeBufferPointer<UInt8>>, layout: Layout) -> Reading? {
    var scanner = DigitScanner(bytes)
    let year: Int
    let month: Int
    let day: Int
    switch layout {
    case .iso, .yearSlash:
      let separator = layout == .iso ? UInt8(ascii: "-") : UInt8(ascii: "/")
      guard let y = scanner.number(digits: 4...4), scanner.take(separator),
        let m = scanner.number(digits: 1...2), scanner.take(separator),
        let d = scanner.number(digits: 1...2)
      else { return nil }
      (year, month, day) = (y, m, d)
    case .monthDayYear, .dayMonthYear, .dotted:
      let separator = layout == .dotted ? UInt8(ascii: ".") : UInt8(ascii: "/")
      guard let a = scanner.number(digits: 1...2), scanner.take(separator),
        let b = scanner.number(digits: 1...2), scanner.take(separator),
        let y = scanner.number(digits: 4...4)
      else { return nil }
      (year, month, day) = layout == .monthDayYear ? (y, a, b) : (y, b, a)
    }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else {
      return nil
    }
    var seconds = Double(CivilDate.days(year: year, month: month, day: day)) * 86_400
    guard !scanner.atEnd else { return Reading(seconds: seconds, hasTime: false) }
    guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")),
      let hour = scanner.number(digits: 1...2), scanner.take(UInt8(ascii: ":")),
      let minute = scanner.number(digits: 2...2), hour < 24, minute < 60
    else { return nil }
    seconds += Double(hour * 3600 + minute * 60)
    if scanner.take(UInt8(ascii: ":")) {
      guard let second = scanner.number(digits: 2...2), second < 61 else { return nil }
      seconds += Double(second)
      if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
        let start = scanner.position
        guard let fraction = scanner.number(digits: 1...9) else { return nil }
        seconds += Double(fraction) / pow(10, Double(scanner.position - start))
      }
    }
    if layout == .iso {
      if scanner.take(UInt8(ascii: "Z")) {
      } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        scanner.advance()
        guard let offsetHours = scanner.number(digits: 2...2) else { return nil }
        _ = scanner.take(UInt8(ascii: ":"))
        let offsetMinutes = scanner.number(digits: 2...2) ?? 0
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
        seconds += sign == UInt8(ascii: "+") ? -offset : offset
      }
    }
    guard scanner.atEnd else { return nil }
    return Reading(seconds: seconds, hasTime: true)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

}

#if canImport(Glibc)
  import Glibc
#endif

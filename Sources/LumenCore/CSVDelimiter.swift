/// Tells a delimited text's field separator from its first lines: `,`, `;`, tab or `|`, as
/// spreadsheets in other locales and database exports write them.
public enum CSVDelimiter {
  /// The separators tried, in order of preference when the evidence ties.
  public static let candidates: [Unicode.Scalar] = [",", ";", "\t", "|"]

  /// The separator that splits the first lines (up to 20, quoted text ignored) into the same
  /// number of fields, more than one; `,` when none does.
  public static func sniff(_ text: some StringProtocol) -> Unicode.Scalar {
    // The first 20 lines only, found by scalars (splitting a 64 KB head into Characters first
    // cost a table of 100 columns some milliseconds).
    let scalars = Substring(text).unicodeScalars
    var lines: [Substring.UnicodeScalarView.SubSequence] = []
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex, lines.count < 20 {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if scalar == "\n" || scalar == "\r" {
        if start < index { lines.append(scalars[start..<index]) }
        start = next
      }
      index = next
    }
    if lines.count < 20, start < scalars.endIndex { lines.append(scalars[start...]) }
    guard !lines.isEmpty else { return "," }
    var best: (scalar: Unicode.Scalar, consistent: Int, fields: Int) = (",", 0, 0)
    for candidate in candidates {
      let counts = lines.map { count(of: candidate, in: $0) }
      guard let header = counts.first, header > 0 else { continue }
      let consistent = counts.filter { $0 == header }.count
      if consistent > best.consistent || (consistent == best.consistent && header > best.fields) {
        best = (candidate, consistent, header)
      }
    }
    return best.scalar
  }

  /// Occurrences of `separator` outside double quotes in one line.
  static func count(
    of separator: Unicode.Scalar, in line: Substring.UnicodeScalarView.SubSequence
  ) -> Int {
    var inQuotes = false
    var count = 0
    for scalar in line {
      if scalar == "\"" { inQuotes.toggle() } else if scalar == separator, !inQuotes { count += 1 }
    }
    return count
  }
}

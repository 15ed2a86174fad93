/// The files a chart is written as, chosen by the output's extension.
public enum ChartOutputFormat: String, Sendable, Hashable, Codable, CaseIterable {
  case png, svg, pdf, html

  /// The format an output name asks for, or `nil`.
  public init?(outputName: String) {
    let lower = outputName.lowercased()
    guard let dot = lower.lastIndex(of: "."),
      let format = ChartOutputFormat(rawValue: String(lower[lower.index(after: dot)...]))
    else {
      if lower.hasSuffix(".htm") {
        self = .html
        return
      }
      return nil
    }
    self = format
  }
}

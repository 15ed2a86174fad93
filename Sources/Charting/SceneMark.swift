/// What a data mark stands for: its series (for the legend's show/hide) and its fields and
/// values in words, which SVG writes as the mark's `aria-label` and HTML shows as its tooltip
/// (`day: Sun; tip (mean): 3.26`).
public struct SceneMark: Sendable, Hashable, Codable {
  /// The series (colour) the mark belongs to, if the chart has several.
  public var series: String?
  /// `field: value` pairs, in order.
  public var fields: [Field]

  /// One `field: value` pair.
  public struct Field: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
  }

  /// The pairs joined as the label reads: `day: Sun; tip (mean): 3.26`.
  public var label: String { fields.map { "\($0.name): \($0.value)" }.joined(separator: "; ") }

  package init(series: String?, _ pairs: [(String, String)]) {
    self.series = series
    fields = pairs.map { Field(name: $0.0, value: $0.1) }
  }
}

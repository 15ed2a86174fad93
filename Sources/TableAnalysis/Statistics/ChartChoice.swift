/// A chart the analysis drew, and why it was chosen.
public struct ChartChoice: Sendable, Hashable, Codable {
  /// `01-temp_max-over-date`: the file name without extension.
  public var id: String
  /// `line`, `bar`, `histogram`, `scatter`, `heatmap`.
  public var kind: String
  public var title: String
  /// The columns it shows.
  public var columns: [String]
  /// The rule that chose it, in words.
  public var why: String
  /// Paths relative to the output folder.
  public var png: String
  public var svg: String
}

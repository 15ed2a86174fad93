public import Tables

/// One column's statistics in `stats.json`, with pandas' `describe` names where they exist
/// (`count` counts the values present; `std` is the sample deviation; `p25`…`p75` interpolate
/// linearly). Keys that do not apply to the column's kind are `null`.
public struct ColumnStatistics: Sendable, Hashable, Codable {
  /// One of the most frequent values.
  public struct TopValue: Sendable, Hashable, Codable {
    /// The value as text.
    public var value: String
    /// Rows holding it.
    public var count: Int
  }

  public var name: String
  public var kind: ColumnKind
  /// Why the kind was chosen, in words.
  public var kindReason: String
  public var count: Int
  public var missing: Int
  public var distinct: Int
  /// Whether `distinct` is exact (else HyperLogLog's estimate, `distinct_error` its standard error).
  public var distinctExact: Bool
  public var distinctError: Double?
  public var mean: StatValue?
  public var std: Double?
  public var min: StatValue?
  public var p25: StatValue?
  public var p50: StatValue?
  public var p75: StatValue?
  public var max: StatValue?
  public var skew: Double?
  public var zeros: Int?
  public var negatives: Int?
  /// Values beyond 1.5 IQR from the quartiles.
  public var outliers: Int?
  /// Whether the quantiles (and outliers) are exact; else `rank_error` bounds them.
  public var quantilesExact: Bool?
  public var rankError: Double?
  /// The most frequent value and its count (pandas' `top` and `freq`).
  public var top: String?
  public var freq: Int?
  public var topValues: [TopValue]?
  /// Whether the counts of the top values are exact.
  public var topExact: Bool?
  /// The share of present values outside `top_values`.
  public var otherShare: Double?
  public var unit: String?
  public var dateLayout: String?
  /// Dates: the most common step between distinct times (`1 day`), and how many steps are
  /// longer than it.
  public var granularity: String?
  public var gaps: Int?
  public var largestGap: String?
  /// Text: length in characters.
  public var lengthMin: Double?
  public var lengthMean: Double?
  public var lengthMax: Double?
  /// A small histogram for the report's column table (edges and counts).
  public var histogram: Histogram?

  /// Equal-width bins between the minimum and the maximum.
  public struct Histogram: Sendable, Hashable, Codable {
    public var edges: [Double]
    public var counts: [Double]
  }

  enum CodingKeys: String, CodingKey {
    case name, kind
    case kindReason = "kind_reason"
    case count, missing, distinct
    case distinctExact = "distinct_exact"
    case distinctError = "distinct_error"
    case mean, std, min, p25, p50, p75, max, skew, zeros, negatives, outliers
    case quantilesExact = "quantiles_exact"
    case rankError = "rank_error"
    case top, freq
    case topValues = "top_values"
    case topExact = "top_exact"
    case otherShare = "other_share"
    case unit
    case dateLayout = "date_layout"
    case granularity, gaps
    case largestGap = "largest_gap"
    case lengthMin = "length_min"
    case lengthMean = "length_mean"
    case lengthMax = "length_max"
    case histogram
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(name, forKey: .name)
    try c.encode(kind, forKey: .kind)
    try c.encode(kindReason, forKey: .kindReason)
    try c.encode(count, forKey: .count)
    try c.encode(missing, forKey: .missing)
    try c.encode(distinct, forKey: .distinct)
    try c.encode(distinctExact, forKey: .distinctExact)
    try c.encode(distinctError, forKey: .distinctError)
    // pandas' describe keys always present (null when they do not apply).
    try c.encode(mean, forKey: .mean)
    try c.encode(std.flatMap { $0.isFinite ? $0 : nil }, forKey: .std)
    try c.encode(min, forKey: .min)
    try c.encode(p25, forKey: .p25)
    try c.encode(p50, forKey: .p50)
    try c.encode(p75, forKey: .p75)
    try c.encode(max, forKey: .max)
    try c.encode(skew.flatMap { $0.isFinite ? $0 : nil }, forKey: .skew)
    try c.encode(zeros, forKey: .zeros)
    try c.encode(negatives, forKey: .negatives)
    try c.encode(outliers, forKey: .outliers)
    try c.encode(quantilesExact, forKey: .quantilesExact)
    try c.encode(rankError, forKey: .rankError)
    try c.encode(top, forKey: .top)
    try c.encode(freq, forKey: .freq)
    try c.encode(topValues, forKey: .topValues)
    try c.encode(topExact, forKey: .topExact)
    try c.encode(otherShare, forKey: .otherShare)
    try c.encodeIfPresent(unit, forKey: .unit)
    try c.encodeIfPresent(dateLayout, forKey: .dateLayout)
    try c.encodeIfPresent(granularity, forKey: .granularity)
    try c.encodeIfPresent(gaps, forKey: .gaps)
    try c.encodeIfPresent(largestGap, forKey: .largestGap)
    try c.encodeIfPresent(lengthMin, forKey: .lengthMin)
    try c.encodeIfPresent(lengthMean, forKey: .lengthMean)
    try c.encodeIfPresent(lengthMax, forKey: .lengthMax)
    try c.encodeIfPresent(histogram, forKey: .histogram)
  }
}

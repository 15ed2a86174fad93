internal import Foundation
public import LumenCore

/// Values to the scale's 256 colours: linear from `low` to `high`, logarithmic, or diverging
/// around a centre (the centre is the middle colour; the farther end sets the spread).
public struct HeatmapColoring: Sendable, Hashable {
  public var scale: HeatmapScale
  public var low: Double
  public var high: Double
  public var center: Double?
  public var log: Bool
  /// The scale's colours, low to high.
  public let table: [RGBColor]

  init(grid: HeatmapGrid, options: HeatmapOptions) throws(HeatmapError) {
    try self.init(summary: HeatmapValueSummary(grid), options: options)
  }

  /// The colouring of a grid whose values `summary` describes.
  init(summary: HeatmapValueSummary, options: HeatmapOptions) throws(HeatmapError) {
    scale = options.scale
    log = options.log
    guard let (dataLow, dataHigh) = summary.range(log: options.log) else {
      throw .unsuitableData(
        options.log
          ? "no cell has a value above 0, which a log scale needs"
          : "every cell is missing: there is no value to colour")
    }
    low = options.range?.lowerBound ?? dataLow
    high = options.range?.upperBound ?? dataHigh
    center = scale.isDiverging ? (options.center ?? 0) : nil
    table = scale.table
  }

  /// Where a value falls on the scale, 0…1 (clamped), or `nil` for a missing value (and, on a
  /// log scale, one at or below 0).
  public func position(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let t: Double
    if log {
      guard value > 0 else { return nil }
      let a = Foundation.log10(low)
      let b = Foundation.log10(high)
      t = b > a ? (Foundation.log10(value) - a) / (b - a) : 0.5
    } else if let center {
      let spread = max(abs(high - center), abs(low - center))
      t = spread > 0 ? 0.5 + 0.5 * (value - center) / spread : 0.5
    } else {
      t = high > low ? (value - low) / (high - low) : 0.5
    }
    return min(max(t, 0), 1)
  }

  /// The colour-table index of a value (0…255), or `nil` when it has no colour.
  public func index(_ value: Double) -> Int? {
    position(value).map { min(255, Int($0 * 256)) }
  }

  /// The colour of a value, or `nil` when it has none.
  public func color(_ value: Double) -> RGBColor? { index(value).map { table[$0] } }
}

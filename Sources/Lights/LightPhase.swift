/// One interval of a light's period: lit in a colour, or dark (an eclipse).
public struct LightPhase: Sendable, Hashable {
  /// How long the interval lasts, in seconds (always more than 0).
  public var durationSeconds: Double
  /// The colour shown, or `nil` while the light is dark.
  public var color: LightColor?

  /// Whether the light shows during this interval.
  public var isLit: Bool { color != nil }

  /// An interval of `durationSeconds` showing `color`, or dark when `color` is `nil`.
  public init(durationSeconds: Double, color: LightColor?) {
    self.durationSeconds = durationSeconds
    self.color = color
  }
}

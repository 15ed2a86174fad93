/// Where a GIF's colours come from.
public enum PaletteMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// One palette from every frame, written once: the smallest files and no colour flicker.
  case global
  /// A palette per frame, written with each: truest colours where scenes differ.
  case perFrame = "per-frame"
  /// The global palette, and a frame's own where the global one fits it measurably worse
  /// (a scene change).
  case auto
}

/// How colours between palette entries are rendered.
public enum GIFDithering: String, Sendable, Hashable, CaseIterable, Codable {
  /// Each pixel takes the nearest palette colour: flat areas stay flat and compress best.
  case none
  /// An 8×8 Bayer matrix spreads gradients over neighbouring entries, stable across frames.
  case ordered
}

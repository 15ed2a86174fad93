/// How colours between palette entries are rendered.
public enum DitherMethod: String, Sendable, Hashable, CaseIterable, Codable {
  /// Error diffusion to four neighbours (7, 3, 5, 1 sixteenths).
  case floydSteinberg = "floyd-steinberg"
  /// Sierra-2-4A error diffusion (right 2, below-left 1, below 1 quarters): ffmpeg's
  /// `paletteuse` default, lighter than Floyd–Steinberg.
  case sierra
  /// An 8×8 Bayer threshold pattern: the same from frame to frame.
  case ordered
  /// The nearest palette colour: flat areas stay flat and compress best.
  case none
}

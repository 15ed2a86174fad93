/// How a theme draws its lights.
public enum MapLightStyle: Sendable, Hashable {
  /// A bright core in a soft halo, for dark maps where light glows
  /// (``LightPalette/color(of:)``).
  case glow
  /// A saturated core inside a dark ring, for pale maps where a glow would vanish
  /// (``LightPalette/dayColor(of:)``, ring from ``LightPalette/outline(of:against:)``).
  case outlined
}

/// The changing label in the map's top-right corner.
public enum MapLabel: String, Sendable, Hashable, CaseIterable, Codable {
  /// The animation clock, `t = 2.3 s`.
  case clock
  /// The frame number, `frame 23/60`.
  case frame
  /// No label.
  case none
}

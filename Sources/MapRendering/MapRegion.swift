public import Geo

/// What part of the Earth a map shows.
public enum MapRegion: Sendable, Hashable, CustomStringConvertible {
  /// The US composite when the points are spread over the US (or in Alaska, Hawaii, Puerto
  /// Rico), the world when they span most of it, else a box fitted to the data.
  case auto
  /// The 50 states, DC and Puerto Rico in the Albers-USA composite with insets.
  case usa
  /// The whole world in Equal Earth.
  case world
  /// A longitude/latitude box in an equirectangular projection.
  case bounds(GeoBounds)

  /// Parses `auto`, `usa`, `world` or `W,S,E,N`.
  public init?(parsing text: String) {
    switch text.lowercased() {
    case "auto": self = .auto
    case "usa", "us": self = .usa
    case "world": self = .world
    default:
      guard let box = GeoBounds(parsing: text) else { return nil }
      self = .bounds(box)
    }
  }

  public var description: String {
    switch self {
    case .auto: "auto"
    case .usa: "usa"
    case .world: "world"
    case .bounds(let b): b.description
    }
  }
}

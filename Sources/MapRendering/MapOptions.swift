public import GIFCodec
import Geo
public import LumenCore

/// How a map animation is drawn and encoded. The defaults make an 800×500, 12-second,
/// 10 fps night map.
///
/// The one description of map's settings: the `render_map_animation` tool decodes it from its
/// arguments and `lumen map` builds it from its flags through the same decoder
/// (``LumenCore/OperationOptions/decoding(_:)``); ``fields`` documents each one for both.
/// Dithering, CRF, the point limit and overwriting are set by the program, not decoded.
public struct MapOptions: OperationOptions {
  /// The picture size in pixels (16…4096 each way).
  public var size = Size(width: 800, height: 500)
  /// Frames per second (1…50).
  public var framesPerSecond = 10
  /// The animation's length (0.1…120 s). The default, 12 s, is a whole number of periods of
  /// the default blink (4 s) and of the commonest Light List periods (2, 3, 4, 6 s), so those
  /// lights keep their exact rhythm; other periods are fitted to the loop
  /// (``Lights/BlinkSchedule/cycles(periodSeconds:loopSeconds:)``).
  public var seconds = 12.0
  /// The area shown.
  public var region: MapRegion = .auto
  /// The colours.
  public var theme: MapTheme = .dark
  /// A title in the top-left corner.
  public var title: String?
  /// The changing label in the top-right corner.
  public var label: MapLabel = .clock
  /// A source line added to the basemap attribution (e.g. where the points come from).
  public var attribution: String?
  /// Column names to use instead of the common ones.
  public var latitudeColumn: String?
  public var longitudeColumn: String?
  /// Seeds the phases of lights, so the same input gives the same animation.
  public var seed: UInt64 = 1
  /// How many times the animation plays: `0` forever (a GIF's NETSCAPE loop; a video, which
  /// cannot loop, plays once), `n` exactly n times (a video repeats its frames).
  public var plays = 0
  /// GIF dithering.
  public var dithering: GIFDithering = .none
  /// The most points accepted.
  public var maxPoints = 100_000
  /// Video quality (CRF) for MP4/WebM; the codec's default when `nil`.
  public var crf: Int?
  /// Replace an existing output (never the input). Off by default: the CLI sets it for
  /// `--overwrite`, tools never do.
  public var overwrite = false

  public init() {}

  /// The number of frames: `seconds × framesPerSecond`, at least 1.
  public var frameCount: Int { max(1, Int((seconds * Double(framesPerSecond)).rounded())) }

  /// The animation's real length, `frameCount / framesPerSecond`: every light's schedule
  /// repeats exactly over it, so the animation loops without a jump.
  public var loopSeconds: Double { Double(frameCount) / Double(framesPerSecond) }

  /// The first problem with the options, if any.
  public func validationFailure() -> String? {
    if !(16...4096).contains(size.width) || !(16...4096).contains(size.height) {
      return "size \(size) is out of range: width and height must be 16…4096 pixels (e.g. 800x500)"
    }
    if !(1...50).contains(framesPerSecond) {
      return "fps \(framesPerSecond) is out of range 1…50 (e.g. 10)"
    }
    if !(seconds.isFinite && seconds >= 0.1 && seconds <= 120) {
      return "seconds \(seconds) is out of range 0.1…120 (e.g. 12)"
    }
    if maxPoints < 1 { return "max points must be at least 1" }
    if !(0...1000).contains(plays) {
      return "loop \(plays) is out of range 0…1000 (0 loops forever)"
    }
    if let crf, !(0...63).contains(crf) { return "crf \(crf) is out of range 0…63" }
    return nil
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField("title", "A title drawn in the top-left corner", absent: "null for none"),
    OptionField(
      "region",
      "\"auto\", \"usa\" (Albers with Alaska/Hawaii/Puerto Rico insets), \"world\", or a box \"W,S,E,N\" in degrees such as \"-89,41,-84,46.5\"",
      absent: "null for auto (usa when every point is in the US)"),
    OptionField("theme", "Colours: dark (a night map) or light", absent: "null for dark"),
    OptionField("width", "Picture width in pixels", absent: "null for 800", bounds: 16...4096),
    OptionField("height", "Picture height in pixels", absent: "null for 500", bounds: 16...4096),
    OptionField("fps", "Frames per second", absent: "null for 10", bounds: 1...50),
    OptionField(
      "seconds", "Length in seconds (periods are fitted so the animation loops seamlessly)",
      absent: "null for 12", bounds: 0.1...120),
    OptionField(
      "label", "The changing corner label: clock, frame (the frame number) or none",
      absent: "null for clock"),
    OptionField(
      "lat_column", "The latitude column's name, when it is not a common one",
      absent: "null to find it"),
    OptionField(
      "lon_column", "The longitude column's name, when it is not a common one",
      absent: "null to find it"),
    OptionField(
      "loop",
      "How many times the animation plays, 0 forever (a GIF loops; a video, which cannot, plays once)",
      absent: "null for 0", bounds: 0...1000),
    OptionField(
      "attribution", "A data source line added to the basemap attribution",
      absent: "null for none"),
    OptionField(
      "seed", "Seed for the lights' phases, 0 or more (same seed, same animation)",
      absent: "null for 1"),
  ]

  enum CodingKeys: String, CodingKey {
    case title, region, theme, width, height, fps, seconds, label, loop, attribution, seed
    case latColumn = "lat_column"
    case lonColumn = "lon_column"
  }

  /// Reads the settings in ``fields``; a missing or null one keeps its default. Ranges are
  /// checked by ``validationFailure()``; a region that is not one is refused here.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    if let text = try c.decodeIfPresent(String.self, forKey: .region) {
      guard let region = MapRegion(parsing: text) else {
        throw MapError.invalidOption(
          "region \"\(text)\" is not auto, usa, world or W,S,E,N (e.g. \"-89,41,-84,46.5\")")
      }
      self.region = region
    }
    if let name = try c.decodeIfPresent(MapTheme.Name.self, forKey: .theme) { theme = name.theme }
    size.width = try c.decodeIfPresent(Int.self, forKey: .width) ?? size.width
    size.height = try c.decodeIfPresent(Int.self, forKey: .height) ?? size.height
    framesPerSecond = try c.decodeIfPresent(Int.self, forKey: .fps) ?? framesPerSecond
    seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? seconds
    label = try c.decodeIfPresent(MapLabel.self, forKey: .label) ?? label
    latitudeColumn = try c.decodeIfPresent(String.self, forKey: .latColumn)
    longitudeColumn = try c.decodeIfPresent(String.self, forKey: .lonColumn)
    plays = try c.decodeIfPresent(Int.self, forKey: .loop) ?? plays
    attribution = try c.decodeIfPresent(String.self, forKey: .attribution)
    if let seed = try c.decodeIfPresent(Int.self, forKey: .seed) {
      guard seed >= 0 else { throw MapError.invalidOption("seed \(seed) must not be negative") }
      self.seed = UInt64(seed)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(title, forKey: .title)
    try c.encode(region.description, forKey: .region)
    try c.encode(theme.name, forKey: .theme)
    try c.encode(size.width, forKey: .width)
    try c.encode(size.height, forKey: .height)
    try c.encode(framesPerSecond, forKey: .fps)
    try c.encode(seconds, forKey: .seconds)
    try c.encode(label, forKey: .label)
    try c.encodeIfPresent(latitudeColumn, forKey: .latColumn)
    try c.encodeIfPresent(longitudeColumn, forKey: .lonColumn)
    try c.encode(plays, forKey: .loop)
    try c.encodeIfPresent(attribution, forKey: .attribution)
    try c.encode(Int(clamping: seed), forKey: .seed)
  }
}

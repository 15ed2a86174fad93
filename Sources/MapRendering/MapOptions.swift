public import GIFCodec
import Geo
public import LumenCore

/// How a map animation is drawn and encoded. The defaults make an 800×500, 12-second,
/// 10 fps night map.
public struct MapOptions: Sendable {
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
}

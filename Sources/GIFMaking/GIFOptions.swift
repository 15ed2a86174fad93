internal import Foundation
public import LumenCore

/// How ``GIFMaking`` makes a GIF: which part of the source, its timing and size, the colours
/// and dithering, and how small it must be.
///
/// The one description of `lumen gif`'s settings: the `make_gif` tool decodes it from its
/// arguments and the command builds it from its flags through the same decoder; ``fields``
/// documents each. Limits and overwriting are set by the program.
public struct GIFOptions: OperationOptions, Hashable {
  /// Where in the source to begin, in seconds.
  public var start: Double?
  /// Where to stop, in seconds of the source (exclusive with ``duration``).
  public var end: Double?
  /// How long a part of the source to take, in seconds.
  public var duration: Double?
  /// Frames per second of the GIF; `nil` keeps the source rate (at most 25 for a video,
  /// a GIF's own delays, or ``delay`` for images).
  public var framesPerSecond: Double?
  /// Centiseconds each image is shown (image inputs), when ``framesPerSecond`` is not given.
  public var delay: Int?
  /// Output width; the height follows the aspect ratio unless ``height`` is also given.
  public var width: Int?
  /// Output height; the width follows the aspect ratio unless ``width`` is also given.
  public var height: Int?
  /// Scale down to at most this width, keeping the aspect ratio.
  public var maxWidth: Int?
  /// The part of the source picture to keep, in source pixels, before scaling.
  public var crop: PixelRect?
  /// Play speed: 2 is twice as fast (the GIF lasts half as long).
  public var speed: Double = 1
  /// Play the frames backwards.
  public var reverse = false
  /// Play forwards, then backwards.
  public var boomerang = false
  /// Times the GIF plays: 0 loops forever.
  public var loop = 0
  /// Text drawn on every frame, white with a dark outline.
  public var caption: String?
  /// Where the caption goes.
  public var captionPosition: CaptionPosition = .bottom
  /// Colours in the palette, 2…256 (one of 256 is kept for "unchanged" pixels).
  public var colors = 256
  /// One palette for the whole GIF, one per frame, or one with local palettes where it is poor.
  public var palette: PaletteMode = .auto
  /// How colours between palette entries are rendered.
  public var dither: DitherMethod = .sierra
  /// How strongly errors are spread, 0…1.
  public var ditherStrength = 0.3
  /// Lossy LZW, 0 (exact) … 200: longer runs for a small colour error, as gifsicle's `--lossy`.
  public var lossy = 0
  /// The largest file wanted, in bytes; quality is stepped down until the GIF fits.
  public var maxBytes: Int?
  /// The colour under transparent source pixels.
  public var background: RGBColor = .white
  /// Replace an existing output (never an input). The CLI sets it for `-y`; tools never do.
  public var overwrite = false
  /// Size limits checked from headers before decoding.
  public var limits: DecodeLimits = .default
  /// A factor on the size the options give (`max_bytes` lowers it).
  public var widthScale = 1.0
  /// The most images one GIF is made of.
  public var maxImages = 10_000
  /// The most memory spent holding frames for `reverse`/`boomerang` and for not decoding
  /// twice, in bytes.
  public var frameMemory = 256 << 20

  public init() {}

  /// Checks ranges and combinations, in field names.
  public func validate() throws(GIFMakingError) {
    func bad(_ text: String) -> GIFMakingError { .invalidOption(text) }
    func number(_ value: Double) -> String { String(format: "%g", value) }
    if let start, !(start >= 0 && start.isFinite) {
      throw bad("start \(number(start)) must be 0 or more seconds")
    }
    if let end, !(end > 0 && end.isFinite) {
      throw bad("end \(number(end)) must be more than 0 seconds")
    }
    if let duration, !(duration > 0 && duration.isFinite) {
      throw bad("duration \(number(duration)) must be more than 0 seconds")
    }
    if end != nil && duration != nil { throw bad("end and duration cannot be combined; give one") }
    if let end, let start, end <= start {
      throw bad("end \(number(end)) s is not after start \(number(start)) s")
    }
    if let fps = framesPerSecond, !(fps >= 0.1 && fps <= 50) {
      throw bad(
        "fps \(number(fps)) is out of range 0.1–50 (browsers play GIF delays under 2 centiseconds "
          + "as 10, so 50 is the most a GIF shows)")
    }
    if let delay, !(2...65535).contains(delay) {
      throw bad("delay \(delay) is out of range 2–65535 centiseconds")
    }
    for (name, value) in [("width", width), ("height", height), ("max_width", maxWidth)] {
      if let value, !(1...limits.maxWidth).contains(value) {
        throw bad("\(name) \(value) is out of range 1–\(limits.maxWidth)")
      }
    }
    if maxWidth != nil && width != nil { throw bad("width and max_width cannot be combined") }
    if let crop, crop.width <= 0 || crop.height <= 0 || crop.x < 0 || crop.y < 0 {
      throw bad(
        "crop \(crop.x),\(crop.y),\(crop.width),\(crop.height) must have x, y ≥ 0 and a size")
    }
    if !(speed >= 0.01 && speed <= 100) {
      throw bad("speed \(number(speed)) is out of range 0.01–100")
    }
    if reverse && boomerang { throw bad("reverse and boomerang cannot be combined") }
    if !(0...65535).contains(loop) {
      throw bad("loop \(loop) is out of range 0–65535 (0 = forever)")
    }
    if let caption, caption.count > 200 { throw bad("caption is longer than 200 characters") }
    if !(2...256).contains(colors) { throw bad("colors \(colors) is out of range 2–256") }
    if !(ditherStrength >= 0 && ditherStrength <= 1) {
      throw bad("dither_strength \(number(ditherStrength)) is out of range 0–1")
    }
    if !(0...200).contains(lossy) { throw bad("lossy \(lossy) is out of range 0–200") }
    if let maxBytes, maxBytes < 1024 { throw bad("max_bytes \(maxBytes) is below 1024 bytes") }
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField(
      "start", "Where in the source to begin, in seconds", absent: "null for the beginning"),
    OptionField(
      "end", "Where in the source to stop, in seconds", absent: "null for the end"),
    OptionField(
      "duration", "How many seconds of the source to take (instead of end)",
      absent: "null for up to the end"),
    OptionField(
      "fps", "Frames per second of the GIF",
      absent: "null for the source's rate (a video's, at most 25; a GIF's own delays)",
      bounds: 0.1...50),
    OptionField(
      "delay", "Centiseconds each image is shown when the inputs are still images",
      absent: "null for 10 (10 images a second)", bounds: 2...65535),
    OptionField(
      "width", "Width in pixels (the height follows the aspect ratio unless given)",
      absent: "null for the source's width", bounds: 1...16_384),
    OptionField(
      "height", "Height in pixels (the width follows the aspect ratio unless given)",
      absent: "null for the source's height", bounds: 1...16_384),
    OptionField(
      "max_width", "Scale down to at most this many pixels wide, keeping the aspect ratio",
      absent: "null for no limit", bounds: 1...16_384),
    OptionField(
      "crop", "The part of the source to keep before scaling, \"x,y,width,height\" in pixels",
      absent: "null for the whole picture"),
    OptionField(
      "speed", "Play speed (2 = twice as fast, 0.5 = half speed)", absent: "null for 1",
      bounds: 0.01...100),
    OptionField("reverse", "true plays the frames backwards", absent: "null for false"),
    OptionField(
      "boomerang", "true plays forwards then backwards", absent: "null for false"),
    OptionField(
      "loop", "Times the GIF plays, 0 for forever", absent: "null for 0 (forever)",
      bounds: 0...65535),
    OptionField(
      "caption", "Text drawn on every frame, white with a dark outline (any script)",
      absent: "null for none"),
    OptionField(
      "caption_position", "Where the caption goes: top or bottom", absent: "null for bottom"),
    OptionField("colors", "Colours in the palette", absent: "null for 256", bounds: 2...256),
    OptionField(
      "palette",
      "global (one palette), per-frame (one each), auto (global, a frame's own where the "
        + "global one is poor, by measured error)", absent: "null for auto"),
    OptionField(
      "dither", "floyd-steinberg, sierra (Sierra-2-4A), ordered (Bayer 8×8) or none",
      absent: "null for sierra"),
    OptionField(
      "dither_strength", "How strongly dithering spreads colour errors", absent: "null for 0.3",
      bounds: 0...1),
    OptionField(
      "lossy", "Lossy compression: LZW runs that tolerate a small colour error (as gifsicle)",
      absent: "null for 0, exact", bounds: 0...200),
    OptionField(
      "max_bytes",
      "Largest file wanted in bytes; lossy, colours, fps, then width are stepped down until it fits",
      absent: "null for no limit", bounds: 1024...1e12),
    OptionField(
      "background",
      "Colour under transparent source pixels: #rrggbb, #rgb or a CSS colour name",
      absent: "null for #ffffff"),
  ]

  enum CodingKeys: String, CodingKey {
    case start, end, duration, fps, delay, width, height, crop, speed, reverse, boomerang, loop
    case caption, colors, palette, dither, lossy, background
    case maxWidth = "max_width"
    case captionPosition = "caption_position"
    case ditherStrength = "dither_strength"
    case maxBytes = "max_bytes"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    start = try c.decodeIfPresent(Double.self, forKey: .start)
    end = try c.decodeIfPresent(Double.self, forKey: .end)
    duration = try c.decodeIfPresent(Double.self, forKey: .duration)
    framesPerSecond = try c.decodeIfPresent(Double.self, forKey: .fps)
    delay = try c.decodeIfPresent(Int.self, forKey: .delay)
    width = try c.decodeIfPresent(Int.self, forKey: .width)
    height = try c.decodeIfPresent(Int.self, forKey: .height)
    maxWidth = try c.decodeIfPresent(Int.self, forKey: .maxWidth)
    if let text = try c.decodeIfPresent(String.self, forKey: .crop) {
      crop = try Self.parseCrop(text)
    }
    speed = try c.decodeIfPresent(Double.self, forKey: .speed) ?? speed
    reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse) ?? reverse
    boomerang = try c.decodeIfPresent(Bool.self, forKey: .boomerang) ?? boomerang
    loop = try c.decodeIfPresent(Int.self, forKey: .loop) ?? loop
    caption = try c.decodeIfPresent(String.self, forKey: .caption)
    captionPosition =
      try c.decodeIfPresent(CaptionPosition.self, forKey: .captionPosition) ?? captionPosition
    colors = try c.decodeIfPresent(Int.self, forKey: .colors) ?? colors
    palette = try c.decodeIfPresent(PaletteMode.self, forKey: .palette) ?? palette
    dither = try c.decodeIfPresent(DitherMethod.self, forKey: .dither) ?? dither
    ditherStrength = try c.decodeIfPresent(Double.self, forKey: .ditherStrength) ?? ditherStrength
    lossy = try c.decodeIfPresent(Int.self, forKey: .lossy) ?? lossy
    maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes)
    if let text = try c.decodeIfPresent(String.self, forKey: .background) {
      guard let color = RGBColor(hex: text) else {
        throw GIFMakingError.invalidOption(
          "background \"\(text)\" is not a colour: use \(RGBColor.syntax) (e.g. \"#000000\")")
      }
      background = color
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeIfPresent(start, forKey: .start)
    try c.encodeIfPresent(end, forKey: .end)
    try c.encodeIfPresent(duration, forKey: .duration)
    try c.encodeIfPresent(framesPerSecond, forKey: .fps)
    try c.encodeIfPresent(delay, forKey: .delay)
    try c.encodeIfPresent(width, forKey: .width)
    try c.encodeIfPresent(height, forKey: .height)
    try c.encodeIfPresent(maxWidth, forKey: .maxWidth)
    try c.encodeIfPresent(crop.map { "\($0.x),\($0.y),\($0.width),\($0.height)" }, forKey: .crop)
    try c.encode(speed, forKey: .speed)
    try c.encode(reverse, forKey: .reverse)
    try c.encode(boomerang, forKey: .boomerang)
    try c.encode(loop, forKey: .loop)
    try c.encodeIfPresent(caption, forKey: .caption)
    try c.encode(captionPosition, forKey: .captionPosition)
    try c.encode(colors, forKey: .colors)
    try c.encode(palette, forKey: .palette)
    try c.encode(dither, forKey: .dither)
    try c.encode(ditherStrength, forKey: .ditherStrength)
    try c.encode(lossy, forKey: .lossy)
    try c.encodeIfPresent(maxBytes, forKey: .maxBytes)
    try c.encode(background.hex, forKey: .background)
  }

  /// Reads "x,y,width,height".
  static func parseCrop(_ text: String) throws(GIFMakingError) -> PixelRect {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard parts.count == 4, let x = parts[0], let y = parts[1], let w = parts[2], let h = parts[3]
    else {
      throw .invalidOption(
        "crop \"\(text)\" is not x,y,width,height in pixels (e.g. \"0,0,640,360\")")
    }
    return PixelRect(x: x, y: y, width: w, height: h)
  }
}

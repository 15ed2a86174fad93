public import ImageIO
public import LumenCore

/// Everything ``ExtractPalette`` needs besides the image path, and how a swatch of the result
/// is laid out.
///
/// The one description of palette's settings: the `extract_palette` tool decodes it from its
/// arguments and `lumen palette` builds it from its flags through the same decoder
/// (``OperationOptions/decoding(_:)``); ``fields`` documents each one for both. `-k auto`, the
/// seed, the number of initialisations, the alpha threshold, the pixel budget and the limits
/// are set by the program, not decoded.
public struct ExtractPaletteOptions: OperationOptions, Hashable {
  /// Clustering options (k, space, order, seed, exclusions, exact colours).
  public var clustering = ClusteringOptions()
  /// About how many pixels to use: JPEGs are decoded at the reduced size nearest to it, and
  /// larger images are sampled on a regular grid down to it.
  public var pixelBudget = 500_000
  /// The first frame of an animation, or all frames.
  public var frames: ImageSource.Frames = .first
  public var limits: DecodeLimits = .default
  /// How a swatch of the palette shows the colours (``PaletteSwatch``).
  public var swatchLayout: PaletteSwatch.Layout = .bars

  public init() {}

  /// Checks the values, naming the bad one.
  public func validate() throws(PaletteError) {
    if case .exactly(let k) = clustering.count, !(1...64).contains(k) {
      throw .invalidOption("k \(k) is out of range: k must be 1–64 (or auto)")
    }
    if !(1_000...100_000_000).contains(pixelBudget) {
      throw .invalidOption("pixel budget \(pixelBudget) is out of range 1,000–100,000,000")
    }
    if !(1...32).contains(clustering.initializations) {
      throw .invalidOption("inits \(clustering.initializations) is out of range 1–32")
    }
  }

  // MARK: - The one description

  public static let fields: [OptionField] = [
    OptionField("k", "How many colours", absent: "null for 5", bounds: 1...64),
    OptionField("space", "Clustering space: cielab or oklab", absent: "null for cielab"),
    OptionField(
      "sort", "Order of the colours: weight (largest share first), lightness or hue",
      absent: "null for weight"),
    OptionField(
      "exclude", "Backgrounds to remove before clustering: white, black, border",
      absent: "null for none"),
    OptionField(
      "exact_colors", "true snaps each colour to the nearest one that occurs in the image",
      absent: "null for false"),
    OptionField(
      "frames", "Frames of an animated GIF to count: first or all", absent: "null for first"),
    OptionField(
      "swatch_layout",
      "How a swatch shows the colours: bars (as wide as their shares, labelled with hex) or grid (tiles labelled with hex, CSS name and share)",
      absent: "null for bars"),
  ]

  enum CodingKeys: String, CodingKey {
    case k, space, sort, exclude, frames
    case exactColors = "exact_colors"
    case swatchLayout = "swatch_layout"
  }

  /// Reads the settings in ``fields``; a missing or null one keeps its default. Ranges are
  /// checked by ``validate()``, which ``ExtractPalette/run(path:options:)`` calls.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let k = try c.decodeIfPresent(Int.self, forKey: .k) { clustering.count = .exactly(k) }
    clustering.space =
      try c.decodeIfPresent(ClusteringOptions.Space.self, forKey: .space) ?? .cielab
    clustering.order = try c.decodeIfPresent(ClusteringOptions.Order.self, forKey: .sort) ?? .weight
    clustering.exclusions = Set(
      try c.decodeIfPresent([ClusteringOptions.Exclusion].self, forKey: .exclude) ?? [])
    clustering.exactColors = try c.decodeIfPresent(Bool.self, forKey: .exactColors) ?? false
    frames = try c.decodeIfPresent(ImageSource.Frames.self, forKey: .frames) ?? .first
    swatchLayout =
      try c.decodeIfPresent(PaletteSwatch.Layout.self, forKey: .swatchLayout) ?? .bars
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if case .exactly(let k) = clustering.count { try c.encode(k, forKey: .k) }
    try c.encode(clustering.space, forKey: .space)
    try c.encode(clustering.order, forKey: .sort)
    try c.encode(clustering.exclusions.map(\.rawValue).sorted(), forKey: .exclude)
    try c.encode(clustering.exactColors, forKey: .exactColors)
    try c.encode(frames, forKey: .frames)
    try c.encode(swatchLayout, forKey: .swatchLayout)
  }
}

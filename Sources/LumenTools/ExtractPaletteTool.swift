internal import LumenCore
public import PaletteExtraction
public import ToolDispatch

/// `extract_palette`: ``PaletteExtraction/ExtractPalette`` for a model.
public struct ExtractPaletteTool: Tool {
  public typealias Output = PaletteReport

  /// The image, the swatch to write, the inline preview, and
  /// ``PaletteExtraction/ExtractPaletteOptions`` (its one description of the settings, decoded
  /// from the same arguments object).
  public struct Arguments: ToolArguments {
    var image: String
    var options: ExtractPaletteOptions
    var swatch: String?
    var preview: Bool?

    enum CodingKeys: String, CodingKey { case image, swatch, preview }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      image = try c.decode(String.self, forKey: .image)
      options = try ExtractPaletteOptions(from: decoder)
      swatch = try c.decodeIfPresent(String.self, forKey: .swatch)
      preview = try c.decodeIfPresent(Bool.self, forKey: .preview)
    }

    public static let fieldDescriptions = ExtractPaletteOptions.fieldDescriptions().merging([
      "image": "The image (PNG, GIF, JPEG, WebP, BMP, TIFF), relative to the workspace.",
      "swatch":
        "A PNG of the palette to create (a .png name), relative to the workspace; must not exist; null for none.",
      "preview":
        "true to also get a small PNG of the palette inline (an image, under 100 KB) to look at; null for false.",
    ]) { $1 }
    public static let fieldBounds = ExtractPaletteOptions.fieldBounds()
  }

  /// The inline preview is half a written swatch each way: it only has to show the colours.
  static func previewSize(layout: PaletteSwatch.Layout, colorCount: Int) -> Size {
    let full = PaletteSwatch.defaultSize(for: layout, colorCount: colorCount)
    return Size(width: full.width / 2, height: full.height / 2)
  }

  public init() {}

  public let name = "extract_palette"
  public let title = "Extract a colour palette"
  public let description = """
    Find the k dominant colours of an image in the workspace (k-means in CIELAB, transparent \
    pixels skipped, same answer every time). Use it to build a palette or describe an image's \
    colours. Returns each colour's hex, RGB, share of the pixels (summing to 1) and nearest CSS \
    name, and optionally writes a PNG swatch or shows a small one inline (preview).
    """
  public let exampleArguments =
    #"{"image": "photo.jpg", "k": 5, "space": null, "sort": null, "exclude": null, "exact_colors": null, "frames": null, "swatch_layout": null, "swatch": null, "preview": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  // The work is synchronous; keeping it out of the async function also avoids a Swift 6.3
  // optimizer crash (coroutine splitting around typed throws) in release builds.
  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let image = try context.workspace.input(arguments.image, field: "image")
    let swatch = try arguments.swatch.map { try context.workspace.output($0, field: "swatch") }
    if let swatch {
      do { try PaletteSwatch.checkSwatchName(swatch) } catch {
        throw ToolError.badArgument(
          field: "swatch", problem: "must end in .png (a swatch is a PNG picture)")
      }
    }
    var report = try ExtractPalette.run(path: image, options: arguments.options)
    report.path = context.workspace.relative(report.path)
    let layout = arguments.options.swatchLayout
    var files: [String] = []
    if let swatch {
      try PaletteSwatch.write(report.palette.colors, to: swatch, layout: layout, inputs: [image])
      files.append(context.workspace.relative(swatch))
    }
    let colors = report.palette.colors.map {
      "\($0.hex) \(PaletteReport.percent($0.weight)) \($0.name)"
    }
    var text = "\(colors.count) colours: " + colors.joined(separator: ", ")
    var preview: ToolPreview?
    if arguments.preview == true {
      let colors = report.palette.colors
      let png = try PaletteSwatch.png(
        colors, size: Self.previewSize(layout: layout, colorCount: colors.count), layout: layout)
      preview = ToolPreview(format: .png, bytes: png)
      if preview == nil {
        text += " (preview left out: \(png.count) bytes is over \(ToolPreview.byteLimit))"
      }
    }
    return ToolResult(
      isError: false, text: text, structured: try JSONText.value(of: report), files: files,
      preview: preview)
  }
}

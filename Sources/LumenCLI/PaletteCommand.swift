import ArgumentParser
import Foundation
import ImageIO
import LumenCore
import PaletteExtraction

extension Root {
  /// `lumen palette`: the dominant colours of an image, with their shares and names.
  struct PaletteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "palette",
      abstract: "Extract a colour palette from an image (PNG, GIF, JPEG, WebP, BMP, TIFF).",
      discussion: """
        Weighted k-means++ in CIELAB (or OKLab) over a 5-bit-per-channel histogram of the \
        image: exactly k colours when the image has them, shares that sum to 1 over the pixels \
        clustered, transparent pixels skipped, the same result on every run. -o writes the \
        format its extension names (.css, .gpl, .ase, .hex, .txt).

        Examples:
          lumen palette Fixtures/palette-3colors.png -k 3
          lumen palette photo.jpg -k 8 --json
          lumen palette logo.png -k auto --exclude white --exact-colors
          lumen palette photo.jpg -k 6 -o palette.css --swatch palette.png
          lumen palette photo.jpg -k 16 --swatch tiles.png --swatch-layout grid
        """)

    @Argument(help: "The image.")
    var image: String

    // The settings both the command and the extract_palette tool have: help and defaults
    // from ExtractPaletteOptions, the one description; makeOptions() decodes them as a tool
    // call is (-k also takes 'auto', which only the command offers).
    @Option(name: .short, help: "\(ExtractPaletteOptions.field("k").commandHelp), or 'auto'.")
    var k = "5"

    @Option(help: ExtractPaletteOptions.field("space").help())
    var space: ClusteringOptions.Space = ExtractPaletteOptions().clustering.space

    @Option(help: ExtractPaletteOptions.field("sort").help())
    var sort: ClusteringOptions.Order = ExtractPaletteOptions().clustering.order

    @Option(help: "\(ExtractPaletteOptions.field("exclude").help) (repeatable).")
    var exclude: [ClusteringOptions.Exclusion] = []

    @Flag(help: ExtractPaletteOptions.field("exact_colors").help())
    var exactColors = false

    @Option(help: ExtractPaletteOptions.field("frames").help())
    var frames: ImageSource.Frames = ExtractPaletteOptions().frames

    @Option(help: ExtractPaletteOptions.field("swatch_layout").help())
    var swatchLayout: PaletteSwatch.Layout = ExtractPaletteOptions().swatchLayout

    @Option(help: "Also write a PNG swatch of the palette here.")
    var swatch: String?

    // Command-line only: the seed, initialisations, alpha threshold, pixel budget, formats.
    @Option(help: "Random seed for k-means++ (same seed, same palette).")
    var seed: UInt64 = 0

    @Option(help: "k-means++ initialisations (the best is kept).")
    var inits = 4

    @Option(help: "Pixels with a lower alpha (0…255) are skipped.")
    var alphaThreshold: UInt8 = 128

    @Option(help: "About how many pixels to use (reduced JPEG decoding and grid sampling).")
    var pixelBudget = 500_000

    @Option(help: "Write the palette as css, gpl, ase or hex (to -o, or stdout for text formats).")
    var format: PaletteFormat?

    @Option(
      name: .shortAndLong,
      help:
        "Write the palette to this file, in the format its extension names (.css, .gpl, .ase, .hex, .txt)."
    )
    var output: String?

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    @OptionGroup(title: "Output")
    var outputOptions: OutputOptions

    func validate() throws {
      if k != "auto", Int(k) == nil {
        throw ValidationError("-k must be a number or 'auto', not '\(k)'")
      }
      if format == .ase, output == nil {
        throw ValidationError("--format ase is binary: give -o FILE")
      }
      if let output {
        do { _ = try PaletteFormat.forOutput(output, format: format) } catch {
          throw ValidationError(error.description)
        }
      }
      if let swatch {
        do { try PaletteSwatch.checkSwatchName(swatch) } catch {
          throw ValidationError(error.description)
        }
        if swatch == output {
          throw ValidationError("--swatch and -o name the same file, \(swatch)")
        }
      }
      do { try makeOptions().validate() } catch {
        throw ExtractPaletteOptions.commandError(error, flags: ["k": "-k"])
      }
    }

    func run() throws {
      let report: PaletteReport
      let overwrite = outputOptions.overwrite
      do {
        // Refuse the outputs before any work.
        for path in [output, swatch].compactMap(\.self) {
          try OutputFile.check(destination: path, inputs: [image], overwrite: overwrite)
        }
        report = try ExtractPalette.run(path: image, options: makeOptions())
        if let swatch {
          try PaletteSwatch.write(
            report.palette.colors, to: swatch, layout: swatchLayout, inputs: [image],
            overwrite: overwrite)
        }
        if let output {
          try write(PaletteFormat.forOutput(output, format: format).encode(report), to: output)
        } else if let format {
          FileHandle.standardOutput.write(Data(format.encode(report)))
        }
      } catch {
        throw CommandFailure.report(
          error, json: outputOptions.json, file: image, verbose: outputOptions.verbose)
      }
      if outputOptions.json || format == nil || output != nil {
        Report.print(report, json: outputOptions.json) { $0.summary }
      }
    }

    /// Writes formatted output to `-o` (temporary file, then rename).
    private func write(_ bytes: [UInt8], to output: String) throws {
      let file = try OutputFile(
        destination: output, inputs: [image], overwrite: outputOptions.overwrite)
      try bytes.withUnsafeBytes { try FileContents.write($0, to: file.temporaryPath) }
      try file.commit()
    }

    /// The options from the flags, through ExtractPaletteOptions' decoder (as the tool's
    /// arguments are), then the command-line-only settings.
    func makeOptions() throws -> ExtractPaletteOptions {
      var options = try ExtractPaletteOptions.decoding([
        "k": Int(k), "space": space.rawValue, "sort": sort.rawValue,
        "exclude": exclude.map(\.rawValue), "exact_colors": exactColors,
        "frames": frames.rawValue, "swatch_layout": swatchLayout.rawValue,
      ])
      if k == "auto" { options.clustering.count = .automatic }
      options.clustering.seed = seed
      options.clustering.initializations = inits
      options.clustering.alphaThreshold = alphaThreshold
      options.pixelBudget = pixelBudget
      options.limits = limits.decodeLimits
      return options
    }
  }
}

extension ClusteringOptions.Space: ExpressibleByArgument {}
extension ClusteringOptions.Order: ExpressibleByArgument {}
extension ClusteringOptions.Exclusion: ExpressibleByArgument {}
extension ImageSource.Frames: ExpressibleByArgument {}
extension PaletteFormat: ExpressibleByArgument {}
extension PaletteSwatch.Layout: ExpressibleByArgument {}

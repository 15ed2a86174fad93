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

    @Option(name: .short, help: "Number of colours (1…64), or 'auto'.")
    var k = "5"

    @Option(help: "Clustering space: cielab or oklab.")
    var space: PaletteOptions.Space = .cielab

    @Option(help: "Order: weight, lightness or hue.")
    var sort: PaletteOptions.Order = .weight

    @Option(help: "Random seed for k-means++ (same seed, same palette).")
    var seed: UInt64 = 0

    @Option(help: "k-means++ initialisations (the best is kept).")
    var inits = 4

    @Option(help: "Pixels with a lower alpha (0…255) are skipped.")
    var alphaThreshold: UInt8 = 128

    @Option(help: "Remove a background before clustering: white, black or border (repeatable).")
    var exclude: [PaletteOptions.Exclusion] = []

    @Flag(help: "Snap each colour to the nearest colour that occurs in the image.")
    var exactColors = false

    @Option(help: "Frames of an animated GIF: first or all.")
    var frames: ImageSource.Frames = .first

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

    @Option(help: "Also write a PNG swatch of the palette here.")
    var swatch: String?

    @Option(help: "Swatch layout: bars (as wide as shares) or grid (tiles with hex, name, share).")
    var swatchLayout: PaletteSwatch.Layout = .bars

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
      do { try makeRequest().validate() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
      let report: PaletteReport
      let overwrite = outputOptions.overwrite
      do {
        // Refuse the outputs before any work.
        for path in [output, swatch].compactMap(\.self) {
          try OutputFile.check(destination: path, inputs: [image], overwrite: overwrite)
        }
        report = try ExtractPalette.run(path: image, request: makeRequest())
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
      try Data(bytes).write(to: URL(fileURLWithPath: file.temporaryPath))
      try file.commit()
    }

    func makeRequest() -> PaletteRequest {
      var request = PaletteRequest()
      request.palette.count = k == "auto" ? .automatic : .exactly(Int(k) ?? 0)
      request.palette.space = space
      request.palette.order = sort
      request.palette.seed = seed
      request.palette.initializations = inits
      request.palette.alphaThreshold = alphaThreshold
      request.palette.exclusions = Set(exclude)
      request.palette.exactColors = exactColors
      request.frames = frames
      request.pixelBudget = pixelBudget
      request.limits = limits.decodeLimits
      return request
    }
  }
}

extension PaletteOptions.Space: ExpressibleByArgument {}
extension PaletteOptions.Order: ExpressibleByArgument {}
extension PaletteOptions.Exclusion: ExpressibleByArgument {}
extension ImageSource.Frames: ExpressibleByArgument {}
extension PaletteFormat: ExpressibleByArgument {}
extension PaletteSwatch.Layout: ExpressibleByArgument {}

import FFmpegIO
import Foundation
import ImageIO
import JPEGCodec
import LumenCore
import PNGCodec
import PaletteExtraction
import TestSupport
import Testing

@Suite struct PNGDecodingTests {
  /// libpng's pixels against FFmpeg's PNG decoder (an independent implementation).
  @Test(arguments: [
    "pngsuite_basn0g16.png", "pngsuite_basn2c16.png", "pngsuite_basn3p08.png",
    "pngsuite_basn4a08.png",
    "pngsuite_basn6a16.png", "pngsuite_ftbrn2c08.png", "pngsuite_ibasn2c08.png",
    "graphic_pil123_palette_trns_interlaced.png", "palette-3colors.png",
  ])
  func matchesFFmpegsDecoder(name: String) throws {
    let ours = try PNGFile.read(path: Fixtures.path(name))
    var reader = try MediaReader(path: Fixtures.path(name))
    let reference = try #require(try reader.nextFrame()).image
    #expect(ours.width == reference.width && ours.height == reference.height)
    var worst = 0
    for i in ours.bytes.indices {
      // 16-bit samples: libpng rounds to 8 bits, swscale may truncate.
      worst = max(worst, abs(Int(ours.bytes[i]) - Int(reference.bytes[i])))
    }
    #expect(worst <= 1)
  }

  @Test func readsHeaders() throws {
    let header = try PNGFile.header(
      path: Fixtures.path("graphic_pil123_palette_trns_interlaced.png"))
    #expect(header.colorType == 3 && header.isInterlaced && header.bitDepth == 8)
    #expect(try PNGFile.header(path: Fixtures.path("pngsuite_basn6a16.png")).bitDepth == 16)
  }

  @Test func reportsDamageWithTheFunction() throws {
    let folder = TemporaryDirectory()
    var bytes = try #require(
      FileManager.default.contents(atPath: Fixtures.path("palette-3colors.png"))
    ).map { $0 }
    bytes = Array(bytes.prefix(bytes.count - 30))
    let path = folder.write(bytes, to: "cut.png")
    #expect {
      _ = try PNGFile.read(path: path)
    } throws: { ($0 as? PNGError)?.function == "png_read_image" }
  }
}

@Suite struct ExtractPaletteTests {
  @Test func extractsTheThreeColourFixture() throws {
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(3)
    let report = try ExtractPalette.run(
      path: Fixtures.path("palette-3colors.png"), options: options)
    #expect(report.palette.colors.map(\.hex) == ["#e63946", "#2a9d8f", "#264653"])
    #expect(report.palette.colors.map(\.weight) == [0.5, 0.3, 0.2])
    #expect(report.image.format == "png" && report.image.width == 100)
  }

  @Test func readsJPEGAndGIFThroughTheirDecoders() throws {
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(4)
    let jpeg = try ExtractPalette.run(path: Fixtures.path("photo_hopper.jpg"), options: options)
    #expect(jpeg.palette.colors.count == 4)
    #expect(jpeg.image.format == "jpeg")
    options.frames = .all
    let gif = try ExtractPalette.run(
      path: Fixtures.path("delays-mixed-101x75.gif"), options: options)
    #expect(gif.image.frames == 8)
    #expect(gif.pixelsSampled == 101 * 75 * 8)
  }

  @Test func decodesLargeJPEGsAtReducedSizeForThePixelBudget() throws {
    var options = ExtractPaletteOptions()
    options.pixelBudget = 4_000
    let report = try ExtractPalette.run(path: Fixtures.path("photo_hopper.jpg"), options: options)
    #expect(report.image.width == 128)
    #expect(report.image.decodedWidth == 64)
    #expect(report.pixelsSampled == 64 * 64)
  }

  @Test func removesTheBorderBackground() throws {
    var image = RGBAImage(width: 40, height: 40, fill: RGBAPixel(red: 200, green: 220, blue: 240))
    for x in 10..<30 { for y in 10..<30 { image[x, y] = RGBAPixel(red: 200, green: 30, blue: 30) } }
    let folder = TemporaryDirectory()
    let path = folder.file("framed.png")
    try PNGFile.write(image, to: path)
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(2)
    options.clustering.exclusions = [.border]
    let report = try ExtractPalette.run(path: path, options: options)
    #expect(report.palette.colors.map(\.hex) == ["#c81e1e"])
    #expect(report.palette.excludedShares["border"] == 0.75)
  }

  @Test func writesFormatsAndASwatch() throws {
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(3)
    let report = try ExtractPalette.run(
      path: Fixtures.path("palette-3colors.png"), options: options)
    #expect(
      String(decoding: PaletteFormat.hex.encode(report), as: UTF8.self)
        == "#e63946\n#2a9d8f\n#264653\n")
    let css = String(decoding: PaletteFormat.css.encode(report), as: UTF8.self)
    #expect(css.contains("--palette-1: #e63946; /* 50.0%"))
    let gpl = String(decoding: PaletteFormat.gpl.encode(report), as: UTF8.self)
    #expect(
      gpl.hasPrefix("GIMP Palette\nName: palette-3colors\nColumns: 3\n#\n230  57  70\t#e63946"))
    let ase = PaletteFormat.ase.encode(report)
    #expect(Array(ase.prefix(12)) == Array("ASEF".utf8) + [0, 1, 0, 0, 0, 0, 0, 3])

    let folder = TemporaryDirectory()
    let swatch = folder.file("swatch.png")
    try PaletteSwatch.write(report.palette.colors, to: swatch)
    let picture = try PNGFile.read(path: swatch)
    #expect(picture.width == 800 && picture.height == 160)
    #expect(picture[100, 20] == RGBAPixel(red: 230, green: 57, blue: 70))
    #expect(picture[500, 20] == RGBAPixel(red: 42, green: 157, blue: 143))
    #expect(picture[700, 20] == RGBAPixel(red: 38, green: 70, blue: 83))
    #expect(folder.contents() == ["swatch.png"])
  }

  @Test func failsClearlyOnBadInput() throws {
    let folder = TemporaryDirectory()
    #expect(throws: ImageReadError.self) {
      _ = try ExtractPalette.run(path: folder.file("missing.png"), options: ExtractPaletteOptions())
    }
    let empty = folder.write([], to: "empty.jpg")
    #expect(throws: ImageReadError.self) {
      _ = try ExtractPalette.run(path: empty, options: ExtractPaletteOptions())
    }
    let text = folder.write(Array("definitely not an image".utf8), to: "junk.webp")
    #expect { _ = try ExtractPalette.run(path: text, options: ExtractPaletteOptions()) } throws: {
      error in
      guard case .notAnImage(_, let kind) = error as? ImageReadError else { return false }
      return kind == .text
    }
    let junk = folder.write(Array("RIFF\u{10}\0\0\0WEBPVP8 junkjunkjunk".utf8), to: "junk2.webp")
    #expect(throws: FFmpegError.self) {
      _ = try ExtractPalette.run(path: junk, options: ExtractPaletteOptions())
    }
    var options = ExtractPaletteOptions()
    options.limits = DecodeLimits(maxWidth: 50)
    #expect(throws: PNGError.self) {
      _ = try ExtractPalette.run(path: Fixtures.path("palette-3colors.png"), options: options)
    }
    options = ExtractPaletteOptions()
    options.clustering.count = .exactly(0)
    #expect(throws: PaletteError.self) {
      _ = try ExtractPalette.run(path: Fixtures.path("palette-3colors.png"), options: options)
    }
  }
}

/// Every image of `../shared/imgcorpus` (skipped when absent).
@Suite(.enabled(if: ImageCorpus.folder != nil, "../shared/imgcorpus is absent"))
struct ImageCorpusTests {
  @Test(arguments: ImageCorpus.files)
  func extractsADeterministicPaletteFromEveryImage(name: String) throws {
    let path = try #require(ImageCorpus.folder).appendingPathComponent(name).path
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(6)
    let first = try ExtractPalette.run(path: path, options: options)
    let second = try ExtractPalette.run(path: path, options: options)
    #expect(first == second)
    let colors = first.palette.colors
    #expect(colors.count == 6 || first.palette.reason != nil)
    #expect(abs(colors.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
  }
}

enum ImageCorpus {
  static var folder: URL? {
    let url = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/imgcorpus")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  static var files: [String] {
    guard let folder else { return [] }
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { !$0.hasSuffix(".md") }.sorted()
  }
}

/// Palette quality against scikit-learn: the mean squared CIELAB error of every pixel to its
/// nearest palette colour must be at most sklearn `KMeans(n_init=10)`'s error + 2 % (reference
/// errors measured by `Benchmarks/compare/palette --write-reference`).
@Suite(.enabled(if: ImageCorpus.folder != nil, "../shared/imgcorpus is absent"))
struct PaletteQualityTests {
  struct Reference: Decodable {
    var labMSE: [String: [String: Double]]

    private enum CodingKeys: String, CodingKey { case labMSE = "lab_mse" }
  }

  static let cases: [(String, Int)] = [
    "photo_astronaut.png", "photo_coffee.png", "photo_chelsea.png", "photo_rocket.jpg",
  ]
  .flatMap { name in [5, 8, 16].map { (name, $0) } }

  @Test(arguments: cases)
  func errorIsAtMostScikitLearnsPlusTwoPercent(name: String, k: Int) throws {
    let data = try #require(
      FileManager.default.contents(atPath: Fixtures.path("palette-sklearn-reference.json")))
    let reference = try #require(
      try JSONDecoder().decode(Reference.self, from: data).labMSE[name]?[String(k)])
    let path = try #require(ImageCorpus.folder).appendingPathComponent(name).path
    var options = ExtractPaletteOptions()
    options.clustering.count = .exactly(k)
    let palette = try ExtractPalette.run(path: path, options: options).palette.colors.map {
      ColorConversion.lab($0.color)
    }
    var counts: [UInt32: Int] = [:]
    var total = 0
    _ = try ImageSource.read(path: path) { image in
      image.bytes.withUnsafeBytes { raw in
        for pixel in raw.bindMemory(to: UInt32.self) where pixel >> 24 >= 128 {
          counts[pixel & 0xFF_FFFF, default: 0] += 1
          total += 1
        }
      }
    }
    var error = 0.0
    for (rgb, count) in counts {
      let lab = ColorConversion.lab(
        red: Float(rgb & 0xFF), green: Float((rgb >> 8) & 0xFF), blue: Float((rgb >> 16) & 0xFF))
      let nearest = palette.map { Double(lab.squaredDistance(to: $0)) }.min()!
      error += nearest * Double(count)
    }
    let mse = error / Double(total)
    #expect(mse <= reference * 1.02, "Lab MSE \(mse) vs scikit-learn \(reference)")
  }
}

@Suite struct JPEGDecodingTests {
  @Test func matchesFFmpegsDecoderAndScales() throws {
    let full = try JPEGFile.read(path: Fixtures.path("photo_hopper.jpg"))
    var reader = try MediaReader(path: Fixtures.path("photo_hopper.jpg"))
    let reference = try #require(try reader.nextFrame()).image
    #expect(full.image.width == 128 && full.storedSize == Size(width: 128, height: 128))
    // Chroma upsampling differs.
    #expect(ImageComparison.meanAbsoluteError(full.image, reference) < 4)
    let quarter = try JPEGFile.read(
      path: Fixtures.path("photo_hopper.jpg"), reducedDecodingTarget: 1_000)
    #expect(quarter.image.width == 32 && quarter.image.height == 32)
  }

  @Test func decodesATruncatedFileAndRefusesGarbage() throws {
    let folder = TemporaryDirectory()
    let bytes = try #require(
      FileManager.default.contents(atPath: Fixtures.path("photo_hopper.jpg")))
    let cut = folder.write(Array(bytes.prefix(bytes.count * 2 / 3)), to: "cut.jpg")
    #expect(try JPEGFile.read(path: cut).image.width == 128)
    let junk = folder.write([0xFF, 0xD8, 0xFF, 0, 1, 2, 3], to: "junk.jpg")
    #expect(throws: JPEGError.self) { _ = try JPEGFile.read(path: junk) }
    #expect {
      _ = try JPEGFile.read(
        path: Fixtures.path("photo_hopper.jpg"), limits: DecodeLimits(maxWidth: 100))
    } throws: { ($0 as? JPEGError)?.isLimit == true }
  }
}

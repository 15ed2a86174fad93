import LumenCore
import PaletteExtraction
import Testing

func image(_ columns: [(RGBAPixel, Int)], height: Int = 4) -> RGBAImage {
  let width = columns.reduce(0) { $0 + $1.1 }
  var image = RGBAImage(width: width, height: height)
  var x = 0
  for (pixel, count) in columns {
    for column in x..<(x + count) { for y in 0..<height { image[column, y] = pixel } }
    x += count
  }
  return image
}

func palette(_ image: RGBAImage, _ configure: (inout ClusteringOptions) -> Void) -> Palette {
  var histogram = ColorHistogram()
  histogram.add(image)
  var options = ClusteringOptions()
  configure(&options)
  return PaletteClustering.cluster(from: histogram, options: options)
}

let red = RGBAPixel(red: 230, green: 57, blue: 70)
let teal = RGBAPixel(red: 42, green: 157, blue: 143)
let navy = RGBAPixel(red: 38, green: 70, blue: 83)

@Suite struct PaletteClusteringTests {
  @Test(arguments: ClusteringOptions.Space.allCases)
  func findsFlatColoursWithExactShares(space: ClusteringOptions.Space) {
    let result = palette(image([(red, 50), (teal, 30), (navy, 20)])) {
      $0.count = .exactly(3)
      $0.space = space
    }
    #expect(result.colors.map(\.hex) == ["#e63946", "#2a9d8f", "#264653"])
    #expect(result.colors.map(\.weight) == [0.5, 0.3, 0.2])
    #expect(result.reason == nil)
    #expect(result.pixelsClustered == 400)
  }

  @Test func skipsTransparentPixelsInsteadOfCountingThemAsBlack() {
    let hidden = RGBAPixel(red: 0, green: 0, blue: 0, alpha: 0)
    let result = palette(image([(hidden, 50), (red, 50)])) { $0.count = .exactly(2) }
    #expect(result.colors.map(\.hex) == ["#e63946"])
    #expect(result.colors.first?.weight == 1)
    #expect(result.pixelsTransparent == 200)
    #expect(result.reason?.contains("only 1 distinct colour") == true)
  }

  @Test func returnsExactlyKFromAGradientWithWeightsSummingToOne() {
    var gradient = RGBAImage(width: 256, height: 2)
    for x in 0..<256 {
      for y in 0..<2 { gradient[x, y] = RGBAPixel(red: UInt8(x), green: UInt8(x), blue: UInt8(x)) }
    }
    for k in [2, 4, 7] {
      let result = palette(gradient) {
        $0.count = .exactly(k)
        $0.order = .lightness
      }
      #expect(result.colors.count == k)
      #expect(abs(result.colors.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
      let lightness = result.colors.map(\.oklch.l)
      #expect(lightness == lightness.sorted(by: >))
    }
  }

  @Test func mergesColoursCloserThanAJustNoticeableDifference() {
    // Different 5-bit bins (103 >> 3 = 12, 104 >> 3 = 13), well under a JND apart.
    let grey = RGBAPixel(red: 103, green: 100, blue: 100)
    let greyish = RGBAPixel(red: 104, green: 100, blue: 100)
    let result = palette(image([(grey, 40), (greyish, 40), (red, 20)])) { $0.count = .exactly(3) }
    #expect(result.colors.count == 2)
    #expect(result.reason?.contains("perceptibly different") == true)
  }

  @Test func excludesWhiteAndReportsTheShare() {
    let white = RGBAPixel(.white)
    let result = palette(image([(white, 60), (red, 40)])) {
      $0.count = .exactly(2)
      $0.exclusions = [.white]
    }
    #expect(result.colors.map(\.hex) == ["#e63946"])
    #expect(result.excludedShares["white"] == 0.6)
  }

  @Test func snapsToColoursThatOccurWithExactColors() {
    var noisy = RGBAImage(width: 64, height: 64)
    for x in 0..<64 {
      for y in 0..<64 {
        noisy[x, y] = RGBAPixel(
          red: UInt8(100 + (x * 7 + y * 3) % 40), green: UInt8(60 + (x * y) % 30), blue: 50)
      }
    }
    let present = Set(
      noisy.bytes.indices.filter { $0 % 4 == 0 }.map {
        RGBColor(red: noisy.bytes[$0], green: noisy.bytes[$0 + 1], blue: noisy.bytes[$0 + 2])
      })
    let snapped = palette(noisy) {
      $0.count = .exactly(3)
      $0.exactColors = true
    }
    #expect(snapped.colors.count == 3)
    #expect(snapped.colors.allSatisfy { present.contains($0.color) })
  }

  @Test func picksKAutomaticallyUnderTheThreshold() {
    let result = palette(image([(red, 30), (teal, 30), (navy, 30), (RGBAPixel(.white), 10)])) {
      $0.count = .automatic
    }
    #expect(result.colors.count == 4)
    #expect(result.fitError < ClusteringOptions.autoThreshold * ClusteringOptions.autoThreshold)
  }

  @Test func isDeterministicForASeed() {
    var noisy = RGBAImage(width: 80, height: 80)
    for x in 0..<80 {
      for y in 0..<80 {
        noisy[x, y] = RGBAPixel(
          red: UInt8((x * 37 + y * 11) % 256), green: UInt8((x * y) % 256),
          blue: UInt8((y * 53) % 256))
      }
    }
    let first = palette(noisy) { $0.count = .exactly(8) }
    let second = palette(noisy) { $0.count = .exactly(8) }
    #expect(first == second)
    #expect(first.colors.count == 8)
  }

  @Test func namesColoursByCIEDE2000() {
    let result = palette(image([(RGBAPixel(red: 255, green: 165, blue: 0), 10)])) {
      $0.count = .exactly(1)
    }
    #expect(result.colors.first?.name == "orange")
    #expect(result.colors.first?.nameDistance == 0)
  }
}

@Suite struct ColorScienceTests {
  @Test func convertsToCIELAB() {
    let white = ColorConversion.lab(.white)
    #expect(abs(white.l - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    let red = ColorConversion.lab(RGBColor(red: 255, green: 0, blue: 0))
    #expect(abs(red.l - 53.24) < 0.02 && abs(red.a - 80.09) < 0.03 && abs(red.b - 67.20) < 0.03)
  }

  @Test func roundTripsEveryGreyAndPrimaryThroughLabAndOKLab() {
    for value in stride(from: 0, through: 255, by: 5) {
      for color in [
        RGBColor(red: UInt8(value), green: UInt8(value), blue: UInt8(value)),
        RGBColor(red: UInt8(value), green: 0, blue: UInt8(255 - value)),
      ] {
        #expect(ColorConversion.rgb(fromLab: ColorConversion.lab(color)) == color)
        #expect(ColorConversion.rgb(fromOKLab: ColorConversion.oklab(color)) == color)
      }
    }
  }

  /// Pairs and answers from Sharma, Wu and Dalal (2005), Table 1.
  @Test(arguments: [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
  ])
  func matchesPublishedCIEDE2000Values(
    x: (Double, Double, Double), y: (Double, Double, Double), expected: Double
  ) {
    let d = CIEDE2000.difference(
      LabColor(l: Float(x.0), a: Float(x.1), b: Float(x.2)),
      LabColor(l: Float(y.0), a: Float(y.1), b: Float(y.2)))
    #expect(abs(d - expected) < 0.001)
  }
}

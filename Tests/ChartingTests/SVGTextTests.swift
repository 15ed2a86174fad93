import Foundation
import Testing

@testable import Charting

/// The SVG writer's numbers and escapes: written from integers and bytes, checked against
/// the definitions they replace (the double's own description; a character-by-character
/// escape).
@Suite struct SVGTextTests {
  /// The earlier definition: rounded to hundredths, then the double's description.
  static func described(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }

  @Test func numbersMatchTheDoublesDescription() {
    var values: [Double] = [
      0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.01, -0.01, 0.1, 0.5, -0.5, 1, -1, 218.03,
      -218.03, 99.995, 1234.5, 800, 431.5, 1e12 + 0.25, -1e12 - 0.75, 9.99e12, 1e13 + 0.01,
    ]
    var random = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let magnitude = Double.random(in: -3...12, using: &random)
      let sign: Double = Bool.random(using: &random) ? 1 : -1
      values.append(sign * Double.random(in: 0...1, using: &random) * pow(10, magnitude))
    }
    for value in values {
      #expect(SVGWriter.number(value) == Self.described(value), "\(value)")
    }
  }

  @Test func escapesOnlyWhatXMLNeeds() {
    #expect(SVGWriter.escape("plain: 56.29; 東京") == "plain: 56.29; 東京")
    #expect(SVGWriter.escape("a&b<c>\"d\"") == "a&amp;b&lt;c&gt;&quot;d&quot;")
    #expect(SVGWriter.escape("e\u{301}&") == "e\u{301}&amp;")
  }
}

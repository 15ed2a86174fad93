import Charting
import Testing

/// Histogram bins of values in order (two binary searches per bin) against the same values
/// binned one by one.
@Suite struct BinningTests {
  @Test func sortedBinsEqualBinningEachValue() {
    var generator = SystemRandomNumberGenerator()
    var cases: [[Double]] = [
      [], [5], [5, 5, 5], [0, 1], [-3, -3, 7, 7, 7],
      (0..<1000).map { Double($0) / 10 },  // values on the edges
      [-.infinity, 1, 2, 3, .infinity, .infinity],
    ]
    for _ in 0..<200 {
      let n = Int.random(in: 1...3000, using: &generator)
      let scale = [1e-6, 1, 1000, 1e9].randomElement(using: &generator)!
      let distinct = Int.random(in: 1...500, using: &generator)
      cases.append(
        (0..<n).map { _ in Double(Int.random(in: -distinct...distinct, using: &generator)) * scale }
      )
    }
    for values in cases {
      let sorted = values.sorted()
      let finite = sorted.filter(\.isFinite)
      let low = finite.first ?? 0
      let high = finite.last ?? 0
      for count in [1, 7, 30] {
        let one = ChartScenes.bins(sorted, low: low, high: high, count: count)
        let two = ChartScenes.bins(sorted: sorted, low: low, high: high, count: count)
        #expect(one.edges == two.edges)
        #expect(one.counts == two.counts, "\(values.prefix(8)) … \(count) bins")
      }
    }
  }
}

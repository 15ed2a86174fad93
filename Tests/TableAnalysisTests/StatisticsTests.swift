import Foundation
import LumenCore
import Tables
import TestSupport
import Testing

@testable import TableAnalysis

@Suite("TableAnalysis: statistics equal pandas and an independent computation")
struct StatisticsTests {
  /// `Fixtures/analyze-small.expected.json` was computed once with pandas
  /// (`Fixtures/make_analyze_expected.py`).
  @Test("The small fixture agrees with pandas' describe, skew, IQR outliers and correlations")
  func fixtureAgreesWithPandas() throws {
    let folder = TemporaryDirectory()
    let report = try TableAnalysis.analyze(
      data: Fixtures.path("analyze-small.csv"), output: folder.file("out"))
    let stats = try #require(report.statistics)
    let expected = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("analyze-small.expected.json"))))
        as? [String: Any])
    #expect(stats.rows == expected["rows"] as? Int)
    #expect(stats.duplicateRows == expected["duplicate_rows"] as? Int)
    var compared = 0
    for column in try #require(expected["columns"] as? [[String: Any]]) {
      let name = try #require(column["name"] as? String)
      let mine = try #require(stats.column(name))
      if mine.kind == .identifier { continue }  // pandas keeps ids as numbers
      #expect(mine.count == column["count"] as? Int, "\(name) count")
      #expect(mine.missing == column["missing"] as? Int, "\(name) missing")
      #expect(mine.distinct == column["distinct"] as? Int, "\(name) distinct")
      for key in ["mean", "std", "p25", "p50", "p75", "min", "max", "skew"] {
        guard let value = column[key] as? Double else { continue }
        let got: Double? =
          switch key {
          case "mean": mine.mean?.number
          case "std": mine.std
          case "p25": mine.p25?.number
          case "p50": mine.p50?.number
          case "p75": mine.p75?.number
          case "min": mine.min?.number
          case "max": mine.max?.number
          default: mine.skew
          }
        #expect(close(got, value), "\(name).\(key): \(String(describing: got)) vs pandas \(value)")
        compared += 1
      }
      for key in ["zeros", "negatives", "outliers", "freq"] {
        guard let value = column[key] as? Int else { continue }
        let got =
          switch key {
          case "zeros": mine.zeros
          case "negatives": mine.negatives
          case "outliers": mine.outliers
          default: mine.freq
          }
        #expect(got == value, "\(name).\(key)")
      }
      if let top = column["top"] as? String { #expect(mine.top == top, "\(name).top") }
    }
    #expect(compared >= 20)
    let correlations = try #require(stats.correlations)
    let reference = try #require(expected["correlations"] as? [String: Any])
    #expect(correlations.columns == reference["columns"] as? [String])
    for method in ["pearson", "spearman"] {
      let matrix = try #require(reference[method] as? [[Double]])
      let mine = method == "pearson" ? correlations.pearson : correlations.spearman
      for i in matrix.indices {
        for j in matrix.indices {
          #expect(close(mine[i][j], matrix[i][j]), "\(method)[\(i)][\(j)]")
        }
      }
    }
    #expect(correlations.spearmanExact)
  }

  @Test("Moments, quantiles and distinct counts of a generated column, exact")
  func generatedColumn() throws {
    var random = SplitMix64(seed: 5)
    var values: [Double] = []
    var csv = "x\n"
    for _ in 0..<5_000 {
      let v = Double(random.next() % 100_000) / 100 - 300
      values.append(v)
      csv += "\(v)\n"
    }
    let (stats, _) = try analyse(csv) { $0.maxCharts = 0 }
    let x = try #require(stats.column("x"))
    let sorted = values.sorted()
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    #expect(x.kind == .float)
    #expect(close(x.mean?.number, mean))
    #expect(close(x.std, variance.squareRoot()))
    for (q, value) in [(0.25, x.p25), (0.5, x.p50), (0.75, x.p75)] {
      #expect(close(value?.number, referenceQuantile(sorted, q)), "q\(q)")
    }
    #expect(x.distinct == Set(values).count)
    #expect(x.distinctExact)
    #expect(x.quantilesExact == true)
    #expect(x.negatives == values.filter { $0 < 0 }.count)
  }

  @Test("Past the exact limit, quantiles stay within the stated rank error")
  func sketchWithinStatedError() throws {
    var random = SplitMix64(seed: 9)
    var values: [Double] = []
    var csv = "v\n"
    for _ in 0..<300_000 {
      // A skewed column: squares of uniform numbers.
      let u = Double(random.next() >> 11) / Double(1 << 53)
      let v = (u * u * 1_000_000).rounded() / 100
      values.append(v)
      csv += "\(v)\n"
    }
    let (stats, _) = try analyse(csv) {
      $0.maxCharts = 0
      $0.exactLimit = 20_000
    }
    let column = try #require(stats.column("v"))
    #expect(column.quantilesExact == false)
    let error = try #require(column.rankError)
    #expect(error > 0 && error < 0.01)
    let sorted = values.sorted()
    for (q, value) in [(0.25, column.p25), (0.5, column.p50), (0.75, column.p75)] {
      let v = try #require(value?.number)
      // The rank of the answer, as a share: within the stated bound of q.
      let below = Double(sorted.partitioningIndex { $0 >= v }) / Double(sorted.count)
      let atOrBelow = Double(sorted.partitioningIndex { $0 > v }) / Double(sorted.count)
      #expect(below - error - 1e-6 <= q && q <= atOrBelow + error + 1e-6, "q\(q): \(v)")
    }
    // Moments stay exact whatever the sketch does.
    let mean = values.reduce(0, +) / Double(values.count)
    #expect(close(column.mean?.number, mean, tolerance: 1e-12))
  }

  @Test("HyperLogLog past the distinct limit: within four standard errors")
  func distinctEstimate() {
    var tally = ValueTally(limit: 1_000)
    for i in 0..<200_000 { tally.add(StableHash.number(Double(i))) { .number(Double(i)) } }
    #expect(!tally.isExact)
    let error = abs(Double(tally.distinct) - 200_000) / 200_000
    #expect(error < 4 * HyperLogLog.standardError)
  }

  @Test("Spearman with ties equals Pearson on average ranks")
  func spearmanTies() throws {
    let rho = try #require(
      StatisticsBuilder.rankCorrelation([1, 2, 2, 3, 4], [10, 20, 20, 40, 30]))
    // Ranks x: 1, 2.5, 2.5, 4, 5; y: 1, 2.5, 2.5, 5, 4 → Pearson of the ranks.
    let rx = [1, 2.5, 2.5, 4, 5]
    let ry = [1, 2.5, 2.5, 5, 4]
    let mx = rx.reduce(0, +) / 5
    let my = ry.reduce(0, +) / 5
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<5 {
      sxy += (rx[i] - mx) * (ry[i] - my)
      sxx += (rx[i] - mx) * (rx[i] - mx)
      syy += (ry[i] - my) * (ry[i] - my)
    }
    #expect(close(rho, sxy / (sxx * syy).squareRoot()))
  }

  @Test("The radix sort orders like the standard sort: negatives, zeros, infinities, ties")
  func radixSort() {
    var random = SplitMix64(seed: 17)
    var values: [Double] = [
      0, -0.0, .infinity, -.infinity, 1e-310, -1e-310, .greatestFiniteMagnitude,
    ]
    for _ in 0..<20_000 {
      let v = Double(Int64(bitPattern: random.next()) >> 20) / 977
      values.append(v)
      if v.magnitude < 100 { values.append(v) }
    }
    let mine = RadixSort.sorted(values)
    let reference = values.sorted()
    #expect(mine.count == reference.count)
    #expect(zip(mine, reference).allSatisfy { $0 == $1 })
  }

  @Test("Date steps: daily with a gap, monthly, and irregular times")
  func dateSteps() {
    let day = 86_400.0
    var daily = (0..<30).map { Double($0) * day }
    daily.removeAll { $0 == 10 * day || $0 == 11 * day }
    let (step, gaps, largest) = StatisticsBuilder.steps(daily)
    #expect(step == "1 day" && gaps == 1 && largest == "3 days")
    let months = (1...12).map { Double(CivilDate.days(year: 2023, month: $0, day: 1)) * day }
    #expect(StatisticsBuilder.steps(months).0 == "1 month")
    var random = SplitMix64(seed: 4)
    let events = (0..<500).map { _ in Double(random.next() % 10_000_000) }.sorted()
    #expect(StatisticsBuilder.steps(events).0 == "irregular")
  }

  @Test("Date steps match counting every step (modes near a quarter, ties, gaps, months)")
  func dateStepsAgainstCounting() {
    let day = 86_400.0
    var random = SplitMix64(seed: 11)
    for trial in 0..<300 {
      // A few step sizes, the first drawn most often by a share that crosses a quarter.
      let sizes = [day, 3_600, 2 * day, 30 * day, 7.0, 45 * day].shuffled(using: &random)
      let share = Double(random.next() % 60) / 100
      var t = Double(random.next() % 1_000_000)
      var times = [t]
      for _ in 0..<(2 + Int(random.next() % 400)) {
        let roll = Double(random.next() % 1_000) / 1_000
        t += roll < share ? sizes[0] : sizes[1 + Int(random.next() % 5)]
        times.append(t)
        if random.next() % 10 == 0 { times.append(t) }  // a repeated time is no step
      }
      let mine = StatisticsBuilder.steps(times)
      let expected = Self.stepsByCounting(times)
      #expect(
        mine.0 == expected.0 && mine.1 == expected.1 && mine.2 == expected.2, "trial \(trial)")
    }
  }

  /// The steps of `sorted` counted in a dictionary: the most common (the smaller on a tie)
  /// when it is at least a quarter of them, the steps past 1.5 of it (past 31 days for a
  /// monthly step), the longest.
  static func stepsByCounting(_ sorted: [Double]) -> (String?, Int?, String?) {
    var steps: [Double] = []
    for (a, b) in zip(sorted, sorted.dropFirst()) where b != a { steps.append(b - a) }
    guard steps.count >= 2 else { return (nil, nil, nil) }
    let counts = Dictionary(steps.map { ($0, 1) }, uniquingKeysWith: +)
    let (step, best) = counts.max {
      $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
    }!
    guard best * 4 >= steps.count else { return ("irregular", nil, nil) }
    let longest = steps.max()!
    let monthlyStep = step >= 28 * 86_400 && step <= 31 * 86_400
    let gaps = steps.filter { monthlyStep ? $0 > 31 * 86_400 : $0 > step * 1.5 }.count
    let name = monthlyStep ? "1 month" : StatisticsBuilder.duration(step)
    return (name, gaps, gaps > 0 ? StatisticsBuilder.duration(longest) : nil)
  }
}

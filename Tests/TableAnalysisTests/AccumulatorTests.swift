import Charting
import Foundation
import LumenCore
import TestSupport
import Testing

@testable import TableAnalysis

@Suite("TableAnalysis: the kept values and the hash tables")
struct AccumulatorTests {
  /// Values that need 0, then 2, then 5 decimals, then one that fits no 32-bit code.
  static let decimals: [Double] = {
    var generator = SplitMix64(seed: 21)
    var values: [Double] = (0..<3000).map { _ in Double(Int(generator.next() % 2000) - 1000) }
    values += (0..<3000).map { _ in Double(Int(generator.next() % 200_000) - 100_000) / 100 }
    values += (0..<3000).map { _ in Double(Int(generator.next() % 2_000_000) - 1_000_000) / 1e5 }
    return values
  }()

  @Test("Decimals are held as 32-bit codes and come back bit for bit, sorted as doubles sort")
  func compactValues() throws {
    var values = ExactValues()
    values.append(contentsOf: Self.decimals.prefix(3000))
    #expect(values.isCompact && values.decimals == 0)
    values.append(contentsOf: Self.decimals.dropFirst(3000))
    #expect(values.isCompact && values.decimals == 5)
    #expect(values.values().map(\.bitPattern) == Self.decimals.map(\.bitPattern))
    var sorted = values
    sorted.sort()
    #expect(sorted.values().map(\.bitPattern) == Self.decimals.sorted().map(\.bitPattern))
    // Written and read back as the doubles they are.
    let data = try JSONEncoder().encode(values)
    #expect(try JSONDecoder().decode([Double].self, from: data) == Self.decimals)
    #expect(try JSONDecoder().decode(ExactValues.self, from: data).values() == Self.decimals)
  }

  @Test(
    "A value no code holds turns the store into doubles, keeping every value",
    arguments: [0.1 + 0.2, 3e9, -0.0, .infinity, 1e-12])
  func fallsBackToDoubles(odd: Double) {
    var values = ExactValues()
    values.append(contentsOf: Self.decimals.prefix(5000))
    values.append(contentsOf: [odd, 1.5])
    #expect(!values.isCompact)
    let expected = Array(Self.decimals.prefix(5000)) + [odd, 1.5]
    #expect(values.values().map(\.bitPattern) == expected.map(\.bitPattern))
    var sorted = values
    sorted.sort()
    #expect(sorted.values() == expected.sorted())
  }

  @Test("32-bit radix sort equals the standard sort, negatives and extremes included")
  func radixSortInt32() {
    var generator = SplitMix64(seed: 5)
    var values = (0..<50_000).map { _ in Int32(truncatingIfNeeded: generator.next()) }
    values += [Int32.min, Int32.max, 0, -1, 1]
    var sorted = values
    RadixSort.sort(&sorted)
    #expect(sorted == values.sorted())
  }

  @Test(
    "Duplicated rows are counted exactly through the table's growth (any size, not a power of two)")
  func rowSetCounts() {
    var generator = SplitMix64(seed: 13)
    var set = RowSet(limit: 1_000_000)
    var seen = Set<UInt64>()
    var duplicates = 0
    for _ in 0..<300_000 {
      // A fifth of the rows repeat an earlier key.
      let key = generator.next() % 5 == 0 && !seen.isEmpty ? seen.first! : generator.next()
      if !seen.insert(key).inserted { duplicates += 1 }
      set.add(key)
    }
    #expect(set.duplicates == duplicates)
    #expect(set.isWellFormed)
  }

  @Test("The duplicate-row table counts the same, sized ahead or grown, estimate short or long")
  func rowSetSizedAheadCountsTheSame() {
    var generator = SplitMix64(seed: 11)
    let hashes = (0..<50_000).map { _ in 2 + generator.next() % 40_000 }  // 0 and 1 share a key
    let duplicates = hashes.count - Set(hashes).count
    for estimate in [0, 10_000, 50_000, 80_000] {
      var rows = RowSet(limit: 1_000_000)
      rows.reserve(rows: estimate)
      for start in stride(from: 0, to: hashes.count, by: 4_096) {
        rows.add(contentsOf: hashes[start..<min(start + 4_096, hashes.count)], distinct: false)
      }
      #expect(rows.duplicates == duplicates)
      #expect(rows.isComplete && rows.isWellFormed)
    }
  }

  /// Rows the caller knows distinct are listed, not looked up; when later rows could repeat
  /// them, the list becomes the table and every repeat is counted, as a set of the hashes
  /// counts it; past the limit rows are not checked; shards merge the same.
  @Test("Rows known distinct are only listed, and still counted when later rows repeat them")
  func rowSetListsDistinctRows() {
    var generator = SplitMix64(seed: 17)
    let first = (0..<30_000).map { _ in generator.next() | 1 }
    // Later rows: a third repeat a listed row, some repeat each other.
    let later = (0..<20_000).map { i in
      i % 3 == 0 ? first[Int(generator.next() % 30_000)] : 2 + generator.next() % 5_000
    }
    var set = RowSet(limit: 1_000_000)
    set.reserve(rows: 50_000)
    for start in stride(from: 0, to: first.count, by: 8_192) {
      set.add(contentsOf: first[start..<min(start + 8_192, first.count)], distinct: true)
    }
    #expect(set.duplicates == 0 && set.checked == 30_000 && set.size == 0 && set.isWellFormed)
    set.add(contentsOf: later, distinct: false)
    var seen = Set<UInt64>()
    let expected = (first + later).filter { !seen.insert($0).inserted }.count
    #expect(set.duplicates == expected && set.checked == 50_000 && set.isWellFormed)

    var capped = RowSet(limit: 10_000)
    capped.add(contentsOf: first, distinct: true)
    #expect(capped.checked == 10_000 && !capped.isComplete)

    // Two shards, each listed distinct, sharing 5,000 rows: the merge counts those.
    var a = RowSet(limit: 1_000_000)
    var b = RowSet(limit: 1_000_000)
    a.add(contentsOf: first[0..<20_000], distinct: true)
    b.add(contentsOf: first[15_000..<30_000], distinct: true)
    a.merge(b)
    #expect(a.duplicates == 5_000 && a.checked == 35_000 && a.isWellFormed)
  }

  /// Decimals summed as doubles drift (0.1 + 0.2 …); their codes sum exactly, so the mean is
  /// the double nearest the true mean, as one division of integers gives it.
  @Test("The mean of values held as codes is the double nearest the true mean")
  func exactMeanOfCodes() {
    var generator = SplitMix64(seed: 5)
    var values = ExactValues()
    var cents: Int64 = 0
    var batch: [Double] = []
    for i in 0..<100_003 {
      let c = Int64(generator.next() % 100_000) - 20_000
      cents += c
      batch.append(Double(c) / 100)
      if batch.count == 4_096 || i == 100_002 {
        values.append(contentsOf: batch)
        batch.removeAll()
      }
    }
    #expect(values.isCompact)
    #expect(values.exactMean == Double(cents) / (100_003 * 100))
    var floating = Moments()
    floating.add(values.values())
    #expect(abs(floating.mean - values.exactMean!) < 1e-9)
    var doubles = ExactValues()
    doubles.append(contentsOf: [0.1, Double.pi])  // π has no code: held as doubles
    #expect(doubles.exactMean == nil)
  }

  @Test("Distinct values and counts are exact through the tally's growth")
  func tallyCounts() {
    var generator = SplitMix64(seed: 17)
    var tally = ValueTally(limit: 100_000)
    var counts: [UInt64: Int] = [:]
    for _ in 0..<200_000 {
      let key = generator.next() % 50_000 &* 0x9E37_79B9_7F4A_7C15
      counts[key, default: 0] += 1
      tally.add(key) { .number(Double(key % 1000)) }
    }
    #expect(tally.distinct == counts.count)
    #expect(tally.isExact && tally.isWellFormed)
    #expect(tally.top(1).first?.count == counts.values.max())
  }

  /// Times to the second over spans from minutes to years, in batches: each period's mean and
  /// rows equal the same computed straight from the rows (UTC periods), whatever width the
  /// buckets widened to, and the unit is the finest that gives at most 400 points.
  @Test(
    "The line over time: each period's rows and mean equal a direct computation",
    arguments: [
      (300.0, "second"), (20_000.0, "minute"), (1_000_000.0, "hour"),
      (7_000_000.0, "day"), (63_000_000.0, "week"),
    ])
  func timeSeriesPeriodsEqualADirectComputation(span: Double, unit: String) throws {
    var generator = SplitMix64(seed: 7)
    let start = 1_672_531_200.0  // 2023-01-01
    let times = (0..<6_000).map { i in
      (start + Double(i) * span / 6_000 + Double(generator.next() % 3)).rounded(.down)
    }
    let values = times.indices.map { Double(($0 * 7919) % 1000) / 10 }
    var series = TimeSeries(time: "t", measures: ["v"], datesOnly: false)
    for batch in stride(from: 0, to: times.count, by: 1_024) {
      let end = min(batch + 1_024, times.count)
      series.add(times: Array(times[batch..<end]), measures: [Array(values[batch..<end])])
    }
    let resampled = try #require(series.resampled())
    #expect(resampled.unit == unit)
    #expect(resampled.starts.count <= 400)
    let size: [String: Double] = ["second": 1, "minute": 60, "hour": 3_600, "day": 86_400]
    var rows: [Double: Int] = [:]
    var sums: [Double: Double] = [:]
    for (t, v) in zip(times, values) {
      let period =
        unit == "week"
        ? TimeUnit.week.start(of: t)
        : (t / size[unit]!).rounded(.down) * size[unit]!
      rows[period, default: 0] += 1
      sums[period, default: 0] += v
    }
    #expect(resampled.starts == rows.keys.sorted())
    for (i, period) in resampled.starts.enumerated() {
      #expect(resampled.rows[i] == rows[period])
      let mean = sums[period]! / Double(rows[period]!)
      #expect(abs(resampled.means[0][i] - mean) <= 1e-9 * max(1, abs(mean)))
    }
  }
}

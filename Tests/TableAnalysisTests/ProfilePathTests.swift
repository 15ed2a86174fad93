import Foundation
import LumenCore
import TestSupport
import Testing

@testable import TableAnalysis
@testable import Tables

@Suite("TableAnalysis: the profile's fast paths equal the plain ones")
struct ProfilePathTests {
  /// A CSV of `rows` rows: a numeric id (shuffled), a category of 7 values, a text of 300
  /// values (more than the groups keep) with gaps, a string id, and a measure.
  static func csv(rows: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var ids = Array(0..<rows)
    ids.shuffle(using: &generator)
    var text = "order_id,region,note,code,amount\n"
    for row in 0..<rows {
      let region = [
        "North", "South", "Coastal Backpack Lane", "East", "West", "Ünïcode", "Online",
      ][
        Int(generator.next() % 7)]
      let note = generator.next() % 3 == 0 ? "" : "note \(generator.next() % 300) — ok"
      let amount = Double(Int(generator.next() % 100_000)) / 100
      text += "\(ids[row] + 1000),\(region),\(note),K-\(row),\(amount)\n"
    }
    return text
  }

  static func profile(
    _ path: String, sizes: TableProfile.Sizes, dropCodes: Bool
  ) throws -> TableProfile {
    var profile = TableProfile(sizes: sizes)
    _ = try TableReader.readBatches(path: path, batchRows: 1000, numericIDs: true) { table in
      var table = table
      if dropCodes {
        for c in table.columns.indices {
          if case .texts(let texts) = table.columns[c].values {
            table.columns[c].values = .texts(TextValues(Array(texts)))
          }
        }
      }
      profile.add(table)
    }
    return profile
  }

  @Test("Text read as codes gives the profile row-by-row strings give, groups included")
  func codesEqualStrings() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(Array(Self.csv(rows: 5000, seed: 3).utf8), to: "orders.csv")
    var table: Table?
    _ = try TableReader.readBatches(path: path, batchRows: 1000, numericIDs: true) {
      if table == nil { table = $0 }
    }
    // The codes name the same value in every row, and equal the strings they stand for.
    var coded: [String] = []
    for column in table!.columns {
      guard case .texts(let values) = column.values, let (codes, labels) = values.codes else {
        continue
      }
      coded.append(column.name)
      let strings = codes.map { $0 < 0 ? nil : labels[Int($0)] }
      #expect(Array(values) == strings)
      #expect(values == TextValues(strings))
      #expect(labels.count == Set(labels).count)
    }
    #expect(coded == ["region", "note", "code"])
    let sizes = TableProfile.Sizes(exactLimit: 1_000_000, distinctLimit: 200)
    let fast = try Self.profile(path, sizes: sizes, dropCodes: false)
    let plain = try Self.profile(path, sizes: sizes, dropCodes: true)
    #expect(fast == plain)
    #expect(fast.groups.contains { $0.category == "region" && $0.labels.count == 7 })
  }

  @Test("Ids written as numbers are counted exactly past the distinct limit, without moments")
  func numericIdsExact() throws {
    let folder = TemporaryDirectory()
    let path = folder.write(Array(Self.csv(rows: 5000, seed: 4).utf8), to: "orders.csv")
    var profile = try Self.profile(
      path, sizes: .init(exactLimit: 1_000_000, distinctLimit: 1000), dropCodes: false)
    profile.sortValues()
    let ids = try #require(profile.columns.first { $0.name == "order_id" })
    #expect(ids.kindRows == [.identifier: 5000])
    let distinct = ids.distinct(sorted: ids.sketch.sortedValues())
    #expect(distinct.count == 5000 && distinct.exact)
    #expect(ids.moments.count == 0)
    // String ids still go through the tally: past its limit, the count is HyperLogLog's.
    let codes = try #require(profile.columns.first { $0.name == "code" })
    #expect(!codes.distinct(sorted: codes.sketch.sortedValues()).exact)
  }

  @Test("Ranks by radix order equal ranks by a comparison sort, ties averaged")
  func radixRanks() {
    var generator = SplitMix64(seed: 9)
    var values = (0..<3000).map { _ in Double(Int(generator.next() % 500) - 250) / 4 }
    values += [-1e300, 1e300, .infinity, -.infinity]
    // Equal values keep their order (-0 and 0 left out here: the keys put -0 first).
    let order = RadixSort.order(values)
    #expect(order == values.indices.sorted { (values[$0], $0) < (values[$1], $1) })
    values += [-0.0, 0]
    var expected = [Double](repeating: 0, count: values.count)
    for (i, v) in values.enumerated() {
      let below = values.filter { $0 < v }.count
      let equal = values.filter { $0 == v }.count
      expected[i] = Double(below) + Double(equal + 1) / 2
    }
    #expect(StatisticsBuilder.ranks(values) == expected)
  }
}

import CPNGWriter
import LumenCore
import Testing

/// The Huffman code lengths of the flat-graphics encoder's blocks, against an independent
/// computation: an optimal code's cost (the sum of every merge of the two lightest weights)
/// while no length passes the limit, and a complete code within the limit when one would.
@Suite struct FlatCodeLengthTests {
  static func lengths(_ frequencies: [UInt32], limit: Int) -> [Int] {
    var lengths = [UInt8](repeating: 0, count: frequencies.count)
    cpng_flat_code_lengths(frequencies, Int32(frequencies.count), Int32(limit), &lengths)
    return lengths.map(Int.init)
  }

  /// The cost of an optimal code: each merge of the two lightest weights adds their sum.
  static func optimalCost(_ frequencies: [UInt32]) -> UInt64 {
    var weights = frequencies.filter { $0 > 0 }.map(UInt64.init)
    var cost: UInt64 = 0
    while weights.count > 1 {
      weights.sort(by: >)
      let merged = weights.removeLast() + weights.removeLast()
      cost += merged
      weights.append(merged)
    }
    return cost
  }

  static func kraftSum(_ lengths: [Int]) -> Double {
    lengths.filter { $0 > 0 }.reduce(0) { $0 + 1 / Double(1 << $1) }
  }

  @Test func optimalWhileWithinTheLimit() {
    var generator = SplitMix64(seed: 3)
    for _ in 0..<200 {
      let n = 2 + Int(generator.next() % 287)
      let frequencies = (0..<n).map { _ in
        generator.next() % 3 == 0 ? 0 : UInt32(1 + generator.next() % 5_000)
      }
      guard frequencies.filter({ $0 > 0 }).count >= 2 else { continue }
      let lengths = Self.lengths(frequencies, limit: 15)
      let cost = zip(frequencies, lengths).reduce(UInt64(0)) { $0 + UInt64($1.0) * UInt64($1.1) }
      #expect(cost == Self.optimalCost(frequencies))
      #expect(Self.kraftSum(lengths) == 1)
      #expect(zip(frequencies, lengths).allSatisfy { ($0 == 0) == ($1 == 0) })
    }
  }

  /// Fibonacci weights make an optimal code as deep as there are symbols: the limits of
  /// deflate's codes (15 bits, 7 for the code length code) are kept, the code stays complete,
  /// and a more frequent symbol never has a longer code.
  @Test(arguments: [(25, 15), (19, 7), (286, 15)])
  func deepCodesAreCutToTheLimit(symbols: Int, limit: Int) {
    var frequencies = [UInt32](repeating: 0, count: symbols)
    var (a, b): (UInt32, UInt32) = (1, 1)
    for i in 0..<min(symbols, 30) {
      frequencies[i] = a
      (a, b) = (b, a + b)
    }
    let lengths = Self.lengths(frequencies, limit: limit)
    #expect(lengths.max()! == limit)
    #expect(Self.kraftSum(lengths) == 1)
    for i in frequencies.indices where frequencies[i] > 0 {
      for j in frequencies.indices where frequencies[j] > frequencies[i] {
        #expect(lengths[j] <= lengths[i])
      }
    }
  }

  /// A lone symbol (a block with only its end) gets a partner: two codes of one bit.
  @Test func aLoneSymbolGetsAPartner() {
    var frequencies = [UInt32](repeating: 0, count: 30)
    frequencies[7] = 12
    let lengths = Self.lengths(frequencies, limit: 15)
    #expect(lengths[7] == 1)
    #expect(lengths.filter { $0 == 1 }.count == 2 && lengths.reduce(0, +) == 2)
  }
}

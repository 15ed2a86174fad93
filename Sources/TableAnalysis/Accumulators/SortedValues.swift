/// A column's kept values in ascending order, read where they are held: 32-bit codes over a
/// power of ten are decoded on each read (the same one division ``ExactValues`` decodes them
/// with), so the statistics need no array of doubles per column (1.6 MB to fault in for
/// 200,000 rows, and a pass to fill it).
struct SortedValues: RandomAccessCollection {
  private let codes: [Int32]
  private let doubles: [Double]
  /// The power of ten the codes are over; `nil` when the values are ``doubles``.
  private let scale: Double?

  /// Codes over `scale` (a power of ten, 1 for whole numbers), in ascending order.
  init(codes: [Int32], scale: Double) {
    self.codes = codes
    self.doubles = []
    self.scale = scale
  }

  /// Doubles in ascending order.
  init(doubles: [Double]) {
    self.codes = []
    self.doubles = doubles
    self.scale = nil
  }

  var startIndex: Int { 0 }
  var endIndex: Int { scale == nil ? doubles.count : codes.count }

  /// How many different values there are (equal codes are equal values: no decoding).
  var distinctCount: Int {
    func count<T: Equatable>(_ values: [T]) -> Int {
      values.withUnsafeBufferPointer { v in
        guard var previous = v.first else { return 0 }
        var n = 1
        for x in v.dropFirst() where x != previous {
          n += 1
          previous = x
        }
        return n
      }
    }
    return scale == nil ? count(doubles) : count(codes)
  }

  @inline(__always)
  subscript(position: Int) -> Double {
    guard let scale else { return doubles[position] }
    let code = Double(codes[position])
    return scale == 1 ? code : code / scale
  }
}

/// A column's values while every one is kept for exact quantiles, in half the memory of
/// doubles when they allow it: as 32-bit integers `m` over one power of ten `10^k` (k ≤ 9),
/// which is what the decimals of a table are. Each value comes back bit for bit: `m / 10^k`,
/// one correctly rounded division, is the double the decimal reads as. The first value that
/// does not fit (more digits, an infinity, `-0`) turns the store into plain doubles.
struct ExactValues: Hashable, Sendable {
  /// The power of ten the codes are over.
  private(set) var decimals = 0
  private var codes: [Int32] = []
  /// The values as doubles, once one did not fit the codes.
  private var doubles: [Double]?
  /// The largest |code|, to know whether more decimals still fit.
  private var largest: Int64 = 0

  private static let powers: [Double] = (0...9).map { k in
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }

  var count: Int { doubles?.count ?? codes.count }
  var isEmpty: Bool { count == 0 }
  /// Whether the values are held as 32-bit codes (half the bytes).
  var isCompact: Bool { doubles == nil }

  /// Reserves room for `total` values in all.
  mutating func reserveCapacity(_ total: Int) {
    if doubles != nil { doubles!.reserveCapacity(total) } else { codes.reserveCapacity(total) }
  }

  mutating func append<C: Collection>(contentsOf values: C) where C.Element == Double {
    guard doubles == nil else {
      doubles!.append(contentsOf: values)
      return
    }
    if codes.capacity < codes.count + values.count {
      // Grow by half, not double: the slack of a doubled array is a third of it.
      codes.reserveCapacity(max(codes.count + values.count, codes.count * 3 / 2))
    }
    // The usual case first: every value a code at the current decimals, written straight
    // into the reserved room; the loop below takes over from the first value that is not.
    var done = 0
    let current = decimals
    let start = codes.count
    codes.append(contentsOf: repeatElement(0, count: values.count))
    var high = largest
    // The scale read once (a static array's element per value went through its lazy
    // initialiser's check).
    let scale = Self.powers[current]
    codes.withUnsafeMutableBufferPointer { out in
      for v in values {
        guard let m = Self.code(v, scale: scale) else { break }
        out[start + done] = m
        high = max(high, abs(Int64(m)))
        done += 1
      }
    }
    largest = high
    codes.removeLast(values.count - done)
    for v in values.dropFirst(done) {
      if doubles != nil {
        doubles!.append(v)
        continue
      }
      if let code = Self.code(v, decimals) {
        codes.append(code)
        largest = max(largest, abs(Int64(code)))
        continue
      }
      if let more = fewestDecimals(v), rescale(to: more), let code = Self.code(v, decimals) {
        codes.append(code)
        largest = max(largest, abs(Int64(code)))
        continue
      }
      var all = Array(view)
      all.reserveCapacity(codes.capacity)
      codes = []
      all.append(v)
      doubles = all
    }
  }

  /// Sorts the values (codes keep the order of the values they stand for); values already in
  /// order (ids and times of a log usually are) are only checked.
  mutating func sort() {
    if doubles != nil {
      if !Self.isSorted(doubles!) { RadixSort.sort(&doubles!) }
    } else {
      if !Self.isSorted(codes) { RadixSort.sort(&codes) }
    }
  }

  private static func isSorted<T: Comparable>(_ values: [T]) -> Bool {
    values.withUnsafeBufferPointer { v in
      for i in v.indices.dropFirst() where v[i] < v[i - 1] { return false }
      return true
    }
  }

  /// The values as doubles, in the order held.
  func values() -> [Double] { doubles ?? Array(view) }

  /// The mean exactly, when the values are held as codes: their sum as an integer, then one
  /// correctly rounded division (the double nearest the true mean, whatever order the values
  /// came in: 58.02665615, not 58.026656149999994).
  var exactMean: Double? {
    guard doubles == nil, !codes.isEmpty, codes.count <= 1 << 22 else { return nil }
    let sum = codes.withUnsafeBufferPointer { codes in
      var sum: Int64 = 0
      for code in codes { sum += Int64(code) }
      return sum
    }
    // |sum| < 2^22 × 2^31 and count × 10^k ≤ 2^22 × 10^9 are exact doubles.
    return Double(sum) / (Double(codes.count) * Self.powers[decimals])
  }

  /// The values in the order held, read where they are (``sort()`` first for ascending order).
  var view: SortedValues {
    if let doubles { return SortedValues(doubles: doubles) }
    return SortedValues(codes: codes, scale: Self.powers[decimals])
  }

  /// The code of `v` over `10^k`, when it is exactly that.
  @inline(__always)
  private static func code(_ v: Double, _ k: Int) -> Int32? { code(v, scale: powers[k]) }

  /// The code of `v` over `scale` (a power of ten), when `v` comes back from it bit for bit
  /// (whole numbers without a division).
  @inline(__always)
  private static func code(_ v: Double, scale: Double) -> Int32? {
    let scaled = v * scale
    guard abs(scaled) < 2_147_483_647.5 else { return nil }
    let m = Int32(scaled < 0 ? scaled - 0.5 : scaled + 0.5)
    let back = scale == 1 ? Double(m) : Double(m) / scale
    guard back == v, v != 0 || v.sign == .plus else { return nil }
    return m
  }

  /// The fewest decimals above the current ones that `v` fits.
  private func fewestDecimals(_ v: Double) -> Int? {
    guard decimals < 9 else { return nil }
    return (decimals + 1...9).first { Self.code(v, $0) != nil }
  }

  /// Moves the codes to `k` decimals, when the largest still fits.
  private mutating func rescale(to k: Int) -> Bool {
    var factor: Int64 = 1
    for _ in decimals..<k { factor *= 10 }
    guard largest * factor <= Int64(Int32.max) else { return false }
    let f = Int32(factor)
    for i in codes.indices { codes[i] &*= f }
    largest *= factor
    decimals = k
    return true
  }
}

extension ExactValues: Codable {
  /// Written as the doubles they are (a state file does not depend on how they are held).
  init(from decoder: any Decoder) throws {
    self.init()
    append(contentsOf: try decoder.singleValueContainer().decode([Double].self))
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(values())
  }
}

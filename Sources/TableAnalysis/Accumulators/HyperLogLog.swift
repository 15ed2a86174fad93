internal import Foundation

/// Flajolet's HyperLogLog over ``StableHash`` values: 2¹⁴ one-byte registers, a standard
/// error of 1.04/√16384 ≈ 0.81 %; merges by taking the larger register.
struct HyperLogLog: Codable, Hashable, Sendable {
  static let bits = 14
  static let size = 1 << bits
  /// The relative standard error of an estimate.
  static let standardError = 1.04 / Double(size).squareRoot()
  private(set) var registers = [UInt8](repeating: 0, count: size)

  @inline(__always)
  mutating func add(_ hash: UInt64) {
    let index = Int(hash >> UInt64(64 - Self.bits))
    let rest = hash << UInt64(Self.bits)
    let rank = UInt8(min(rest.leadingZeroBitCount, 64 - Self.bits) + 1)
    registers.withUnsafeMutableBufferPointer { r in
      if rank > r[index] { r[index] = rank }
    }
  }

  mutating func merge(_ other: HyperLogLog) {
    for i in registers.indices where other.registers[i] > registers[i] {
      registers[i] = other.registers[i]
    }
  }

  /// The estimated number of distinct hashes (with the small-range correction).
  var estimate: Double {
    let m = Double(Self.size)
    var sum = 0.0
    var zeros = 0
    for r in registers {
      sum += 1 / Double(UInt64(1) << UInt64(r))
      if r == 0 { zeros += 1 }
    }
    let alpha = 0.7213 / (1 + 1.079 / m)
    let raw = alpha * m * m / sum
    if raw <= 2.5 * m, zeros > 0 {
      return m * log(m / Double(zeros))
    }
    return raw
  }
}

extension HyperLogLog {
  /// Whether decoded registers have the size and ranges this code makes.
  var isWellFormed: Bool {
    registers.count == Self.size && registers.allSatisfy { $0 <= UInt8(64 - Self.bits + 1) }
  }
}

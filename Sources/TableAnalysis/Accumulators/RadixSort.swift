/// Sorts numbers by their bits (least significant digit first, 11 bits a pass): for the
/// hundreds of thousands of values exact quantiles need, several times faster than a
/// comparison sort. `-0` sorts before `0`; the values must not be NaN.
enum RadixSort {
  static func sorted(_ values: [Double]) -> [Double] {
    guard values.count > 256 else { return values.sorted() }
    var keys = values.map { value -> UInt64 in
      let bits = value.bitPattern
      return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
    var scratch = [UInt64](repeating: 0, count: keys.count)
    keys.withUnsafeMutableBufferPointer { source in
      scratch.withUnsafeMutableBufferPointer { target in
        var from = source
        var to = target
        var counts = [Int](repeating: 0, count: 2048)
        for shift in stride(from: 0, to: 64, by: 11) {
          for i in counts.indices { counts[i] = 0 }
          for key in from { counts[Int((key >> UInt64(shift)) & 2047)] += 1 }
          // A digit every key shares moves nothing: skip the pass.
          if counts.contains(from.count) { continue }
          var total = 0
          for i in counts.indices {
            let c = counts[i]
            counts[i] = total
            total += c
          }
          for key in from {
            let digit = Int((key >> UInt64(shift)) & 2047)
            to[counts[digit]] = key
            counts[digit] += 1
          }
          swap(&from, &to)
        }
        if from.baseAddress != source.baseAddress {
          source.baseAddress!.update(from: from.baseAddress!, count: from.count)
        }
      }
    }
    return keys.map { key in
      Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
  }
}

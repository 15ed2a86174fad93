import CPNGWriter
import CZStream
import Testing

/// The PNG writer's own Adler-32 (sixteen bytes at a time) against zlib's.
@Suite struct Adler32Tests {
  @Test func equalsZlibsAdler32() {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    // Long runs of 255 push every sum to its largest within a block.
    for i in 40_000..<60_000 { bytes[i] = 255 }
    for length in [0, 1, 15, 16, 17, 31, 5_552, 5_553, 5_568, 11_104, 20_000, 100_000] {
      for start in [0, 1, 7] where start + length <= bytes.count {
        bytes.withUnsafeBufferPointer { b in
          let p = b.baseAddress! + start
          let ours = cpng_adler32(1, p, length)
          let theirs = UInt32(adler32(1, p, UInt32(length)))
          #expect(ours == theirs, "\(length) bytes from \(start)")
          // Continuing from a running value, as the writer does row by row.
          let half = length / 2
          let split = cpng_adler32(cpng_adler32(1, p, half), p + half, length - half)
          #expect(split == theirs)
        }
      }
    }
  }
}

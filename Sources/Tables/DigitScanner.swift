/// Reads runs of ASCII digits and single separator bytes from UTF-8.
struct DigitScanner {
  let bytes: Slice<UnsafeBufferPointer<UInt8>>
  var position: Int

  /// Scans bytes that outlive the scanner.
  init(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
    self.bytes = bytes
    position = bytes.startIndex
  }

  var atEnd: Bool { position == bytes.endIndex }
  var peek: UInt8? { position < bytes.endIndex ? bytes[position] : nil }
  mutating func advance() { position += 1 }

  mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    position += 1
    return true
  }

  /// A number of `digits` digits (as many as there are, within the range).
  mutating func number(digits: ClosedRange<Int>) -> Int? {
    var value = 0
    var count = 0
    while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte),
      count < digits.upperBound
    {
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      count += 1
      position += 1
    }
    return digits.contains(count) ? value : nil
  }
}

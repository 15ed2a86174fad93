public import LumenCore

/// The orientation a JPEG's EXIF block gives (tag 0x0112 in its first image directory), read
/// from the file's bytes: markers are walked from the start to the first scan, every length and
/// offset checked against the data; anything missing or damaged reads as upright.
public enum ExifOrientation {
  /// The orientation `jpeg` (the whole file) asks for.
  public static func read(_ jpeg: [UInt8]) -> PictureOrientation {
    guard jpeg.count >= 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return .upright }
    var position = 2
    while position + 4 <= jpeg.count {
      guard jpeg[position] == 0xFF else { return .upright }
      let marker = jpeg[position + 1]
      if marker == 0xFF {  // fill byte
        position += 1
        continue
      }
      // Start of scan or end of image: no EXIF before the pictures.
      if marker == 0xDA || marker == 0xD9 { return .upright }
      let length = Int(jpeg[position + 2]) << 8 | Int(jpeg[position + 3])
      guard length >= 2, position + 2 + length <= jpeg.count else { return .upright }
      let body = (position + 4)..<(position + 2 + length)
      if marker == 0xE1, let found = orientation(in: jpeg[body]) { return found }
      position += 2 + length
    }
    return .upright
  }

  /// The orientation in an APP1 segment's body, when it is an EXIF block that has one.
  static func orientation(in segment: ArraySlice<UInt8>) -> PictureOrientation? {
    let bytes = Array(segment)
    guard bytes.count >= 14, bytes[0..<6].elementsEqual([0x45, 0x78, 0x69, 0x66, 0, 0]) else {
      return nil
    }
    let tiff = 6
    let littleEndian: Bool
    switch (bytes[tiff], bytes[tiff + 1]) {
    case (0x49, 0x49): littleEndian = true
    case (0x4D, 0x4D): littleEndian = false
    default: return nil
    }
    func number(_ at: Int, _ size: Int) -> Int? {
      guard at >= 0, at + size <= bytes.count else { return nil }
      var value = 0
      for i in 0..<size {
        let byte = Int(bytes[at + (littleEndian ? size - 1 - i : i)])
        value = value << 8 | byte
      }
      return value
    }
    guard number(tiff + 2, 2) == 42, let first = number(tiff + 4, 4),
      let entries = number(tiff + first, 2)
    else { return nil }
    for entry in 0..<min(entries, 512) {
      let at = tiff + first + 2 + 12 * entry
      guard let tag = number(at, 2) else { return nil }
      guard tag == 0x0112 else { continue }
      // SHORT (type 3), one value, stored in the first two bytes of the value field.
      guard number(at + 2, 2) == 3, let value = number(at + 8, 2) else { return nil }
      return switch value {
      case 2: .mirrored
      case 3: .halfTurn
      case 4: .flipped
      case 5: .transposed
      case 6: .clockwise
      case 7: .antiTransposed
      case 8: .counterclockwise
      default: .upright
      }
    }
    return nil
  }
}

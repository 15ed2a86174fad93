internal import Foundation
internal import ZIPFoundation

/// The parts of a ZIP archive (a workbook) by name, read from its central directory with every
/// offset checked against the data, and each part inflated by ZIPFoundation's inflater.
///
/// Lumen reads the directory itself because ZIPFoundation 0.9.20's `Archive` failed on damaged
/// workbooks found by FuzzTable: its memory mode traps (a range past the data's end), and
/// `extract` loops forever when a deflate stream stops before its end (the provider keeps
/// returning empty chunks). Here the provider throws past the part's bytes and pads the last
/// chunk (the inflater is told a whole buffer is there), and output is capped.
struct ZIPDirectory {
  struct Part {
    var method: UInt16
    var checksum: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var dataOffset: Int
  }

  let bytes: [UInt8]
  let name: String
  private(set) var parts: [String: Part] = [:]

  init(_ data: Data, name: String) throws(TableError) {
    bytes = [UInt8](data)
    self.name = name
    let damaged = TableError.malformed(
      "\(name) is not a readable .xlsx workbook (the ZIP archive is damaged)")
    guard let end = Self.endRecord(bytes) else { throw damaged }
    let count = Int(u16(end + 10))
    let directorySize = Int(u32(end + 12))
    let directoryOffset = Int(u32(end + 16))
    guard directoryOffset + directorySize <= end else { throw damaged }
    var offset = directoryOffset
    for _ in 0..<count {
      guard offset + 46 <= end, u32(offset) == 0x0201_4B50 else { throw damaged }
      let nameLength = Int(u16(offset + 28))
      let extraLength = Int(u16(offset + 30))
      let commentLength = Int(u16(offset + 32))
      let local = Int(u32(offset + 42))
      let compressed = Int(u32(offset + 20))
      let uncompressed = Int(u32(offset + 24))
      guard offset + 46 + nameLength <= end else { throw damaged }
      let path = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw damaged }
      let dataOffset = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
      guard dataOffset + compressed <= bytes.count else { throw damaged }
      parts[path] = Part(
        method: u16(offset + 10), checksum: u32(offset + 16), compressedSize: compressed,
        uncompressedSize: uncompressed, dataOffset: dataOffset)
      offset += 46 + nameLength + extraLength + commentLength
    }
  }

  /// The part's bytes, or `nil` when there is no such part.
  func contents(of path: String, limit: Int) throws(TableError) -> [UInt8]? {
    guard let part = parts[path] else { return nil }
    guard part.uncompressedSize <= limit else {
      throw .limitExceeded(
        "\(name): the part \(path) unpacks to \(part.uncompressedSize) bytes; the limit is \(limit)"
      )
    }
    let damaged = TableError.malformed(
      "\(name): the part \(path) cannot be unpacked (the workbook is damaged)")
    let start = part.dataOffset
    let size = part.compressedSize
    switch part.method {
    case 0:
      return Array(bytes[start..<(start + size)])
    case 8:
      var output: [UInt8] = []
      output.reserveCapacity(part.uncompressedSize)
      let source = bytes
      let chunk = 64 << 10
      do {
        let checksum = try Data.decompress(
          size: Int64(size), bufferSize: chunk, skipCRC32: false,
          provider: { position, _ in
            guard position < Int64(size) else { throw CocoaError(.fileReadCorruptFile) }
            let from = start + Int(position)
            let to = min(from + chunk, start + size)
            var piece = Data(source[from..<to])
            if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
            return piece
          },
          consumer: { data in
            guard output.count + data.count <= limit else { throw CocoaError(.fileReadTooLarge) }
            output.append(contentsOf: data)
          })
        guard checksum == part.checksum else { throw damaged }
      } catch let error as TableError {
        throw error
      } catch {
        throw damaged
      }
      return output
    default:
      throw .unsupported(
        "\(name): the part \(path) is compressed with method \(part.method); Lumen reads stored and deflated parts (save the workbook again from Excel or LibreOffice)"
      )
    }
  }

  /// The offset of the end-of-central-directory record: the last `PK 05 06` with room for the
  /// record and its comment.
  static func endRecord(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 22 else { return nil }
    var offset = bytes.count - 22
    while offset >= 0 {
      if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x05,
        bytes[offset + 3] == 0x06
      {
        let comment = Int(bytes[offset + 20]) | Int(bytes[offset + 21]) << 8
        return offset + 22 + comment <= bytes.count ? offset : nil
      }
      offset -= 1
    }
    return nil
  }

  private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
  private func u32(_ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
}

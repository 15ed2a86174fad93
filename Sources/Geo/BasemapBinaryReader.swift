import Foundation
import LumenCore

/// Reads the compact `.lbm` basemap form written by `scripts/make-basemaps`: fixed-point
/// integer polygons, little-endian (see that script for the layout).
struct BasemapBinaryReader {
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  private let bytes: [UInt8]
  private var offset = 0

  init(_ data: Data) { bytes = [UInt8](data) }

  mutating func features() throws -> [BasemapFeature] {
    guard bytes.count >= 12, bytes[0..<4].elementsEqual("LBM1".utf8) else {
      throw Malformed(description: "not a Lumen basemap (no LBM1 signature)")
    }
    offset = 4
    let scale = Double(try u32())
    guard scale > 0 else { throw Malformed(description: "basemap scale is 0") }
    let count = try u32()
    var features: [BasemapFeature] = []
    features.reserveCapacity(count)
    for _ in 0..<count {
      let name = try text()
      let code = try text()
      var polygons: [[[Point]]] = []
      for _ in 0..<(try u32()) {
        var rings: [[Point]] = []
        for _ in 0..<(try u32()) {
          let points = try u32()
          guard points <= (bytes.count - offset) / 8 else {
            throw Malformed(description: "ring runs past the end")
          }
          var ring: [Point] = []
          ring.reserveCapacity(points)
          bytes.withUnsafeBytes { raw in
            for i in 0..<points {
              let x = Int32(
                littleEndian: raw.loadUnaligned(fromByteOffset: offset + i * 8, as: Int32.self))
              let y = Int32(
                littleEndian: raw.loadUnaligned(fromByteOffset: offset + i * 8 + 4, as: Int32.self))
              ring.append(Point(x: Double(x) / scale, y: Double(y) / scale))
            }
          }
          offset += points * 8
          rings.append(ring)
        }
        polygons.append(rings)
      }
      features.append(BasemapFeature(name: name, code: code, polygons: polygons))
    }
    return features
  }

  private mutating func u32() throws -> Int {
    guard offset + 4 <= bytes.count else { throw Malformed(description: "basemap ends early") }
    let value =
      Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(
        bytes[offset + 3]) << 24
    offset += 4
    return value
  }

  private mutating func text() throws -> String {
    guard offset + 2 <= bytes.count else { throw Malformed(description: "basemap ends early") }
    let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    offset += 2
    guard offset + length <= bytes.count else { throw Malformed(description: "basemap ends early") }
    defer { offset += length }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }
}

import Foundation

/// The timing tables of an MP4's first track, read from the boxes themselves (not through
/// FFmpeg, which the code under test uses to write them).
///
/// Players disagree on which of these they believe: Chromium takes a video's length from the
/// sample table, ffprobe from the movie header. A correct file makes them all equal.
public struct MP4Timing: Equatable, CustomStringConvertible {
  /// The movie header's duration, in seconds.
  public var movieSeconds: Double
  /// The media header's (mdhd) duration, in seconds.
  public var mediaSeconds: Double
  /// The sum of the sample durations (stts), in seconds.
  public var sampleTableSeconds: Double
  /// The samples in the sample table.
  public var sampleCount: Int
  /// The first edit's segment length (seconds) and media start (seconds), when there is an
  /// edit list.
  public var edit: (seconds: Double, mediaStart: Double)?

  /// What is wrong with the file's structure.
  public struct Malformed: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads the boxes of the file at `path`.
  public init(path: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var boxes: [String: ArraySlice<UInt8>] = [:]
    Self.collect(bytes[...], into: &boxes, path: "")
    func box(_ name: String) throws -> ArraySlice<UInt8> {
      guard let found = boxes[name] else { throw Malformed(description: "no \(name) box") }
      return found
    }
    let movie = try Self.header(try box("/moov/mvhd"))
    let media = try Self.header(try box("/moov/trak/mdia/mdhd"))
    let stts = try box("/moov/trak/mdia/minf/stbl/stts")
    let entries = Int(Self.uint32(stts, 4))
    var samples = 0
    var ticks: UInt64 = 0
    for entry in 0..<entries {
      let count = Self.uint32(stts, 8 + entry * 8)
      samples += Int(count)
      ticks += UInt64(count) * UInt64(Self.uint32(stts, 12 + entry * 8))
    }
    movieSeconds = Double(movie.duration) / Double(movie.timescale)
    mediaSeconds = Double(media.duration) / Double(media.timescale)
    sampleTableSeconds = Double(ticks) / Double(media.timescale)
    sampleCount = samples
    if let elst = boxes["/moov/trak/edts/elst"], Self.uint32(elst, 4) > 0 {
      let wide = elst[elst.startIndex] == 1
      let segment = wide ? Self.uint64(elst, 8) : UInt64(Self.uint32(elst, 8))
      let start =
        wide
        ? Int64(bitPattern: Self.uint64(elst, 16)) : Int64(Int32(bitPattern: Self.uint32(elst, 12)))
      edit = (Double(segment) / Double(movie.timescale), Double(start) / Double(media.timescale))
    }
  }

  public static func == (a: MP4Timing, b: MP4Timing) -> Bool {
    a.description == b.description
  }

  public var description: String {
    let editText = edit.map { "edit \($0.seconds) s from \($0.mediaStart) s" } ?? "no edit list"
    return
      "mvhd \(movieSeconds) s, mdhd \(mediaSeconds) s, stts \(sampleTableSeconds) s "
      + "(\(sampleCount) samples), \(editText)"
  }

  /// The container boxes Lumen's files nest their timing in; every other box is a leaf.
  private static let containers: Set<String> = ["moov", "trak", "mdia", "minf", "stbl", "edts"]

  private static func collect(
    _ bytes: ArraySlice<UInt8>, into boxes: inout [String: ArraySlice<UInt8>], path: String
  ) {
    var offset = bytes.startIndex
    while offset + 8 <= bytes.endIndex {
      var size = UInt64(uint32(bytes, offset - bytes.startIndex))
      let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
      var header = 8
      if size == 1, offset + 16 <= bytes.endIndex {
        size = uint64(bytes, offset - bytes.startIndex + 8)
        header = 16
      } else if size == 0 {
        size = UInt64(bytes.endIndex - offset)
      }
      guard size >= UInt64(header), size <= UInt64(bytes.endIndex - offset) else { return }
      let body = bytes[(offset + header)..<(offset + Int(size))]
      let name = path + "/" + type
      // The first track only: later ones would overwrite it.
      if boxes[name] == nil {
        if containers.contains(type) {
          collect(body, into: &boxes, path: name)
        }
        boxes[name] = body
      }
      offset += Int(size)
    }
  }

  /// Time scale and duration of an mvhd or mdhd box (version 0 or 1).
  private static func header(_ box: ArraySlice<UInt8>) throws -> (
    timescale: UInt32, duration: UInt64
  ) {
    guard let version = box.first, box.count >= (version == 1 ? 32 : 20) else {
      throw Malformed(description: "a header box is too short")
    }
    return version == 1
      ? (uint32(box, 20), uint64(box, 24)) : (uint32(box, 12), UInt64(uint32(box, 16)))
  }

  private static func uint32(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
    let start = bytes.startIndex + at
    guard start + 4 <= bytes.endIndex else { return 0 }
    return bytes[start..<(start + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }

  private static func uint64(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt64 {
    UInt64(uint32(bytes, at)) << 32 | UInt64(uint32(bytes, at + 4))
  }
}

import Foundation
import LumenCore
import Testing

@testable import FFmpegIO

/// Display matrices as FFmpeg writes them (`av_display_rotation_set`, `av_display_matrix_flip`)
/// read as ffmpeg's autorotate reads them, and pictures turned pixel by pixel.
@Suite struct DisplayMatrixTests {
  /// `av_display_rotation_set(matrix, degrees)`: counter-clockwise degrees.
  static func rotation(_ degrees: Double) -> [Int32] {
    let radians = degrees * .pi / 180
    let (c, s) = (cos(radians), sin(radians))
    let fixed = { (v: Double) in Int32((v * 65536).rounded()) }
    return [fixed(c), fixed(-s), 0, fixed(s), fixed(c), 0, 0, 0, 1 << 30]
  }

  /// `av_display_matrix_flip(matrix, hflip, vflip)`.
  static func flipped(_ m: [Int32], horizontally: Bool, vertically: Bool) -> [Int32] {
    var m = m
    let (h, v): (Int32, Int32) = (horizontally ? -1 : 1, vertically ? -1 : 1)
    for i in 0..<3 {
      m[i * 3] *= h
      m[i * 3 + 1] *= v
    }
    return m
  }

  @Test func readsTheQuarterTurnsAPhoneWrites() {
    // ffmpeg's `-metadata:s:v rotate=90` is av_display_rotation_set(−90): shown clockwise.
    #expect(PictureOrientation(displayMatrix: Self.rotation(-90)) == .clockwise)
    #expect(PictureOrientation(displayMatrix: Self.rotation(90)) == .counterclockwise)
    #expect(PictureOrientation(displayMatrix: Self.rotation(180)) == .halfTurn)
    #expect(PictureOrientation(displayMatrix: Self.rotation(0)) == .upright)
    #expect(PictureOrientation(displayMatrix: Self.rotation(-89.7)) == .clockwise)
    #expect(PictureOrientation(displayMatrix: Self.rotation(30)) == .upright)  // not a quarter
    #expect(PictureOrientation(displayMatrix: [0, 0, 0, 0, 0, 0, 0, 0, 0]) == .upright)
    #expect(PictureOrientation(displayMatrix: []) == .upright)
  }

  @Test func readsFlips() {
    let identity = Self.rotation(0)
    #expect(
      PictureOrientation(
        displayMatrix: Self.flipped(identity, horizontally: true, vertically: false))
        == .mirrored)
    #expect(
      PictureOrientation(
        displayMatrix: Self.flipped(identity, horizontally: false, vertically: true))
        == .flipped)
    #expect(
      PictureOrientation(
        displayMatrix: Self.flipped(Self.rotation(-90), horizontally: true, vertically: false))
        == .transposed)
  }

  /// A 3×2 picture of numbered pixels, turned each way.
  @Test func turnsPictures() {
    // Stored:  0 1 2
    //          3 4 5
    var stored = RGBAImage(width: 3, height: 2)
    for i in 0..<6 { stored[i % 3, i / 3] = RGBAPixel(red: UInt8(i), green: 0, blue: 0) }
    func shown(_ orientation: PictureOrientation) -> [[Int]] {
      let image = orientation.apply(stored)
      return (0..<image.height).map { y in (0..<image.width).map { Int(image[$0, y].red) } }
    }
    #expect(shown(.upright) == [[0, 1, 2], [3, 4, 5]])
    #expect(shown(.clockwise) == [[3, 0], [4, 1], [5, 2]])
    #expect(shown(.counterclockwise) == [[2, 5], [1, 4], [0, 3]])
    #expect(shown(.halfTurn) == [[5, 4, 3], [2, 1, 0]])
    #expect(shown(.mirrored) == [[2, 1, 0], [5, 4, 3]])
    #expect(shown(.flipped) == [[3, 4, 5], [0, 1, 2]])
    #expect(shown(.transposed) == [[0, 3], [1, 4], [2, 5]])
    #expect(shown(.antiTransposed) == [[5, 2], [4, 1], [3, 0]])
  }
}

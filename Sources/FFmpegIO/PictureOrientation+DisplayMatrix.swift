internal import Foundation
internal import LumenCore

extension PictureOrientation {
  /// The orientation a display matrix asks for (nine 32-bit numbers, the first two columns in
  /// 16.16 fixed point), as ffmpeg's `get_rotation` and autorotate read it: the angle rounded to
  /// a degree, quarter turns only (other angles are shown as stored).
  init(displayMatrix m: [Int32]) {
    guard m.count >= 9 else {
      self = .upright
      return
    }
    let value = { (i: Int) in Double(m[i]) / 65536 }
    let scale0 = (value(0) * value(0) + value(3) * value(3)).squareRoot()
    let scale1 = (value(1) * value(1) + value(4) * value(4)).squareRoot()
    guard scale0 > 0, scale1 > 0 else {
      self = .upright
      return
    }
    var theta = (atan2(value(1) / scale1, value(0) / scale0) * 180 / .pi).rounded()
    theta -= 360 * (theta / 360 + 0.9 / 360).rounded(.down)
    if abs(theta - 90) < 1 {
      self = m[3] > 0 ? .transposed : .clockwise
    } else if abs(theta - 180) < 1 {
      switch (m[0] < 0, m[4] < 0) {
      case (true, true): self = .halfTurn
      case (true, false): self = .mirrored
      case (false, true): self = .flipped
      case (false, false): self = .upright
      }
    } else if abs(theta - 270) < 1 {
      self = m[3] < 0 ? .antiTransposed : .counterclockwise
    } else if abs(theta) < 1 {
      self = m[4] < 0 ? .flipped : .upright
    } else {
      self = .upright
    }
  }
}

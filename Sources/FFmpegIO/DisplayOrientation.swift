internal import Foundation
public import LumenCore

/// How a video's pictures are turned to be shown upright, from the display matrix a phone
/// writes into the file (a portrait clip is stored landscape with "rotate 90"): the same turns
/// and flips the `ffmpeg` command applies by default (its `autorotate`).
public enum DisplayOrientation: String, Sendable, Hashable, Codable {
  /// Shown as stored.
  case upright
  /// Turned a quarter clockwise (`transpose=clock`).
  case clockwise
  /// Turned a quarter counter-clockwise (`transpose=cclock`).
  case counterclockwise
  /// Turned half a turn.
  case halfTurn
  /// Mirrored left to right.
  case mirrored
  /// Mirrored top to bottom.
  case flipped
  /// Rows become columns (`transpose=cclock_flip`).
  case transposed
  /// Rows become columns the other way (`transpose=clock_flip`).
  case antiTransposed

  /// Whether width and height trade places.
  public var swapsSides: Bool {
    switch self {
    case .clockwise, .counterclockwise, .transposed, .antiTransposed: true
    default: false
    }
  }

  /// The size a picture of `size` is shown at.
  public func shown(_ size: Size) -> Size {
    swapsSides ? Size(width: size.height, height: size.width) : size
  }

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

  /// `image` turned to be shown this way.
  public func apply(_ image: RGBAImage) -> RGBAImage {
    guard self != .upright else { return image }
    let (w, h) = (image.width, image.height)
    let out = shown(Size(width: w, height: h))
    var bytes = [UInt8](repeating: 0, count: image.bytes.count)
    image.bytes.withUnsafeBytes { source in
      bytes.withUnsafeMutableBytes { target in
        let from = source.bindMemory(to: UInt32.self)
        let to = target.bindMemory(to: UInt32.self)
        for y in 0..<out.height {
          for x in 0..<out.width {
            // The stored pixel shown at (x, y).
            let (sx, sy): (Int, Int) =
              switch self {
              case .upright: (x, y)
              case .clockwise: (y, h - 1 - x)
              case .counterclockwise: (w - 1 - y, x)
              case .halfTurn: (w - 1 - x, h - 1 - y)
              case .mirrored: (w - 1 - x, y)
              case .flipped: (x, h - 1 - y)
              case .transposed: (y, x)
              case .antiTransposed: (w - 1 - y, h - 1 - x)
              }
            to[y * out.width + x] = from[sy * w + sx]
          }
        }
      }
    }
    return RGBAImage(width: out.width, height: out.height, bytes: bytes)
  }
}

/// How a stored picture is turned to be shown upright: a phone stores a portrait photo or clip
/// landscape and says how to turn it (a JPEG's EXIF orientation, a video's display matrix).
/// The eight cases are EXIF's eight orientations.
public enum PictureOrientation: String, Sendable, Hashable, Codable {
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

  /// `image` turned to be shown this way.
  public func apply(_ image: RGBAImage) -> RGBAImage {
    guard self != .upright else { return image }
    let (w, h) = (image.width, image.height)
    let out = shown(Size(width: w, height: h))
    // The stored pixel shown at (x, y) is at column a + b·x + c·y, row d + e·x + f·y; as an
    // index: start + x·stepX + y·stepY.
    let (a, b, c, d, e, f): (Int, Int, Int, Int, Int, Int) =
      switch self {
      case .upright: (0, 1, 0, 0, 0, 1)
      case .clockwise: (0, 0, 1, h - 1, -1, 0)
      case .counterclockwise: (w - 1, 0, -1, 0, 1, 0)
      case .halfTurn: (w - 1, -1, 0, h - 1, 0, -1)
      case .mirrored: (w - 1, -1, 0, 0, 0, 1)
      case .flipped: (0, 1, 0, h - 1, 0, -1)
      case .transposed: (0, 0, 1, 0, 1, 0)
      case .antiTransposed: (w - 1, 0, -1, h - 1, -1, 0)
      }
    let (start, stepX, stepY) = (d * w + a, e * w + b, f * w + c)
    var bytes = [UInt8](repeating: 0, count: image.bytes.count)
    image.bytes.withUnsafeBytes { source in
      bytes.withUnsafeMutableBytes { target in
        let from = source.bindMemory(to: UInt32.self)
        let to = target.bindMemory(to: UInt32.self)
        for y in 0..<out.height {
          var index = start + y * stepY
          let row = y * out.width
          for x in 0..<out.width {
            to[row + x] = from[index]
            index += stepX
          }
        }
      }
    }
    return RGBAImage(width: out.width, height: out.height, bytes: bytes)
  }
}

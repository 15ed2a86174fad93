internal import LumenCore

/// The colour that dominates an image's outermost rows and columns (its likely background).
enum BorderColor {
  /// The mean colour of the most common 5-bit colour among the opaque border pixels.
  static func dominant(in image: RGBAImage, alphaThreshold: UInt8) -> RGBColor? {
    var counts: [Int: (count: Int, r: Int, g: Int, b: Int)] = [:]
    func add(_ x: Int, _ y: Int) {
      let p = image[x, y]
      guard p.alpha >= alphaThreshold else { return }
      let key = Int(p.red >> 3) << 10 | Int(p.green >> 3) << 5 | Int(p.blue >> 3)
      let old = counts[key] ?? (0, 0, 0, 0)
      counts[key] = (old.count + 1, old.r + Int(p.red), old.g + Int(p.green), old.b + Int(p.blue))
    }
    for x in 0..<image.width {
      add(x, 0)
      if image.height > 1 { add(x, image.height - 1) }
    }
    for y in 1..<max(1, image.height - 1) {
      add(0, y)
      if image.width > 1 { add(image.width - 1, y) }
    }
    guard let best = counts.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })?.value
    else { return nil }
    return RGBColor(
      red: UInt8(best.r / best.count), green: UInt8(best.g / best.count),
      blue: UInt8(best.b / best.count))
  }
}

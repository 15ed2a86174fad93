public import LumenCore

/// Finds the nearest CSS named colour by CIEDE2000.
public enum ColorNamer {
  private static let named: [(name: String, lab: LabColor)] = CSSColorNames.all.map { entry in
    let color = RGBColor(
      red: UInt8(entry.rgb >> 16), green: UInt8((entry.rgb >> 8) & 0xFF),
      blue: UInt8(entry.rgb & 0xFF))
    return (entry.name, ColorConversion.lab(color))
  }

  /// The nearest name and its CIEDE2000 distance (ties go to the alphabetically first name).
  public static func nearestName(to color: RGBColor) -> (name: String, distance: Double) {
    let lab = ColorConversion.lab(color)
    var best = (name: "", distance: Double.infinity)
    for entry in named {
      let distance = CIEDE2000.difference(lab, entry.lab)
      if distance < best.distance { best = (entry.name, distance) }
    }
    return best
  }
}

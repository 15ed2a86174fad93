#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1.
public enum CIEDE2000 {
  /// ΔE00 between two CIELAB colours.
  public static func difference(_ x: LabColor, _ y: LabColor) -> Double {
    let (l1, a1, b1) = (Double(x.l), Double(x.a), Double(x.b))
    let (l2, a2, b2) = (Double(y.l), Double(y.a), Double(y.b))
    let c1 = (a1 * a1 + b1 * b1).squareRoot()
    let c2 = (a2 * a2 + b2 * b2).squareRoot()
    let meanC = (c1 + c2) / 2
    let meanC7 = pow(meanC, 7)
    let g = 0.5 * (1 - (meanC7 / (meanC7 + pow(25, 7))).squareRoot())
    let a1p = (1 + g) * a1
    let a2p = (1 + g) * a2
    let c1p = (a1p * a1p + b1 * b1).squareRoot()
    let c2p = (a2p * a2p + b2 * b2).squareRoot()
    let h1p = hue(b1, a1p)
    let h2p = hue(b2, a2p)
    let deltaL = l2 - l1
    let deltaC = c2p - c1p
    var deltah = 0.0
    if c1p * c2p != 0 {
      deltah = h2p - h1p
      if deltah > 180 { deltah -= 360 } else if deltah < -180 { deltah += 360 }
    }
    let deltaH = 2 * (c1p * c2p).squareRoot() * sin(radians(deltah / 2))
    let meanL = (l1 + l2) / 2
    let meanCp = (c1p + c2p) / 2
    var meanH = h1p + h2p
    if c1p * c2p != 0 {
      if abs(h1p - h2p) <= 180 {
        meanH = (h1p + h2p) / 2
      } else {
        meanH = (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2
      }
    }
    let t =
      1 - 0.17 * cos(radians(meanH - 30)) + 0.24 * cos(radians(2 * meanH))
      + 0.32 * cos(radians(3 * meanH + 6)) - 0.20 * cos(radians(4 * meanH - 63))
    let deltaTheta = 30 * exp(-pow((meanH - 275) / 25, 2))
    let meanCp7 = pow(meanCp, 7)
    let rc = 2 * (meanCp7 / (meanCp7 + pow(25, 7))).squareRoot()
    let sl = 1 + 0.015 * pow(meanL - 50, 2) / (20 + pow(meanL - 50, 2)).squareRoot()
    let sc = 1 + 0.045 * meanCp
    let sh = 1 + 0.015 * meanCp * t
    let rt = -sin(radians(2 * deltaTheta)) * rc
    let termL = deltaL / sl
    let termC = deltaC / sc
    let termH = deltaH / sh
    return (termL * termL + termC * termC + termH * termH + rt * termC * termH).squareRoot()
  }

  private static func hue(_ b: Double, _ a: Double) -> Double {
    if a == 0 && b == 0 { return 0 }
    let angle = atan2(b, a) * 180 / .pi
    return angle < 0 ? angle + 360 : angle
  }

  private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}

internal import CFFmpeg
public import LumenCore

/// The RGB→Y′CbCr matrix pictures are converted with, and tagged with.
///
/// Following the usual convention (and what players assume for untagged video), HD sizes use
/// BT.709 and smaller ones BT.601. Primaries and transfer are tagged BT.709 either way: GIF
/// colours are sRGB, whose primaries are BT.709's.
public enum YUVMatrix: String, Sendable, Hashable, Codable {
  /// ITU-R BT.601 (`smpte170m`). The corresponding C constant is `AVCOL_SPC_SMPTE170M`.
  case bt601
  /// ITU-R BT.709. The corresponding C constant is `AVCOL_SPC_BT709`.
  case bt709

  /// BT.709 from 1280×720 up, BT.601 below.
  public static func conventional(for size: Size) -> YUVMatrix {
    size.width >= 1280 || size.height >= 720 ? .bt709 : .bt601
  }

  var colorSpace: AVColorSpace { self == .bt709 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M }

  var swscaleCoefficients: Int32 { self == .bt709 ? SWS_CS_ITU709 : SWS_CS_ITU601 }

  /// Limited-range coefficients scaled by 2^16: Y (r, g, b), Cb (r, g, b), Cr (r, g, b).
  var fixedPointCoefficients: [Int] {
    switch self {
    case .bt601: [16_829, 33_039, 6_416, -9_714, -19_071, 28_784, 28_784, -24_103, -4_681]
    case .bt709: [11_966, 40_254, 4_064, -6_596, -22_189, 28_784, 28_784, -26_145, -2_639]
    }
  }
}

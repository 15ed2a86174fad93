public import LumenCore

/// Why a palette cannot be extracted or written as asked (reading the image fails with
/// ``ImageIO/ImageReadError`` or a codec's error).
public enum PaletteError: LumenError, Hashable {
  /// An option is out of range or contradicts another; the text names it.
  case invalidOption(String)

  public var category: ErrorCategory { .invalidOption }

  public var description: String {
    switch self {
    case .invalidOption(let text): text
    }
  }
}

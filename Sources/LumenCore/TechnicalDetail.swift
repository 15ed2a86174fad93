/// An error whose description is in the user's words, with the library call and code that
/// failed kept apart: shown with `--verbose` and in JSON reports, never instead of the words.
public protocol TechnicalDetail: Error {
  /// The failing library function, its code and its own message (`DGifGetImageDesc returned
  /// 102: Failed to read from given file`), or `nil` when Lumen's own check failed.
  var technicalDetail: String? { get }
}

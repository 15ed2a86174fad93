/// The one error model: every error Lumen's modules throw says what is wrong in the user's
/// words (its `description`), what kind of failure it is (``category``, from which the exit
/// code and the tool error are derived), and, apart, the library call and code that failed.
///
/// The command line prints the description (and ``technicalDetail`` with `--verbose` or in
/// JSON); a tool call answers with `isError` and the same text and category.
public protocol LumenError: Error, CustomStringConvertible {
  /// What kind of failure this is.
  var category: ErrorCategory { get }
  /// The failing library function, its code and its own message (`DGifGetImageDesc returned
  /// 102: Failed to read from given file`), or `nil` when Lumen's own check failed.
  var technicalDetail: String? { get }
}

extension LumenError {
  public var technicalDetail: String? { nil }
}

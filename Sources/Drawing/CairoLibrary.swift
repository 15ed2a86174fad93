internal import CCairoLoader

/// cairo, opened on first use (Lumen does not link it; see `CCairoLoader`).
enum CairoLibrary {
  /// Opens libcairo.so.2 and resolves the functions Lumen calls, once.
  ///
  /// - Throws: ``CairoError`` naming `dlopen` or `dlsym` when cairo is missing or too old.
  static func load() throws(CairoError) {
    try DeferredLibrary.load("cairo", install: "libcairo2") { ccairo_load($0, $1) }
  }
}

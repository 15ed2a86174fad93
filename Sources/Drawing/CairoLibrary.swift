internal import CCairoLoader

/// cairo, opened on first use (Lumen does not link it; see `CCairoLoader`).
enum CairoLibrary {
  /// Opens libcairo.so.2 and resolves the functions Lumen calls, once.
  ///
  /// - Throws: ``CairoError`` naming `dlopen` or `dlsym` when cairo is missing or too old.
  static func load() throws(CairoError) {
    var message = [CChar](repeating: 0, count: 512)
    guard ccairo_load(&message, message.count) == 0 else {
      let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw CairoError(
        status: 0, function: text.hasPrefix("dlsym") ? "dlsym" : "dlopen",
        message: "cairo is not available: \(text) (install libcairo2)")
    }
  }
}

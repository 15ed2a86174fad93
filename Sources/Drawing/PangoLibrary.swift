internal import CPangoLoader

/// Pango, opened on first use (Lumen does not link it; see `CPangoLoader`).
enum PangoLibrary {
  /// Opens libpangocairo, libpango and libgobject and resolves the functions Lumen calls, once.
  ///
  /// - Throws: ``CairoError`` naming `dlopen` or `dlsym` when Pango is missing.
  static func load() throws(CairoError) {
    try DeferredLibrary.load("Pango", install: "libpangocairo-1.0-0") { cpango_load($0, $1) }
  }
}

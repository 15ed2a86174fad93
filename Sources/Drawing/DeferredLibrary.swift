/// What ``CairoLibrary`` and ``PangoLibrary`` share: calling a `CDeferredLoading` loader and
/// turning its failure into a ``CairoError`` that says what to install.
enum DeferredLibrary {
  static func load(
    _ what: String, install package: String, _ loader: (UnsafeMutablePointer<CChar>, Int) -> Int32
  ) throws(CairoError) {
    var message = [CChar](repeating: 0, count: 512)
    let status = message.withUnsafeMutableBufferPointer { loader($0.baseAddress!, $0.count) }
    guard status == 0 else {
      let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
      throw CairoError(
        status: 0, function: text.hasPrefix("dlsym") ? "dlsym" : "dlopen",
        message: "\(what) is not available: \(text) (install \(package))")
    }
  }
}

internal import CPNG

/// The owner of a `png_image` control structure; `png_image_free` runs in `deinit`.
///
/// libpng's simplified API reports errors through return values and `message`, so no
/// setjmp/longjmp is needed from Swift.
struct PNGImageHandle: ~Copyable {
  let raw: UnsafeMutablePointer<png_image>

  init() {
    raw = .allocate(capacity: 1)
    raw.initialize(to: png_image())
    raw.pointee.version = UInt32(PNG_IMAGE_VERSION)
  }

  /// Throws ``PNGError`` with libpng's message when `status` is 0.
  func check(_ status: Int32, _ function: String) throws(PNGError) {
    guard status != 0 else { throw PNGError(function: function, message: message) }
  }

  /// libpng's last message.
  var message: String {
    withUnsafeBytes(of: raw.pointee.message) { bytes in
      let text = bytes.prefix(while: { $0 != 0 })
      return String(decoding: text, as: UTF8.self)
    }
  }

  deinit {
    png_image_free(raw)
    raw.deinitialize(count: 1)
    raw.deallocate()
  }
}

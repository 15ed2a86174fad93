internal import CTurboJPEG

/// The owner of a TurboJPEG decompressor; destroyed only in `deinit`.
struct TurboJPEGHandle: ~Copyable {
  let raw: tjhandle

  init() throws(JPEGError) {
    guard let handle = tjInitDecompress() else {
      throw JPEGError(function: "tjInitDecompress", message: "cannot create a decompressor")
    }
    raw = handle
  }

  /// Throws with TurboJPEG's message when `status` is not 0.
  func check(_ status: Int32, _ function: String) throws(JPEGError) {
    guard status == 0 else {
      throw JPEGError(
        function: function, message: String(cString: tjGetErrorStr2(raw)),
        code: tjGetErrorCode(raw))
    }
  }

  deinit {
    tjDestroy(raw)
  }
}

internal import CGif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The owner of an open `FILE` and the byte counter giflib's callback updates.
struct InputFile: ~Copyable {
  let state: UnsafeMutablePointer<ReadState>

  init(path: String) throws(GIFError) {
    guard let file = fopen(path, "rb") else {
      let reason = String(cString: strerror(errno))
      throw GIFError(
        code: .openFailed, function: "fopen", message: "cannot open \(path): \(reason)")
    }
    state = .allocate(capacity: 1)
    state.initialize(to: ReadState(file: file, offset: 0))
  }

  /// How many bytes giflib has consumed so far.
  var offset: Int { state.pointee.offset }

  /// The last byte read, and whether the file has no more.
  var lastByte: UInt8 { state.pointee.lastByte }
  var isAtEnd: Bool { feof(state.pointee.file) != 0 }

  deinit {
    fclose(state.pointee.file)
    state.deinitialize(count: 1)
    state.deallocate()
  }
}

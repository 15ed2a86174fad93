internal import CLibFuzzer

#if canImport(Glibc)
  import Glibc
#endif

/// The entry every fuzz target's main.swift calls.
public enum LibFuzzer {
  /// The function libFuzzer calls with each input (`data` may be null when `size` is 0).
  public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Hands the command line to libFuzzer's driver and exits with its status.
  public static func run(_ callback: Callback) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
    exit(status)
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The input libFuzzer passed, as a buffer (empty when `data` is null).
  public init(fuzzInput data: UnsafePointer<UInt8>?, _ size: Int) {
    self.init(start: size > 0 ? data : nil, count: size > 0 ? size : 0)
  }
}

import FuzzSupport
import JPEGCodec
import LumenCore

/// JPEG decode through libjpeg-turbo, at full size and, when that works, at a reduced scale.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = ScratchFile.write(UnsafeBufferPointer(fuzzInput: data, size))
  guard let decoded = try? JPEGFile.read(path: path, limits: .fuzzing) else { return 0 }
  precondition(decoded.image.bytes.count == decoded.image.width * decoded.image.height * 4)
  _ = try? JPEGFile.read(path: path, limits: .fuzzing, reducedDecodingTarget: 4_096)
  return 0
}

LibFuzzer.run(fuzz)

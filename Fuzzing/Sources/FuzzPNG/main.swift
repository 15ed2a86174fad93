import FuzzSupport
import LumenCore
import PNGCodec

/// PNG decode through libpng's full reading API (CPNGReader) to RGBA.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = ScratchFile.write(UnsafeBufferPointer(fuzzInput: data, size))
  _ = try? PNGFile.header(path: path)
  guard let image = try? PNGFile.read(path: path, limits: .fuzzing) else { return 0 }
  precondition(image.bytes.count == image.width * image.height * 4)
  return 0
}

LibFuzzer.run(fuzz)

import FuzzSupport
import GIFCodec
import LumenCore

/// GIF decode and composite: the frame scan, then every frame through the compositor.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let path = ScratchFile.write(UnsafeBufferPointer(fuzzInput: data, size))
  _ = try? GIFDecoder.countFrames(path: path, limits: .fuzzing)
  guard var decoder = try? GIFDecoder(path: path, limits: .fuzzing) else { return 0 }
  while let frame = try? decoder.nextFrame() {
    // Touch both ends of the canvas so a short buffer is caught by AddressSanitizer.
    let image = frame.image
    precondition(image.bytes.count == image.width * image.height * 4)
    _ = (image.bytes.first, image.bytes.last)
  }
  _ = decoder.damage?.description
  _ = decoder.warnings
  return 0
}

LibFuzzer.run(fuzz)

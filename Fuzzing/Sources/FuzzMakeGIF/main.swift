import FuzzSupport
import GIFMaking
import LumenCore

/// `lumen gif` on any bytes as a GIF: the first two bytes choose the options (palette mode,
/// dithering, lossy, colours, timing edits, a size), the rest is the input. Exercises the
/// timeline, the quantizer, the lossy LZW encoder and the indexed writer.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(fuzzInput: data, size)
  guard bytes.count > 2 else { return 0 }
  let a = bytes[0]
  let b = bytes[1]
  let input = ScratchFile.write(UnsafeBufferPointer(rebasing: bytes[2...]), name: "input.gif")
  var options = GIFOptions()
  options.limits = .fuzzing
  options.overwrite = true
  options.palette = [.auto, .global, .perFrame][Int(a % 3)]
  options.dither = DitherMethod.allCases[Int(a / 3 % 4)]
  options.lossy = [0, 0, 40, 200][Int(a / 12 % 4)]
  options.colors = [256, 2, 7, 64][Int(b % 4)]
  switch b / 4 % 5 {
  case 1: options.reverse = true
  case 2: options.boomerang = true
  case 3: options.speed = 3.7
  case 4: options.framesPerSecond = 7
  default: break
  }
  if b & 0x40 != 0 { options.width = 9 }
  if b & 0x80 != 0 { options.start = 0.05 }
  let output = ScratchFile.folder + "/output.gif"
  if let report = try? MakeGIF.make(inputs: [input], output: output, options: options) {
    precondition(report.delays.reduce(0, +) == Int((report.durationSeconds * 100).rounded()))
    precondition(report.delays.allSatisfy { $0 >= 2 } || report.framesOut == 1)
  }
  return 0
}

LibFuzzer.run(fuzz)

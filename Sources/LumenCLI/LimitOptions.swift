import ArgumentParser
import LumenCore

/// Decoding limits, overridable from the command line.
struct LimitOptions: ParsableArguments {
  @Option(help: "Refuse images wider or taller than this many pixels.")
  var maxDimension = DecodeLimits.default.maxWidth

  @Option(help: "Refuse frames with more pixels than this.")
  var maxFramePixels = DecodeLimits.default.maxPixelsPerFrame

  @Option(help: "Refuse animations with more frames than this.")
  var maxFrames = DecodeLimits.default.maxFrames

  @Option(help: "Refuse animations with more decoded pixels in all than this.")
  var maxTotalPixels = DecodeLimits.default.maxTotalPixels

  var decodeLimits: DecodeLimits {
    DecodeLimits(
      maxWidth: maxDimension, maxHeight: maxDimension, maxPixelsPerFrame: maxFramePixels,
      maxFrames: maxFrames, maxTotalPixels: maxTotalPixels)
  }
}

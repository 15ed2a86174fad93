public import LumenCore

extension DecodeLimits {
  /// Small limits so that a few header bytes claiming a huge canvas are refused instead of
  /// allocated, and no input takes seconds: a 2.7 KB GIF of 18 frames on a 1000×1000 screen
  /// (18 M composited pixels, within the first limits tried here) took 5 s in the
  /// instrumented debug build, over libFuzzer's -timeout on a loaded machine.
  public static let fuzzing = DecodeLimits(
    maxWidth: 1_024, maxHeight: 1_024, maxPixelsPerFrame: 262_144, maxFrames: 100,
    maxTotalPixels: 4_000_000)
}

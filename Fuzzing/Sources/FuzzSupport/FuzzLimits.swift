public import LumenCore

extension DecodeLimits {
  /// Small limits so that a few header bytes claiming a huge canvas are refused instead of
  /// allocated (libFuzzer's RSS limit is 2 GB).
  public static let fuzzing = DecodeLimits(
    maxWidth: 1_024, maxHeight: 1_024, maxPixelsPerFrame: 1_000_000, maxFrames: 200,
    maxTotalPixels: 50_000_000)
}

/// An encoder speed preset, in x264's names (mapped to the nearest speed for VP9 and AV1).
public enum EncoderPreset: String, Sendable, Hashable, CaseIterable, Codable {
  case ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow
}

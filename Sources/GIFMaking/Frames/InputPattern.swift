internal import Foundation
internal import LumenCore

/// Shell patterns among `lumen gif`'s inputs (`'frames/*.png'`, `shot-??.jpg`), as ffmpeg's
/// `-pattern_type glob` reads them: a name that is not a file but holds `*`, `?` or `[` is
/// expanded with glob(3), in the shell's (byte) order. Names are listed, not opened, so the
/// image limit is checked before any file is read.
enum InputPattern {
  /// The inputs with each pattern replaced by the files it matches.
  ///
  /// - Throws: ``GIFMakingError/inputNotReadable(path:reason:)`` when a pattern matches
  ///   nothing, ``GIFMakingError/limitExceeded(_:)`` past `limit` names.
  static func expand(_ inputs: [String], limit: Int) throws -> [String] {
    var expanded: [String] = []
    for input in inputs {
      guard PathName(input).isPattern, !FileManager.default.fileExists(atPath: input) else {
        expanded.append(input)
        continue
      }
      var found = glob_t()
      defer { globfree(&found) }
      let status = glob(input, 0, nil, &found)
      if status == GLOB_NOMATCH {
        throw GIFMakingError.inputNotReadable(
          path: input, reason: "no file matches this pattern")
      }
      guard status == 0 else {
        throw GIFMakingError.inputNotReadable(
          path: input,
          reason: status == GLOB_NOSPACE
            ? "the pattern matches too many names to list" : "its folder cannot be read")
      }
      for i in 0..<Int(found.gl_pathc) {
        guard let name = found.gl_pathv[i] else { continue }
        expanded.append(String(cString: name))
        if expanded.count > limit {
          throw GIFMakingError.limitExceeded(
            "\(input) matches more than \(limit) files, the limit of images in one GIF")
        }
      }
    }
    return expanded
  }
}

import Foundation

/// Paths of the committed fixtures and of the optional shared corpora beside the project.
public enum Fixtures {
  /// The repository root, found from this file's path.
  public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The path of a file in `Fixtures/`.
  public static func path(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path
  }

  /// `../shared/gifcorpus`, when it is present.
  public static var gifCorpus: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/gifcorpus")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// `../shared/imgcorpus` (photos and graphics), when it is present.
  public static var imageCorpus: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/imgcorpus")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// `../shared/mapdata` (basemaps, US lighthouses, Lake Michigan light rhythms), when present.
  public static var mapData: URL? {
    let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/mapdata")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// The built `lumen` executable next to the test bundle.
  public static var lumenExecutable: URL {
    let bundle = Bundle.main.bundleURL
    let candidates = [
      bundle.deletingLastPathComponent().appendingPathComponent("lumen"),
      bundle.appendingPathComponent("lumen"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("lumen"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[0]
  }
}

import Foundation
import TestSupport
import Testing

/// FFmpeg's ~130 shared libraries are opened only by the commands that use FFmpeg. The dynamic
/// loader's own trace (`LD_DEBUG=files`, printed on stderr) tells which libraries a run opened.
@Suite struct FFmpegLoadingTests {
  private static let trace = ["LD_DEBUG": "files"]

  private func opensLibAVCodec(_ run: Run) -> Bool {
    run.stderr.contains("libavcodec.so")
  }

  @Test func aPNGPaletteNeverOpensFFmpeg() throws {
    let run = try Run(
      ["palette", Fixtures.path("palette-3colors.png"), "-k", "3"], environment: Self.trace)
    #expect(run.status == 0)
    #expect(run.stdout.contains("#e63946"))
    #expect(!opensLibAVCodec(run))
    #expect(
      run.stderr.contains("libpng16.so"), "the trace should list the libraries that were opened")
  }

  @Test func aGIFMapNeverOpensFFmpeg() throws {
    let folder = TemporaryDirectory()
    let run = try Run(
      [
        "map", Fixtures.path("lighthouses-sample.csv"), "-o", folder.file("m.gif"), "--size",
        "160x100",
        "--seconds", "1",
      ],
      environment: Self.trace)
    #expect(run.status == 0)
    #expect(!opensLibAVCodec(run))
  }

  @Test func gif2videoOpensFFmpegOnFirstUse() throws {
    let folder = TemporaryDirectory()
    let run = try Run(
      ["gif2video", Fixtures.path("demo.gif"), "-o", folder.file("d.mp4")], environment: Self.trace)
    #expect(run.status == 0)
    #expect(opensLibAVCodec(run))
  }

  /// A library that cannot be loaded (an empty file ahead on the search path) is an error that
  /// names it, with no output left behind, and the commands that do not need FFmpeg still run.
  @Test func aMissingFFmpegIsAClearErrorOnlyWhereItIsNeeded() throws {
    let folder = TemporaryDirectory()
    let libraries = folder.file("lib")
    try FileManager.default.createDirectory(atPath: libraries, withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: libraries + "/libavformat.so.59", contents: Data())
    let broken = ["LD_LIBRARY_PATH": libraries]

    let video = try Run(
      ["gif2video", Fixtures.path("demo.gif"), "-o", folder.file("d.mp4")], environment: broken)
    #expect(video.status != 0)
    #expect(video.stderr.contains("FFmpeg is not available"))
    #expect(video.stderr.contains("libavformat.so.59"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("d.mp4")))

    let palette = try Run(
      ["palette", Fixtures.path("palette-3colors.png"), "-k", "3"], environment: broken)
    #expect(palette.status == 0)
    #expect(palette.stdout.contains("#e63946"))
  }
}

import Foundation
import TestSupport
import Testing

/// Every error a user can meet names the file, says what is wrong in plain words and what to
/// do; library calls and codes appear only with `--verbose` (and in the JSON report's detail).
@Suite struct ErrorMessageCLITests {
  /// A message that leaks a library call or a raw code.
  static func leaksLibraryDetail(_ text: String) -> Bool {
    let patterns = [
      #"returned -?\d+"#, #"\bDGif\w+"#, #"\bEGif\w+"#, #"\bav(format|codec)?_\w+"#, #"\bpng_\w+"#,
      #"\btj\w+"#, #"\bsws_\w+"#, #"\(-\d{4,}\)"#,
    ]
    return patterns.contains { text.range(of: $0, options: .regularExpression) != nil }
  }

  /// The inputs of the table below, made in a fresh folder.
  func folder() throws -> TemporaryDirectory {
    let folder = TemporaryDirectory()
    for name in ["demo.gif", "palette-3colors.png", "lighthouses-sample.csv", "tables/tips.csv"] {
      try FileManager.default.copyItem(
        atPath: Fixtures.path(name), toPath: folder.file(String(name.split(separator: "/").last!)))
    }
    folder.write(Array("just some notes\n".utf8), to: "notes.txt")
    folder.write(Array("a,b\n".utf8), to: "header-only.csv")
    folder.write([], to: "empty.gif")
    let demo = try #require(FileManager.default.contents(atPath: Fixtures.path("demo.gif")))
    folder.write(Array(demo.prefix(40)), to: "cut.gif")
    folder.write(Array("RIFF\u{10}\0\0\0WEBPjunkjunkjunk".utf8), to: "bad.webp")
    // An iPhone photo's first bytes (an ISO media file of brand heic) and a cut MP4.
    folder.write([0, 0, 0, 0x18] + Array("ftypheic\0\0\0\0mif1heic".utf8), to: "photo.heic")
    folder.write([0, 0, 0, 0x18] + Array("ftypisom\0\0\u{02}\0isomiso2".utf8), to: "clip-cut.mov")
    folder.write(Array("name;lat;lon\nA;45.1;-87.2\n".utf8), to: "semicolons.csv")
    folder.write(Array("x,y\n1,2\n".utf8), to: "nocoords.csv")
    try FileManager.default.createDirectory(
      atPath: folder.file("sub"), withIntermediateDirectories: false)
    return folder
  }

  /// (arguments, exit status, what the message must say).
  static let cases: [([String], Int32, String)] = [
    (["gif2video", "palette-3colors.png"], 65, "palette-3colors.png is a PNG image, not a GIF"),
    (["gif2video", "notes.txt"], 65, "notes.txt is a text file, not a GIF"),
    (["gif2video", "empty.gif"], 65, "empty.gif is an empty file, not a GIF"),
    (["gif2video", "cut.gif", "-o", "cut.mp4"], 65, "cut.gif: the file is damaged or cut short"),
    (["gif2video", "missing.gif"], 66, "missing.gif: no such file"),
    (["gif2video", "sub"], 66, "sub: it is a folder"),
    (["gif2video", "demo.gif", "-o", "nofolder/x.mp4"], 73, "does not exist"),
    (["gif2video", "demo.gif", "--crf", "60"], 64, "crf must be 0–51 for h264"),
    (
      ["gif2video", "demo.gif", "--background", "blue-ish"], 64,
      "#rrggbb, #rgb or a CSS colour name"
    ),
    (["palette", "notes.txt"], 65, "notes.txt is a text file, not an image"),
    (["palette", "bad.webp"], 65, "bad.webp: the file is damaged or not in a format Lumen reads"),
    (["palette", "cut.gif"], 65, "cut.gif:"),
    (["palette", "missing.png"], 66, "missing.png"),
    (["map", "nocoords.csv"], 65, "no lat/latitude and lon/lng/long/longitude columns"),
    (["map", "missing.csv"], 66, "missing.csv"),
    (["map", "notes.txt"], 65, "notes.txt"),
    (
      ["chart", "tips.csv", "--x", "dya", "-o", "c.svg"], 64,
      "no column \"dya\" (did you mean \"day\"?)"
    ),
    (
      ["chart", "tips.csv", "--x", "day", "--y", "sex", "-o", "c.svg"], 65,
      "\"sex\" holds category values, not numbers"
    ),
    (["chart", "header-only.csv", "--x", "a", "-o", "c.svg"], 65, "header row but no data rows"),
    (["chart", "missing.csv", "--x", "a", "-o", "c.svg"], 66, "missing.csv does not exist"),
    (["chart", "demo.gif", "--x", "a", "-o", "c.svg"], 65, "demo.gif is not a table"),
    (
      ["chart", "tips.csv", "--x", "day", "--bins", "1", "-o", "c.svg"], 64,
      "--bins 1 is out of range"
    ),
    (
      ["chart", "tips.csv", "--kind", "scatter", "--x", "tip", "-o", "c.svg"], 64,
      "exactly one y column"
    ),
    (
      ["heatmap", "tips.csv", "-o", "h.html"], 65,
      "column \"sex\" is \"Female\", not a number"
    ),
    (
      ["heatmap", "tips.csv", "--x", "day", "--y", "time", "--value", "sex", "-o", "h.html"], 65,
      "value column \"sex\""
    ),
    (["heatmap", "tips.csv", "--x", "day", "-o", "h.html"], 64, "needs both x"),
    (
      ["heatmap", "tips.csv", "--x", "hour:day", "--y", "time", "-o", "h.html"], 65,
      "not dates or times"
    ),
    (
      ["heatmap", "tips.csv", "--x", "day", "--y", "time", "--range", "5,1", "-o", "h.html"], 64,
      "MIN < MAX"
    ),
    (["heatmap", "tips.csv", "--calendar", "day", "-o", "h.html"], 65, "not dates"),
    (["analyze", "header-only.csv", "-o", "out"], 65, "header row but no data rows"),
    (["analyze", "missing.csv", "-o", "out"], 66, "missing.csv does not exist"),
    (["analyze", "demo.gif", "-o", "out"], 65, "demo.gif is not a table"),
    (["analyze", "tips.csv", "--max-charts", "99", "-o", "out"], 64, "out of range"),
    (["analyze", "tips.csv", "--columns", "tipp", "-o", "out"], 64, "did you mean \"tip\""),
    (["analyze", "tips.csv", "-o", "notes.txt"], 73, "is a file"),
    (["analyze", "--merge", "notes.txt", "-o", "out"], 65, "not a partial state"),
    (["analyze", "tips.csv", "demo.gif", "-o", "out"], 64, "give one table file"),
    (["gif", "notes.txt", "-o", "n.gif"], 65, "notes.txt is a text file; lumen gif takes a video"),
    (["gif", "missing.mp4", "-o", "m.gif"], 66, "missing.mp4: no such file"),
    (["gif", "sub", "-o", "s.gif"], 66, "sub: it is a folder; give the images in it"),
    (["gif", "empty.gif", "-o", "e.gif"], 66, "empty.gif: the file is empty"),
    (["gif", "cut.gif", "-o", "c.gif"], 65, "cut.gif:"),
    (["gif", "bad.webp", "-o", "b.gif"], 65, "bad.webp"),
    (["gif", "demo.gif", "-o", "d.gif", "--fps", "60"], 64, "--fps 60 is out of range 0.1–50"),
    (
      ["gif", "demo.gif", "-o", "d.gif", "--start", "99"], 65, "start 99.0 s is at or past the end"
    ),
    (["gif", "demo.gif", "-o", "d.mp4"], 64, "lumen gif writes GIF files"),
    (["gif", "demo.gif", "-o", "d.gif", "--crop", "0,0,9999,10"], 64, "reaches outside"),
    (["gif", "demo.gif", "palette-3colors.png", "-o", "x.gif"], 64, "must all be still images"),
    (["gif", "shot-*.png"], 64, "give -o OUT.gif: the first input is a pattern"),
    (["gif", "photo.heic", "-o", "h.gif"], 65, "photo.heic is a HEIC/HEIF or AVIF photo"),
    (["palette", "photo.heic"], 65, "photo.heic is a HEIC/HEIF or AVIF photo"),
    (["gif", "clip-cut.mov", "-o", "v.gif"], 65, "clip-cut.mov"),
    (["gif", "shot-*.png", "-o", "p.gif"], 66, "shot-*.png: no file matches this pattern"),
  ]

  @Test(arguments: cases)
  func saysWhatIsWrongInPlainWords(_ arguments: [String], status: Int32, message: String) throws {
    let folder = try folder()
    let run = try Run(arguments, directory: folder.path)
    #expect(run.status == status, "\(arguments): \(run.stderr)")
    #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    #expect(!Self.leaksLibraryDetail(run.stderr), "\(arguments): \(run.stderr)")
    // FFmpeg's own log lines ("[mov,mp4,… @ 0x…] moov atom not found") stay out of it.
    #expect(!run.stderr.contains(" @ 0x"), "\(arguments): \(run.stderr)")
    #expect(!folder.contents().contains { $0.hasSuffix(".mp4") || $0.hasSuffix(".lumen-tmp") })
  }

  @Test func theLibraryCallIsShownWithVerboseAndInJSON() throws {
    let folder = try folder()
    let verbose = try Run(
      ["gif2video", "cut.gif", "-o", "cut.mp4", "--verbose"], directory: folder.path)
    #expect(verbose.status == 65)
    #expect(verbose.stderr.contains("(DGif"), "\(verbose.stderr)")
    let json = try Run(["palette", "bad.webp", "--json"], directory: folder.path)
    #expect(json.status == 65)
    #expect((json.json?["detail"] as? String)?.contains("returned") == true, "\(json.stdout)")
  }

  @Test func aSemicolonSeparatedCSVIsRead() throws {
    let folder = try folder()
    let run = try Run(["map", "semicolons.csv", "-o", "m.png", "--json"], directory: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.json?["pointsDrawn"] as? Int == 1)
  }

  /// Every refusal in ../shared/gifcorpus, as gif2video and palette say it.
  @Test func corpusRefusalsAreInPlainWords() throws {
    guard let corpus = Fixtures.gifCorpus else { return }
    let refused = [
      "imagegif__issue-101-infinite-empty-loop.gif": "exceeds the limit",
      "imagegif__issue-117-out-of-range.gif": "exceeds the limit",
      "pillow__decompression_bomb.gif": "damaged: frame 1 gives an LZW code size of 143",
      "pillow__issue_2811.gif": "frame 1 uses an LZW code size of 11, above the GIF standard",
      "pillow__zero_width.gif": "damaged: frame 1 gives an LZW code size of 143",
      "vips__truncated.gif": "damaged or cut short in frame 1",
    ]
    let folder = TemporaryDirectory()
    for (name, message) in refused.sorted(by: { $0.key < $1.key }) {
      let path = corpus.appendingPathComponent(name).path
      for arguments in [["gif2video", path, "-o", folder.file("x.mp4")], ["palette", path]] {
        let run = try Run(arguments)
        #expect(run.status == 65, "\(arguments): \(run.stderr)")
        #expect(
          run.stderr.contains(name) && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(!Self.leaksLibraryDetail(run.stderr), "\(arguments): \(run.stderr)")
        // FFmpeg's own log lines ("[mov,mp4,… @ 0x…] moov atom not found") stay out of it.
        #expect(!run.stderr.contains(" @ 0x"), "\(arguments): \(run.stderr)")
      }
    }
    #expect(folder.contents().isEmpty)
  }
}

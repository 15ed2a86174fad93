import LumenCore
import Testing

@Suite struct PathNameTests {
  @Test(arguments: [
    ("clips/cat.gif", "clips", "cat.gif", "gif", "clips/cat.mp4"),
    ("cat.GIF", "", "cat.GIF", "GIF", "cat.mp4"),
    ("/tmp/a.b.c", "/tmp", "a.b.c", "c", "/tmp/a.b.mp4"),
    ("/x", "/", "x", "", "/x.mp4"),
    ("a//b//", "a", "b", "", "a/b.mp4"),
    (".hidden", "", ".hidden", "", ".hidden.mp4"),
    ("dots.", "", "dots.", "", "dots..mp4"),
    (
      "\u{FFFD}\u{FFFD}///\u{FFFD}gif", "\u{FFFD}\u{FFFD}", "\u{FFFD}gif", "",
      "\u{FFFD}\u{FFFD}/\u{FFFD}gif.mp4"
    ),
  ])
  func takesPathsApart(
    path: String, folder: String, name: String, pathExtension: String, asVideo: String
  ) {
    let parts = PathName(path)
    #expect(parts.folder == folder)
    #expect(parts.name == name)
    #expect(parts.pathExtension == pathExtension)
    #expect(parts.replacingExtension(with: "mp4") == asVideo)
  }
}

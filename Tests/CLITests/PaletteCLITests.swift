import Foundation
import TestSupport
import Testing

@Suite struct PaletteCLITests {
  @Test func printsATableAndJSON() throws {
    let text = try Run(["palette", Fixtures.path("palette-3colors.png"), "-k", "3"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("#e63946   230,57,70       50.0%  crimson"))
    let json = try Run(["palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--json"])
    let palette = try #require(json.json?["palette"] as? [String: Any])
    let colors = try #require(palette["colors"] as? [[String: Any]])
    #expect(colors.map { $0["hex"] as? String } == ["#e63946", "#2a9d8f", "#264653"])
    #expect(Set(colors[0].keys) == ["hex", "rgb", "oklch", "weight", "name", "nameDistance"])
    for key in [
      "fitError", "space", "seed", "pixelsClustered", "pixelsTransparent", "excludedShares",
    ] {
      #expect(palette[key] != nil, "missing \(key)")
    }
  }

  @Test func isByteIdenticalRunToRun() throws {
    let arguments = ["palette", Fixtures.path("photo_hopper.jpg"), "-k", "6", "--json"]
    #expect(try Run(arguments).stdout == (try Run(arguments).stdout))
  }

  @Test func writesFormatFilesAndSwatches() throws {
    let folder = TemporaryDirectory()
    let run = try Run([
      "palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--format", "ase", "-o",
      folder.file("p.ase"),
      "--swatch", folder.file("s.png"),
    ])
    #expect(run.status == 0)
    #expect(folder.contents() == ["p.ase", "s.png"])
    let css = try Run([
      "palette", Fixtures.path("palette-3colors.png"), "-k", "3", "--format", "css",
    ])
    #expect(css.stdout.hasPrefix(":root {\n  --palette-1: #e63946;"))
  }

  @Test(arguments: [
    ["-k", "0"], ["-k", "many"], ["--format", "ase"], ["--space", "hsv"], ["--exclude", "grey"],
  ])
  func rejectsBadOptions(arguments: [String]) throws {
    let run = try Run(["palette", Fixtures.path("palette-3colors.png")] + arguments)
    #expect(run.status == 64)
  }

  @Test func failsClearlyOnMissingAndDamagedFiles() throws {
    #expect(try Run(["palette", "/nonexistent.png"]).status == 66)
    let folder = TemporaryDirectory()
    let junk = folder.write(Array("not an image".utf8), to: "junk.jpg")
    let run = try Run(["palette", junk])
    #expect(run.status == 65)
    #expect(run.stderr.contains("junk.jpg is a text file, not an image"))
  }
}

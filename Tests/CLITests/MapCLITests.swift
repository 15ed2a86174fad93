import Foundation
import TestSupport
import Testing

@Suite struct MapCLITests {
  @Test func drawsAGIFAndPrintsAJSONReport() throws {
    let folder = TemporaryDirectory()
    let output = folder.file("lights.gif")
    let run = try Run([
      "map", Fixtures.path("lighthouses-sample.csv"), "-o", output, "--size", "320x200",
      "--seconds", "1",
      "--title", "Lights", "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(run.json)
    #expect(json["pointsDrawn"] as? Int == 45)
    #expect(json["frames"] as? Int == 10)
    #expect(json["region"] as? String == "usa")
    #expect(json["lightsWithCharacteristic"] as? Int == 10)
    #expect((json["outputBytes"] as? Int ?? 0) > 1000)
    #expect(FileManager.default.fileExists(atPath: output))
  }

  @Test(arguments: [
    (["--size", "10x10"], Int32(64), "size"),
    (["--region", "mars"], Int32(64), "--region"),
    (["--fps", "0"], Int32(64), "fps"),
  ])
  func refusesBadOptions(extra: [String], status: Int32, mentions: String) throws {
    let folder = TemporaryDirectory()
    let run = try Run(
      ["map", Fixtures.path("lighthouses-sample.csv"), "-o", folder.file("x.gif")] + extra)
    #expect(run.status == status)
    #expect(run.stderr.contains(mentions), "\(run.stderr)")
    #expect(folder.contents().isEmpty)
  }

  @Test func badDataIsADataErrorAndLeavesNoFile() throws {
    let folder = TemporaryDirectory()
    let csv = folder.write(Array("x,y\n1,2\n".utf8), to: "bad.csv")
    let run = try Run(["map", csv, "-o", folder.file("x.gif")])
    #expect(run.status == 65)
    #expect(run.stderr.contains("no lat/latitude and lon/lng/long/longitude columns"))
    #expect(folder.contents() == ["bad.csv"])
  }
}

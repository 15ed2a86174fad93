import LumenCore
import PNGCodec
import TestSupport
import Testing

@Suite struct PNGFileTests {
  @Test func roundTripsRGBAExactly() throws {
    var image = RGBAImage(width: 3, height: 2)
    image[0, 0] = RGBAPixel(red: 255, green: 0, blue: 0)
    image[1, 0] = RGBAPixel(red: 0, green: 255, blue: 0, alpha: 128)
    image[2, 1] = RGBAPixel(red: 1, green: 2, blue: 3, alpha: 4)
    let folder = TemporaryDirectory()
    let path = folder.file("a.png")
    try PNGFile.write(image, to: path)
    #expect(try PNGFile.read(path: path) == image)
  }

  @Test func refusesImagesBeyondTheLimits() throws {
    let folder = TemporaryDirectory()
    let path = folder.file("wide.png")
    try PNGFile.write(RGBAImage(width: 50, height: 1), to: path)
    #expect(throws: PNGError.self) {
      _ = try PNGFile.read(path: path, limits: DecodeLimits(maxWidth: 49))
    }
  }

  @Test func namesTheFunctionThatFailedOnDamagedFiles() throws {
    let folder = TemporaryDirectory()
    let path = folder.write([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], to: "bad.png")
    #expect {
      _ = try PNGFile.read(path: path)
    } throws: { ($0 as? PNGError)?.code == 2 }
  }
}

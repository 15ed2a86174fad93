// The library example of README.md, compiled as part of the package (a test checks that the
// README shows exactly this file). Run: swift run LibraryExample in.gif photo.jpg points.csv

import Foundation
import GIFCodec
import GIFToVideo
import LumenCore
import MapRendering
import PaletteExtraction

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 3 else {
  print("usage: LibraryExample ANIMATION.gif PHOTO.jpg POINTS.csv")
  exit(64)
}
let (gif, photo, points) = (arguments[1], arguments[2], arguments[3])

// GIF to video, with the timing browsers play
var options = GIFToVideoOptions()
options.background = RGBColor(hex: "black")!
options.overwrite = true
let report = try GIFToVideo.convert(input: gif, output: "out.mp4", options: options) {
  done, total in
  print("\(done)/\(total ?? 0)")
}
print(report.summary)

// Palettes
var paletteOptions = ExtractPaletteOptions()
paletteOptions.clustering.count = .exactly(8)
let palette = try ExtractPalette.run(path: photo, options: paletteOptions)
print(palette.summary)

// Maps
var mapOptions = MapOptions()
mapOptions.title = "US lighthouses"
mapOptions.overwrite = true
let map = try MapAnimation.render(input: points, output: "lighthouses.gif", options: mapOptions)
print(map.text)

// Lower level: stream composited frames, one canvas in memory
var decoder = try GIFDecoder(path: gif)
while let frame = try decoder.nextFrame() {
  print(frame.index, frame.image.width, frame.timing.playedCentiseconds)
}

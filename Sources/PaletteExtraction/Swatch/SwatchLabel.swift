internal import LumenCore

/// One line of text placed on a swatch.
struct SwatchLabel: Sendable {
  /// The colour it belongs to, as an index into the palette.
  var colorIndex: Int
  var text: String
  var sizePoints: Double
  var bold = false
  /// Where the text starts on its baseline; a vertical label runs up from here.
  var x: Double
  var y: Double
  var isVertical = false
  /// The box the text takes: from the font's ascent to its descent, over its advance.
  var bounds: (x: Double, y: Double, width: Double, height: Double)
  var ink: RGBColor
  /// A line from the colour's bar to a label placed outside it.
  var leader: (from: Point, to: Point)?
}

internal import LumenCore

/// Where a swatch puts each colour and each label, worked out before anything is drawn.
struct SwatchPlan: Sendable {
  /// The area each colour fills, by palette index.
  var areas: [PixelRect]
  var labels: [SwatchLabel]
}

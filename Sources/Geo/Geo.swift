/// Geography for maps: coordinates, map projections (an ellipsoidal Albers-USA composite with
/// Alaska, Hawaii and Puerto Rico insets, Equal Earth, equirectangular) and the bundled
/// public-domain basemaps (US Census states, Natural Earth countries). Pure Swift.
public enum Geo {}

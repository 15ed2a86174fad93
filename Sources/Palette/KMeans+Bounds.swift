extension KMeans {
  /// Hamerly's per-point bounds, as distances (not squared).
  struct Bounds {
    /// At least the distance from each point to its assigned centre.
    var upper: [Float]
    /// No more than the distance from each point to any centre but its own.
    var lower: [Float]

    init(count: Int) {
      upper = [Float](repeating: .infinity, count: count)
      lower = [Float](repeating: 0, count: count)
    }
  }
}

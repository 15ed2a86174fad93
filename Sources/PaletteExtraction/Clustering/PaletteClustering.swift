public import LumenCore

/// Clusters a ``ColorHistogram`` into a palette: weighted k-means++ in a perceptual space over
/// the occupied bins, exactly k colours when the image has them, centres closer than a
/// just-noticeable difference merged and their slot refilled.
///
/// ```swift
/// var histogram = ColorHistogram()
/// histogram.add(image)
/// var options = ClusteringOptions()
/// options.count = .exactly(8)
/// let palette = PaletteClustering.cluster(from: histogram, options: options)
/// ```
public enum PaletteClustering {
  /// Clusters the counted pixels into the palette.
  ///
  /// - Parameters:
  ///   - histogram: The counted pixels.
  ///   - options: k, space, order, seed, exclusions.
  ///   - borderColor: The image border's dominant colour, needed for `.border` exclusion.
  public static func cluster(
    from histogram: ColorHistogram, options: ClusteringOptions, borderColor: RGBColor? = nil
  ) -> Palette {
    var bins = histogram.bins
    let labs = bins.map {
      ColorConversion.lab(red: $0.meanRed, green: $0.meanGreen, blue: $0.meanBlue)
    }
    var shares: [String: Double] = [:]
    var keep = [Bool](repeating: true, count: bins.count)
    let total = Double(max(1, histogram.pixelsCounted))
    for exclusion in options.exclusions.sorted(by: { $0.rawValue < $1.rawValue }) {
      var removed = 0
      let borderLab = borderColor.map(ColorConversion.lab)
      for i in bins.indices where keep[i] {
        let lab = labs[i]
        let excluded: Bool
        switch exclusion {
        case .white: excluded = lab.l >= 93 && lab.chroma <= 6
        case .black: excluded = lab.l <= 7
        case .border: excluded = borderLab.map { lab.squaredDistance(to: $0) <= 144 } ?? false
        }
        if excluded {
          keep[i] = false
          removed += bins[i].count
        }
      }
      shares[exclusion.rawValue] = Double(removed) / total
    }
    bins = bins.indices.filter { keep[$0] }.map { bins[$0] }
    let binLabs = labs.indices.filter { keep[$0] }.map { labs[$0] }

    let clustered = bins.reduce(0) { $0 + $1.count }
    var result = Palette(
      colors: [], requestedCount: nil, reason: nil, pixelsClustered: clustered,
      pixelsTransparent: histogram.pixelsTransparent, excludedShares: shares,
      space: options.space.rawValue, seed: options.seed, fitError: 0)
    if case .exactly(let k) = options.count { result.requestedCount = k }
    guard clustered > 0 else {
      result.reason = "no pixels left to cluster (all transparent or excluded)"
      return result
    }

    let points = bins.indices.map { i -> SIMD4<Float> in
      switch options.space {
      case .cielab: return SIMD4(binLabs[i].l, binLabs[i].a, binLabs[i].b, 0)
      case .oklab:
        let ok = ColorConversion.oklab(
          red: bins[i].meanRed, green: bins[i].meanGreen, blue: bins[i].meanBlue)
        return SIMD4(ok.l * 100, ok.a * 100, ok.b * 100, 0)
      }
    }
    let weights = bins.map { Float($0.count) }

    let clustering: Clustering
    switch options.count {
    case .exactly(let k):
      clustering = cluster(points: points, weights: weights, k: k, options: options)
    case .automatic:
      var chosen = cluster(points: points, weights: weights, k: 1, options: options)
      for k in 1...ClusteringOptions.autoMaximum {
        chosen = k == 1 ? chosen : cluster(points: points, weights: weights, k: k, options: options)
        let rms = (chosen.result.weightedError / Double(clustered)).squareRoot()
        if rms <= ClusteringOptions.autoThreshold || chosen.result.centers.count < k { break }
      }
      clustering = chosen
    }
    result.reason = clustering.reason
    result.fitError = clustering.result.weightedError / Double(clustered)
    result.colors = colors(
      of: clustering.result, bins: bins, points: points, clustered: clustered, options: options)
    return result
  }

  // MARK: - Clustering

  struct Clustering {
    var result: KMeans.Result
    var reason: String?
  }

  static func cluster(points: [SIMD4<Float>], weights: [Float], k: Int, options: ClusteringOptions)
    -> Clustering
  {
    var reason: String?
    var target = k
    if points.count < k {
      target = points.count
      reason =
        "the image has only \(points.count) distinct colour\(points.count == 1 ? "" : "s") (at 5 bits per channel)"
    }
    var result = KMeans.cluster(
      points: points, weights: weights, k: target, seed: options.seed,
      initializations: options.initializations)
    // Merge centres closer than a just-noticeable difference and refill the freed slot with the
    // worst-represented colour, as long as one lies farther than that difference.
    for _ in 0..<target {
      guard let (drop, _) = closePair(result, weights: weights, options: options) else { break }
      var centers = result.centers
      centers.remove(at: drop)
      var assignment = [Int](repeating: 0, count: points.count)
      _ = KMeans.assign(points: points, weights: weights, centers: centers, assignment: &assignment)
      let worst = KMeans.worstPoint(
        points: points, weights: weights, centers: centers, assignment: assignment)
      let gap = CIEDE2000.difference(
        lab(of: points[worst], options.space), lab(of: centers[assignment[worst]], options.space))
      if gap > options.justNoticeableDifference {
        centers.append(points[worst])
      }
      result = KMeans.lloyd(
        points: points, weights: weights, centers: &centers, maxIterations: 100, tolerance: 1e-3)
      if centers.count < target {
        reason =
          "only \(centers.count) perceptibly different colours (CIEDE2000 > \(options.justNoticeableDifference))"
        break
      }
    }
    return Clustering(result: result, reason: reason)
  }

  /// The index of the lighter centre of the closest pair under the JND, if any.
  static func closePair(
    _ result: KMeans.Result, weights pointWeights: [Float], options: ClusteringOptions
  )
    -> (Int, Double)?
  {
    var weights = [Float](repeating: 0, count: result.centers.count)
    for (i, c) in result.assignment.enumerated() { weights[c] += pointWeights[i] }
    let labs = result.centers.map { lab(of: $0, options.space) }
    var best: (Int, Double)?
    for i in labs.indices {
      for j in labs.indices where j > i {
        let d = CIEDE2000.difference(labs[i], labs[j])
        if d < options.justNoticeableDifference && (best == nil || d < best!.1) {
          best = (weights[i] < weights[j] ? i : j, d)
        }
      }
    }
    return best
  }

  /// CIELAB of a point in the clustering space.
  static func lab(of point: SIMD4<Float>, _ space: ClusteringOptions.Space) -> LabColor {
    switch space {
    case .cielab: return LabColor(l: point.x, a: point.y, b: point.z)
    case .oklab:
      return ColorConversion.lab(
        ColorConversion.rgb(
          fromOKLab: LabColor(l: point.x / 100, a: point.y / 100, b: point.z / 100)))
    }
  }

  // MARK: - Colours

  static func colors(
    of result: KMeans.Result, bins: [ColorHistogram.Bin], points: [SIMD4<Float>], clustered: Int,
    options: ClusteringOptions
  ) -> [PaletteColor] {
    var counts = [Int](repeating: 0, count: result.centers.count)
    var nearestBin = [Int](repeating: -1, count: result.centers.count)
    var nearestDistance = [Float](repeating: .infinity, count: result.centers.count)
    for (i, c) in result.assignment.enumerated() {
      counts[c] += bins[i].count
      let d = KMeans.distanceSquared(points[i], result.centers[c])
      if d < nearestDistance[c] {
        nearestDistance[c] = d
        nearestBin[c] = i
      }
    }
    var colors: [PaletteColor] = []
    for (c, center) in result.centers.enumerated() where counts[c] > 0 {
      let rgb: RGBColor
      if options.exactColors {
        rgb = bins[nearestBin[c]].sample
      } else {
        switch options.space {
        case .cielab:
          rgb = ColorConversion.rgb(fromLab: LabColor(l: center.x, a: center.y, b: center.z))
        case .oklab:
          rgb = ColorConversion.rgb(
            fromOKLab: LabColor(l: center.x / 100, a: center.y / 100, b: center.z / 100))
        }
      }
      let ok = ColorConversion.oklab(rgb)
      let (name, distance) = ColorNamer.nearestName(to: rgb)
      colors.append(
        PaletteColor(
          hex: rgb.hex, rgb: [Int(rgb.red), Int(rgb.green), Int(rgb.blue)],
          oklch: .init(
            l: rounded(Double(ok.l), 4), c: rounded(Double(ok.chroma), 4),
            h: rounded(Double(ok.hueDegrees), 2)),
          weight: Double(counts[c]) / Double(clustered), name: name,
          nameDistance: rounded(distance, 2)))
    }
    return sorted(colors, by: options.order)
  }

  static func sorted(_ colors: [PaletteColor], by order: ClusteringOptions.Order) -> [PaletteColor]
  {
    colors.sorted { x, y in
      switch order {
      case .weight where x.weight != y.weight: return x.weight > y.weight
      case .lightness where x.oklch.l != y.oklch.l: return x.oklch.l > y.oklch.l
      case .hue where x.oklch.h != y.oklch.h: return x.oklch.h < y.oklch.h
      default: return x.hex < y.hex
      }
    }
  }

  static func rounded(_ value: Double, _ places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}

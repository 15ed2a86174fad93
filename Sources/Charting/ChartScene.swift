public import LumenCore

/// A chart built once, drawn by every backend: its size, background and items in order.
public struct ChartScene: Sendable, Hashable {
  /// The chart's size in pixels at scale 1 (points in a PDF).
  public var width: Double
  public var height: Double
  /// The background colour.
  public var background: RGBColor
  /// The chart's title, for document metadata.
  public var title: String
  /// What is drawn, back to front.
  public var items: [SceneItem]

  /// A scene of the given size and background, with its items back to front.
  package init(
    width: Double, height: Double, background: RGBColor, title: String, items: [SceneItem]
  ) {
    self.width = width
    self.height = height
    self.background = background
    self.title = title
    self.items = items
  }

  /// The data marks, in drawing order.
  public var marks: [SceneMark] {
    var found: [SceneMark] = []
    func visit(_ item: SceneItem) {
      switch item {
      case .rect(_, _, _, _, _, let mark?), .circle(_, _, _, _, let mark?),
        .wedge(_, _, _, _, _, let mark?):
        found.append(mark)
      default: break
      }
    }
    items.forEach(visit)
    return found
  }
}

public import ToolDispatch

/// Registers Lumen's media operations with a (media-agnostic) ``ToolDispatch/ToolRegistry``.
public enum LumenToolbox {
  /// A registry with every Lumen tool.
  public static func registry(policy: ToolRegistry.Policy = .init()) throws -> ToolRegistry {
    let registry = ToolRegistry(policy: policy)
    try registry.register(GIFToVideoTool())
    try registry.register(ExtractPaletteTool())
    try registry.register(RenderMapAnimationTool())
    return registry
  }
}

internal import FFmpegIO
internal import Foundation
internal import GIFCodec
internal import LumenCore
public import ToolDispatch

/// `list_files`: what is in the workspace, so a model can name files that exist.
///
/// Kinds are told from the files' bytes; image sizes come from their headers, GIF frame
/// counts from a scan of the records, video sizes and durations from the container (FFmpeg,
/// only when a video is listed). Nothing is decoded.
public struct ListFilesTool: Tool {
  public typealias Output = FileListing

  public struct Arguments: ToolArguments {
    var pattern: String?
    var folder: String?

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
      folder = try c.decodeIfPresent(String.self, forKey: .folder)
    }

    enum CodingKeys: String, CodingKey { case pattern, folder }

    public static let fieldDescriptions = [
      "pattern":
        "A glob matched against each path and name, such as \"*.gif\" or \"maps/*.png\"; null lists every file.",
      "folder":
        "A folder inside the workspace to list (with its subfolders); null for the whole workspace.",
    ]
  }

  /// The most files one listing returns (the report says when more were left out).
  static let limit = 500
  /// GIFs larger than this are listed without a frame count (the scan reads the whole file).
  static let gifScanBytes = 32 << 20

  public init() {}

  public let name = "list_files"
  public let title = "List workspace files"
  public var isHeavy: Bool { false }
  public var isReadOnly: Bool { true }
  public let description = """
    List the files in the workspace (optionally matching a glob such as "*.gif"), with each \
    file's size in bytes, kind told from its content (gif, png, jpeg, webp, mp4, webm, text…), \
    MIME type, and where cheap its width and height, GIF frame count and duration as browsers \
    play it, or video duration. Use it \
    first to see what the user has uploaded and to get exact names for the other tools.
    """
  public let exampleArguments = #"{"pattern": "*.gif", "folder": null}"#

  public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
    try execute(arguments, context: context)
  }

  private func execute(_ arguments: Arguments, context: ToolContext) throws -> ToolResult {
    let (entries, truncated) = try context.workspace.files(
      matching: arguments.pattern, under: arguments.folder, limit: Self.limit)
    let files = entries.map(Self.describe)
    let listing = FileListing(files: files, truncated: truncated)
    var lines = files.map(\.line)
    if files.isEmpty {
      lines = [arguments.pattern.map { "No file matches \($0)." } ?? "The workspace is empty."]
    }
    if truncated { lines.append("(more files left out: narrow the pattern or folder)") }
    let count = "\(files.count) file\(files.count == 1 ? "" : "s")"
    return ToolResult(
      isError: false, text: "\(count):\n" + lines.joined(separator: "\n"),
      structured: try JSONText.value(of: listing))
  }

  static func describe(_ entry: Workspace.Entry) -> FileListing.File {
    let kind = FileKind.sniff(path: entry.absolutePath) ?? .unknown
    var file = FileListing.File(
      path: entry.path, bytes: entry.bytes, kind: kind.rawValue, mimeType: kind.mimeType)
    if let size = ImageDimensions.read(path: entry.absolutePath, kind: kind) {
      file.width = size.width
      file.height = size.height
    }
    if kind == .gif, entry.bytes <= gifScanBytes,
      let scan = try? GIFDecoder.scan(path: entry.absolutePath)
    {
      file.frames = scan.frames
      file.durationSeconds = Double(scan.playedCentiseconds) / 100
    }
    if kind == .mp4 || kind == .webm, let reader = try? MediaReader(path: entry.absolutePath) {
      // As shown: a phone's portrait clip is stored landscape with a rotation.
      let shown = reader.info.orientation.shown(
        Size(width: reader.info.width, height: reader.info.height))
      file.width = shown.width
      file.height = shown.height
      file.durationSeconds = reader.info.durationSeconds
    }
    return file
  }
}

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "lumen",
  products: [
    .library(
      name: "Lumen",
      targets: [
        "Locking", "LumenCore", "GIFCodec", "PNGCodec", "JPEGCodec", "FFmpegIO", "Drawing",
        "ImageIO", "Tables", "Deflate", "Charting", "Heatmaps", "TableAnalysis",
        "Lights",
        "Geo", "GIFToVideo", "GIFMaking", "PaletteExtraction", "MapRendering", "ToolDispatch",
        "LumenTools",
        "LumenMCP", "LumenMCPHTTP",
      ]),
    .executable(name: "lumen", targets: ["lumen"]),
    .executable(name: "lumen-mcp", targets: ["lumen-mcp"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // Only the `Hummingbird` product, without the default traits (swift-configuration and full
    // Foundation are not needed to serve one endpoint on 127.0.0.1).
    .package(
      url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
  ],
  targets: [
    // MARK: - C libraries (Debian -dev packages), one wrapper module each
    .systemLibrary(
      name: "CGif", path: "Sources/CGif",
      providers: [.apt(["libgif-dev"])]),
    .systemLibrary(
      name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
      providers: [.apt(["libpng-dev"])]),
    // zlib's streaming deflate, at a level of Lumen's choosing (ZIPFoundation fixes level 6).
    .systemLibrary(
      name: "CZStream", path: "Sources/CZStream", providers: [.apt(["zlib1g-dev"])]),
    // Headers only: FFmpeg is not linked but opened on first use by CFFmpegLoader, so the
    // commands that never touch video do not pay for loading its ~130 shared libraries.
    .systemLibrary(
      name: "CFFmpeg", path: "Sources/CFFmpeg",
      providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev"])]),
    // dlopen on first use, shared by the two loaders below.
    .target(name: "CDeferredLoading", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "CFFmpegLoader", dependencies: ["CDeferredLoading"]),
    // cairo opened on first draw, as FFmpeg is (its X11 and font libraries cost ~2 ms per start).
    .target(name: "CCairoLoader", dependencies: ["CDeferredLoading"]),
    // glibc's malloc arena cap (mallopt is not in Swift's Glibc module).
    .target(name: "CMallocTuning"),
    // Pango (text in any script on cairo), opened on first use the same way.
    .target(name: "CPangoLoader", dependencies: ["CDeferredLoading"]),
    // libpng's full reading API reports errors with longjmp: this small C target holds the
    // setjmp and returns status codes (see STYLE.md, gotcha 7).
    .target(name: "CPNGReader", dependencies: ["CPNG"]),
    // The same for writing, where the simplified API cannot set the compression or take
    // cairo's B, G, R, X pixels as they are.
    .target(name: "CPNGWriter", dependencies: ["CZStream"]),
    .target(name: "CDelimitedScan"),
    .systemLibrary(
      name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
      providers: [.apt(["libturbojpeg0-dev"])]),
    .systemLibrary(
      name: "CCairo", path: "Sources/CCairo",
      providers: [.apt(["libcairo2-dev"])]),

    // MARK: - Vocabulary and wrappers
    // A lock ThreadSanitizer understands (Synchronization.Mutex's futex handoff it cannot see).
    .target(name: "Locking"),
    .target(name: "LumenCore", dependencies: ["Locking"]),
    .target(name: "GIFCodec", dependencies: ["LumenCore", "CGif"]),
    .target(name: "PNGCodec", dependencies: ["LumenCore", "CPNG", "CPNGReader", "CPNGWriter"]),
    .target(name: "FFmpegIO", dependencies: ["LumenCore", "Locking", "CFFmpeg", "CFFmpegLoader"]),
    .target(name: "JPEGCodec", dependencies: ["LumenCore", "CTurboJPEG"]),
    .target(
      name: "Drawing",
      dependencies: ["LumenCore", "CCairo", "CCairoLoader", "CPangoLoader", "Locking"]),
    // Any image file to RGBA pixels (PNG, GIF, JPEG by Lumen's wrappers, the rest by FFmpeg),
    // shared by the operations that read images.
    .target(
      name: "ImageIO", dependencies: ["LumenCore", "GIFCodec", "PNGCodec", "JPEGCodec", "FFmpegIO"]),
    // Nautical light characteristics ("Fl(2) W 10s") and their blink schedules.
    .target(name: "Lights", dependencies: ["LumenCore"]),
    // The basemaps are compiled into the binary (.incbin), so an installed `lumen` needs no
    // resource folder.
    .target(name: "CBasemapData", cSettings: [.headerSearchPath("data")]),
    .target(name: "Geo", dependencies: ["LumenCore", "CBasemapData"]),

    // Table files (CSV/TSV, JSON Lines, JSON arrays, .xlsx) to typed columns, shared by the
    // data jobs (chart, heatmap, analyze).
    .target(name: "Deflate", dependencies: ["CZStream", "LumenCore"]),
    .target(
      name: "Tables",
      dependencies: [
        "LumenCore", "CDelimitedScan", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),

    // MARK: - Operations
    // lumen chart: a table to a chart (scene once; cairo+Pango for PNG/PDF, SVG, HTML)
    .target(name: "Charting", dependencies: ["LumenCore", "Tables", "Drawing", "PNGCodec"]),
    // lumen heatmap: matrices, pivots and calendars (canvas HTML page; images via Charting)
    .target(
      name: "Heatmaps",
      dependencies: [
        "LumenCore", "Tables", "Charting", "Drawing", "MapRendering", "Geo", "Deflate",
      ]),
    // lumen analyze: one streaming pass to stats.json, charts by rule and report.html
    .target(name: "TableAnalysis", dependencies: ["LumenCore", "Locking", "Tables", "Charting"]),
    // lumen gif2video
    .target(name: "GIFToVideo", dependencies: ["LumenCore", "GIFCodec", "FFmpegIO"]),
    // lumen gif: video, GIF or images to an optimised GIF (palettes via PaletteExtraction)
    .target(
      name: "GIFMaking",
      dependencies: [
        "LumenCore", "GIFCodec", "FFmpegIO", "ImageIO", "Drawing", "PaletteExtraction",
      ]),
    // lumen palette: the clustering (k-means in Lab, CIEDE2000, names), formats and swatches
    .target(
      name: "PaletteExtraction", dependencies: ["LumenCore", "ImageIO", "Drawing", "PNGCodec"]),
    // lumen map
    .target(
      name: "MapRendering",
      dependencies: [
        "LumenCore", "Geo", "Lights", "Drawing", "GIFCodec", "FFmpegIO", "PNGCodec", "Tables",
      ]),

    // MARK: - Function calling (knows nothing about media)
    .target(name: "ToolDispatch", dependencies: ["Locking"]),
    .target(
      name: "LumenTools",
      dependencies: [
        "ToolDispatch", "GIFToVideo", "PaletteExtraction", "ImageIO", "FFmpegIO", "LumenCore",
        "MapRendering", "Charting", "Heatmaps", "TableAnalysis", "GIFMaking",
        "Geo", "PNGCodec", "GIFCodec",
      ]),

    .target(
      name: "LumenMCP",
      dependencies: [
        "ToolDispatch", "Locking", .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // MCP Streamable HTTP on 127.0.0.1 (Hummingbird hosts Lumen's session transport).
    .target(
      name: "LumenMCPHTTP",
      dependencies: [
        "LumenMCP", "ToolDispatch", .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]),

    // MARK: - Command line
    .target(
      name: "LumenCLI",
      dependencies: [
        "LumenCore", "GIFToVideo", "PaletteExtraction", "ImageIO", "GIFCodec", "FFmpegIO",
        "ToolDispatch",
        "LumenTools", "MapRendering", "Geo", "Locking", "Charting", "Heatmaps", "Tables",
        "TableAnalysis", "CMallocTuning", "GIFMaking",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // The Swift runtime and Foundation linked in: `lumen` starts in a few milliseconds (a
    // model may run it once per job) and loads only the C libraries it uses.
    .executableTarget(
      name: "lumen", dependencies: ["LumenCLI"],
      linkerSettings: [
        // Not position-independent: the ~80,000 relative relocations a PIE needs would be
        // applied, page by page, at every start (627 page faults -> 422, ~1 ms).
        .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"]),
        // Foundation's static archive needs its C parts named (the dynamic library carries them).
        .linkedLibrary("CoreFoundation"), .linkedLibrary("_FoundationICU"),
        .linkedLibrary("_FoundationCShims"), .linkedLibrary("_FoundationCollections"),
        .linkedLibrary("FoundationEssentials"), .linkedLibrary("FoundationInternationalization"),
        .linkedLibrary("swiftSynchronization"),
      ]),
    // `lumen mcp` runs this in its place: the MCP SDK, Hummingbird and Foundation's networking
    // (libcurl) are loaded by the server only.
    .executableTarget(
      name: "lumen-mcp",
      dependencies: [
        "LumenCLI", "LumenMCP", "LumenMCPHTTP", "LumenTools", "ToolDispatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Tests
    .target(name: "TestSupport", dependencies: ["LumenCore"], path: "Tests/TestSupport"),
    // README's library example, compiled with the package (ReadmeExampleTests keeps them equal).
    .executableTarget(
      name: "LibraryExample",
      dependencies: ["GIFToVideo", "GIFCodec", "PaletteExtraction", "LumenCore", "MapRendering"],
      path: "Examples/LibraryExample"),

    .testTarget(name: "LumenCoreTests", dependencies: ["LumenCore", "Locking", "TestSupport"]),
    .testTarget(name: "GIFCodecTests", dependencies: ["GIFCodec", "FFmpegIO", "TestSupport"]),
    .testTarget(
      name: "PNGCodecTests", dependencies: ["PNGCodec", "TestSupport", "CPNGWriter", "CZStream"]),
    .testTarget(name: "DrawingTests", dependencies: ["Drawing", "TestSupport"]),
    .testTarget(name: "FFmpegIOTests", dependencies: ["FFmpegIO", "TestSupport"]),
    .testTarget(
      name: "GIFToVideoTests",
      dependencies: ["GIFToVideo", "GIFCodec", "FFmpegIO", "TestSupport"]),
    .testTarget(name: "TablesTests", dependencies: ["Tables", "TestSupport", "CDelimitedScan"]),
    .testTarget(
      name: "ChartingTests",
      dependencies: ["Charting", "Tables", "PNGCodec", "LumenCore", "TestSupport"]),
    .testTarget(
      name: "HeatmapsTests",
      dependencies: [
        "Heatmaps", "Deflate", "Charting", "Tables", "PNGCodec", "LumenCore", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "TableAnalysisTests",
      dependencies: ["TableAnalysis", "Tables", "LumenCore", "TestSupport"]),
    .testTarget(name: "LightsTests", dependencies: ["Lights", "TestSupport"]),
    .testTarget(name: "GeoTests", dependencies: ["Geo", "TestSupport"]),
    .testTarget(
      name: "MapRenderingTests",
      dependencies: [
        "MapRendering", "Geo", "GIFCodec", "FFmpegIO", "PNGCodec", "LumenCore", "TestSupport",
      ]),
    .testTarget(
      name: "PaletteExtractionTests",
      dependencies: [
        "PaletteExtraction", "ImageIO", "PNGCodec", "JPEGCodec", "FFmpegIO", "TestSupport",
      ]),
    .testTarget(
      name: "ToolDispatchTests", dependencies: ["ToolDispatch", "LumenTools", "TestSupport"]),
    .testTarget(
      name: "LumenMCPHTTPTests",
      dependencies: ["LumenMCPHTTP", .product(name: "MCP", package: "swift-sdk")]),
    .testTarget(
      name: "LumenMCPTests",
      dependencies: ["LumenMCP", .product(name: "MCP", package: "swift-sdk")]),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "LumenCLI", "FFmpegIO", "LumenTools", "ToolDispatch", "TestSupport", "LumenCore",
        "GIFToVideo", "PaletteExtraction", "MapRendering", "Charting", "Heatmaps", "TableAnalysis",
        "GIFMaking",
      ]),
    .testTarget(
      name: "GIFMakingTests",
      dependencies: [
        "GIFMaking", "GIFCodec", "FFmpegIO", "ImageIO", "LumenCore", "PNGCodec", "TestSupport",
      ]),
  ],
  swiftLanguageModes: [.v6]
)

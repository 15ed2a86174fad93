// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets live in their own package so the main package's builds and tests never
// compile them. Build and run them with scripts/fuzz (see Fuzzing/README.md); by hand:
//   swift build --package-path Fuzzing -c debug -Xswiftc -sanitize=fuzzer,address
// Each target's main.swift hands control to libFuzzer's driver (see CLibFuzzer).
let package = Package(
  name: "LumenFuzz",
  dependencies: [
    .package(name: "lumen", path: ".."),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
  ],
  targets: [
    // What several targets share: the scratch file, the stub tool, the async bridge.
    .target(name: "CLibFuzzer"),
    .target(
      name: "FuzzSupport",
      dependencies: ["CLibFuzzer", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzGIF", dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzPNG", dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzJPEG", dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzTable", dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzAnalysis",
      dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzMakeGIF",
      dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzToolCall",
      dependencies: ["FuzzSupport", .product(name: "Lumen", package: "lumen")]),
    .executableTarget(
      name: "FuzzMCP",
      dependencies: [
        "FuzzSupport", .product(name: "Lumen", package: "lumen"),
        .product(name: "MCP", package: "swift-sdk"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)

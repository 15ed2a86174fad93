// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the main package's builds and tests never compile
// package-benchmark. Run: swift package --package-path Benchmarks benchmark
let package = Package(
  name: "LumenBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "lumen", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "MediaBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "Lumen", package: "lumen"),
      ],
      path: "Benchmarks/MediaBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ],
  swiftLanguageModes: [.v6]
)

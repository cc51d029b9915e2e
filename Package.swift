// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Numeric and drawing code is compiled with optimisation even in debug builds, so the
/// test suite (which runs debug) exercises real-sized tensors in seconds and
/// `swift run convscope` (a debug build) draws big maps without lag.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "ConvScope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convscope", targets: ["convscope"]),
        .library(name: "ConvScopeCore", targets: ["ConvScopeCore"]),
        .library(name: "TensorFiles", targets: ["TensorFiles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .target(name: "ConvScopeCore", dependencies: ["CConvScopeKernels"], swiftSettings: optimisedInDebug),
        // GEMM micro-kernels with runtime CPU dispatch; optimised in every configuration.
        .target(name: "CConvScopeKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(
            name: "TensorFiles",
            dependencies: ["ConvScopeCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Walkthroughs", dependencies: ["ConvScopeCore"], swiftSettings: optimisedInDebug),
        .target(
            name: "ConvScopeCLI",
            dependencies: [
                "ConvScopeCore", "TensorFiles", "ConvScopeApp", "Terminal", "Walkthroughs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "convscope", dependencies: ["ConvScopeCLI"]),
        // Speed ladder and frame timings: `swift run -c release convscope-bench` (scripts/bench.py compares).
        .executableTarget(name: "convscope-bench", dependencies: ["ConvScopeCore", "ConvScopeApp", "Terminal"],
                          path: "Benchmarks/convscope-bench"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "Terminal", dependencies: ["CNcursesw"], swiftSettings: optimisedInDebug),
        .target(name: "ConvScopeApp", dependencies: ["ConvScopeCore", "Walkthroughs", "Terminal"], swiftSettings: optimisedInDebug),
        .testTarget(name: "ConvScopeCoreTests", dependencies: ["ConvScopeCore", "TensorFiles"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TensorFilesTests", dependencies: ["TensorFiles", "ConvScopeCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "WalkthroughsTests", dependencies: ["Walkthroughs", "ConvScopeCore"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "ConvScopeCLITests", dependencies: ["convscope", "TensorFiles", "ConvScopeCore", "ConvScopeApp", "Terminal"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ConvScopeAppTests", dependencies: ["ConvScopeApp", "ConvScopeCore", "Terminal"], exclude: ["__Snapshots__"]),
    ]
)

/// The libFuzzer target for the tensor readers. It has no `main` (libFuzzer brings one when
/// built with `--sanitize=fuzzer`), so it exists only when `CONVSCOPE_FUZZ` is set, as
/// `scripts/fuzz.sh` sets it; ordinary builds and `swift test` never see it.
if ProcessInfo.processInfo.environment["CONVSCOPE_FUZZ"] != nil {
    package.products.append(.executable(name: "fuzz-tensor-files", targets: ["FuzzTensorFiles"]))
    package.targets.append(.executableTarget(name: "FuzzTensorFiles", dependencies: ["TensorFiles"]))
}

// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The app's own targets (walkthroughs, drawing, screens) are compiled with optimisation even
/// in debug builds, so `swift run convscope` (a debug build) steps through big maps without
/// lag. Only targets outside the library products may carry unsafe flags: SwiftPM refuses
/// them in a package depended on by version (README, "Using the library").
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
        .target(name: "ConvScopeCore", dependencies: ["CConvScopeKernels"]),
        // GEMM micro-kernels with runtime CPU dispatch.
        .target(name: "CConvScopeKernels"),
        .target(
            name: "TensorFiles",
            dependencies: [
                "ConvScopeCore", "CSystemZlib", "CZipCRC", "CFileWriteback",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // zlib's CRC-32 and deflate (ZIPFoundation's own CRC-32 on Linux is a byte-wise table loop).
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib"),
        // CRC-32 folded with PCLMULQDQ (runtime check), zlib for the rest; optimised in every configuration.
        .target(name: "CZipCRC", linkerSettings: [.linkedLibrary("z")]),
        // Starting a file's write-back early (sync_file_range, which Glibc's module leaves out).
        .target(name: "CFileWriteback"),
        .target(name: "Walkthroughs", dependencies: ["ConvScopeCore"], swiftSettings: optimisedInDebug),
        .target(
            name: "ConvScopeCLI",
            dependencies: [
                "ConvScopeCore", "TensorFiles", "ConvScopeApp", "Terminal", "Walkthroughs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "convscope", dependencies: ["ConvScopeCLI"]),
        // Speed ladder and frame timings: `swift run -c release convscope-bench` (scripts/bench.py compares).
        .executableTarget(
            name: "convscope-bench",
            dependencies: ["ConvScopeCore", "ConvScopeApp", "Terminal", "TensorFiles"],
            path: "Benchmarks/convscope-bench"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // ncurses with the wide-character API: libncursesw on Linux, the system libncurses on macOS.
        .target(
            name: "Terminal", dependencies: ["CNcursesw"], swiftSettings: optimisedInDebug,
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.linux])),
                .linkedLibrary("ncurses", .when(platforms: [.macOS])),
            ]),
        .target(
            name: "ConvScopeApp", dependencies: ["ConvScopeCore", "Walkthroughs", "Terminal"],
            swiftSettings: optimisedInDebug),
        // Random cases and tolerance checks shared by the test targets.
        .target(name: "ConvScopeTestSupport", dependencies: ["ConvScopeCore"], path: "Tests/ConvScopeTestSupport"),
        .testTarget(
            name: "ConvScopeCoreTests", dependencies: ["ConvScopeCore", "TensorFiles", "ConvScopeTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TensorFilesTests", dependencies: ["TensorFiles", "ConvScopeCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "WalkthroughsTests", dependencies: ["Walkthroughs", "ConvScopeCore", "ConvScopeTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(
            name: "ConvScopeCLITests",
            dependencies: ["convscope", "TensorFiles", "ConvScopeCore", "ConvScopeApp", "Terminal"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ConvScopeAppTests",
            dependencies: [
                "ConvScopeApp", "ConvScopeCore", "Terminal", "ConvScopeTestSupport", "Walkthroughs",
                "TensorFiles",
            ],
            exclude: ["__Snapshots__"]),
    ]
)

/// The libFuzzer target for the tensor readers. It has no `main` (libFuzzer brings one when
/// built with `--sanitize=fuzzer`), so it exists only when `CONVSCOPE_FUZZ` is set, as
/// `scripts/fuzz.sh` sets it; ordinary builds and `swift test` never see it.
if ProcessInfo.processInfo.environment["CONVSCOPE_FUZZ"] != nil {
    package.products.append(.executable(name: "fuzz-tensor-files", targets: ["FuzzTensorFiles"]))
    package.targets.append(.executableTarget(name: "FuzzTensorFiles", dependencies: ["TensorFiles"]))
}

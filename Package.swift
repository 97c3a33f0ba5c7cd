// swift-tools-version:6.2
import PackageDescription

// Targets import strictly downward (see ARCHITECTURE.md §1).
// Release builds leave out the run-time exclusivity checks (a call into the Swift runtime on every access to a
// class property or global, ~7% of `read`'s instructions); debug builds, which every test run uses (plain and
// AddressSanitizer), keep them.
let releaseSpeed: SwiftSetting = .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
let pure: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .strictMemorySafety(),
    releaseSpeed,
]
let edge: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    releaseSpeed,
]
// The CLI mixes Foundation with Glibc's structs (stat, timespec). Swift 6.3 picks the module that "defines" such a
// struct among the Clang modules that declare it (Glibc, CoreFoundation, CDispatch) differently from one build to
// the next, and MemberImportVisibility then demands an import of whichever it picked: a fresh build failed on
// code an incremental build had accepted. The executable therefore builds without that one feature.
let cli: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    releaseSpeed,
]

let package = Package(
    name: "tlsprint",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tlsprint", targets: ["tlsprint"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "TLSPrintCore",
            swiftSettings: pure + [.enableExperimentalFeature("Lifetimes")]
        ),
        .target(name: "TLSPrintPcap", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(name: "TLSPrintPacket", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(name: "TLSPrintTLS", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(name: "TLSPrintSSH", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(name: "TLSPrintHTTP", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(
            name: "TLSPrintX509",
            dependencies: [
                "TLSPrintCore",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: pure
        ),
        .target(
            name: "TLSPrintQUIC",
            dependencies: [
                "TLSPrintCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: pure
        ),
        .target(
            name: "TLSPrintFingerprint",
            dependencies: [
                "TLSPrintCore", "TLSPrintTLS", "TLSPrintSSH", "TLSPrintHTTP", "TLSPrintX509",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: pure
        ),
        .target(name: "TLSPrintFlow", dependencies: ["TLSPrintCore", "TLSPrintPacket"], swiftSettings: pure),
        .target(name: "TLSPrintEvent", dependencies: ["TLSPrintCore"], swiftSettings: pure),
        .target(name: "TLSPrintLabels", dependencies: ["TLSPrintCore", "TLSPrintEvent"], swiftSettings: pure),
        .target(
            name: "TLSPrintSensor",
            dependencies: [
                "TLSPrintCore", "TLSPrintPacket", "TLSPrintTLS", "TLSPrintSSH", "TLSPrintHTTP", "TLSPrintX509",
                "TLSPrintQUIC", "TLSPrintFingerprint", "TLSPrintFlow", "TLSPrintEvent", "TLSPrintLabels",
            ],
            swiftSettings: pure
        ),
        .target(name: "TLSPrintSummary", dependencies: ["TLSPrintCore", "TLSPrintEvent"], swiftSettings: pure),
        .target(
            name: "TLSPrintOutput",
            dependencies: [
                "TLSPrintCore", "TLSPrintEvent",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: edge
        ),
        .systemLibrary(name: "CPcap", path: "Sources/CPcap"),
        .target(name: "CBuildInfo"),
        .target(
            name: "TLSPrintCapture",
            dependencies: [
                "TLSPrintCore", "TLSPrintPcap", "CPcap",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: edge
        ),
        .target(
            name: "TLSPrintMetrics",
            dependencies: [
                "TLSPrintCore", "TLSPrintEvent", "TLSPrintSensor",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: edge
        ),
        .target(
            name: "TLSPrintTestSupport",
            dependencies: [
                "TLSPrintCore", "TLSPrintPcap", "TLSPrintPacket", "TLSPrintEvent", "TLSPrintSensor", "TLSPrintOutput",
                "TLSPrintCapture",
            ],
            swiftSettings: edge
        ),
        .executableTarget(
            name: "tlsprint",
            dependencies: [
                "TLSPrintCore", "TLSPrintCapture", "TLSPrintEvent", "TLSPrintLabels", "TLSPrintOutput", "TLSPrintSensor",
                "TLSPrintMetrics", "TLSPrintSummary", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: cli
        ),
        .testTarget(name: "TLSPrintCoreTests", dependencies: ["TLSPrintCore"], swiftSettings: edge),
        .testTarget(
            name: "TLSPrintPcapTests",
            dependencies: ["TLSPrintPcap", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintPacketTests",
            dependencies: ["TLSPrintPacket", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintTLSTests",
            dependencies: ["TLSPrintTLS", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintSSHTests",
            dependencies: ["TLSPrintSSH", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintHTTPTests",
            dependencies: ["TLSPrintHTTP", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintX509Tests",
            dependencies: ["TLSPrintX509"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintFingerprintTests",
            dependencies: ["TLSPrintFingerprint", "TLSPrintSSH", "TLSPrintHTTP", "TLSPrintTLS", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(name: "TLSPrintQUICTests", dependencies: ["TLSPrintQUIC"], swiftSettings: edge),
        .testTarget(
            name: "TLSPrintFlowTests",
            dependencies: ["TLSPrintFlow", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintSensorTests",
            dependencies: ["TLSPrintEvent", "TLSPrintSensor", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintLabelsTests",
            dependencies: ["TLSPrintEvent", "TLSPrintLabels", "TLSPrintSensor", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintOutputTests",
            dependencies: ["TLSPrintEvent", "TLSPrintOutput", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintMetricsTests",
            dependencies: ["TLSPrintEvent", "TLSPrintMetrics", "TLSPrintSensor"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintCaptureTests",
            dependencies: ["TLSPrintCapture", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(
            name: "TLSPrintSummaryTests",
            dependencies: ["TLSPrintEvent", "TLSPrintSummary", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
        .testTarget(name: "tlsprintTests", dependencies: ["TLSPrintTestSupport"], swiftSettings: edge),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["TLSPrintEvent", "TLSPrintSensor", "TLSPrintTestSupport"],
            swiftSettings: edge
        ),
    ]
)

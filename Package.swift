// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "baa-review",
    products: [
        .executable(name: "baa-review", targets: ["baa-review"]),
        .library(name: "ContractIngest", targets: ["ContractIngest"]),
        .library(name: "ContractModel", targets: ["ContractModel"]),
        .library(name: "ContractSegment", targets: ["ContractSegment"]),
        .library(name: "ContractMatch", targets: ["ContractMatch"]),
        .library(name: "ContractRedline", targets: ["ContractRedline"]),
        .library(name: "ContractPortfolio", targets: ["ContractPortfolio"]),
        .library(name: "ContractAudit", targets: ["ContractAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "ContractModel", swiftSettings: upcoming),
        .target(name: "ContractSegment", dependencies: ["ContractModel"], swiftSettings: upcoming),
        .target(
            name: "ContractMatch",
            dependencies: [
                "ContractModel", "ContractSegment", "Yams", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming),
        .target(name: "ContractReport", dependencies: ["ContractModel", "ZIPFoundation"], swiftSettings: upcoming),
        .target(
            name: "ContractPortfolio",
            dependencies: [
                "ContractModel", "ContractReport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming),
        .target(
            name: "ContractAudit",
            dependencies: ["ContractModel", "ContractReport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming),
        .target(
            name: "ContractIngest",
            dependencies: [
                "ContractModel", "CPoppler", "CLibXML2", "ZIPFoundation",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcoming),
        .target(
            name: "ContractRedline",
            dependencies: ["ContractModel", "ContractIngest", "ContractSegment", "ContractMatch", "ContractReport", "CLibXML2", "ZIPFoundation"],
            swiftSettings: upcoming),
        .executableTarget(
            name: "baa-review",
            dependencies: [
                "ContractModel", "ContractIngest", "ContractSegment", "ContractMatch", "ContractReport", "ContractRedline",
                "ContractPortfolio", "ContractAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractIngestTests",
            dependencies: ["ContractIngest", "ContractModel", "ZIPFoundation"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractSegmentTests",
            dependencies: ["ContractSegment", "ContractIngest", "ContractModel"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractMatchTests",
            dependencies: ["ContractMatch", "ContractSegment", "ContractIngest", "ContractModel"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractReportTests",
            dependencies: ["ContractReport", "ContractIngest", "ContractModel", "ZIPFoundation"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractRedlineTests",
            dependencies: ["ContractRedline", "ContractIngest", "ContractSegment", "ContractMatch", "ContractModel", "ZIPFoundation"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractPortfolioTests",
            dependencies: ["ContractPortfolio", "ContractReport", "ContractModel"],
            swiftSettings: upcoming),
        .testTarget(
            name: "ContractAuditTests",
            dependencies: ["ContractAudit", "ContractReport", "ContractModel"],
            swiftSettings: upcoming),
        .testTarget(
            name: "CLITests",
            dependencies: ["baa-review", "ContractPortfolio", "ContractModel"],
            swiftSettings: upcoming),
    ]
)

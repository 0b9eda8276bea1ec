// swift-tools-version: 6.1
// libFuzzer targets for baa-review's readers and structure stage (Linux).
// Built and run by `make fuzz` (Scripts/fuzz.sh); see docs/security.md.
import Foundation
import PackageDescription

// The main package is two folders up (Tests/Fuzz); its identity is that folder's name.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().deletingLastPathComponent()
let main = root.lastPathComponent

func target(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: main) },
        path: "Sources/\(name)")
}

let package = Package(
    name: "baa-review-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ContractIngest", package: main), .product(name: "ContractModel", package: main)]),
        target("fuzz-docx", ["ContractIngest", "ContractModel"]),
        target("fuzz-docx-xml", ["ContractIngest", "ContractModel"]),
        target("fuzz-text", ["ContractIngest", "ContractModel"]),
        target("fuzz-segment", ["ContractIngest", "ContractModel", "ContractSegment"]),
    ]
)

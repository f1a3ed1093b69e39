// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Debrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The core: agendas, events, reducer, timers, session files, exports. No terminal.
        .target(
            name: "DebriefKit",
            dependencies: ["CLibYAML"],
            plugins: [.plugin(name: "EmbedAgendasPlugin")]
        ),
        // libyaml, the C YAML parser, from the system: agendas and clients.yaml (see README "Agendas").
        .systemLibrary(
            name: "CLibYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Canvas, widgets, views, key map and the app loop, over an abstract Terminal.
        .target(name: "DebriefTUI", dependencies: ["DebriefKit"]),
        // ncurses at the edge: the C bridge and the one adapter that uses it.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "DebriefTUI"]),
        // The command line.
        .executableTarget(
            name: "debrief",
            dependencies: [
                "DebriefKit", "DebriefTUI", "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release links the Swift runtime in: less memory and a faster start (README "Benchmarks").
            // The static FoundationEssentials needs its two helper libraries named here.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Fuzzing the loaders of untrusted files (Tests/Scripts/libfuzzer.sh); without libFuzzer it replays a corpus.
        .executableTarget(name: "FuzzLoaders", dependencies: ["DebriefKit"]),
        // Benchmarks of the core and rendering (Tests/Benchmarks/run.sh adds the terminal ones).
        .executableTarget(
            name: "debrief-bench",
            dependencies: [
                "DebriefKit", "DebriefTUI", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build time: Agendas/*.yaml become the built-in agendas, so there is one copy of each.
        .executableTarget(name: "AgendaEmbedder"),
        .plugin(
            name: "EmbedAgendasPlugin",
            capability: .buildTool(),
            dependencies: ["AgendaEmbedder"],
            path: "Sources/EmbedAgendasPlugin"
        ),
        .testTarget(
            name: "DebriefKitTests",
            dependencies: [
                "DebriefKit", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "DebriefTUITests",
            dependencies: [
                "DebriefTUI", "DebriefKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Drives the built `debrief` binary inside tmux, and smoke-runs the benchmarks.
        .testTarget(name: "EndToEndTests", dependencies: ["DebriefKit", "debrief", "debrief-bench", "TestSupport"]),
        // Helpers the test targets and the benchmarks share: running programs, seeded randomness.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)

// swift-tools-version: 6.1
import PackageDescription
#if os(Linux)
import Glibc
#endif

/// Packed relocations (DT_RELR) need glibc 2.36 or later where the binary runs; the run
/// command builds where it runs, so the build machine's glibc decides.
let glibcReadsPackedRelocations: Bool = {
    #if os(Linux)
    var text = [CChar](repeating: 0, count: 64)  // "glibc 2.36"
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return false }
    let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = name.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
    #else
    return false
    #endif
}()

/// How the release build links the meeting binary on Linux: less memory and a faster start
/// (README "Benchmarks"). The Swift runtime and libstdc++ are linked in, so only the pages
/// Debrief touches are mapped (the static FoundationEssentials needs its two helper
/// libraries named; `Linking/libstdc++.so` points the link at the static libstdc++). lld,
/// shipped with the toolchain, lays out the functions a meeting runs side by side
/// (`Linking/hot-functions.txt`): the kernel maps code 64 KB around each page touched, so
/// scattered, 1 MB of code kept 8 MB of the binary resident. It also packs the relocations
/// into a table of about 8 KB instead of 1 MB read at every start, where the C library can.
let linking = "\(Context.packageDirectory)/Sources/debrief/Linking"
let releaseLinkFlags: [String] = {
    var flags = ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims", "-L\(linking)", "-use-ld=lld",
                 "-Xlinker", "--symbol-ordering-file=\(linking)/hot-functions.txt", "-Xlinker", "--no-warn-symbol-ordering"]
    if glibcReadsPackedRelocations { flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] }
    return flags
}()

/// Release code gets a generic type's metadata from a direct accessor, not by its mangled
/// name: the runtime checks each generic requirement of a demangled type by scanning the
/// binary's 4,300 conformance records, and those scans were about a sixth of start-up.
/// Each function gets a section of its own, so the link can lay out the ones a meeting runs
/// side by side (`hot-functions.txt`); otherwise a source file's code moves as one block.
let releaseSwiftSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors", "-Xfrontend", "-function-sections"],
                 .when(configuration: .release)),
]

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
            swiftSettings: releaseSwiftSettings,
            plugins: [.plugin(name: "EmbedAgendasPlugin")]
        ),
        // libyaml, the C YAML parser, from the system: agendas and clients.yaml (see README "Agendas").
        .systemLibrary(
            name: "CLibYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Canvas, widgets, views, key map and the app loop, over an abstract Terminal.
        .target(name: "DebriefTUI", dependencies: ["DebriefKit"], swiftSettings: releaseSwiftSettings),
        // ncurses at the edge: the C bridge and the one adapter that uses it.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "NcursesTerminal", dependencies: ["CNcurses", "DebriefTUI"], swiftSettings: releaseSwiftSettings),
        // The command line.
        .executableTarget(
            name: "debrief",
            dependencies: [
                "DebriefKit", "DebriefTUI", "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Linking"],
            swiftSettings: releaseSwiftSettings,
            linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(platforms: [.linux], configuration: .release))]
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
                "DebriefTUI", "DebriefKit", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // The command line: `run`'s quick reading against ArgumentParser's.
        .testTarget(
            name: "CommandLineTests",
            dependencies: [
                "debrief",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Drives the built `debrief` binary inside tmux, and smoke-runs the benchmarks.
        .testTarget(name: "EndToEndTests", dependencies: ["DebriefKit", "debrief", "debrief-bench", "TestSupport"]),
        // Helpers the test targets and the benchmarks share: running programs, seeded randomness.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
    ]
)

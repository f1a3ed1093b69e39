import Foundation
import TestSupport
import Testing

/// What a running meeting loads. Full Foundation and ICU cost about 12 MB of resident
/// memory before the first key (issue 15): the meeting binary uses FoundationEssentials,
/// its own calendar code and the system's libyaml instead. One `import Foundation` in any
/// file of DebriefKit, DebriefTUI, NcursesTerminal or debrief (or a dependency that has
/// one) brings them all back; this test names the libraries when that happens.
@Suite("Footprint: the meeting runs without full Foundation or ICU")
struct FootprintEndToEndTests {
    static let heavyLibraries = [
        "libFoundation.so", "lib_FoundationICU.so", "libFoundationInternationalization.so",
        "libFoundationNetworking.so", "libFoundationXML.so",
    ]

    @Test func aRunningMeetingMapsNeitherFoundationNorICU() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("Performance vs. goals")
        // A note saved and a section changed: agenda, capture, journal, clock and local
        // time have all run by now.
        try tmux.type("The brief reached creators two days late")
        try tmux.press("Enter", until: "Notes · 1")
        try tmux.press("NPage", until: "2/6")

        let pid = try tmux.programPID()
        let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
        let mapped = Set(maps.split(separator: "\n").compactMap { line -> String? in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(5).first,
                  path.hasPrefix("/") else { return nil }
            return String(path.split(separator: "/").last ?? "")
        })
        // The right process: the debrief binary itself is mapped.
        #expect(mapped.contains("debrief"), "not the meeting's process? mapped: \(mapped.sorted())")
        let heavy = Self.heavyLibraries.filter(mapped.contains)
        #expect(heavy.isEmpty, """
            the meeting maps \(heavy.joined(separator: ", ")): some file in the meeting binary imports \
            Foundation (use FoundationEssentials, see README "Benchmarks"). Mapped: \(mapped.sorted())
            """)
    }
}

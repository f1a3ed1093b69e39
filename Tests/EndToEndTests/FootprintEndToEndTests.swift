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

    /// Without full Foundation a file's size comes as a `UInt`, which `as? Int` does not
    /// read (it did through Foundation's number bridging, and still does in the test
    /// process): the size limits went unchecked and a 60 MB file was read whole.
    @Test func sizeLimitsHoldInTheBinaryForAgendasAndDataFiles() throws {
        let folder = Debrief.freshFolder()
        for name in ["huge.yaml", "huge.csv"] {
            let file = folder.appending(path: name)
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 60_000_000)
            try handle.close()
        }
        let agenda = try Subprocess.run([Debrief.binary, "check", folder.appending(path: "huge.yaml").path])
        #expect(agenda.status == 1)
        #expect(agenda.output.contains("file is 60 MB; an agenda is at most 1 MB"), "\(agenda.output)")
        let data = try Subprocess.run([Debrief.binary, "check-data", folder.appending(path: "huge.csv").path])
        #expect(data.status != 0)
        #expect(data.output.contains("the file is 60 MB; a data file is at most 50 MB"), "\(data.output)")
    }
}

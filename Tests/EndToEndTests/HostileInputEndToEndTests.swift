import DebriefKit
import Foundation
import TestSupport
import Testing

/// Untrusted text and broken files, through the real binary.
@Suite("End to end: hostile input", .serialized)
struct HostileInputEndToEndTests {
    @Test func escapeSequencesInANoteAreShownAsSymbolsOnScreenAndInEveryExport() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        // Clear the screen, write the clipboard (OSC 52), and a C1 CSI: all as one pasted note.
        try tmux.paste("clear\u{1B}[2J osc\u{1B}]52;c;aGFja2Vk\u{07} csi\u{9B}31m red")
        try tmux.press("Enter", until: "Notes · 1")  // a second press if it came too soon after the paste
        let screen = try tmux.waitFor("clear^[[2J osc^[]52;c;aGFja2Vk^G csi\\u009B31m red")
        #expect(screen.contains("● saved"), "the screen was not cleared by the note")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)

        let brief = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".md").first), encoding: .utf8)
        #expect(brief.contains("clear^\\[\\[2J osc^\\[\\]52;c;aGFja2Vk^G csi\\\\u009B31m red"))
        let session = try Data(contentsOf: try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first))
        for raw: UInt8 in [0x1B, 0x07] { #expect(!session.contains(raw)) }
        #expect(!brief.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) })
    }

    /// A lone first byte of a UTF-8 character (what a Latin-1 terminal sends for "é") never
    /// stops the meeting: the clock goes on and the next key is typed. (A loop that read
    /// the key blocking, to save ncurses' look at stdin, waited here for the next key; the
    /// key is now read without that look, from a terminal whose reads cannot block.)
    @Test func aLoneUTF8LeadByteNeitherStopsTheClockNorEatsTheNextKey() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 1", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.sendALoneLeadByteAndSeeTheMeetingGoOn()
    }

    @Test func everyMalformedAgendaIsOneMessageWithFileAndLineAndExitCode1() throws {
        let folder = Debrief.freshFolder()
        let valid = "name: t\ntitle: T\ntaxonomy:\n  root_causes: [process]\n  severities: [minor]\nsections:\n  - id: a\n    title: A\n    minutes: 5\n"
        let cases: [(String, Data, String)] = [
            ("syntax", Data("name: [unclosed\ntitle: T\n".utf8), ":2: YAML syntax error"),
            ("types", Data(valid.replacingOccurrences(of: "minutes: 5", with: "minutes: ten").utf8), ":9:"),
            ("missing", Data(valid.replacingOccurrences(of: "title: T\n", with: "").utf8), "title"),
            ("unknown", Data((valid + "colour: red\n").utf8), ":10:"),
            ("absurd", Data(valid.replacingOccurrences(of: "minutes: 5", with: "minutes: 100000").utf8), ":9:"),
            ("duplicate", Data((valid + "  - id: a\n    title: B\n    minutes: 5\n").utf8), ":10:"),
            ("taxonomy", Data(valid.replacingOccurrences(of: "root_causes: [process]", with: "root_causes: []").utf8), ":4:"),
            ("binary", Data(valid.utf8) + Data([0xFF, 0xFE, 0x0A]), ":10: the file is not valid UTF-8"),
        ]
        for (name, data, expected) in cases {
            let file = folder.appending(path: "\(name).yaml")
            try data.write(to: file)
            let result = try Subprocess.run([Debrief.binary, "check", file.path])
            #expect(result.status == 1, "\(name)")
            #expect(result.output.hasPrefix("Error: \(file.path)"), "\(name): \(result.output)")
            #expect(result.output.contains(expected), "\(name): \(result.output)")
            #expect(!result.output.contains("Fatal error") && !result.output.contains("Stack"), "\(name)")
        }

        let huge = folder.appending(path: "huge.yaml")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        let result = try Subprocess.run([Debrief.binary, "check", huge.path])
        #expect(result.status == 1)
        #expect(result.output == "Error: \(huge.path): file is 50 MB; an agenda is at most 1 MB. Is this the right file?\n")
    }

    @Test func aBrokenJournalIsListedAsUnreadableAndResumingItSaysWhy() throws {
        let folder = Debrief.freshFolder()
        let sessions = folder.appending(path: "sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try Data("\u{1B}[2J garbage\n".utf8).write(to: sessions.appending(path: "2026-11-23-broken.journal.jsonl"))
        let tmux = try Tmux(Debrief.command("resume 2026-11-23-broken", sessions: folder))
        let exit = try tmux.waitForExit()
        #expect(exit.code == 1)
        #expect(exit.sane)
        #expect(exit.screen.contains("cannot resume:"))
        #expect(exit.screen.contains("not a Debrief session (the first line is not a session header)"))
    }
}

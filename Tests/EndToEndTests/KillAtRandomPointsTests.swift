import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One meeting, killed with kill -9 at random moments and resumed each time; at the end,
/// every note that was ever shown as captured must be in the session file, in its
/// section, in order. `Tests/Scripts/kill-test.sh` runs it for 50+ kills
/// (`DEBRIEF_KILL_ROUNDS`, `DEBRIEF_KILL_SEED`); the suite runs a short fixed-seed version.
@Suite("End to end: kill -9 at random points", .serialized)
struct KillAtRandomPointsTests {
    struct Captured: Equatable {
        var text: String
        var section: Int
    }

    @Test func noCapturedNoteIsEverLost() throws {
        let environment = ProcessInfo.processInfo.environment
        let rounds = environment["DEBRIEF_KILL_ROUNDS"].flatMap(Int.init) ?? 4
        let seed = environment["DEBRIEF_KILL_SEED"].flatMap(UInt64.init) ?? 20261123
        var random = SeededRandom(seed: seed)
        let folder = Debrief.freshFolder()
        let sessions = folder.appending(path: "sessions").path
        let tmux = try Tmux("cd '\(folder.path)' && export DEBRIEF_SESSIONS='\(sessions)' && '\(Debrief.binary)' --time-scale 30; "
            + "for i in $(seq \(rounds)); do '\(Debrief.binary)' resume; done")
        var captured: [Captured] = []

        for round in 0...rounds {
            if round > 0 {
                try tmux.answerYes()
            }
            try tmux.waitFor("● saved")
            // A resumed unfinished note is saved as it stands, the way a note-taker would.
            try tmux.press("Enter")
            var input = ""  // what this round typed into the note input so far
            for step in 0..<Int.random(in: 1...4, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5:
                    try tmux.type("r\(round)s\(step) note")
                    try tmux.press("Enter")
                    let text = input + "r\(round)s\(step) note"
                    input = ""
                    if Bool.random(using: &random) {
                        let screen = try tmux.waitFor(text)
                        captured.append(Captured(text: text, section: Self.section(on: screen)))
                    }
                case 5..<7:
                    try tmux.press(Bool.random(using: &random) ? "NPage" : "PPage")
                default:
                    try tmux.type("r\(round)s\(step) unfinished ")
                    input += "r\(round)s\(step) unfinished "
                }
            }
            if round == rounds { break }
            // Anywhere from at once to a little after the last key.
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.3, using: &random))
            try tmux.kill(SIGKILL)
        }
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit(timeout: 60)
        #expect(exit.code == 0)
        #expect(exit.sane)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let notes = try SessionReader.read(session).state.visibleNotes
        let lost = captured.filter { wanted in !notes.contains { $0.text == wanted.text && $0.section == wanted.section } }
        let order = captured.compactMap { wanted in notes.firstIndex { $0.text == wanted.text } }
        print("kill test: seed \(seed), \(rounds) kills, \(captured.count) notes shown as captured, \(lost.count) lost")
        #expect(lost.isEmpty, "lost: \(lost)")
        #expect(order == order.sorted(), "captured notes keep their order")
    }

    /// The current section, from the "N/6  Title" line at the top of the screen.
    static func section(on screen: String) -> Int {
        for line in screen.split(separator: "\n") {
            let words = line.split(separator: " ")
            if let first = words.first, first.contains("/"), let number = Int(first.split(separator: "/")[0]) {
                return number - 1
            }
        }
        return -1
    }
}

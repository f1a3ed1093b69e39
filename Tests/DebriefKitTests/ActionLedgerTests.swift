import DebriefKit
import Foundation
import Testing

@Suite("Action ledger: statuses between meetings, append-only")
struct ActionLedgerTests {
    @Test func aTornLastLineIsSkippedAndTheNextStatusStartsOnItsOwnLine() throws {
        let folder = Fixtures.temporaryFolder()
        let ledger = ActionLedger(folder: folder)
        try ledger.append(.init(action: "s#1", status: .done, at: "2026-11-01T10:00:00.000Z"))
        // A crash mid-write leaves half a line without its newline.
        let handle = try FileHandle(forWritingTo: ledger.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"action":"s#2","id":"x","st"#.utf8))
        try handle.close()
        try ledger.append(.init(action: "s#2", status: .dropped, at: "2026-11-02T10:00:00.000Z"))

        let (entries, unreadable) = ledger.read()
        #expect(entries.map(\.action) == ["s#1", "s#2"])
        #expect(unreadable == [2])
        #expect(ActionLedger.latest(entries)["s#2"]?.status == .dropped)
        let mode = try FileManager.default.attributesOfItem(atPath: ledger.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theLatestStatusWinsWhateverOrderMergedLinesAreIn() {
        let older = ActionLedger.Entry(id: "b", action: "s#1", status: .done, at: "2026-11-01T10:00:00.000Z")
        let newer = ActionLedger.Entry(id: "a", action: "s#1", status: .open, at: "2026-11-03T10:00:00.000Z")
        #expect(ActionLedger.latest([older, newer])["s#1"]?.status == .open)
        #expect(ActionLedger.latest([newer, older])["s#1"]?.status == .open)
    }

    @Test func concurrentAppendsKeepEveryLineWhole() throws {
        let folder = Fixtures.temporaryFolder()
        let ledger = ActionLedger(folder: folder)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            try? ledger.append(.init(action: "s#\(index)", status: .done, at: ActionLedger.timestamp()))
        }
        let (entries, unreadable) = ledger.read()
        #expect(unreadable.isEmpty)
        #expect(Set(entries.map(\.action)).count == 200)
        #expect(Set(entries.map(\.id)).count == 200)
    }
}

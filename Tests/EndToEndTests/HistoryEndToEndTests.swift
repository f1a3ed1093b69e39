import DebriefKit
import Foundation
import Testing
import TestSupport

/// Across meetings, as a team uses it: two post-mortems for one client in a git-backed
/// sessions folder, then the commands that read them all.
@Suite("End to end: across meetings", .serialized)
struct HistoryEndToEndTests {
    private func debrief(_ arguments: [String], sessions: URL) throws -> Subprocess.Result {
        try Subprocess.run([Debrief.binary] + arguments + ["--sessions", sessions.path])
    }

    private func git(_ arguments: [String], in folder: URL) throws -> String {
        let result = try Subprocess.run(["git", "-C", folder.path] + arguments)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
        return result.output
    }

    private func gitRepository(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try git(["init", "--quiet", "--initial-branch=main"], in: folder)
        _ = try git(["config", "user.email", "team@example.com"], in: folder)
        _ = try git(["config", "user.name", "Team"], in: folder)
    }

    /// A short post-mortem: one problem in What went wrong, its action in Action items.
    private func meeting(client: String, title: String, problem: String, action: String, folder: URL) throws {
        let tmux = try Tmux(Debrief.command("--time-scale 60 --client '\(client)' --title '\(title)'", sessions: folder))
        let opening = try tmux.waitUntil("the meeting opens") { $0.contains("1/6  Performance vs. goals") || $0.contains("Since last time") }
        if opening.contains("Since last time") {
            // The client's earlier meeting left an open action: go on to the first section.
            try tmux.press("NPage")
            try tmux.waitUntil("the first section") { $0.contains("1/6  Performance vs. goals") && !$0.contains("Since last time") }
        }
        for _ in 0..<3 { try tmux.press("NPage") }
        try tmux.waitFor("4/6  What went wrong")
        try tmux.type("!\(problem)")
        try tmux.press("Enter")
        try tmux.waitFor("PROBLEM")
        for _ in 0..<2 { try tmux.press("NPage") }
        try tmux.waitFor("6/6  Action items")
        try tmux.type(">\(action) @Sam by 2026-12-01 #1")
        try tmux.press("Enter")
        try tmux.waitFor("ACTION")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.screen.contains("Committed to git: Debrief: \(title)"))
    }

    @Test func twoMeetingsForOneClientThenLearningsActionsHistorySearchAndClients() throws {
        let folder = Debrief.freshFolder()
        let sessions = folder.appending(path: "sessions")
        try gitRepository(sessions)
        try meeting(client: "Lumen Skincare", title: "March launch", problem: "Tracking links were not ready on day one",
                    action: "Set up tracking links a week before launch", folder: folder)
        #expect(try git(["log", "--format=%s"], in: sessions).split(separator: "\n").count == 1)
        try meeting(client: "lumen skincare", title: "June launch", problem: "Tracking link not ready on launch day",
                    action: "Test every tracking link on the day before", folder: folder)
        // One commit per meeting, naming it; only the session file and the brief.
        let log = try git(["log", "--format=%s"], in: sessions)
        #expect(log.split(separator: "\n").count == 2 && log.contains("Debrief: June launch"))
        let tracked = try git(["ls-files"], in: sessions).split(separator: "\n")
        #expect(tracked.count == 4 && tracked.allSatisfy { $0.hasSuffix(".debrief.jsonl") || $0.hasSuffix(".md") })

        try Data("garbage\n".utf8).write(to: sessions.appending(path: "broken.debrief.jsonl"))

        let clients = try debrief(["clients"], sessions: sessions)
        #expect(clients.status == 0)
        #expect(clients.output.contains("2\tLumen Skincare"))
        #expect(clients.output.contains("1 as \"lumen skincare\""))
        #expect(clients.output.contains("skipped broken.debrief.jsonl: not a Debrief session"))

        let actions = try debrief(["actions", "--client", "LUMEN skincare", "--open"], sessions: sessions)
        #expect(actions.status == 0)
        #expect(actions.output.contains("[open]    Set up tracking links a week before launch — Sam, due 2026-12-01"))
        let match = try #require(actions.output.firstMatch(of: /(\S+#\d+) · [^\n]*for: Tracking links were/))
        let id = String(match.output.1)

        let done = try debrief(["actions", "done", id], sessions: sessions)
        #expect(done.status == 0)
        #expect(done.output.contains("\(id): done (was open)"))
        #expect(try git(["log", "-1", "--name-only", "--format=%s"], in: sessions).contains("actions.ledger.jsonl"))
        let open = try debrief(["actions", "--open"], sessions: sessions)
        #expect(!open.output.contains(id) && open.output.contains("Test every tracking link"))
        #expect(try debrief(["actions", "--owner", "@sam"], sessions: sessions).output.contains("[done]"))

        let learnings = try debrief(["learnings", "--client", "Lumen Skincare"], sessions: sessions)
        #expect(learnings.status == 0)
        let june = try #require(learnings.output.range(of: "June launch"))
        let march = try #require(learnings.output.range(of: "March launch"))
        #expect(june.lowerBound < march.lowerBound, "newest first")
        #expect(learnings.output.contains("- [done] Set up tracking links a week before launch — Sam, due 2026-12-01"))
        #expect(learnings.output.contains("- [open] Test every tracking link on the day before"))
        let json = try debrief(["learnings", "--format", "json"], sessions: sessions)
        #expect(json.output.contains(#""client" : "Lumen Skincare""#))

        let history = try debrief(["history", "--client", "lumen skincare"], sessions: sessions)
        #expect(history.status == 0)
        #expect(history.output.contains("History of Lumen Skincare: 2 sessions"))
        #expect(history.output.contains("2 sessions: Tracking links were not ready on day one"))

        let search = try debrief(["search", "tracking LINK"], sessions: sessions)
        #expect(search.output.contains("What went wrong · problem"))
        #expect(search.output.contains("Action items · action"))
        #expect(search.output.contains("4 items"))

        let sessionsList = try debrief(["sessions", "--client", "LUMEN SKINCARE"], sessions: sessions)
        #expect(sessionsList.output.contains("March launch") && sessionsList.output.contains("June launch"))

        // User errors: one clear line, exit 1.
        let unknown = try debrief(["learnings", "--client", "Lumen"], sessions: sessions)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no session for client 'Lumen'; did you mean 'Lumen Skincare'?"))
        let nothing = try debrief(["search", "!!"], sessions: sessions)
        #expect(nothing.status == 1 && nothing.output.contains("give some letters or digits to search for"))
        let noAction = try debrief(["actions", "done", "nothing#1"], sessions: sessions)
        #expect(noAction.status == 1 && noAction.output.contains("no action 'nothing#1'"))
    }

    @Test func twoClonesRecordStatusesAndMergeWithoutAConflict() throws {
        let folder = Debrief.freshFolder()
        let origin = folder.appending(path: "origin")
        try gitRepository(origin)
        let generated = try Subprocess.run([Debrief.product("debrief-bench"), "--generate-history", origin.path, "--history-sessions", "3"])
        #expect(generated.status == 0, "\(generated.output)")
        _ = try git(["add", "--", "."], in: origin)
        _ = try git(["commit", "--quiet", "-m", "sessions"], in: origin)
        let listed = try debrief(["actions"], sessions: origin).output
        let ids = listed.matches(of: /gen-\d+#\d+/).map { String($0.output) }
        #expect(ids.count >= 3)
        // The ledger exists before the clones, as it does once a team has used it.
        _ = try debrief(["actions", "done", ids[0]], sessions: origin)

        let (alice, bob) = (folder.appending(path: "alice"), folder.appending(path: "bob"))
        for clone in [alice, bob] {
            _ = try Subprocess.run(["git", "clone", "--quiet", origin.path, clone.path])
            _ = try git(["config", "user.email", "\(clone.lastPathComponent)@example.com"], in: clone)
            _ = try git(["config", "user.name", clone.lastPathComponent], in: clone)
        }
        #expect(try debrief(["actions", "dropped", ids[1]], sessions: alice).status == 0)
        #expect(try debrief(["actions", "done", ids[2]], sessions: bob).status == 0)
        _ = try git(["pull", "--quiet", "--no-rebase", "--no-edit", bob.path, "main"], in: alice)
        #expect(try git(["status", "--porcelain", "--untracked-files=no"], in: alice).isEmpty, "no conflict")
        let merged = try debrief(["actions"], sessions: alice).output.split(separator: "\n")
        for (id, status) in [(ids[0], "done"), (ids[1], "dropped"), (ids[2], "done")] {
            let line = try #require(merged.firstIndex { $0.contains("\(id) ") })
            #expect(merged[line - 1].hasPrefix("[\(status)]"), "\(id) \(status)")
        }
    }

    @Test func theHistoryBenchmarkPrintsEveryCommandColdAndWarm() throws {
        let result = try Subprocess.run([Debrief.product("debrief-bench"), "--history-sessions", "20", "--runs", "1"])
        #expect(result.status == 0, "\(result.output)")
        for command in ["learnings", "actions", "history", "search"] {
            #expect(result.output.contains("debrief \(command), 20 sessions (cold)"))
            #expect(result.output.contains("debrief \(command), 20 sessions (warm)"))
        }
        #expect(!result.output.contains("FAILED"))
    }

    @Test func theHistoryBenchmarkTimesAGeneratedFolderAndKeepsIt() throws {
        let folder = Debrief.freshFolder()
        let generated = try Subprocess.run([Debrief.product("debrief-bench"), "--generate-history", folder.path, "--history-sessions", "5"])
        #expect(generated.status == 0)
        let result = try Subprocess.run([Debrief.product("debrief-bench"), "--history-sessions", "5", "--history-folder", folder.path,
                                         "--runs", "1"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("debrief history, 5 sessions (warm)"))
        #expect(!result.output.contains("FAILED"))
        let sessions = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(SessionStore.sessionSuffix) }
        #expect(sessions.count == 5)
    }

    @Test func twoProcessesAppendingAtOnceKeepEveryLine() throws {
        let folder = Debrief.freshFolder()
        let generated = try Subprocess.run([Debrief.product("debrief-bench"), "--generate-history", folder.path, "--history-sessions", "2"])
        #expect(generated.status == 0)
        let id = try #require(try debrief(["actions"], sessions: folder).output.firstMatch(of: /gen-\d+#\d+/)).output
        let one = "for i in 1 2 3 4 5 6 7 8; do '\(Debrief.binary)' actions done '\(id)' --no-git --sessions '\(folder.path)' >/dev/null; done"
        let result = try Subprocess.run(["sh", "-c", "(\(one)) & (\(one.replacingOccurrences(of: " done '", with: " dropped '"))) & wait"])
        #expect(result.status == 0)
        let ledger = ActionLedger(folder: folder).read()
        #expect(ledger.unreadable.isEmpty)
        #expect(ledger.entries.count == 16)
        #expect(Set(ledger.entries.map(\.id)).count == 16)
    }
}

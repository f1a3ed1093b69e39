import DebriefKit
import Foundation
import TestSupport
import Testing

/// On a slow disk (every fsync made 1.5 s longer by `Tests/Benchmarks/slow_fsync.c`,
/// preloaded), Enter puts the note on screen at once with "○ saving" in the header, and
/// "● saved" comes only once the note is on disk.
@Suite("End to end: a slow disk", .serialized)
struct SlowDiskEndToEndTests {
    /// slow_fsync.c built into a fresh folder with the C compiler the Swift toolchain brings.
    private func slowFsyncLibrary(in folder: URL) throws -> String {
        let source = Debrief.repository.appending(path: "Tests/Benchmarks/slow_fsync.c").path
        let library = folder.appending(path: "slow_fsync.so").path
        let firstCompiler = "for c in cc clang gcc; do command -v $c >/dev/null && exec $c \"$@\"; done; echo 'no C compiler'; exit 127"
        let build = try Subprocess.run(["sh", "-c", firstCompiler, "sh", "-O2", "-shared", "-fPIC", "-o", library, source, "-ldl"])
        try #require(build.status == 0, "slow_fsync.c did not build: \(build.output)")
        return library
    }

    @Test(arguments: ["xterm-256color", "screen-256color"])
    func enterShowsTheNoteAtOnceAndSaysSavedOnceItIsOnDisk(term: String) throws {
        let folder = Debrief.freshFolder()
        let library = try slowFsyncLibrary(in: folder)
        let sessions = folder.appending(path: "sessions").path
        let tmux = try Tmux("cd '\(folder.path)' && TERM=\(term) LD_PRELOAD='\(library)' SLOW_FSYNC_MS=1500 "
                            + "DEBRIEF_SESSIONS='\(sessions)' '\(Debrief.binary)' run")
        try tmux.waitFor("● saved", timeout: 30)
        try tmux.type("Approvals took a week")
        try tmux.waitFor("Approvals took a week")
        try tmux.press("Enter")
        // The note in the list, the input empty, the fsync still under way.
        let saving = try tmux.waitUntil("the note is listed while it is being saved") {
            $0.contains("○ saving") && $0.contains("Approvals took a week") && !$0.contains("● saved")
        }
        #expect(!saving.contains("NOT SAVED"))
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        try tmux.waitFor("● saved", timeout: 10)
        #expect(try SessionReader.read(journal).state.visibleNotes.map(\.text) == ["Approvals took a week"])
        #expect(try !tmux.screen().contains("○ saving"))
    }
}

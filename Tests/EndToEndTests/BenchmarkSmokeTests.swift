import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The benchmarks at tiny sizes, so they cannot rot: each part runs and prints its table
/// with a figure in every row. No timing is asserted (figures depend on the machine).
@Suite("Benchmarks: smoke run", .serialized)
struct BenchmarkSmokeTests {
    @Test func inProcessBenchmarkPrintsLoadSeekAndRenderFigures() throws {
        let arguments = [Debrief.product("debrief-bench"), "--sizes", "20,200", "--seeks", "3", "--runs", "1", "--folder-sessions", "5"]
        let table = try Subprocess.run(arguments)
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output.hasPrefix("group"))
        let result = try Subprocess.run(arguments + ["--tsv"])
        let rows = result.output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        for measure in ["load 20 events", "load 200 events", "3 seeks in 200 events", "facilitator frame 80×24",
                        "facilitator frame 200×60", "cells changed by one clock tick", "list 5 session files",
                        "the wrapping key's frames drawn and encoded ahead (2,"] {
            let row = rows.first { $0.count == 4 && $0[1].hasPrefix(measure) }
            #expect(row.map { Benchmark.startsWithFigure($0[2]) } == true, "no figure for '\(measure)' in:\n\(result.output)")
        }
    }

    /// `live`: joined terminals and typists over real sockets; it fails itself if any
    /// terminal misses an event or sees them in another order than the host's.
    @Test func liveBenchmarkPrintsLatencyAndCPUAndLosesNoEvent() throws {
        let result = try Subprocess.run([Debrief.product("debrief-bench"), "live", "--terminals", "3", "--typists", "2", "--seconds", "0.5"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("p99"))
        #expect(result.output.contains("host CPU per event"))
        #expect(result.output.contains("in the host's order: yes"))
    }

    /// `generate` writes a meeting that the real command line reads: a session file, or the
    /// journal of a meeting still running; an existing file is never overwritten.
    @Test func generateWritesASessionFileAndAJournalTheCommandLineReads() throws {
        let folder = Debrief.freshFolder().appending(path: "sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o700)
        let session = folder.appending(path: "2026-11-23-generated.debrief.jsonl")
        let made = try Subprocess.run([Debrief.product("debrief-bench"), "generate", "--notes", "40", "-o", session.path])
        #expect(made.status == 0, "\(made.output)")
        let record = try SessionReader.read(session)
        #expect(record.events.filter { if case .noteAdded = $0.change { true } else { false } }.count == 40)
        #expect(record.summary != nil && record.state.hasEnded && record.skippedLines.isEmpty)
        #expect(Debrief.permissions(session) == 0o600)
        let show = try Subprocess.run([Debrief.binary, "show", "2026-11-23-generated", "--sessions", folder.path])
        #expect(show.status == 0 && show.output.contains("Benchmark"), "\(show.output)")

        let journal = folder.appending(path: "2026-11-23-running.journal.jsonl")
        #expect(try Subprocess.run([Debrief.product("debrief-bench"), "generate", "--notes", "5", "-o", journal.path]).status == 0)
        let running = try SessionReader.read(journal)
        #expect(running.summary == nil && !running.state.hasEnded && running.skippedLines.isEmpty)

        let again = try Subprocess.run([Debrief.product("debrief-bench"), "generate", "--notes", "5", "-o", journal.path])
        #expect(again.status != 0)
        #expect(again.output.contains("already exists") && !again.output.contains("Usage"), "\(again.output)")
    }

    @Test func badSizesGetOneClearMessage() throws {
        let result = try Subprocess.run([Debrief.product("debrief-bench"), "--sizes", "ten"])
        #expect(result.status != 0)
        #expect(result.output.contains("--sizes must be numbers of events"))
    }

    /// The pty harness against debrief alone: a few keys (timed from Python and by the C
    /// probe it compiles), a second of idle, a few notes, and the same keys on a terminal
    /// joined to a host meeting.
    @Test func ptyHarnessMeasuresDebriefInARealTerminal() throws {
        let result = try Subprocess.run([
            "python3", Debrief.repository.appending(path: "Tests/Benchmarks/pty_bench.py").path,
            "--debrief", Debrief.product("debrief"), "--core", Debrief.product("debrief-bench"), "--quick",
            "--programs", "debrief", "--runs", "1", "--keys", "20", "--idle", "1", "--notes", "20",
        ])
        #expect(result.status == 0, "\(result.output)")
        let rows = result.output.split(separator: "\n").map(String.init)
        // Columns are at least two spaces apart.
        func cells(_ row: String?) -> [String]? {
            row.map { $0.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        for measure in ["start-up to first settled frame", "start-up: CPU to the first settled frame", "peak RSS, fresh", "keystroke → first byte, p50",
                        "keystroke → first byte, p99", "keystroke → first byte, p50, timed by key_probe",
                        "keystroke → first byte, p99, timed by key_probe",
                        "  of which inside the program: its read of the key → its first write, p50",
                        "  of which inside the program: its read of the key → its first write, p99",
                        "output bytes per typed key", "CPU per typed key",
                        "  less idle CPU over the typing time", "idle: CPU",
                        "idle: output", "peak RSS after 20 notes", "after 20 notes: CPU per typed key",
                        "after 20 notes: key → first byte, p99", "total",
                        // The same keys typed into `debrief join` of a host meeting.
                        "joined terminal: CPU per typed key", "joined terminal: key → first byte, p50",
                        "joined terminal: key → first byte, p99", "host: CPU per relayed event"] {
            // The cell after the label is debrief's figure (in the memory table too: "total").
            let row = cells(rows.first { $0.hasPrefix(measure) })
            #expect(row.map { $0.count > 1 && Benchmark.startsWithFigure($0[1]) } == true, "no figure for '\(measure)' in:\n\(result.output)")
        }
        // The memory table names the binary's own pages; the core table follows.
        #expect(rows.contains { $0.hasPrefix("the program's own binary") }, "no line for the binary's own pages in:\n\(result.output)")
        let core = cells(rows.first { $0.hasPrefix("core") && $0.contains("load 100 events") })
        #expect(core.map { $0.count > 2 && Benchmark.startsWithFigure($0[2]) } == true, "no core figure in:\n\(result.output)")
    }
}

extension BenchmarkSmokeTests {
    /// The side-by-side typing harness, on a slow disk (every fsync a millisecond longer,
    /// through its preloaded shim): it builds the shim and prints Debrief's row.
    @Test func typingHarnessRunsOnASlowDisk() throws {
        let result = try Subprocess.run([
            "python3", Debrief.repository.appending(path: "Tests/Benchmarks/typing_bench.py").path,
            "--debrief", Debrief.product("debrief"), "--programs", "debrief", "--runs", "1", "--keys", "20",
            "--notes", "0", "--slow-fsync", "1",
        ])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasSuffix("every fsync 1 ms slower") }, "\(result.output)")
        let row = lines.first { $0.hasPrefix("debrief ") }?.split(separator: " ").map(String.init)
        #expect(row.map { $0.count > 1 && Benchmark.startsWithFigure($0[1]) } == true, "no figures in:\n\(result.output)")
    }
}

enum Benchmark {
    /// A cell holds a figure: it starts with a number, not a dash or a failure.
    static func startsWithFigure(_ cell: String) -> Bool {
        cell.split(separator: " ").first.map { Double($0) != nil } ?? false
    }
}

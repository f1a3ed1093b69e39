import ArgumentParser
import DebriefKit
import Foundation

/// `swift run -c release debrief-bench`: the in-process half of the benchmarks (the core at
/// scale, rendering). Tests/Benchmarks/run.sh adds the pseudo-terminal half (typing, start-up,
/// idle, memory, against nano and vim) and prints both as one table.
struct DebriefBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief-bench",
        abstract: "Time loading, replay seeks, folder listing and rendering of generated sessions.",
        subcommands: [MeasureCommand.self, GenerateCommand.self, LiveCommand.self],
        defaultSubcommand: MeasureCommand.self)
}

/// The table of figures (the default: `debrief-bench --sizes …` still means this).
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Time loading, replay seeks, folder listing and rendering of generated sessions.")

    @Option(help: ArgumentHelp("Session sizes to load, in events, comma-separated.", valueName: "n,n,…"))
    var sizes = "1000,10000,100000"

    @Option(help: "Random seeks in the largest session.")
    var seeks = 100

    @Option(help: "Runs of each measurement; the table shows medians.")
    var runs = 5

    @Option(name: .customLong("snapshot-interval"), help: "Events between replay snapshots (default: as replay chooses).")
    var snapshotInterval: Int?

    @Option(name: .customLong("folder-sessions"), help: "Session files in the folder listed by `debrief sessions`.")
    var folderSessions = 1000

    @Option(name: .customLong("history-sessions"), help: ArgumentHelp(
        "Time the cross-session commands (history, learnings, actions, search) over this many generated sessions, cold and warm, instead of the core benchmarks.",
        valueName: "n"))
    var historySessions = 0

    @Option(name: .customLong("generate-history"), help: ArgumentHelp(
        "Only write --history-sessions generated sessions (default 50) into this folder, and stop.", valueName: "dir"))
    var generateHistory: String?

    @Option(name: .customLong("history-folder"), help: ArgumentHelp(
        "With --history-sessions: time a folder written before by --generate-history (kept) instead of generating one.",
        valueName: "dir"))
    var historyFolder: String?

    @Flag(help: "Tab-separated rows (group, measure, value, goal) for other tools to read.")
    var tsv = false

    func validate() throws {
        guard parsedSizes.count > 0, parsedSizes.allSatisfy({ $0 >= 10 }) else {
            throw ValidationError("--sizes must be numbers of events of at least 10, e.g. 1000,10000")
        }
        guard seeks > 0, runs > 0, (snapshotInterval ?? 1) > 0, folderSessions > 0 else {
            throw ValidationError("--seeks, --runs, --snapshot-interval and --folder-sessions must be above 0")
        }
    }

    private var parsedSizes: [Int] {
        let parts = sizes.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return parts.contains(nil) ? [] : parts.compactMap { $0 }
    }

    func run() throws {
        let agenda = try BuiltinAgendas.defaultAgenda()
        if let generateHistory {
            var generator = HistoryGenerator(agenda: agenda)
            let written = try generator.write(count: historySessions > 0 ? historySessions : 50,
                                              into: URL(fileURLWithPath: generateHistory))
            print("Wrote \(written) sessions into \(generateHistory)")
            return
        }
        if historySessions > 0 {
            let rows = HistoryBenchmarks(agenda: agenda, sessions: historySessions, runs: runs,
                                         existing: historyFolder.map { URL(fileURLWithPath: $0) }).run()
            print(tsv ? ReportTable.tsv(rows) : ReportTable.text(rows), terminator: "")
            return
        }
        let rows = CoreBenchmarks(agenda: agenda, sizes: parsedSizes, seeks: seeks, runs: runs,
                                  snapshotInterval: snapshotInterval, folderSessions: folderSessions).run()
        print(tsv ? ReportTable.tsv(rows) : ReportTable.text(rows), terminator: "")
    }
}

DebriefBench.main()

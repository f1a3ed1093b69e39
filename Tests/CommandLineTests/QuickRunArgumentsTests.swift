import ArgumentParser
@testable import debrief
import PropertyBased
import Testing

/// `debrief run`'s quick reading of its command line (`QuickRunArguments`) against
/// ArgumentParser's: whatever the quick one reads, ArgumentParser must read the same.
struct QuickRunArgumentsTests {
    /// Pieces of command lines: everyday options, every way of giving a value, and lines
    /// the quick reading must leave to ArgumentParser (help, unknown names, values that
    /// look like options or commands, values that fail their checks).
    static let pieces: [[String]] = [
        ["run"], ["--title", "Q3 launch"], ["--title=Q3 launch"], ["--title", "run"], ["--title", "-x"],
        ["--title", ""], ["--title="], ["--client", "Acme"], ["--campaign=Spring"], ["--facilitator", "Ana"],
        ["--note-taker", "Lee"], ["--note-taker=Kim"], ["--agenda", "retro"], ["--agenda=a=b.yaml"],
        ["--data", "kpis.csv"], ["--data=creators.tsv"], ["--sessions", "/tmp/debrief-quick-test"],
        ["--sessions", "/etc/passwd"], ["--allow-shared-folder"], ["--view", "projector"], ["--view=notes"],
        ["--view", "wall"], ["--theme", "light"], ["--theme=contrast"], ["--theme", "neon"], ["--bell"],
        ["--no-git"], ["--time-scale", "1"], ["--time-scale=60"], ["--time-scale", "2.5"], ["--time-scale", "1e3"],
        ["--time-scale", "0"], ["--time-scale", "10001"], ["--time-scale", "nan"], ["--time-scale", "-1"],
        ["--time-scale", "fast"], ["--bell=yes"], ["--help"], ["-h"], ["--version"], ["help"], ["show"],
        ["--titel", "x"], ["--"], ["x"], ["--time-scale"], ["--view", "show"],
    ]

    @Test func whateverTheQuickReadingReadsArgumentParserReadsTheSame() async {
        let picks = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...6)
        var readQuickly = 0
        await propertyCheck(count: 3000, input: picks) { picks in
            let arguments = picks.flatMap { Self.pieces[$0] }
            guard let quick = QuickRunArguments.parse(arguments) else { return }
            readQuickly += 1
            #expect(Self.argumentParserReading(arguments) == quick, "\(arguments)")
        }
        // The check above is only as good as the lines it compared.
        #expect(readQuickly > 300)
    }

    @Test func theLinesTypedEveryDayAreReadQuickly() {
        let everyday: [[String]] = [
            [], ["run"], ["run", "--time-scale", "1"], ["--title", "Q3 launch", "--view", "projector", "--bell"],
            ["run", "--client", "Acme", "--data", "kpis.csv", "--data=creators.csv", "--theme", "contrast"],
        ]
        for arguments in everyday {
            let quick = QuickRunArguments.parse(arguments)
            #expect(quick != nil, "\(arguments)")
            #expect(quick == Self.argumentParserReading(arguments), "\(arguments)")
        }
        #expect(QuickRunArguments.parse(["run", "--data", "a.csv", "--data", "b.csv"])?.data == ["a.csv", "b.csv"])
    }

    @Test func helpVersionCompletionsAndMistakesAreLeftToArgumentParser() {
        for arguments in [
            ["--help"], ["run", "-h"], ["--version"], ["help", "run"], ["--generate-completion-script", "bash"],
            ["show"], ["run", "--time-scale", "0"], ["--view", "wall"], ["--title"], ["--bell=1"], ["run", "x"],
        ] {
            #expect(QuickRunArguments.parse(arguments) == nil, "\(arguments)")
        }
    }

    /// What ArgumentParser makes of the line: `run`'s options, or nil for anything else.
    static func argumentParserReading(_ arguments: [String]) -> RunOptions? {
        (try? Debrief.parseAsRoot(arguments) as? RunCommand)?.options
    }
}

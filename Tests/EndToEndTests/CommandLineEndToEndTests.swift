import Foundation
import TestSupport
import Testing

/// What a terminal user expects of any command-line tool: a version, completions for their
/// shell that know every command and option, and every option doing what it says.
@Suite("End to end: --version, completions and run's options")
struct CommandLineEndToEndTests {
    @Test func versionNamesTheReleaseAndTheFormatsItReadsAndWrites() throws {
        for arguments in [["--version"], ["run", "--version"]] {
            let result = try Subprocess.run([Debrief.binary] + arguments)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("debrief "), "\(arguments)")
            #expect(result.output.contains("session format 1"))
            #expect(result.output.split(separator: "\n").count == 1)
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsKnowEveryCommandAndTheDisplayOptions(_ shell: String) throws {
        let result = try Subprocess.run([Debrief.binary, "--generate-completion-script", shell])
        #expect(result.status == 0)
        for word in ["join", "replay", "export", "check-data", "learnings", "--view", "--theme", "--data", "--sessions"] {
            // fish names long options without their dashes (`-l 'view'`).
            let spelled = shell == "fish" && word.hasPrefix("--") ? "'\(word.dropFirst(2))'" : word
            #expect(result.output.contains(spelled), "\(shell) completes \(word)")
        }
        #expect(result.output.contains("notes") && result.output.contains("projector"), "\(shell) completes --view's values")
    }

    /// A plain `debrief run` line is read without ArgumentParser (`QuickRunArguments`, for
    /// start-up): each of its options still reaches the meeting, in both spellings.
    @Test func everyOptionOfAnEverydayRunLineReachesTheMeeting() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command(
            "run --title 'Q3 launch' --client=Acme --campaign Spring --facilitator Ana --note-taker=Lee "
                + "--view projector --theme light --bell --no-git --time-scale 60",
            sessions: folder))
        try tmux.waitFor("Q3 launch")
        let screen = try tmux.waitFor("F7 Notes")
        #expect(!screen.contains("Enter saves a note"), "the projector view, as --view asked")
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        let header = try #require(try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").first)
        for field in [#""title":"Q3 launch""#, #""client":"Acme""#, #""campaign":"Spring""#, #""facilitator":"Ana""#,
                      #""note_taker":"Lee""#, #""time_scale":60"#] {
            #expect(header.contains(field), "\(field) in \(header)")
        }
    }

    /// A `run` line with a mistake in it is left to ArgumentParser, which names the mistake.
    @Test func aMistakeInARunLineIsNamedWithTheUsage() throws {
        for (arguments, message) in [
            (["run", "--time-scale", "0"], "--time-scale must be above 0 and at most 10000"),
            (["--view", "wall"], "The value 'wall' is invalid for '--view <notes|projector>'"),
            (["run", "--titel", "x"], "Unknown option '--titel'"),
        ] {
            let result = try Subprocess.run([Debrief.binary] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.output.contains(message), "\(arguments): \(result.output)")
            #expect(result.output.contains("Usage: debrief run"), "\(arguments): \(result.output)")
        }
    }
}

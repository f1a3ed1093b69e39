import Foundation
import TestSupport
import Testing

/// What a terminal user expects of any command-line tool: a version, and completions for
/// their shell that know every command and option.
@Suite("End to end: --version and completions")
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
}

import DebriefKit
import Foundation
import Testing

/// Agendas that expand when loaded (YAML aliases), agendas too big to save in a journal
/// header, and files with many problems: refused quickly, every problem located, the
/// output bounded.
@Suite("Agendas: alias bombs, header size, every problem in one run")
struct AgendaBombTests {
    private static let taxonomy = "taxonomy:\n  root_causes: [process]\n  severities: [minor]\n"

    /// The attack from issue 11: one anchored 100 KB title, repeated 8,000 times as prompts.
    static func aliasBomb(textBytes: Int = 100_000, repeats: Int = 8_000) -> String {
        let prompts = Array(repeating: "*t", count: repeats).joined(separator: ", ")
        return "name: bomb\ntitle: Bomb\nsections:\n  - id: a\n    title: &t \"\(String(repeating: "x", count: textBytes))\"\n"
            + "    minutes: 5\n    prompts: [\(prompts)]\n" + taxonomy
    }

    private func problems(_ yaml: String) -> [AgendaProblem] {
        do {
            _ = try AgendaLoader.parse(yaml: yaml, file: "a.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theAliasBombFromTheIssueIsRefusedWithLineAndWhatToFix() {
        let yaml = Self.aliasBomb()
        #expect(yaml.utf8.count > 120_000 && yaml.utf8.count < 150_000)
        let found = problems(yaml)
        // Refused while counting, before anything is built: on the line of the aliases.
        #expect(found.count == 1)
        #expect(found.first?.line == 7)
        #expect(found.first?.message.contains("once its aliases (*name) are expanded") == true)
    }

    @Test func manyRepeatsOfAShortTextStopAtTheBudgetToo() {
        let found = problems(Self.aliasBomb(textBytes: 300, repeats: 20_000))
        #expect(found.contains { $0.message.contains("once its aliases") })
    }

    @Test func nestedAliasesAsMappingKeysAreRefusedBeforeTheParserHashesThem() {
        // 10^8 scalars once expanded, as keys: hashing them to find duplicates never ends.
        var yaml = "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n"
        for level in 1...7 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
        yaml += "k:\n  ? *a7\n  : 1\n  ? *a6\n  : 2\n"
        let found = problems(yaml)
        #expect(found.map(\.line) == [6])
        #expect(found.first?.message.contains("once its aliases") == true)
    }

    @Test func anAgendaWhoseHeaderWouldPassTheLineLimitIsRefusedNamingTheFile() {
        // 20 prompts of 15,000 escape characters: 300 KB on disk as \e, 1.8 MB once escaped in JSON.
        let prompt = "\"" + String(repeating: "\\e", count: 15_000) + "\""
        let yaml = "name: big\ntitle: Big\nsections:\n  - id: a\n    title: A\n    minutes: 5\n    prompts: ["
            + Array(repeating: prompt, count: 20).joined(separator: ", ") + "]\n" + Self.taxonomy
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.file == "a.yaml")
        #expect(found.first?.message.contains("once saved in a meeting file") == true)
    }

    @Test func oneTextOverTheTextLimitIsRefusedOnItsLine() {
        let yaml = "name: n\ntitle: N\nsections:\n  - id: a\n    title: \(String(repeating: "x", count: Limits.agendaTextBytes + 1))\n    minutes: 5\n" + Self.taxonomy
        let found = problems(yaml)
        #expect(found.map(\.line) == [5])
        #expect(found.first?.message.contains("an agenda text holds at most 20 KB") == true)
    }

    @Test func moreSectionsThanAJournalAcceptsAreRefusedByTheLoader() {
        let sections = (1...(Limits.agendaSections + 1)).map { "  - {id: s\($0), title: S, minutes: 1}\n" }.joined()
        let found = problems("name: n\ntitle: N\nsections:\n" + sections + Self.taxonomy)
        #expect(found.contains { $0.message.contains("at most \(Limits.agendaSections)") })
    }

    @Test func aDuplicateKeyIsOneLocatedLine() {
        let found = problems("name: n\ntitle: N\ntitle: M\nsections:\n  - {id: a, title: A, minutes: 1}\n" + Self.taxonomy)
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.message.contains("'title'") == true)
        #expect(found.first?.description.contains("Context") == false)
        #expect(found.first?.description.contains("\n") == false)
        #expect(found.first?.description.contains("^J") == false)
    }

    @Test func aDuplicateSectionIdIsReportedEvenWhenTheFileHasOtherErrors() {
        let yaml = "name: n\ntitle: N\nsections:\n  - id: a\n    title: A\n    minutes: 5\n  - id: a\n    title: B\n"
            + "    minutes: ten\n" + Self.taxonomy
        let found = problems(yaml)
        #expect(found.contains { $0.message.contains("'minutes' must be a whole number") })
        #expect(found.contains { $0.message.contains("duplicate section id 'a'") && $0.line == 7 })
    }

    @Test func aliasedDuplicateSectionsPrintAtMostTwentyLinesAndHowManyMore() throws {
        // 100,000 of them expand past the budget (one line says so); 20,000 do not.
        #expect(problems("name: n\ntitle: N\nfirst: &s {id: a, title: A, minutes: 1}\nsections: [\(Array(repeating: "*s", count: 100_000).joined(separator: ", "))]\n" + Self.taxonomy).count == 1)
        let list = Array(repeating: "*s", count: 20_000).joined(separator: ", ")
        let yaml = "name: n\ntitle: N\nfirst: &s {id: a, title: A, minutes: 1}\nsections: [\(list)]\n" + Self.taxonomy
        let error = try #require(throws: AgendaError.self) { try AgendaLoader.parse(yaml: yaml, file: "a.yaml") }
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == Limits.problemsShown + 1)
        #expect(lines.last?.hasSuffix("more problems") == true)
        #expect(lines.last?.contains("a.yaml: and ") == true)
    }
}

import DebriefKit
import Foundation
import Testing

@Suite("Agenda files: loading and validation")
struct AgendaLoaderTests {
    @Test func theDefaultAgendaIsTheNinetyMinuteInfluencerPostMortem() throws {
        let agenda = try BuiltinAgendas.defaultAgenda()
        #expect(agenda.sections.map(\.title) == [
            "Performance vs. goals", "Creator breakdown", "Content analysis",
            "What went wrong", "What worked", "Action items",
        ])
        #expect(agenda.sections.map(\.minutes) == [10, 20, 20, 20, 10, 10])
        #expect(agenda.taxonomy.rootCauses == ["process", "communication", "tools", "client-side", "creator-side"])
        #expect(agenda.taxonomy.severities == ["minor", "significant", "critical"])
        #expect(agenda.sections.allSatisfy { !$0.prompts.isEmpty })
    }

    @Test func everyShippedAgendaFileLoadsAndIsBuiltIn() throws {
        let folder = Fixtures.repository.appending(path: "Agendas")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        #expect(files.count >= 2)
        for file in files {
            let fromFile = try AgendaLoader.load(contentsOf: file)
            let builtin = try BuiltinAgendas.agenda(named: file.deletingPathExtension().lastPathComponent)
            #expect(builtin == fromFile, "the binary must carry exactly \(file.lastPathComponent)")
        }
        let sprint = try #require(try BuiltinAgendas.agenda(named: "sprint-retrospective"))
        #expect(sprint.plannedMinutes == 60)
    }

    private func problems(_ yaml: String) -> [AgendaProblem] {
        do {
            _ = try AgendaLoader.parse(yaml: yaml, file: "bad.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    private let valid = """
    name: t
    title: T
    taxonomy:
      root_causes: [process]
      severities: [minor]
    sections:
      - id: a
        title: A
        minutes: 5
    """

    @Test func aValidMinimalAgendaHasNoProblems() {
        #expect(problems(valid).isEmpty)
    }

    @Test func missingFieldsAreNamedWithTheirLine() {
        let found = problems("""
        name: t
        taxonomy:
          root_causes: [process]
          severities: [minor]
        sections:
          - id: a
            minutes: 5
        """)
        #expect(found.map(\.description).contains("bad.yaml:1: the agenda: missing 'title'"))
        #expect(found.map(\.description).contains("bad.yaml:6: section 1: missing 'title'"))
    }

    @Test(arguments: ["0", "-5"])
    func minutesMustBeAboveZero(_ minutes: String) {
        let found = problems(valid.replacingOccurrences(of: "minutes: 5", with: "minutes: \(minutes)"))
        #expect(found.count == 1)
        #expect(found.first?.line == 9)
        #expect(found.first?.message.contains("must be above 0") == true)
    }

    @Test func absurdDurationsAndNonNumbersAreRefused() {
        #expect(problems(valid.replacingOccurrences(of: "minutes: 5", with: "minutes: 100000")).first?.message.contains("longer than a meeting day") == true)
        #expect(problems(valid.replacingOccurrences(of: "minutes: 5", with: "minutes: ten")).first?.message.contains("whole number") == true)
    }

    @Test func duplicateSectionIDsPointAtBothLines() {
        let found = problems(valid + "\n  - id: a\n    title: Again\n    minutes: 3")
        #expect(found.count == 1)
        #expect(found.first?.description == "bad.yaml:10: duplicate section id 'a' (first used on line 7); give each section its own id")
    }

    @Test func theInfluencerAgendaDeclaresItsThreeTablesAndTheSprintOneNone() throws {
        let influencer = try BuiltinAgendas.defaultAgenda()
        #expect(influencer.sections.map(\.table) == [.kpis, .creators, .content, nil, nil, nil])
        #expect(influencer.section(holding: .creators) == 1)
        let sprint = try #require(try BuiltinAgendas.agenda(named: "sprint-retrospective"))
        #expect(sprint.sections.allSatisfy { $0.table == nil })
    }

    @Test func aSectionTableMustBeOneOfTheThreeAndHeldOnce() {
        let unknown = problems(valid + "\n    table: budgets")
        #expect(unknown.map(\.description) == ["bad.yaml:10: section 1: unknown table 'budgets'; use one of kpis, creators, content"])
        let twice = problems(valid + "\n    table: kpis\n  - id: b\n    title: B\n    minutes: 3\n    table: kpis")
        #expect(twice.map(\.description) == ["bad.yaml:14: table 'kpis' is already shown by the section on line 7; one section per table"])
        #expect(problems(valid + "\n    table: creators").isEmpty)
    }

    @Test func yamlSyntaxErrorsGiveTheLine() {
        let found = problems("name: t\ntitle: [unclosed\nsections: []\n")
        #expect(found.count == 1)
        #expect(found.first?.line != nil)
        #expect(found.first?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test func unknownKeysWrongTypesAndEmptyTaxonomyAreReported() {
        #expect(problems(valid + "\ncolour: red").first?.message.contains("unknown key 'colour'") == true)
        #expect(problems(valid.replacingOccurrences(of: "root_causes: [process]", with: "root_causes: []")).first?.message.contains("'root_causes' is empty") == true)
        #expect(problems(valid.replacingOccurrences(of: "sections:\n  - id: a\n    title: A\n    minutes: 5", with: "sections: 3")).first?.message.contains("non-empty list") == true)
        #expect(problems("just a string").first?.message.contains("mapping") == true)
        #expect(problems("").isEmpty == false)
    }

    @Test func nonUTF8BytesAreReportedNotCrashedOn() {
        var data = Data(valid.utf8)
        data.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x41])
        #expect(throws: AgendaError.self) { try AgendaLoader.parse(data: data, file: "bin.yaml") }
        do {
            _ = try AgendaLoader.parse(data: data, file: "bin.yaml")
        } catch {
            #expect(error.problems.first?.line == 10)
            #expect(error.problems.first?.message.contains("UTF-8") == true)
        }
    }

    @Test func aHugeFileIsRefusedBeforeParsing() throws {
        let folder = Fixtures.temporaryFolder()
        let file = folder.appending(path: "huge.yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 2_000_000).write(to: file)
        do {
            _ = try AgendaLoader.load(contentsOf: file)
            Issue.record("a 2 MB agenda must be refused")
        } catch {
            #expect(error.problems.first?.message.contains("at most 1 MB") == true)
        }
    }

    @Test func controlCharactersInTheFileNeverReachTheMessageRaw() {
        let escape = problems(valid + "\n\u{1B}[2J: x")
        #expect(escape.first?.line == 10)
        #expect(escape.first?.message.contains("control characters are not allowed") == true)
        // A bidi override is legal YAML, so it reaches our own messages: shown, never raw.
        let bidi = problems(valid + "\nbad\u{202E}key: x").map(\.description).joined()
        #expect(!bidi.unicodeScalars.contains { $0.value == 0x202E })
        #expect(bidi.contains("bad\\u202Ekey"))
    }
}

/// A meeting plan: timed sections with prompts, and the taxonomy problems are tagged with.
public struct Agenda: Codable, Equatable, Sendable {
    public var name: String
    public var title: String
    public var description: String?
    public var sections: [AgendaSection]
    public var taxonomy: Taxonomy

    public init(name: String, title: String, description: String? = nil,
                sections: [AgendaSection], taxonomy: Taxonomy) {
        self.name = name
        self.title = title
        self.description = description
        self.sections = sections
        self.taxonomy = taxonomy
    }

    public var plannedMinutes: Int { sections.reduce(0) { $0 + $1.minutes } }

    public func sectionIndex(id: String) -> Int? {
        sections.firstIndex { $0.id == id }
    }

    /// The section that shows `table`, if the agenda gives it one.
    public func section(holding table: RecordTable) -> Int? {
        sections.firstIndex { $0.table == table }
    }
}

public struct AgendaSection: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var minutes: Int
    public var kind: SectionKind
    public var prompts: [String]
    public var guidance: String?
    /// The table of numbers this section shows, if any (`table: kpis` in the agenda file).
    public var table: RecordTable?

    public init(id: String, title: String, minutes: Int, kind: SectionKind = .discussion,
                prompts: [String] = [], guidance: String? = nil, table: RecordTable? = nil) {
        self.id = id
        self.title = title
        self.minutes = minutes
        self.kind = kind
        self.prompts = prompts
        self.guidance = guidance
        self.table = table
    }
}

/// What a section is for; views use it to show the right summary (e.g. the problem chart).
public enum SectionKind: String, Codable, CaseIterable, Sendable {
    case discussion, metrics, problems, wins, actions
}

public struct Taxonomy: Codable, Equatable, Sendable {
    public var rootCauses: [String]
    public var severities: [String]

    public init(rootCauses: [String], severities: [String]) {
        self.rootCauses = rootCauses
        self.severities = severities
    }

    enum CodingKeys: String, CodingKey {
        case rootCauses = "root_causes"
        case severities
    }
}

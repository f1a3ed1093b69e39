/// Walks a composed YAML tree and builds an `Agenda`, collecting a located problem for
/// everything missing, mistyped or out of range instead of stopping at the first.
struct AgendaNodeReader {
    let file: String
    private(set) var problems: [AgendaProblem] = []
    /// What the walk has visited so far, in `Limits.agendaExpandedUnits`: aliases let a
    /// small file name the same text thousands of times, so the walk counts what it reads
    /// and stops once an agenda could not be that big, long before building it all.
    private var spent = 0
    private(set) var isOverBudget = false

    init(file: String) { self.file = file }

    private static let topLevelKeys: Set = ["name", "title", "description", "sections", "taxonomy"]
    private static let sectionKeys: Set = ["id", "title", "minutes", "kind", "prompts", "guidance", "table"]
    private static let taxonomyKeys: Set = ["root_causes", "severities"]

    mutating func agenda(from root: YAMLNode?) -> Agenda? {
        guard let root, let mapping = root.mapping else {
            report(root, "an agenda is a mapping with name, title, sections and taxonomy")
            return nil
        }
        rejectUnknownKeys(mapping, allowed: Self.topLevelKeys, in: "the agenda")
        let name = requiredString(mapping, "name", in: "the agenda", at: root)
        let title = requiredString(mapping, "title", in: "the agenda", at: root)
        let description = optionalString(mapping, "description")
        let sections = sections(mapping["sections"], at: root)
        let taxonomy = taxonomy(mapping["taxonomy"], at: root)
        guard let name, let title, let sections, let taxonomy else { return nil }
        return Agenda(name: name, title: title, description: description, sections: sections, taxonomy: taxonomy)
    }

    private mutating func sections(_ node: YAMLNode?, at parent: YAMLNode) -> [AgendaSection]? {
        guard let node else {
            report(parent, "missing 'sections': list the meeting's sections, each with id, title and minutes")
            return nil
        }
        guard let list = node.sequence, !list.isEmpty else {
            report(node, "'sections' must be a non-empty list of sections")
            return nil
        }
        if list.count > Limits.agendaSections {
            report(node, "'sections' lists \(list.count) sections; an agenda holds at most \(Limits.agendaSections) (the first \(Limits.agendaSections) are checked)")
        }
        var result: [AgendaSection] = []
        var seenIDs: [String: Int] = [:]
        var seenTables: [RecordTable: Int] = [:]
        for (position, item) in list.prefix(Limits.agendaSections).enumerated() {
            guard charge(item, 1) else { return nil }
            let section = section(item, number: position + 1)
            // A section with other problems still claims its id: `check` reports a repeated
            // id in the same run as everything else.
            if let id = section?.id ?? item.mapping?["id"]?.scalar, isValidID(id) {
                if let firstLine = seenIDs[id] {
                    report(item, "duplicate section id '\(id)' (first used on line \(firstLine)); give each section its own id")
                } else {
                    seenIDs[id] = line(of: item) ?? 0
                }
            }
            if let table = section?.table {
                if let firstLine = seenTables[table] {
                    report(item.mapping?["table"], "table '\(table.rawValue)' is already shown by the section on line \(firstLine); one section per table")
                } else {
                    seenTables[table] = line(of: item) ?? 0
                }
            }
            if let section { result.append(section) }
        }
        guard !isOverBudget, result.count == list.count, list.count <= Limits.agendaSections else { return nil }
        return result
    }

    private mutating func section(_ node: YAMLNode, number: Int) -> AgendaSection? {
        let label = "section \(number)"
        guard let mapping = node.mapping else {
            report(node, "\(label) must be a mapping with id, title and minutes")
            return nil
        }
        rejectUnknownKeys(mapping, allowed: Self.sectionKeys, in: label)
        let id = requiredString(mapping, "id", in: label, at: node)
        if let id, !isValidID(id) {
            report(mapping["id"], "\(label): id '\(id)' may hold only letters, digits, '-' and '_'")
        }
        let title = requiredString(mapping, "title", in: label, at: node)
        let minutes = minutes(mapping["minutes"], in: label, at: node)
        let kind = kind(mapping["kind"], in: label)
        let prompts = stringList(mapping["prompts"], key: "prompts", in: label) ?? []
        let guidance = optionalString(mapping, "guidance")
        let table = recordTable(mapping["table"], in: label)
        guard let id, isValidID(id), let title, let minutes, let kind, let table else { return nil }
        return AgendaSection(id: id, title: title, minutes: minutes, kind: kind, prompts: prompts, guidance: guidance,
                             table: table)
    }

    private mutating func minutes(_ node: YAMLNode?, in label: String, at parent: YAMLNode) -> Int? {
        guard let node else {
            report(parent, "\(label): missing 'minutes' (how long the section lasts, e.g. minutes: 10)")
            return nil
        }
        guard let scalar = node.scalar, let value = Int(scalar.trimmingWhitespace()) else {
            report(node, "\(label): 'minutes' must be a whole number of minutes, found '\(node.scalar ?? "a list or mapping")'")
            return nil
        }
        guard value > 0 else {
            report(node, "\(label): 'minutes' must be above 0, found \(value)")
            return nil
        }
        guard value <= AgendaLoader.maximumSectionMinutes else {
            report(node, "\(label): \(value) minutes is longer than a meeting day; use at most \(AgendaLoader.maximumSectionMinutes)")
            return nil
        }
        return value
    }

    private mutating func kind(_ node: YAMLNode?, in label: String) -> SectionKind? {
        guard let node else { return .discussion }
        guard let text = node.scalar, let kind = SectionKind(rawValue: text) else {
            // Named only on a mistake: a start's first generic join has the runtime look up
            // an associated type, a scan of every conformance record.
            let allowed = SectionKind.allCases.map(\.rawValue).joined(separator: ", ")
            report(node, "\(label): unknown kind '\(node.scalar ?? "?")'; use one of \(allowed)")
            return nil
        }
        return kind
    }

    /// The table a section shows: none when the key is absent (`.some(nil)`), nil when the
    /// value is not one of the tables (reported).
    private mutating func recordTable(_ node: YAMLNode?, in label: String) -> RecordTable?? {
        guard let node else { return .some(nil) }
        guard let text = node.scalar, let table = RecordTable(rawValue: text) else {
            let allowed = RecordTable.allCases.map(\.rawValue).joined(separator: ", ")
            report(node, "\(label): unknown table '\(String((node.scalar ?? "?").prefix(80)))'; use one of \(allowed)")
            return nil
        }
        return .some(table)
    }

    private mutating func taxonomy(_ node: YAMLNode?, at parent: YAMLNode) -> Taxonomy? {
        guard let node else {
            report(parent, "missing 'taxonomy': give root_causes and severities for tagging problems")
            return nil
        }
        guard let mapping = node.mapping else {
            report(node, "'taxonomy' must be a mapping with root_causes and severities")
            return nil
        }
        rejectUnknownKeys(mapping, allowed: Self.taxonomyKeys, in: "taxonomy")
        let rootCauses = taxonomyList(mapping, "root_causes", at: node)
        let severities = taxonomyList(mapping, "severities", at: node)
        guard let rootCauses, let severities else { return nil }
        return Taxonomy(rootCauses: rootCauses, severities: severities)
    }

    private mutating func taxonomyList(_ mapping: YAMLNode.Mapping, _ key: String, at parent: YAMLNode) -> [String]? {
        guard let node = mapping[key] else {
            report(parent, "taxonomy: missing '\(key)'")
            return nil
        }
        guard let list = stringList(node, key: key, in: "taxonomy") else { return nil }
        if list.isEmpty {
            report(node, "taxonomy: '\(key)' is empty; list at least one")
            return nil
        }
        if list.count > AgendaLoader.maximumTaxonomyEntries {
            report(node, "taxonomy: '\(key)' has \(list.count) entries; at most \(AgendaLoader.maximumTaxonomyEntries), one per number key")
            return nil
        }
        if Set(list).count != list.count {
            report(node, "taxonomy: '\(key)' lists the same entry twice")
            return nil
        }
        return list
    }

    // MARK: - Scalars and lists

    private mutating func requiredString(_ mapping: YAMLNode.Mapping, _ key: String, in label: String, at parent: YAMLNode) -> String? {
        guard let node = mapping[key] else {
            report(parent, "\(label): missing '\(key)'")
            return nil
        }
        guard let text = node.scalar, !text.trimmingWhitespace().isEmpty else {
            report(node, "\(label): '\(key)' must be a non-empty text")
            return nil
        }
        return bounded(text, at: node, "\(label): '\(key)'")
    }

    private mutating func optionalString(_ mapping: YAMLNode.Mapping, _ key: String) -> String? {
        guard let node = mapping[key] else { return nil }
        guard let text = node.scalar else {
            report(node, "'\(key)' must be a text")
            return nil
        }
        return bounded(text, at: node, "'\(key)'")
    }

    private mutating func stringList(_ node: YAMLNode?, key: String, in label: String) -> [String]? {
        guard let node else { return nil }
        guard let list = node.sequence else {
            report(node, "\(label): '\(key)' must be a list (one '- item' per line)")
            return nil
        }
        var result: [String] = []
        for item in list {
            guard let text = item.scalar else {
                report(item, "\(label): every entry of '\(key)' must be a text")
                return nil
            }
            guard let text = bounded(text, at: item, "\(label): an entry of '\(key)'") else { return nil }
            result.append(text)
        }
        return result
    }

    private mutating func rejectUnknownKeys(_ mapping: YAMLNode.Mapping, allowed: Set<String>, in label: String) {
        for (key, _) in mapping {
            guard charge(key, 1) else { return }
            let name = String((key.scalar ?? "?").prefix(80))
            if !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                report(key, "\(label): unknown key '\(name)'; known keys are \(known)")
            }
        }
    }

    /// The text, counted against the walk's budget and checked against `Limits.agendaTextBytes`;
    /// nil (and a problem reported) when it is too long or the budget is spent.
    private mutating func bounded(_ text: String, at node: YAMLNode, _ what: String) -> String? {
        let bytes = text.utf8.count
        guard charge(node, 1 + bytes) else { return nil }
        guard bytes <= Limits.agendaTextBytes else {
            report(node, "\(what) is \(Limits.size(bytes)) long; an agenda text holds at most \(Limits.size(Limits.agendaTextBytes))")
            return nil
        }
        return text
    }

    /// Counts `units` of the walk; false once the agenda has expanded past any real one.
    /// Reported once, where it happened, with what to change.
    private mutating func charge(_ node: YAMLNode, _ units: Int) -> Bool {
        guard !isOverBudget else { return false }
        spent += units
        guard spent > Limits.agendaExpandedUnits else { return true }
        isOverBudget = true
        report(node, AgendaLoader.expansionMessage)
        return false
    }

    private func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    private func line(of node: YAMLNode?) -> Int? { node?.line }

    private mutating func report(_ node: YAMLNode?, _ message: String) {
        problems.append(AgendaProblem(file: file, line: line(of: node), message: message))
    }
}

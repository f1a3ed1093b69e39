import CLibYAML

/// Measures how big a YAML text becomes once its aliases are expanded, from libyaml's event
/// stream, before anything is built from it. An alias (`*name`) repeats its anchored node
/// without repeating its text, so 132 KB can stand for gigabytes; even composing such a
/// tree is cheap, but hashing a mapping key made of nested aliases, or walking and saving
/// it, is not. Counting here costs one pass over the file and stops at the budget.
enum YAMLExpansion {
    /// Where the budget ran out: the 1-based line of the node that passed it.
    struct OverBudget: Error { var line: Int }

    /// One unit per node plus the bytes of each scalar, aliases counted at their anchor's size.
    /// Returns quietly when the text fits or is not valid YAML (the composer reports that).
    static func check(_ yaml: String, budget: Int = Limits.agendaExpandedUnits) throws(OverBudget) {
        var text = yaml
        if let line = text.withUTF8({ firstLineOverBudget($0, budget: budget) }) { throw OverBudget(line: line) }
    }

    private static func firstLineOverBudget(_ buffer: UnsafeBufferPointer<UInt8>, budget: Int) -> Int? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var total = 0
        var anchors: [String: Int] = [:]
        // Open collections: the total when each started, and its anchor.
        var open: [(start: Int, anchor: String?)] = []
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            func anchor(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                let size = 1 + Int(event.data.scalar.length)
                total += size
                if let name = anchor(event.data.scalar.anchor) { anchors[name] = size }
            case YAML_ALIAS_EVENT:
                // An unknown alias is the composer's error to report, with its own message.
                total += anchor(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT:
                total += 1
                open.append((total - 1, anchor(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                total += 1
                open.append((total - 1, anchor(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let (start, name) = open.popLast(), let name { anchors[name] = total - start }
            default:
                break
            }
            if total > budget { return line }
        }
        return nil
    }
}

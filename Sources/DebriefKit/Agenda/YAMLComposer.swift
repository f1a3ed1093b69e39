import CLibYAML

/// What stops a YAML text from becoming a node tree, with where it happened (1-based).
enum YAMLError: Error, Equatable {
    /// The scanner or parser (or this composer) found no valid YAML at `line`:`column`.
    case syntax(problem: String, line: Int, column: Int)
    /// The bytes themselves: a control character, a bad byte order mark…
    case reader(problem: String, line: Int)
    /// Keys that appear twice in one mapping, sorted; `line` of the first of them.
    case duplicateKeys([String], line: Int)
    case outOfMemory
}

/// Builds a `YAMLNode` tree from libyaml's parser events (libyaml from the system, see
/// README "Agendas"). Only what Debrief's YAML files need: one document, scalars as text,
/// anchors and aliases, keys unique per mapping, every node with its line and column.
/// The tree is built without recursion and refused past `maximumDepth` levels (aliases
/// counted where they are used), so a hostile file cannot exhaust the stack here or later.
enum YAMLComposer {
    static let maximumDepth = 1000

    /// The document's root node; nil for an empty file (or one of comments only).
    static func compose(_ yaml: String) throws(YAMLError) -> YAMLNode? {
        var text = yaml
        return try text.withUTF8 { buffer in Result { () throws(YAMLError) in try compose(buffer) } }.get()
    }

    private static func compose(_ buffer: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw .outOfMemory }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

        var builder = Builder()
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser, in: buffer) }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return builder.root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    throw .syntax(problem: "but found another document", line: line, column: column)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                try builder.add(YAMLNode(content: .scalar(text), line: line, column: column, height: 0),
                                anchor: name(scalar.anchor), line: line, column: column)
            case YAML_ALIAS_EVENT:
                guard let anchor = name(event.data.alias.anchor), let node = builder.anchors[anchor] else {
                    throw .syntax(problem: "found undefined alias", line: line, column: column)
                }
                // The anchored node as it is, with its own line (as messages named it before).
                try builder.add(node, anchor: nil, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                try builder.open(.sequence([]), line: line, column: column, anchor: name(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                try builder.open(.mapping(.init(pairs: [])), line: line, column: column, anchor: name(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.close()
            default:
                break
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func error(of parser: yaml_parser_t, in buffer: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .outOfMemory
        case YAML_READER_ERROR:
            let offset = min(Int(parser.problem_offset), buffer.count)
            return .reader(problem: problem, line: buffer.prefix(offset).count { $0 == UInt8(ascii: "\n") } + 1)
        default:
            return .syntax(problem: problem, line: Int(parser.problem_mark.line) + 1,
                           column: Int(parser.problem_mark.column) + 1)
        }
    }

    /// The collections still open, innermost last; each finished node goes into its parent.
    private struct Builder {
        struct Open {
            var node: YAMLNode
            var anchor: String?
            var pendingKey: YAMLNode?
        }

        var stack: [Open] = []
        var root: YAMLNode?
        var anchors: [String: YAMLNode] = [:]

        mutating func open(_ content: YAMLNode.Content, line: Int, column: Int, anchor: String?) throws(YAMLError) {
            guard stack.count < YAMLComposer.maximumDepth else {
                throw .syntax(problem: "nested deeper than \(YAMLComposer.maximumDepth) levels", line: line, column: column)
            }
            stack.append(Open(node: YAMLNode(content: content, line: line, column: column, height: 1), anchor: anchor))
        }

        mutating func close() throws(YAMLError) {
            guard let finished = stack.popLast() else { return }
            if let pairs = finished.node.mapping?.pairs { try Self.checkUniqueKeys(pairs) }
            try add(finished.node, anchor: finished.anchor, line: finished.node.line, column: finished.node.column)
        }

        /// Puts a finished node into the open collection; `line` and `column` are where it is used.
        mutating func add(_ node: YAMLNode, anchor: String?, line: Int, column: Int) throws(YAMLError) {
            if let anchor { anchors[anchor] = node }
            guard var parent = stack.popLast() else {
                root = node
                return
            }
            // An alias brings its whole subtree in at this depth.
            guard stack.count + 1 + node.height <= YAMLComposer.maximumDepth else {
                throw .syntax(problem: "nested deeper than \(YAMLComposer.maximumDepth) levels once aliases are expanded",
                              line: line, column: column)
            }
            parent.node.height = max(parent.node.height, node.height + 1)
            switch parent.node.content {
            case .sequence(var items):
                parent.node.content = .scalar("")  // releases the array so appending does not copy it
                items.append(node)
                parent.node.content = .sequence(items)
            case .mapping(var mapping):
                if let key = parent.pendingKey {
                    parent.node.content = .scalar("")
                    mapping.pairs.append((key, node))
                    parent.node.content = .mapping(mapping)
                    parent.pendingKey = nil
                } else {
                    parent.pendingKey = node
                }
            case .scalar:
                break
            }
            stack.append(parent)
        }

        /// Keys are compared by their text (as the reader looks them up); a key that is a
        /// list or mapping is left to the reader, which names it as an unknown key.
        static func checkUniqueKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLError) {
            guard pairs.count > 1 else { return }
            var first: [String: YAMLNode] = [:]
            var repeated: Set<String> = []
            for (key, _) in pairs {
                guard let text = key.scalar else { continue }
                if first[text] == nil { first[text] = key } else { repeated.insert(text) }
            }
            guard let smallest = repeated.min(), let mark = first[smallest] else { return }
            throw .duplicateKeys(repeated.sorted(), line: mark.line)
        }
    }
}

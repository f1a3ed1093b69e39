/// One node of a composed YAML document: a scalar's text, a list, or a mapping's pairs in
/// file order, with the 1-based line and column it starts on so every problem can name
/// its place. Tags and styles are not kept: Debrief reads every scalar as text.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping(Mapping)
    }

    var content: Content
    var line: Int
    var column: Int
    /// Levels of lists and mappings inside this node, aliases counted where they are used,
    /// so a deep tree is refused before anything walks it.
    var height: Int

    /// Its text, when it is a scalar.
    var scalar: String? {
        if case .scalar(let text) = content { text } else { nil }
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { items } else { nil }
    }

    var mapping: Mapping? {
        if case .mapping(let pairs) = content { pairs } else { nil }
    }

    /// A mapping's pairs in file order; looked up by a key's text.
    struct Mapping: Sendable, Sequence {
        var pairs: [(key: YAMLNode, value: YAMLNode)]

        subscript(key: String) -> YAMLNode? {
            pairs.first { $0.key.scalar == key }?.value
        }

        func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> { pairs.makeIterator() }
    }
}

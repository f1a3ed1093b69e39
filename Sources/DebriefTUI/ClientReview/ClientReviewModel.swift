import DebriefKit

/// Everything a key can do while reviewing the client version.
public enum ClientReviewCommand: Hashable, Sendable {
    case previous, next, toggle, done, suspend
}

/// `export --format client --review`: every line the client version may carry, each
/// marked as going out or held back; a key lets one out or holds it back. The model only
/// decides; the loop records each decision in the review sidecar before showing it.
public struct ClientReviewModel: Sendable {
    public typealias Binding = KeyBinding<ClientReviewCommand>

    public static let table = KeyTable<ClientReviewCommand>([
        Binding([.up], .previous, .clientReview, "Select the line above"),
        Binding([.down], .next, .clientReview, status: "Select", keys: "↑↓", "Select the line below"),
        Binding([.character(" "), .enter], .toggle, .clientReview, status: "Send / hold back", keys: "Space",
                "Let the selected line go out, or hold it back"),
        Binding([.control("z")], .suspend, .clientReview, "Give the terminal back to the shell (fg returns)"),
        Binding([.character("q"), .escape, .function(10), .control("c")], .done, .clientReview, status: "Done",
                keys: "q", "Finish: the decisions are saved as they are made"),
    ])

    public let lines: [ClientVisibility.Line]
    public private(set) var decisions: [String: Bool]
    public var selected = 0
    /// A short message (a decision that could not be saved…).
    public var message: String?

    public init(lines: [ClientVisibility.Line], decisions: [String: Bool]) {
        // In the order the screen shows them (part by part), so ↑↓ move down the screen.
        let order = ClientVisibility.Part.allCases
        self.lines = lines.enumerated().sorted {
            let (a, b) = (order.firstIndex(of: $0.element.part)!, order.firstIndex(of: $1.element.part)!)
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        self.decisions = decisions
    }

    /// Whether a line goes out: the user's decision, else out unless it names people (the
    /// same rule as `ClientBriefWriter.plan`).
    public func goesOut(_ line: ClientVisibility.Line) -> Bool {
        decisions[line.key] ?? line.names.isEmpty
    }

    public enum Request: Equatable, Sendable {
        /// Record this decision; the loop calls `decided` once it is on disk.
        case decide(line: String, include: Bool)
        case done, suspend
    }

    public mutating func handle(_ key: Key) -> Request? {
        switch Self.table.action(for: key, in: .clientReview) {
        case .previous?: selected = max(0, selected - 1)
        case .next?: selected = min(max(0, lines.count - 1), selected + 1)
        case .toggle?:
            guard lines.indices.contains(selected) else { return nil }
            let line = lines[selected]
            return .decide(line: line.key, include: !goesOut(line))
        case .done?: return .done
        case .suspend?: return .suspend
        case nil: break
        }
        return nil
    }

    /// A decision is on disk: show it.
    public mutating func decided(line key: String, include: Bool) {
        decisions[key] = include
        message = nil
    }
}

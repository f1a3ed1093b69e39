/// Problems that come back: the same trouble worded alike in different sessions.
///
/// The rule, kept simple so a person can predict it: a problem's words are folded (case,
/// accents, punctuation as in `ClientName`), words of under three letters and common
/// words ("the", "was", "with"…) dropped, and a plural "s" cut. Two problems are alike
/// when they share at least two such words and at least half of all the words either has
/// (Jaccard similarity ≥ 0.5). Problems are taken oldest first; each joins the first group
/// whose first problem it is alike to, else starts a group. A group recurs when its
/// problems come from at least two sessions. Groups never mix clients.
public enum RecurringProblems {
    public struct Group: Sendable {
        public var client: String
        /// Oldest first: each problem with its session.
        public var problems: [(session: SessionDigest, item: SessionDigest.Item)]
        /// How many sessions its problems come from (counted once: groups are sorted by it).
        public let sessionCount: Int

        init(client: String, problems: [(session: SessionDigest, item: SessionDigest.Item)]) {
            self.client = client
            self.problems = problems
            sessionCount = Set(problems.map(\.session.name)).count
        }
    }

    public static let minimumShared = 2
    public static let minimumSimilarity = 0.5

    public static func groups(in sessions: [SessionDigest], directory: ClientDirectory) -> [Group] {
        var vocabulary: [String: Int] = [:]
        // Positions (session, item), not copies: copying a digest per problem was most of
        // `history` over ten thousand sessions; only recurring groups get their copies.
        var byClient: [String: [(session: Int, item: Int, ids: [Int])]] = [:]
        var known: [String: [Int]] = [:]  // the same wording comes back: folded once
        for sessionIndex in sessions.indices.reversed() {  // oldest first
            let session = sessions[sessionIndex]
            let client = directory.name(of: session)
            for (itemIndex, problem) in session.items.enumerated() where problem.kind == .problem {
                let ids = known[problem.text] ?? {
                    let ids = words(problem.text).map { word in
                        if let id = vocabulary[word] { return id }
                        vocabulary[word] = vocabulary.count
                        return vocabulary.count - 1
                    }
                    return Array(Set(ids)).sorted()
                }()
                known[problem.text] = ids
                byClient[client, default: []].append((sessionIndex, itemIndex, ids))
            }
        }
        var result: [Group] = []
        for (client, problems) in byClient {
            var leaders: [[Int]] = []
            var members: [[(session: Int, item: Int)]] = []
            for (session, item, ids) in problems where ids.count >= minimumShared {
                if let index = leaders.firstIndex(where: { alike($0, ids) }) {
                    members[index].append((session, item))
                } else {
                    leaders.append(ids)
                    members.append([(session, item)])
                }
            }
            for group in members where Set(group.map { sessions[$0.session].name }).count >= 2 {
                result.append(Group(client: client, problems: group.map {
                    (session: sessions[$0.session], item: sessions[$0.session].items[$0.item])
                }))
            }
        }
        return result.sorted {
            ($0.sessionCount, $0.problems.count) != ($1.sessionCount, $1.problems.count)
                ? ($0.sessionCount, $0.problems.count) > ($1.sessionCount, $1.problems.count)
                : ($0.client, $0.problems[0].item.text) < ($1.client, $1.problems[0].item.text)
        }
    }

    /// Both sorted word ids: a merge walk, no sets.
    static func alike(_ a: [Int], _ b: [Int]) -> Bool {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - shared
        return shared >= minimumShared && Double(shared) >= minimumSimilarity * Double(union)
    }

    /// The words that carry a problem's meaning, folded.
    public static func words(_ text: String) -> [String] {
        ClientName.fold(text).split(separator: " ").compactMap { word in
            guard word.count >= 3, !stopWords.contains(word) else { return nil }
            return word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : String(word)
        }
    }

    private static let stopWords: Set<Substring> = [
        "the", "and", "was", "were", "are", "for", "with", "that", "this", "not", "but", "our", "too", "had", "has",
        "have", "from", "into", "than", "then", "they", "them", "their", "there", "what", "when", "who", "why", "how",
        "all", "any", "only", "very", "again", "also", "just", "out", "off", "did", "didn", "does", "don", "got",
        "its", "it's", "been", "being", "will", "would", "should", "could", "after", "before", "over", "under",
    ]
}

/// The content section's top 3 and bottom 3 by a metric the facilitator picks.
public struct ContentRanking: Equatable, Sendable {
    public static let size = 3

    public let metric: String
    /// Highest first.
    public let top: [Record]
    /// Lowest first; never a piece already in `top` (with five pieces, top 3 and bottom 2).
    public let bottom: [Record]
    /// Pieces without a value for the metric: not ranked, never counted as 0.
    public let unranked: [Record]

    /// Ties keep the order the pieces were added in.
    public init(_ pieces: [Record], by metric: String) {
        self.metric = metric
        let ranked = pieces.enumerated()
            .compactMap { offset, piece in piece.number(metric).map { (offset, piece, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        top = ranked.prefix(Self.size).map(\.1)
        let rest = ranked.dropFirst(Self.size)
        bottom = rest.sorted { $0.2 != $1.2 ? $0.2 < $1.2 : $0.0 < $1.0 }.prefix(Self.size).map(\.1)
        unranked = pieces.filter { $0.number(metric) == nil }
    }

    /// The content columns a ranking can use, in the order a key cycles through them.
    public static let metrics: [RecordColumn] = RecordTable.content.columns.filter(\.type.isNumeric)
}

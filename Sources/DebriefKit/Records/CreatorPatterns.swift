/// The patterns panel: creators grouped by tier, platform or brief detail, with how each
/// group did. Medians, not means: one viral post must not carry a whole tier.
public enum PatternDimension: String, CaseIterable, Sendable {
    case tier, platform, brief

    public var title: String {
        switch self {
        case .tier: "Tier"
        case .platform: "Platform"
        case .brief: "Brief detail"
        }
    }
}

public struct PatternGroup: Equatable, Sendable {
    /// The group's value (`micro`, `TikTok`, `detailed`); nil gathers creators without one.
    public let name: String?
    public let count: Int
    /// The median lift of the creators whose lift is known; nil when none is.
    public let medianLift: Double?
    /// Total fees over total conversions, of the creators that give both.
    public let costPerConversion: Measure
}

public enum CreatorPatterns {
    /// One group per value, in the dimension's natural order (tiers small to large, brief
    /// detailed to vague, platforms as first met); creators without a value come last.
    public static func groups(_ creators: [Record], by dimension: PatternDimension) -> [PatternGroup] {
        var order: [String?] = []
        var members: [String?: [Record]] = [:]
        var spelling: [String: String] = [:]
        for creator in creators {
            let key = Self.key(of: creator, by: dimension)
            // Platforms are free text: "TikTok" and "tiktok" are one platform, shown as first written.
            let folded = key.map { RecordColumn.normalized($0) }
            if let folded, let key, spelling[folded] == nil { spelling[folded] = key }
            if members[folded] == nil { order.append(folded) }
            members[folded, default: []].append(creator)
        }
        let natural: [String]
        switch dimension {
        case .tier: natural = CreatorTier.allCases.map(\.rawValue)
        case .brief: natural = BriefDetail.allCases.map(\.rawValue)
        case .platform: natural = order.compactMap { $0 }
        }
        let keys: [String?] = natural.filter { members[$0] != nil } + (members[nil] != nil ? [nil] : [])
        return keys.map { key in
            group(name: key.map { spelling[$0] ?? $0 }, members[key] ?? [])
        }
    }

    static func group(name: String?, _ creators: [Record]) -> PatternGroup {
        let lifts = creators.compactMap { CreatorMeasures($0).lift.value }
        let paid = creators.filter { $0.number("fee") != nil && $0.number("conversions") != nil }
        let cost: Measure = paid.isEmpty
            ? .missing("fee and conversions")
            : .ratio(paid.reduce(0) { $0 + $1.number("fee")! }, "fee",
                     over: paid.reduce(0) { $0 + $1.number("conversions")! }, "conversions",
                     zero: "no conversions, so no cost per conversion")
        return PatternGroup(name: name, count: creators.count, medianLift: median(lifts), costPerConversion: cost)
    }

    private static func key(of creator: Record, by dimension: PatternDimension) -> String? {
        switch dimension {
        case .tier: CreatorMeasures(creator).tier?.rawValue
        case .platform: creator.text("platform").flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        case .brief: creator.text("brief_detail")
        }
    }
}

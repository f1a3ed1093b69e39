/// What the meeting reads off a KPI row: its variance against target and whether it missed
/// or beat it. Computed from the row's fields, never stored.
public struct KPIMeasures: Equatable, Sendable {
    public let variance: Measure
    public let verdict: KPIVerdict?
    public let direction: KPIDirection
    public let unit: KPIUnit

    public init(_ record: Record) {
        let target = record.number("target"), actual = record.number("actual")
        direction = Self.direction(of: record)
        unit = Self.unit(of: record)
        // (actual − target) / |target|: a target of 0 has no percentage to miss it by.
        variance = .change(from: target, "target", to: actual, "actual",
                           zero: "the target is 0, so there is no variance in percent")
        verdict = Self.verdict(target: target, actual: actual, direction: direction)
    }

    static func verdict(target: Double?, actual: Double?, direction: KPIDirection) -> KPIVerdict? {
        guard let target, let actual else { return nil }
        if actual == target { return .met }
        return (actual > target) == (direction == .higher) ? .beat : .missed
    }

    /// Given in the row, or read from the KPI's name: costs (CPE, CPM, CPC, CPA, cost,
    /// spend, budget) are better lower, everything else higher.
    public static func direction(of record: Record) -> KPIDirection {
        if let given = record.text("better").flatMap(KPIDirection.init(rawValue:)) { return given }
        return isCost(record.name) ? .lower : .higher
    }

    /// Given in the row, or read from the KPI's name: costs are money, rates are percent.
    public static func unit(of record: Record) -> KPIUnit {
        if let given = record.text("unit").flatMap(KPIUnit.init(rawValue:)) { return given }
        if isCost(record.name) { return .money }
        let words = Set(RecordColumn.normalized(record.name).split(separator: " "))
        return words.contains("rate") || words.contains("er") || words.contains("ctr") || record.name.contains("%")
            ? .percent : .count
    }

    private static func isCost(_ name: String) -> Bool {
        let words = Set(RecordColumn.normalized(name).split(separator: " "))
        let costs: Set<Substring> = ["cpe", "cpm", "cpc", "cpa", "cpv", "cac", "cpl", "cost", "spend", "spent", "budget"]
        return !words.isDisjoint(with: costs)
    }
}

/// How a KPI ended against its target, taking its direction into account.
public enum KPIVerdict: String, Equatable, Sendable {
    case beat, met, missed
}

/// A number derived from a record's fields (a variance, a lift, a cost per click): a value,
/// missing because a field it needs is missing, or undefined because it would divide by
/// zero. Never stored: computed from the fields whenever it is shown or exported, so a
/// corrected cell corrects everything that depends on it.
public enum Measure: Equatable, Sendable {
    case value(Double)
    /// A field the measure needs is missing (named).
    case missing(String)
    /// The measure has no value: why, in words a reader of the brief understands.
    case undefined(String)

    public var value: Double? {
        if case .value(let x) = self { x } else { nil }
    }

    /// `part / whole`, or why there is none. `whole` of 0 makes the ratio undefined.
    static func ratio(_ part: Double?, _ partName: String, over whole: Double?, _ wholeName: String,
                      zero: String) -> Measure {
        guard let part else { return .missing(partName) }
        guard let whole else { return .missing(wholeName) }
        guard whole != 0 else { return .undefined(zero) }
        let x = part / whole
        return x.isFinite ? .value(x) : .undefined("too large to compute")
    }

    /// The relative change from `base` to `x`, in percent: (x − base) / |base| × 100.
    static func change(from base: Double?, _ baseName: String, to x: Double?, _ xName: String, zero: String) -> Measure {
        guard let x else { return .missing(xName) }
        guard let base else { return .missing(baseName) }
        guard base != 0 else { return .undefined(zero) }
        let percent = (x - base) / abs(base) * 100
        return percent.isFinite ? .value(percent) : .undefined("too large to compute")
    }
}

/// The middle value (the mean of the two middle ones for an even count); nil for none.
/// The patterns panel uses it rather than the mean: one viral post must not carry a tier.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

import DebriefKit
import Synchronization

/// The creators' patterns, grouped once per change of the table instead of on every frame:
/// grouping 1,000 creators three ways costs milliseconds, a frame should cost microseconds.
/// The app model starts a new memo whenever a record event is folded in, so a memo never
/// outlives the rows it was made from.
public final class PatternMemo: Sendable {
    private let groups = Mutex<[PatternDimension: [PatternGroup]]>([:])

    public init() {}

    func groups(_ creators: [Record], by dimension: PatternDimension) -> [PatternGroup] {
        if let cached = groups.withLock({ $0[dimension] }) { return cached }
        let computed = CreatorPatterns.groups(creators, by: dimension)
        groups.withLock { $0[dimension] = computed }
        return computed
    }
}

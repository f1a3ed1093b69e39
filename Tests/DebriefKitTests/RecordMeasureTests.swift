@testable import DebriefKit
import PropertyBased
import Testing

/// Variance, miss/beat, lift, costs, patterns and the content ranking are computed from the
/// fields, never stored: these pin what they say, including when they cannot say anything.
@Suite("Records: derived measures")
struct RecordMeasureTests {
    private func kpi(_ name: String, target: Double?, actual: Double?, better: String? = nil) -> Record {
        var fields: [String: FieldValue] = ["kpi": .text(name)]
        if let target { fields["target"] = .number(target) }
        if let actual { fields["actual"] = .number(actual) }
        if let better { fields["better"] = .text(better) }
        return Record(id: 1, table: .kpis, fields: fields)
    }

    private func creator(_ id: Int, _ fields: [String: FieldValue]) -> Record {
        Record(id: id, table: .creators, fields: fields.merging(["handle": .text("@c\(id)")]) { a, _ in a })
    }

    @Test func engagementRateMissedByTwentyTwoPointFivePercent() {
        let measures = KPIMeasures(kpi("Engagement rate", target: 4.0, actual: 3.1))
        #expect(measures.variance.value.map { ($0 * 10).rounded() / 10 } == -22.5)
        #expect(measures.verdict == .missed)
        #expect(measures.unit == .percent)
    }

    @Test func aCostUnderTargetIsABeat() {
        let cpe = KPIMeasures(kpi("CPE", target: 0.50, actual: 0.41))
        #expect(cpe.direction == .lower && cpe.unit == .money)
        #expect(cpe.verdict == .beat)
        #expect(cpe.variance.value! < 0, "variance keeps its sign; the verdict knows the direction")
        #expect(KPIMeasures(kpi("Sign-ups", target: 10, actual: 5, better: "lower")).verdict == .beat, "a given direction wins")
    }

    @Test func aTargetOfZeroHasNoVarianceAndSaysSo() {
        let measures = KPIMeasures(kpi("Complaints", target: 0, actual: 3))
        guard case .undefined(let why) = measures.variance else { Issue.record("expected undefined"); return }
        #expect(why.contains("target is 0"))
        #expect(measures.verdict == .beat, "3 against 0 still beats (or misses) the target")
    }

    @Test func aMissingTargetOrActualIsMissingNotZero() {
        #expect(KPIMeasures(kpi("Reach", target: nil, actual: 5)).variance == .missing("target"))
        #expect(KPIMeasures(kpi("Reach", target: 5, actual: nil)).variance == .missing("actual"))
        #expect(KPIMeasures(kpi("Reach", target: 5, actual: nil)).verdict == nil)
    }

    @Test func varianceProperties() async {
        await propertyCheck(count: 500, input: Gen.double(in: -1e9...1e9), Gen.double(in: -1e9...1e9)) { target, actual in
            let measures = KPIMeasures(kpi("Reach", target: target, actual: actual))
            if target == 0 {
                #expect(measures.variance.value == nil)
            } else {
                let variance = measures.variance.value!
                #expect(variance.isFinite)
                // Its sign is the sign of actual − target, whatever the target's sign.
                #expect((variance > 0) == (actual > target) && (variance < 0) == (actual < target))
                // Applying it to the target gives the actual back.
                #expect(abs(target + variance / 100 * abs(target) - actual) <= 1e-6 * max(1, abs(actual), abs(target)))
            }
            #expect((measures.verdict == .beat) == (actual > target))
            #expect((measures.verdict == .missed) == (actual < target))
        }
    }

    @Test func liftAndCostsFollowTheirDefinitions() async {
        await propertyCheck(count: 500, input: Gen.double(in: 0...30), Gen.double(in: 0...30), Gen.double(in: 0...100_000),
                            Gen.int(in: 0...10_000)) { sponsored, organic, fee, clicks in
            let measures = CreatorMeasures(creator(1, ["sponsored_er": .number(sponsored), "organic_er": .number(organic),
                                                       "fee": .number(fee), "clicks": .number(Double(clicks))]))
            if organic == 0 {
                #expect(measures.lift.value == nil)
            } else {
                #expect(abs(measures.lift.value! - (sponsored / organic - 1) * 100) < 1e-6)
                #expect((measures.lift.value! > 0) == (sponsored > organic))
            }
            if clicks == 0 {
                guard case .undefined = measures.costPerClick else { Issue.record("no clicks: undefined"); return }
            } else {
                #expect(abs(measures.costPerClick.value! * Double(clicks) - fee) < 1e-6 * max(1, fee))
            }
            #expect(measures.costPerConversion == .missing("conversions"))
        }
    }

    @Test func tierComesFromTheRowOrElseFromFollowers() {
        #expect(CreatorMeasures(creator(1, ["tier": .text("macro"), "followers": .number(5_000)])).tier == .macro)
        #expect(CreatorMeasures(creator(1, ["followers": .number(9_999)])).tier == .nano)
        #expect(CreatorMeasures(creator(1, ["followers": .number(10_000)])).tier == .micro)
        #expect(CreatorMeasures(creator(1, ["followers": .number(100_000)])).tier == .mid)
        #expect(CreatorMeasures(creator(1, ["followers": .number(500_000)])).tier == .macro)
        #expect(CreatorMeasures(creator(1, [:])).tier == nil)
    }

    @Test func patternsGroupByTierWithMedianLiftAndPooledCostPerConversion() {
        let creators = [
            creator(1, ["followers": .number(50_000), "sponsored_er": .number(6), "organic_er": .number(4),
                        "fee": .number(1_000), "conversions": .number(10)]),
            creator(2, ["followers": .number(20_000), "sponsored_er": .number(2), "organic_er": .number(4),
                        "fee": .number(500), "conversions": .number(40)]),
            creator(3, ["followers": .number(80_000), "sponsored_er": .number(4), "organic_er": .number(4)]),
            creator(4, ["tier": .text("nano"), "fee": .number(100), "conversions": .number(0)]),
            creator(5, [:]),
        ]
        let groups = CreatorPatterns.groups(creators, by: .tier)
        #expect(groups.map(\.name) == ["nano", "micro", nil], "small to large, the unknown last")
        let micro = groups[1]
        #expect(micro.count == 3)
        #expect(micro.medianLift == 0, "lifts +50, −50, 0: the median is 0")
        #expect(micro.costPerConversion == .value(1_500.0 / 50), "total fees over total conversions")
        guard case .undefined = groups[0].costPerConversion else { Issue.record("no conversions: undefined"); return }
        #expect(groups[0].medianLift == nil)
        #expect(groups[2].costPerConversion == .missing("fee and conversions"))
    }

    @Test func platformsGroupWhateverTheirCase() {
        let creators = [creator(1, ["platform": .text("TikTok")]), creator(2, ["platform": .text("instagram")]),
                        creator(3, ["platform": .text("tiktok")])]
        let groups = CreatorPatterns.groups(creators, by: .platform)
        #expect(groups.map(\.name) == ["TikTok", "instagram"])
        #expect(groups.map(\.count) == [2, 1])
    }

    @Test func medianOfEvenAndOddCounts() {
        #expect(median([]) == nil)
        #expect(median([3, 1, 2]) == 2)
        #expect(median([4, 1, 3, 2]) == 2.5)
    }

    @Test func contentTopAndBottomThreeNeverOverlapAndSkipMissingValues() {
        func piece(_ id: Int, _ views: Double?) -> Record {
            Record(id: id, table: .content, fields: ["piece": .text("p\(id)")].merging(views.map { ["views": .number($0)] } ?? [:]) { a, _ in a })
        }
        let pieces = [piece(1, 10), piece(2, 50), piece(3, nil), piece(4, 30), piece(5, 50), piece(6, 5)]
        let ranking = ContentRanking(pieces, by: "views")
        #expect(ranking.top.map(\.id) == [2, 5, 4], "ties keep the order they were added in")
        #expect(ranking.bottom.map(\.id) == [6, 1])
        #expect(ranking.unranked.map(\.id) == [3], "a missing value is not ranked as 0")
        #expect(ContentRanking.metrics.map(\.key).contains("er"))
        #expect(!ContentRanking.metrics.map(\.key).contains("hook"))
    }
}

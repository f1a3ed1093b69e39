/// What the meeting reads off a creator row: lift of the sponsored post's engagement over
/// the creator's organic rate, and what a click and a conversion cost from their fee.
public struct CreatorMeasures: Equatable, Sendable {
    /// (sponsored ER − organic ER) / organic ER, in percent.
    public let lift: Measure
    public let costPerClick: Measure
    public let costPerConversion: Measure
    /// Given in the row, or read from the follower count; nil when neither is there.
    public let tier: CreatorTier?

    public init(_ record: Record) {
        lift = .change(from: record.number("organic_er"), "organic ER", to: record.number("sponsored_er"), "sponsored ER",
                       zero: "the organic ER is 0, so there is no lift in percent")
        costPerClick = .ratio(record.number("fee"), "fee", over: record.number("clicks"), "clicks",
                              zero: "no clicks, so no cost per click")
        costPerConversion = .ratio(record.number("fee"), "fee", over: record.number("conversions"), "conversions",
                                   zero: "no conversions, so no cost per conversion")
        tier = record.text("tier").flatMap(CreatorTier.init(rawValue:))
            ?? record.number("followers").map(CreatorTier.of(followers:))
    }
}

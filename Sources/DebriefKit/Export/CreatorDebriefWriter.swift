#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `export --format creator --creator HANDLE`: a short, professional debrief for one
/// creator. Their numbers against their own organic rate and the campaign median, what
/// worked in their pieces, and only the notes `CreatorVisibility` lets through. Never
/// another creator's handle or figures, never an internal note, tag, fee or rating.
public enum CreatorDebriefWriter {
    /// Below this many creators with a figure, its median would come close to naming
    /// another creator's number (with two, it gives it away): the debrief leaves it out.
    public static let medianMinimum = 3

    /// The debrief, or nil when the session has no creator with this handle.
    public static func markdown(header: SessionHeader, state: MeetingState, handle: String,
                                timeZone: TimeZone? = nil) -> String? {
        guard let policy = CreatorVisibility(handle: handle, in: state),
              let creator = state.records(in: .creators).first(where: { $0.name == policy.handle }) else { return nil }
        let meeting = header.meeting
        let name = MarkdownText.inline(policy.handle)
        var out = "# Campaign debrief for \(name)\n\n"
        let about = [meeting.client, meeting.campaign].compactMap { $0 }.filter { !$0.isEmpty }
        let date = meeting.startDate.map { CalendarDay($0, in: timeZone).description } ?? String(meeting.startedAt.prefix(10))
        out += "_" + (about.map(MarkdownText.inline) + [MarkdownText.inline(date)]).joined(separator: " · ") + "_\n\n"
        out += "Thank you for your work on this campaign. Here is how your content performed, what worked, "
            + "and what we noted for next time.\n"
        out += numbers(creator, among: state.records(in: .creators), policy: policy)
        out += content(policy.pieces(in: state), state: state, policy: policy)
        let notes = policy.notes(in: state)
        if !notes.isEmpty {
            out += "\n## Notes from the team\n\n" + notes.map { "- \(MarkdownText.inline($0.text))\n" }.joined()
        }
        return out
    }

    /// The creator's figures beside their organic rate and the campaign's medians.
    static func numbers(_ creator: Record, among creators: [Record], policy: CreatorVisibility) -> String {
        var out = "\n## Your numbers\n\n"
        // Their own row's text can still name someone else ("collab with @leo"): left out then.
        let facts = [("Followers at campaign time", "followers"), ("Platform", "platform"), ("Format", "format")]
            .filter { creator[$0.1] != nil && !policy.namesAnother(creator.text($0.1) ?? "") }
            .map { "\($0.0): \(MarkdownText.inline(RecordText.field(creator, $0.1)))" }
        if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n\n" }
        var table = MarkdownTable(["", "You", "Campaign median"])
        func row(_ title: String, _ own: String, _ all: [Double], _ format: (Double?) -> String) {
            table.add([title, own, all.count >= medianMinimum ? format(DebriefKit.median(all)) : NumberText.missing])
        }
        let lifts = creators.compactMap { CreatorMeasures($0).lift.value }
        row("Engagement rate on the sponsored post", RecordText.field(creator, "sponsored_er"),
            creators.compactMap { $0.number("sponsored_er") }, NumberText.percent)
        row("Your usual (organic) engagement rate", RecordText.field(creator, "organic_er"), [], NumberText.percent)
        row("Lift over your organic rate", RecordText.change(CreatorMeasures(creator).lift), lifts, NumberText.signedPercent)
        row("Link clicks", RecordText.field(creator, "clicks"), creators.compactMap { $0.number("clicks") }, NumberText.count)
        row("Conversions", RecordText.field(creator, "conversions"),
            creators.compactMap { $0.number("conversions") }, NumberText.count)
        out += table.markdown
        out += "\nThe campaign median is the middle value of all \(NumberText.count(Double(creators.count))) creators; "
            + "it is left out (—) where fewer than \(medianMinimum) creators have the figure.\n"
        if let why = RecordText.reason(CreatorMeasures(creator).lift) { out += "The lift is not given: \(why).\n" }
        return out
    }

    /// The creator's pieces, best first by the campaign's ranking metric, each with its
    /// numbers and what the team wrote about its hook, brand timing and comments.
    static func content(_ pieces: [Record], state: MeetingState, policy: CreatorVisibility) -> String {
        var out = "\n## What worked in your content\n\n"
        guard !pieces.isEmpty else { return out + "No pieces of yours were reviewed in this session.\n" }
        let all = state.records(in: .content)
        let metric = ExportColumns.rankingMetric(all)
        let top = metric.map { ContentRanking(all, by: $0.key).top.map(\.id) } ?? []
        // Best first; pieces without the metric keep their order, last.
        let ordered = pieces.enumerated().sorted { a, b in
            let (x, y) = (metric.flatMap { a.element.number($0.key) }, metric.flatMap { b.element.number($0.key) })
            if let x, let y, x != y { return x > y }
            if (x == nil) != (y == nil) { return x != nil }
            return a.offset < b.offset
        }.map(\.element)
        for (number, piece) in ordered.enumerated() {
            let title = policy.namesAnother(piece.name) ? "Your piece \(number + 1)" : piece.name
            var line = "- **\(MarkdownText.inline(title))**"
            let about = ["format", "platform", "posted"].compactMap { piece.text($0) }.filter { !$0.isEmpty && !policy.namesAnother($0) }
            if !about.isEmpty { line += " (\(about.map(MarkdownText.inline).joined(separator: ", ")))" }
            let numbers = ["er", "views", "reach", "clicks", "conversions"].filter { piece[$0] != nil }
                .map { "\(RecordText.field(piece, $0)) \(ClientResults.words(for: $0))" }
            if !numbers.isEmpty { line += ": " + numbers.joined(separator: " · ") }
            if let metric, top.contains(piece.id) {
                line += ", among the campaign's top \(ContentRanking.size) by \(ClientResults.words(for: metric.key))"
            }
            out += line + "\n"
            for (label, key) in [("Hook", "hook"), ("Brand appears", "brand_timing"), ("What the comments said", "comments")] {
                guard let text = piece.text(key), !text.isEmpty, !policy.namesAnother(text) else { continue }
                out += "  - \(label): \(MarkdownText.inline(text))\n"
            }
        }
        return out
    }
}

import DebriefKit
import Foundation

/// A fixed post-mortem with every kind of item, tags, links, visibility marks, an edit,
/// a removal and all three tables of numbers: the session every export's golden file is
/// made from.
enum ExportFixtures {
    static let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Spring launch post-mortem", client: "Acme", campaign: "Spring", facilitator: "Dana",
        noteTaker: "Lee", startedAt: "2026-11-23T14:00:00Z"))

    static var events: [Event] {
        var s = MeetingScript(agenda: Fixtures.influencer)
        func add(_ id: Int, _ section: String, _ kind: NoteKind, _ text: String, owner: String? = nil, due: String? = nil) {
            s.record(.noteAdded(id: id, section: section, content: NoteContent(kind: kind, text: text, owner: owner, due: due)))
        }
        s.start("performance")
        importTables(&s)
        s.wait(minutes: 2)
        add(1, "performance", .note, "Reach 1.2M against a 1M target")
        s.record(.noteVisibility(id: 1, clientVisible: true))
        s.wait(minutes: 1)
        add(2, "performance", .note, "CPE 0.42 EUR, budget 95% spent")
        s.wait(minutes: 8)
        s.start("wrong")
        s.wait(minutes: 3)
        add(3, "wrong", .problem, "Brief lacked the target audience")
        s.record(.noteTagged(id: 3, rootCause: "process", severity: "critical"))
        s.wait(minutes: 2)
        add(4, "wrong", .problem, "Approvals took 6 days, posts slipped to a weekend")
        s.record(.noteTagged(id: 4, rootCause: "client-side", severity: "significant"))
        add(5, "wrong", .problem, "Tracking links missing on day one")
        s.record(.noteEdited(id: 5, content: NoteContent(kind: .problem, text: "Tracking links were not ready on day one")))
        s.record(.noteTagged(id: 5, rootCause: "tools", severity: nil))
        add(6, "wrong", .problem, "Creator Z was late | twice")
        s.record(.noteTagged(id: 6, rootCause: "process", severity: "minor"))
        add(7, "wrong", .question, "Did the client see the draft calendar?")
        add(8, "wrong", .note, "Maria thinks the brief template is the root of it -> fix the template first\n(Sam ran these numbers)")
        add(9, "wrong", .problem, "Duplicate of 3")
        s.record(.noteRemoved(id: 9))
        s.wait(minutes: 15)
        s.start("worked")
        add(10, "worked", .win, "Micro creators beat macro on engagement (4.1% vs 1.9%)")
        add(11, "worked", .win, "Internal: Sam's spreadsheet saved a day")
        s.record(.noteVisibility(id: 11, clientVisible: false))
        // For creators: marked client-visible and naming one creator; internal; naming two.
        add(15, "worked", .win, "@maya_eats: the 30-day hook carried the launch")
        s.record(.noteVisibility(id: 15, clientVisible: true))
        add(16, "worked", .note, "maya_eats asked for a higher fee next time")
        s.record(.noteVisibility(id: 16, clientVisible: false))
        add(17, "worked", .note, "@maya_eats and @leo.fit both posted on time")
        s.record(.noteVisibility(id: 17, clientVisible: true))
        add(18, "worked", .win, "@leo.fit: the gym-bag format drew 88k views")
        s.wait(minutes: 9)
        s.start("actions")
        add(12, "actions", .action, "Brief checklist before every creator brief", owner: "Maria", due: "2026-12-01")
        s.record(.noteLinked(id: 12, problem: 3))
        add(13, "actions", .action, "Agree a 48-hour approval window in the contract", owner: "Tom", due: "2027-01-15")
        s.record(.noteLinked(id: 13, problem: 4))
        add(14, "actions", .action, "=HYPERLINK(\"http://x\") test links on day zero", owner: nil, due: nil)
        s.record(.noteLinked(id: 14, problem: 5))
        // Learnings for the client's log: a problem rewritten forward, a win, an action,
        // a client-side problem left as typed (never sent raw) and a note naming people.
        s.record(.noteLearning(id: 3, learning: true))
        s.record(.learningRewritten(id: 3, text: "Creators aim better when the brief names the target audience"))
        s.record(.noteLearning(id: 13, learning: true))
        s.record(.noteLearning(id: 4, learning: true))
        s.record(.noteLearning(id: 8, learning: true))
        s.record(.noteVisibility(id: 12, clientVisible: true))
        add(15, "actions", .action, "Improve pixel QA")
        add(16, "actions", .win, "Story links drove 60% of clicks: lead with stories next time")
        s.record(.noteLearning(id: 16, learning: true))
        s.record(.noteVisibility(id: 15, clientVisible: true))
        s.wait(minutes: 7)
        s.record(.meetingEnded)
        return s.events
    }

    /// The three tables as `--data` imports them, at the start: KPIs (a beat, misses, a cost
    /// KPI that is better lower, a target of 0, a missing actual), four creators (a lift
    /// that is undefined, missing cells, tiers read from followers), seven pieces (one
    /// unranked, a formula-looking hook, a comment naming another creator).
    static func importTables(_ s: inout MeetingScript) {
        var id = 0
        func row(_ table: RecordTable, _ fields: [String: FieldValue]) {
            id += 1
            s.record(.recordAdded(id: id, table: table, fields: fields))
        }
        func kpi(_ name: String, _ target: Double?, _ actual: Double?, _ source: String?, unit: String? = nil) {
            var fields: [String: FieldValue] = ["kpi": .text(name)]
            if let target { fields["target"] = .number(target) }
            if let actual { fields["actual"] = .number(actual) }
            if let source { fields["target_source"] = .text(source) }
            if let unit { fields["unit"] = .text(unit) }
            row(.kpis, fields)
        }
        kpi("Reach", 1_000_000, 1_200_000, "historical")
        kpi("Engagement rate", 4.0, 3.1, "estimate")
        kpi("Link clicks", 20_000, 18_400, "client")
        kpi("Conversions", 0, 120, nil)
        kpi("CPE", 0.40, 0.42, "historical")
        kpi("CPM", 12, nil, "estimate", unit: "money")
        row(.creators, ["handle": .text("@maya_eats"), "platform": .text("Instagram"), "followers": .number(48_200),
                        "format": .text("reel"), "sponsored_er": .number(5.2), "organic_er": .number(3.9),
                        "clicks": .number(1_240), "conversions": .number(86), "fee": .number(1_800),
                        "draft_on_time": .bool(true), "revisions": .number(1), "rating": .number(5),
                        "brief_detail": .text("detailed")])
        row(.creators, ["handle": .text("@leo.fit"), "platform": .text("TikTok"), "followers": .number(310_000),
                        "format": .text("video"), "sponsored_er": .number(2.1), "organic_er": .number(2.8),
                        "clicks": .number(2_950), "conversions": .number(41), "fee": .number(6_500),
                        "draft_on_time": .bool(false), "revisions": .number(3), "rating": .number(3),
                        "brief_detail": .text("vague")])
        row(.creators, ["handle": .text("@nina.cooks"), "platform": .text("Instagram"), "followers": .number(8_900),
                        "format": .text("static"), "sponsored_er": .number(6.4), "organic_er": .number(0),
                        "clicks": .number(310), "conversions": .number(0), "fee": .number(400),
                        "draft_on_time": .bool(true), "revisions": .number(0), "rating": .number(4),
                        "brief_detail": .text("detailed")])
        row(.creators, ["handle": .text("@sam.style"), "platform": .text("instagram"), "followers": .number(72_000),
                        "format": .text("story"), "organic_er": .number(2.2), "conversions": .number(12),
                        "fee": .number(900), "brief_detail": .text("standard")])
        func piece(_ name: String, _ creator: String, _ format: String, er: Double?, views: Double?,
                   extra: [String: FieldValue] = [:]) {
            var fields: [String: FieldValue] = ["piece": .text(name), "creator": .text(creator), "format": .text(format)]
            if let er { fields["er"] = .number(er) }
            if let views { fields["views"] = .number(views) }
            row(.content, fields.merging(extra) { $1 })
        }
        piece("Morning routine reel", "@maya_eats", "reel", er: 6.1, views: 12_400, extra: [
            "clicks": .number(420), "conversions": .number(31), "hook": .text("I tried this for 30 days"),
            "brand_timing": .text("0:04"), "comments": .text("Many where-to-buy questions")])
        piece("Kitchen hack", "@maya_eats", "reel", er: 4.8, views: 9_800)
        piece("Gym bag check", "@leo.fit", "video", er: 1.9, views: 88_000, extra: [
            "clicks": .number(1_900), "brand_timing": .text("0:01"), "comments": .text("Sceptical: is this an ad?")])
        piece("Leg day", "@leo.fit", "video", er: 2.3, views: 61_000)
        piece("Flat lay", "@nina.cooks", "static", er: 6.4, views: 3_900, extra: [
            "hook": .text("=HYPERLINK(\"http://x\") best pan ever"), "comments": .text("Better than @maya_eats, says one")])
        piece("Story poll", "@sam.style", "story", er: 1.2, views: 5_100)
        piece("Outfit story", "@sam.style", "story", er: nil, views: 4_300)
    }

    /// The golden files show the start in local time: one fixed zone, whatever the machine's.
    static let zone = TimeZone(identifier: "Europe/Paris")!

    static var state: MeetingState { MeetingState.fold(agenda: header.agenda, events: events) }
    static let session = "2026-11-23-acme-spring"
}

/// Golden files live outside the test targets (Tests/Golden) so SwiftPM does not treat them
/// as resources. `DEBRIEF_UPDATE_GOLDEN=1 swift test` rewrites them; review the diff.
enum Golden {
    static let folder = Fixtures.repository.appending(path: "Tests/Golden")

    static func expected(_ name: String, actual: String) throws -> String {
        let url = folder.appending(path: name)
        if ProcessInfo.processInfo.environment["DEBRIEF_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}

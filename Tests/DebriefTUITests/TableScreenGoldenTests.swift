import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// The three tables on screen, whole, at the smallest screen Debrief runs on (60×16), the
/// classic 80×24, 100×30 and a 200×60 projector: typed in
/// through the real loop as a note-taker would (one form a row), then read off the frame the
/// terminal received. Compared with the files in Tests/Golden/screens.
@MainActor
@Suite("Tables on screen: KPIs, creators and patterns, content top and bottom 3")
struct TableScreenGoldenTests {
    nonisolated static let sizes = [TerminalSize(width: 60, height: 16), TerminalSize(width: 80, height: 24),
                                    TerminalSize(width: 100, height: 30), TerminalSize(width: 200, height: 60)]

    enum Shot: String, CaseIterable {
        case kpis, kpisFocused = "kpis-focused", creators, creatorsPatterns = "creators-patterns", content
        case contentByViews = "content-by-views", rowOpened = "row-opened"
        /// The room's view (F7) of each table.
        case projectorKPIs = "projector-kpis", projectorCreators = "projector-creators", projectorContent = "projector-content"
    }

    @Test("Each table", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: Shot.allCases, sizes)
    func table(_ shot: Shot, _ size: TerminalSize) throws {
        let run = try TableMeeting(size: size)
        switch shot {
        case .kpis: break
        case .kpisFocused: run.type(.key(.function(5)), .key(.down), .key(.down), .key(.right))
        case .creators: run.at("11:00", .key(.pageDown))
        case .creatorsPatterns: run.at("11:00", .key(.pageDown), .key(.function(5)), .key(.character("p")))
        case .content: run.at("11:00", .key(.pageDown), .key(.pageDown))
        case .contentByViews: run.at("11:00", .key(.pageDown), .key(.pageDown), .key(.function(6)))
        case .rowOpened: run.at("11:00", .key(.pageDown), .key(.function(5)), .key(.character("o")))
        case .projectorKPIs: run.type(.key(.function(7)))
        case .projectorCreators: run.at("11:00", .key(.pageDown), .key(.function(7)))
        case .projectorContent: run.at("11:00", .key(.pageDown), .key(.pageDown), .key(.function(7)))
        }
        try ScreenGolden.expect(run.terminal.screen, name: "table-\(shot.rawValue)-\(size.width)x\(size.height)",
                                title: "Table, \(shot.rawValue)")
    }
}

/// A meeting whose three tables were typed in as forms: seven KPIs (misses, beats, a
/// missing actual, a target of 0), five creators (one without an organic rate), seven
/// pieces of content (one without an ER), and notes pointing at a creator and a piece.
@MainActor
final class TableMeeting {
    let terminal: HeadlessTerminal
    let clock = TestClock()
    let recorder: MeetingRecorder
    let loop: MeetingLoop

    static let kpis = [
        "= reach target 1.2M actual 1.05M source history",
        "= impressions target 3M actual 3.4M source estimate",
        "= engagement rate target 4% actual 3.1% source client",
        "= link clicks target 40k actual 41,250 source history",
        "= conversions target 1,200 actual 870 source estimate",
        "= CPE target €0.12 actual €0.15 source history",
        "= CPM target 0 actual €8.40 source client",
        "= budget spent target €48k source client",
    ]

    static let creators = [
        "= @lena platform Instagram tier micro followers 18.4k format reel er 3.1% organic 2.4% clicks 1,240 conversions 61 fee €900 draft yes revisions 1 rating 4 brief detailed",
        "= @marco_fit platform TikTok followers 212k format video er 5.6% organic 6.1% clicks 4,800 conversions 130 fee €4,200 draft no revisions 3 rating 3 brief vague",
        "= @anna.cooks platform Instagram followers 7,900 format static er 4.4% organic 3.0% clicks 310 conversions 22 fee €350 draft yes rating 5 brief detailed",
        "= @tom_reviews platform YouTube followers 640k format long video er 2.2% clicks 9,100 conversions 402 fee €12k draft yes revisions 2 rating 4 brief standard",
        "= @jules platform TikTok followers 54k format video er 7.9% organic 5.2% clicks 0 fee €1,100 rating 4 brief detailed",
    ]

    static let content = [
        "= Unboxing reel creator @lena views 120k er 4.2% clicks 800 hook opens on the parcel brand 0:02",
        "= Gym routine creator @marco_fit views 410k er 5.1% clicks 2,900 hook \"a 30-second routine\" brand 0:12",
        "= Recipe carousel creator @anna.cooks views 22k er 6.3% clicks 190 brand first slide",
        "= Long review creator @tom_reviews views 380k er 1.9% clicks 6,100 brand 4:10",
        "= Duet challenge creator @jules views 260k er 8.8% clicks 400 brand 0:05",
        "= Story swipe-up creator @lena views 9,400 er 0.9% clicks 120",
        "= Teaser post creator @jules views 31k clicks 40",
    ]

    init(size: TerminalSize) throws {
        terminal = HeadlessTerminal(width: size.width, height: size.height)
        let header = SessionHeader(agenda: ScreenFixtures.agenda, meeting: ScreenFixtures.info)
        let store = SessionStore(folder: FileManager.default.temporaryDirectory.appending(path: "tables-\(UUID().uuidString)"))
        recorder = try MeetingRecorder.start(header: header, store: store, date: Date(timeIntervalSince1970: 1_795_442_400))
        let model = AppModel(meeting: MeetingState(agenda: header.agenda), info: header.meeting)
        loop = MeetingLoop(terminal: terminal, clock: clock, wall: clock, recorder: recorder, model: model)
        // Every table's forms are typed in the section that holds it; notes point at rows.
        var second = 10
        func enter(_ line: String) {
            move(to: second)
            terminal.type(text: line)
            terminal.type(.key(.enter))
            settle()
            second += 5
        }
        Self.kpis.forEach(enter)
        enter("Numbers first: the CPM target was never set")
        at("10:00", .key(.pageDown))
        second = 610
        Self.creators.forEach(enter)
        enter("@lena beat her organic rate with a detailed brief")
        enter("+ @anna.cooks converted best per euro")
        at("11:00", .key(.pageDown))
        second = 670
        Self.content.forEach(enter)
        enter("#c5 duet format worth repeating")
        at("11:00", .key(.pageUp), .key(.pageUp))
    }

    func at(_ time: String, _ inputs: Input...) {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        move(to: parts.reduce(0) { $0 * 60 + $1 })
        settle()
        for input in inputs { terminal.type(input) }
        settle()
    }

    func type(_ inputs: Input...) {
        for input in inputs { terminal.type(input) }
        settle()
    }

    private func settle() { loop.presentedFrame(on: terminal) }

    private func move(to second: Int) {
        clock.advance(byMilliseconds: second * 1000 - clock.now())
        loop.tick()
    }
}

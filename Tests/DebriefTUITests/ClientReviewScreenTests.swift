import DebriefKit
import Foundation
@testable import DebriefTUI
import Testing

/// `export --format client --review`: every line, going out or held back, and a key to
/// toggle one; a decision shows only once it was recorded.
@Suite("Client review screen")
struct ClientReviewScreenTests {
    static let lines = [
        ClientVisibility.Line(part: .results, noteID: 1, text: "Reach 1.2M against 1.5M", names: []),
        ClientVisibility.Line(part: .topContent, noteID: 4, text: "(Sam ran these reels)", names: ["sam"]),
        ClientVisibility.Line(part: .learned, noteID: 3, text: "Tracking live a day early", names: []),
    ]

    func render(_ model: ClientReviewModel) -> String {
        ClientReviewScreen.render(model, title: "Spring", size: TerminalSize(width: 80, height: 12)).text
    }

    @Test func itShowsEveryLineUnderItsPartWithWhetherItGoesOut() {
        let screen = render(ClientReviewModel(lines: Self.lines, decisions: [:]))
        let rows = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows[0] == "Client version · Spring · 2 going out, 1 held back")
        #expect(rows.contains("Results"))
        #expect(rows.contains("✓ out   Reach 1.2M against 1.5M"))
        #expect(rows.contains("Top-performing content"))
        #expect(rows.contains("✗ held  (Sam ran these reels)  (names sam)"))
        #expect(rows.contains("✓ out   Tracking live a day early"))
        #expect(screen.contains("Space Send / hold back") && screen.contains("q Done"))
    }

    @Test func spaceAsksToToggleTheSelectedLineAndTheScreenFollowsTheRecord() {
        var model = ClientReviewModel(lines: Self.lines, decisions: [:])
        #expect(model.handle(Key.down) == nil)
        #expect(model.handle(Key.character(" ")) == .decide(line: "top_content:4", include: true))
        #expect(render(model).contains("✗ held  (Sam"), "nothing changes before the decision is recorded")
        model.decided(line: "top_content:4", include: true)
        #expect(render(model).contains("✓ out   (Sam ran these reels)"))
        #expect(model.handle(Key.character(" ")) == .decide(line: "top_content:4", include: false))
        #expect(model.handle(Key.character("q")) == .done)
    }

    @MainActor @Test func theLoopRecordsEachToggleBeforeShowingIt() {
        let terminal = HeadlessTerminal(width: 80, height: 12)
        terminal.type(.key(.down), .key(.character(" ")), .key(.character("q")))
        var recorded: [String] = []
        let loop = ClientReviewLoop(terminal: terminal, model: ClientReviewModel(lines: Self.lines, decisions: [:]), title: "Spring") {
            recorded.append("\($0)=\($1)")
            return nil
        }
        loop.run { terminal.idleWaits > 0 }
        #expect(recorded == ["top_content:4=true"])
        #expect(loop.model.goesOut(Self.lines[1]))
    }
}

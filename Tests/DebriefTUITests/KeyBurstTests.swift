import DebriefKit
@testable import DebriefTUI
import Testing

/// Keys typed one at a time reach a terminal apart; keys pasted or typed faster than a
/// frame arrive together. The terminal says which (`keysMayBeWaiting`).
@MainActor
private final class KeyboardTerminal: Terminal {
    let size = TerminalSize(width: 80, height: 24)
    private var keys: [Input]
    /// The keys already arrived: a look for more finds them.
    private let arrivedTogether: Bool
    private(set) var frames: [String] = []
    /// Reads that looked for another key right after one (a zero timeout).
    private(set) var looksForMore = 0
    private(set) var waits = 0

    init(typing text: String, arrivedTogether: Bool) {
        keys = text.map { .key(.character($0)) }
        self.arrivedTogether = arrivedTogether
    }

    func present(_ canvas: Canvas) { frames.append(canvas.text) }

    var keysMayBeWaiting: Bool { arrivedTogether && !keys.isEmpty }

    func nextInput(timeoutMilliseconds: Int) -> Input? {
        if timeoutMilliseconds == 0 { looksForMore += 1 }
        guard !keys.isEmpty else {
            if timeoutMilliseconds > 0 { waits += 1 }
            return nil
        }
        return keys.removeFirst()
    }
}

@MainActor
@Suite("Keys that arrive apart each get their frame; keys that arrive together share one")
struct KeyBurstTests {
    private func typeIntoMeeting(_ text: String, arrivedTogether: Bool) throws -> KeyboardTerminal {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = KeyboardTerminal(typing: text, arrivedTogether: arrivedTogether)
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        _ = loop.run(stopRequested: { terminal.waits > 0 })
        return terminal
    }

    /// What the input line shows in each frame after the first (drawn before any key):
    /// the word after the prompt.
    private func typed(_ terminal: KeyboardTerminal) -> [String] {
        terminal.frames.dropFirst().compactMap { frame -> String? in
            let lines = frame.split(separator: "\n")
            guard let line = lines.first(where: { $0.contains("› ") }), let prompt = line.range(of: "› ") else { return nil }
            return String(line[prompt.upperBound...].prefix { $0 != " " })
        }
    }

    @Test func eachKeyTypedAloneIsOnScreenBeforeTheNextIsRead() throws {
        let terminal = try typeIntoMeeting("Late", arrivedTogether: false)
        #expect(typed(terminal) == ["L", "La", "Lat", "Late"])
        // No key cost a look for another before its frame: the terminal said none was there.
        #expect(terminal.looksForMore == 0)
    }

    @Test func keysThatArriveTogetherAreDrawnInOneFrame() throws {
        let terminal = try typeIntoMeeting("Late", arrivedTogether: true)
        #expect(typed(terminal) == ["Late"])
    }
}

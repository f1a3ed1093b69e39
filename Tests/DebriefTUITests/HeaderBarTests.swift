import DebriefKit
@testable import DebriefTUI
import Testing

@Suite("The header bar: a title cut at a word, never mid-word")
struct HeaderBarTests {
    static let info = MeetingInfo(title: "Spring launch post-mortem", client: "Acme", campaign: "Spring Sale",
                                  startedAt: "2026-11-23T14:00:00+01:00")

    static func header(width: Int, flag: (text: String, style: Style)? = nil) -> String {
        var canvas = Canvas(width: width, height: 1)
        HeaderBar.draw("Debrief", info: info, state: "● saved", style: .bar, flag: flag, in: &canvas)
        return canvas.lines[0]
    }

    /// The words of the full title that a header shows, "…" aside.
    static func shownWords(_ header: String) -> [Substring] {
        let left = header.components(separatedBy: "● saved")[0]
        return left.replacingOccurrences(of: "…", with: " ").split(separator: " ")
    }

    @Test("Every word the title shows is whole, and a cut title ends in …", arguments: [40, 50, 60, 66, 70, 80])
    func cutAtAWord(width: Int) {
        let full = "Debrief · Spring launch post-mortem · Acme / Spring Sale"
        let fullWords = full.split(separator: " ")
        for flag in [nil, (text: "PAUSED", style: Style.warning)] as [(text: String, style: Style)?] {
            let header = Self.header(width: width, flag: flag)
            for word in Self.shownWords(header).filter({ $0 != "PAUSED" }) {
                #expect(fullWords.contains(word), "“\(word)” is cut mid-word in: \(header)")
            }
            if !header.contains("Spring Sale") { #expect(header.contains("…"), "a cut title says so: \(header)") }
            #expect(header.contains("● saved"))
        }
    }

    @Test func aTitleThatFitsIsWhole() {
        #expect(Self.header(width: 120).contains("Debrief · Spring launch post-mortem · Acme / Spring Sale"))
        #expect(!Self.header(width: 120).contains("…"))
    }
}

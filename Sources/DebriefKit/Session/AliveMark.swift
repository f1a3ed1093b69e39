#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A journal-only line, `{"type":"alive","t":ms}`, written every few seconds while a
/// meeting runs. It changes nothing in the meeting; it tells a resume how far the clock
/// had got when Debrief stopped, even when nothing was captured for minutes before.
/// Session files never hold one: the recorder keeps marks out of its events.
struct AliveMark: Codable, Equatable {
    static let typeName = "alive"
    var type = AliveMark.typeName
    var t: Int
}

extension AliveMark {
    /// The mark as the journal holds it: the encoder's line (keys sorted, newline ended),
    /// written directly. It is written every five seconds of every meeting, idle or not, and
    /// JSONEncoder took more than its write; a test pins the two equal.
    var line: Data { Data("{\"t\":\(t),\"type\":\"\(AliveMark.typeName)\"}\n".utf8) }
}

/// `debrief search`: items of every session whose text holds the query, case and accents
/// ignored (folded as `ClientName` folds), with the session and section they are in.
public enum HistorySearch {
    public struct Hit: Sendable {
        public var session: SessionDigest
        public var item: SessionDigest.Item
    }

    public static func find(_ query: String, in sessions: [SessionDigest]) -> [Hit] {
        let folded = ClientName.fold(query)
        guard !folded.isEmpty else { return [] }
        let needle = Array(folded.utf8)
        var hits: [Hit] = []
        for session in sessions {
            for item in session.items where matches(item.text, needle: needle, folded: folded) {
                hits.append(Hit(session: session, item: item))
            }
        }
        return hits
    }

    /// Plain ASCII text (nearly all of it) is searched byte by byte, lowercasing and
    /// treating punctuation as a space the way `ClientName.fold` does; other text is folded.
    static func matches(_ text: String, needle: [UInt8], folded: String) -> Bool {
        var haystack: [UInt8] = []
        haystack.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return ClientName.fold(text).contains(folded) }
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if space && !haystack.isEmpty { haystack.append(0x20) }
                space = false
                haystack.append(lower)
            } else {
                space = true
            }
        }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}

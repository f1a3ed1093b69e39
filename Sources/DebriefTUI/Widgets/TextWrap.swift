import DebriefKit
import Synchronization

/// Word wrapping by display width: CJK and emoji count double, words longer than the line
/// are broken, explicit newlines start new lines.
public enum TextWrap {
    /// Every frame wraps the same prompts and notes again; remembering the last few hundred
    /// results makes a keystroke's frame cheap. Cleared when full: simple, and bounded.
    private static let cache = Mutex<[CacheKey: [String]]>([:])
    private static let cacheLimit = 512

    private struct CacheKey: Hashable {
        var text: String
        var width: Int
    }

    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let key = CacheKey(text: text, width: width)
        if let known = cache.withLock({ $0[key] }) { return known }
        let result = wrap(text, width: width)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    private static func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in words(String(paragraph)) {
                let wordWidth = DisplayWidth.of(word)
                if lineWidth + wordWidth <= width {
                    line += word
                    lineWidth += wordWidth
                    continue
                }
                if !line.trimmingTrailingSpaces.isEmpty { result.append(line.trimmingTrailingSpaces) }
                line = ""
                lineWidth = 0
                if word.allSatisfy({ $0 == " " }) { continue }
                for character in word {
                    let columns = DisplayWidth.of(character)
                    if lineWidth + columns > width {
                        result.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += columns
                }
            }
            result.append(line.trimmingTrailingSpaces)
        }
        return result
    }

    /// Words with the spaces that follow them, so rejoining loses nothing.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character != " ", current.last == " " {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

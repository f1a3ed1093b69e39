/// How many terminal columns a grapheme cluster takes. `wcwidth` is wrong for emoji
/// sequences (ZWJ families, VS16), so width is decided per cluster here.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // Most text is ASCII: answer it without the Unicode property lookups below, which
        // cost more than drawing the cell (the benchmark's render figures show it).
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isPlainNarrow(first.value), scalars.count == 1 { return 1 }
        return measured(scalars, first: first)
    }

    /// Latin letters with their accents precomposed, general punctuation (dashes, quotes,
    /// •, ‹›), arrows, box drawing and block elements (rules, bars) and geometric shapes
    /// (● ▶) short of the emoji ◽: alone, one column and never emoji (a test checks every
    /// one against `measured`). Every frame draws some of them, too often to look up.
    public static func isPlainNarrow(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0..<0x300, 0x2010..<0x2070, 0x2190..<0x2200, 0x2500..<0x25FD: return true
        default: return false
        }
    }

    /// A scalar that is a grapheme cluster of its own beside any other such scalar, one
    /// column wide and safe to show as it is: printable ASCII and the plain narrow symbols
    /// that are not invisible format characters. Text made of them is measured, and drawn,
    /// a scalar a column.
    public static func isPlainCell(_ scalar: Unicode.Scalar) -> Bool {
        // Arrows, box drawing and shapes hold no invisible format character: no look-up for
        // the rules every frame draws.
        (scalar.value >= 0x20 && scalar.value < 0x7F)
            || (isPlainNarrow(scalar.value) && (scalar.value >= 0x2190 || !VisibleText.isUnsafe(scalar)))
    }

    /// The width from Unicode's properties.
    static func measured(_ scalars: Character.UnicodeScalarView, first: Unicode.Scalar) -> Int {
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) { return 0 }
        // An emoji sequence (presentation selector, modifier, joiner, keycap, flag) is 2 wide.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D || $0.properties.isEmojiModifier }) {
            return first.properties.isEmoji ? 2 : 1
        }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(first.value) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        return 1
    }

    /// Inlinable: other modules measure Strings with it every frame, and the unspecialized
    /// generic walked the text through protocol witnesses.
    @inlinable
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII is one column a byte; word wrapping asks this for every word.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // So is text with the common symbols (● saved, › prompt): no cluster walk needed.
        if text.unicodeScalars.allSatisfy(isPlainCell) { return text.unicodeScalars.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// East Asian Wide or Fullwidth: the generated table (DisplayWidthTables.swift).
    static func isWide(_ value: UInt32) -> Bool {
        let index = wideRanges.partitioningIndex { $0.upperBound >= value }
        return index < wideRanges.count && wideRanges[index].contains(value)
    }
}

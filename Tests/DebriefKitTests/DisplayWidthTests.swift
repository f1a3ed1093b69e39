@testable import DebriefKit
import Testing

@Suite("Display width: columns a terminal gives each grapheme cluster")
struct DisplayWidthTests {
    @Test func chineseJapaneseKoreanAndFullwidthFormsAreTwoColumns() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ！") == 6, "fullwidth Latin and punctuation")
        #expect(DisplayWidth.of("\u{3000}") == 2, "ideographic space")
        #expect(DisplayWidth.of("ｱｲ") == 2, "halfwidth katakana stay one column")
        #expect(DisplayWidth.of("\u{20000}") == 2 && DisplayWidth.of("\u{3134A}") == 2, "ideograph planes 2 and 3")
        #expect(DisplayWidth.of("\u{16FE0}") == 2, "Tangut, which the hand-picked ranges missed")
    }

    @Test func emojiSequencesAreTwoColumnsWhateverTheirLength() {
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2, "ZWJ family")
        #expect(DisplayWidth.of("🏳️‍🌈") == 2, "ZWJ flag with VS16")
        #expect(DisplayWidth.of("❤️") == 2, "text-default heart with VS16")
        #expect(DisplayWidth.of("❤") == 1, "the same heart without VS16")
        #expect(DisplayWidth.of("✌🏽") == 2, "skin-tone modifier")
        #expect(DisplayWidth.of("1️⃣") == 2, "keycap")
        #expect(DisplayWidth.of("🇯🇵") == 2, "flag")
        #expect(DisplayWidth.of("😀") == 2 && DisplayWidth.of("⌚") == 2)
    }

    @Test func combiningMarksAddNoColumn() {
        #expect(DisplayWidth.of("e\u{301}\u{323}") == 1)
        #expect(DisplayWidth.of("n\u{303}o") == 2)
        #expect(DisplayWidth.of("\u{301}") == 0, "a lone combining mark")
        #expect(DisplayWidth.of("가\u{302}") == 2, "a mark on a wide letter keeps it two columns")
        #expect(DisplayWidth.of("Zürich café") == 11)
    }

    @Test func asciiIsOneColumnAByteAndControlsNone() {
        #expect(DisplayWidth.of("plain ASCII text") == 16)
        #expect(DisplayWidth.of(Character("\u{7}")) == 0)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
    }

    /// The generated table must stay a valid binary-search table after a regeneration.
    @Test func theGeneratedTableIsSortedAndDisjoint() {
        let ranges = DisplayWidth.wideRanges
        #expect(!ranges.isEmpty)
        for (before, after) in zip(ranges, ranges.dropFirst()) {
            #expect(before.upperBound + 1 < after.lowerBound, "0x\(String(before.upperBound, radix: 16)) then 0x\(String(after.lowerBound, radix: 16))")
        }
        #expect(DisplayWidth.isWide(ranges.first!.lowerBound) && DisplayWidth.isWide(ranges.last!.upperBound))
        #expect(!DisplayWidth.isWide(0) && !DisplayWidth.isWide(0x10FFFF))
    }
}

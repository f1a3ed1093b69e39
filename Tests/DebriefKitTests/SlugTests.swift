import DebriefKit
import TestSupport
import Testing

/// File names of sessions: accented Latin letters keep their letter, not a hyphen.
@Suite("Session names: accents folded")
struct SlugTests {
    @Test func accentedLettersBecomeTheirPlainLetter() {
        #expect(SessionStore.slug("Lumière") == "lumiere")
        #expect(SessionStore.slug("Straße Øresund Crème brûlée") == "strasse-oresund-creme-brulee")
        #expect(SessionStore.slug("Łódź Œuvre Ærø") == "lodz-oeuvre-aero")
        #expect(SessionStore.slug("Señor Dvořák") == "senor-dvorak")
    }

    @Test func combiningAccentsAreDroppedNotHyphenated() {
        #expect(SessionStore.slug("Lumie\u{300}re") == "lumiere")
    }

    @Test func scriptsWithoutALatinSpellingStillFallBack() {
        #expect(SessionStore.slug("日本") == "session")
        #expect(SessionStore.slug("Acme 日本 launch") == "acme-launch")
    }

    @Test func namesAreLowercaseLettersDigitsAndSingleHyphens() {
        #expect(SessionStore.slug("Q4 Launch — ACME_2026!") == "q4-launch-acme-2026")
        let pieces = ["A", "z", "Z9", " ", "-", "_", "é", "Ω", "日", "\u{301}", "ß", "İ", "K", "ﬁ", "🙂", "0"]
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let title = (0..<random.next(upTo: 12)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            let slug = SessionStore.slug(title)
            #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(title) → \(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(title) → \(slug)")
        }
    }
}

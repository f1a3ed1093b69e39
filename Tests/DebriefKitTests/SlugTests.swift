import DebriefKit
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
}

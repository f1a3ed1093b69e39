import DebriefKit
@testable import DebriefTUI
import Testing

/// Themes for rooms and projectors (issue 14 §5): what each maps the roles to, and that
/// meaning never rests on colour alone.
@Suite("Themes and meaning without colour")
struct ThemeTests {
    @Test func lightHasNoYellowTextForAWhiteBackground() {
        for role in ColorRole.allCases {
            #expect(Theme.light.colors(for: role).foreground != .yellow, "\(role) in light")
        }
    }

    @Test func contrastIsLightOnBlackEverywhereAndKeepsTheAttributes() {
        for role in ColorRole.allCases {
            #expect(Theme.contrast.colors(for: role).background == .black, "\(role) in contrast")
            #expect(Theme.contrast.colors(for: role).foreground != .black && Theme.contrast.colors(for: role).foreground != nil)
        }
        #expect(Theme.contrast.emphasizesRoles && !Theme.contrast.dimsText)
        #expect(!Theme.dark.emphasizesRoles && Theme.dark.dimsText)
    }

    @Test func everyRoleThatCarriesMeaningStandsOutWithoutColour() {
        let meaningful: [ColorRole] = [.accent, .bar, .warning, .alert, .key, .problem, .win, .action, .question]
        for role in meaningful {
            let emphasis = role.emphasis
            #expect(emphasis.bold || emphasis.underline || emphasis.reverse, "\(role) needs an attribute")
        }
    }

    /// The time cues say so in words and marks, with attributes, whatever the colours.
    @Test func theTimeCuesCarryAMarkAndAnAttribute() {
        let minute = 60_000
        let meeting = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 0).meeting
        let closing = Schedule(state: meeting, now: 8 * minute + 30_000)
        let over = Schedule(state: meeting, now: 10 * minute + 42_000)
        #expect(SectionClock.text(closing).hasPrefix("⚠") && SectionClock.style(closing).reverse)
        #expect(SectionClock.text(over).hasPrefix("OVER") && SectionClock.style(over).reverse)
        let caption = ProjectorScreen.caption(closing, cue: .closing)
        #expect(caption.text.hasPrefix("⚠") && caption.style.reverse)
        #expect(ProjectorScreen.caption(over, cue: .over).text == "+0:42 over")
    }
}

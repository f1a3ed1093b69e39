import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The full-screen commands (run, resume, replay) refuse a terminal that cannot show them
/// (TERM=dumb, an unknown TERM) with one line, before any journal is created.
@MainActor
enum TerminalRequirement {
    static func check(environment: [String: String] = ProcessEnvironment.variables) throws {
        if let refusal = CursesScreen.refusal(term: environment["TERM"]) {
            throw CommandError(refusal)
        }
    }
}

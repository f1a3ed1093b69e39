import DebriefKit

/// What `debrief --version` prints: the program's release, and the versions of the formats
/// other programs and other Debriefs read (the session file, the live link of `join`).
enum Version {
    static let release = "0.9.0"
    static let text = "debrief \(release) (session format \(SessionHeader.currentVersion), live link \(LiveMessage.version))"
}

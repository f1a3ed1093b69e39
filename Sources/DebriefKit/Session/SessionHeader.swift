#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The first line of a journal or session file: what meeting this is, on which agenda.
public struct SessionHeader: Codable, Equatable, Sendable {
    public static let formatName = "debrief-session"
    public static let currentVersion = 1

    public var type = "header"
    public var format = SessionHeader.formatName
    public var version = SessionHeader.currentVersion
    public var agenda: Agenda
    public var meeting: MeetingInfo

    public init(agenda: Agenda, meeting: MeetingInfo) {
        self.agenda = agenda
        self.meeting = meeting
    }
}

public struct MeetingInfo: Codable, Equatable, Sendable {
    public var title: String
    public var client: String?
    public var campaign: String?
    public var facilitator: String?
    public var noteTaker: String?
    /// Wall-clock start, ISO 8601 with offset, e.g. 2026-11-23T14:00:00+01:00.
    public var startedAt: String
    /// How much faster than real time the clock ran (1 in a real meeting).
    public var timeScale: Double

    public init(title: String, client: String? = nil, campaign: String? = nil, facilitator: String? = nil,
                noteTaker: String? = nil, startedAt: String, timeScale: Double = 1) {
        self.title = title
        self.client = client
        self.campaign = campaign
        self.facilitator = facilitator
        self.noteTaker = noteTaker
        self.startedAt = startedAt
        self.timeScale = timeScale
    }

    enum CodingKeys: String, CodingKey {
        case title, client, campaign, facilitator
        case noteTaker = "note_taker", startedAt = "started_at", timeScale = "time_scale"
    }

    public var startDate: Date? { CivilTime.parseISO8601(startedAt) }

    /// ISO 8601 with the zone's offset, `2026-11-23T15:00:00+01:00` (`Z` in UTC); `zone` nil
    /// is the machine's.
    public static func timestamp(_ date: Date, in zone: TimeZone? = nil) -> String {
        CivilTime.iso8601(date, offset: CivilTime.offset(at: date, in: zone))
    }
}

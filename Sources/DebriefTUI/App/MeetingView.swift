import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The few values the shared widgets draw (the agenda, the countdown, the tag tally): the
/// meeting, its time and where its wall clock starts. The console, the projector and the
/// replay each make one from their own model, so they draw the same widgets the same way.
public struct MeetingView: Sendable {
    public var meeting: MeetingState
    /// Meeting time of the frame.
    public var now: Int
    public var info: MeetingInfo
    /// The wall-clock moment at which meeting time was 0 (see `AppModel.clockZero`).
    public var clockZero: Date?

    public init(meeting: MeetingState, now: Int, info: MeetingInfo, clockZero: Date?) {
        self.meeting = meeting
        self.now = now
        self.info = info
        self.clockZero = clockZero
    }

    public var schedule: Schedule { Schedule(state: meeting, now: now) }
    /// Running behind: the minutes that would end the meeting on time (F8 accepts them).
    public var rebalance: [SectionMinutes]? { Rebalance.proposal(meeting, now: now) }
}

extension AppModel {
    /// What the shared widgets need of this terminal's model.
    public var meetingView: MeetingView { MeetingView(meeting: meeting, now: now, info: info, clockZero: clockZero) }
}

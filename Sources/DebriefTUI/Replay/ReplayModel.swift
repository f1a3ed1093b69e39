import DebriefKit

/// The replay screen's state: a position on the recorded meeting's timeline, the meeting
/// as it stood at that moment (always the fold of the events up to it), and the player
/// around it (playing or paused, speed, help). Read-only: nothing here writes a file.
public struct ReplayModel: Sendable {
    public static let speeds = [1, 4, 16, 64]
    public static let minute = 60_000

    public let timeline: ReplayTimeline
    public let info: MeetingInfo
    /// A journal of a meeting that never ended: replayed as far as it got.
    public let isInterrupted: Bool
    /// Meeting time being shown, in milliseconds.
    public private(set) var position = 0
    public private(set) var meeting: MeetingState
    private var eventsSeen: Int
    public private(set) var isPlaying = false
    public private(set) var speedIndex = 0
    public var showsHelp = false
    /// The meeting time of the last "Since last time" event: until then, the replay shows
    /// that step as the meeting saw it.
    private let sinceLastTimeEnd: Int?

    public init(timeline: ReplayTimeline, info: MeetingInfo, isInterrupted: Bool = false) {
        self.timeline = timeline
        sinceLastTimeEnd = timeline.events.last {
            switch $0.change {
            case .actionCarried, .actionFollowedUp: true
            default: false
            }
        }?.t
        self.info = info
        self.isInterrupted = isInterrupted
        position = timeline.start
        eventsSeen = timeline.eventCount(at: position)
        meeting = timeline.state(afterEvents: eventsSeen)
    }

    public var speed: Int { Self.speeds[speedIndex] }
    public var showsSinceLastTime: Bool {
        sinceLastTimeEnd.map { position <= $0 && !meeting.carriedActions.isEmpty } ?? false
    }
    public var duration: Int { timeline.duration }
    public var isAtEnd: Bool { position >= duration }

    /// The meeting as the meeting screen's widgets read it, at the replayed moment.
    public var appModel: AppModel {
        var model = AppModel(meeting: meeting, info: info)
        model.now = position
        return model
    }

    public mutating func seek(to t: Int) {
        position = min(max(timeline.start, t), duration)
        let count = timeline.eventCount(at: position)
        meeting = timeline.advance(meeting, from: eventsSeen, to: count)
        eventsSeen = count
    }

    /// Moves the replay on by this much wall time, at the current speed; stops at the end.
    public mutating func play(wallMilliseconds: Int) {
        guard isPlaying, wallMilliseconds > 0 else { return }
        seek(to: position + wallMilliseconds * speed)
        if isAtEnd { isPlaying = false }
    }

    /// What a key asks of the loop, beyond changing the model.
    public enum Request: Equatable, Sendable {
        case quit, suspend
    }

    /// Handles a key; returns what the loop must do about it, if anything.
    public mutating func handle(_ key: Key) -> Request? {
        if showsHelp {
            if ReplayKeyMap.command(for: key, in: .help) == .closeHelp { showsHelp = false }
            return nil
        }
        guard let command = ReplayKeyMap.command(for: key) else { return nil }
        return perform(command)
    }

    public mutating func perform(_ command: ReplayCommand) -> Request? {
        switch command {
        case .quit: return .quit
        case .suspend: return .suspend
        case .showHelp: showsHelp = true
        case .closeHelp: showsHelp = false
        case .togglePlay:
            if !isPlaying && isAtEnd { seek(to: timeline.start) }  // play again from the top
            isPlaying.toggle()
        case .slower: speedIndex = max(0, speedIndex - 1)
        case .faster: speedIndex = min(Self.speeds.count - 1, speedIndex + 1)
        case .stepForward: if let t = timeline.nextEventTime(after: position) { seek(to: t) }
        case .stepBack: seek(to: timeline.previousEventTime(before: position) ?? timeline.start)
        case .nextSection:
            if let start = timeline.sectionStarts.first(where: { $0.time > position }) { seek(to: start.time) }
        case .previousSection:
            // Like a media player: back to this section's start, or the one before if already there.
            let start = timeline.sectionStarts.last { $0.time < position }
            seek(to: start?.time ?? timeline.start)
        case .toStart: seek(to: timeline.start)
        case .toEnd: seek(to: duration)
        case .minuteBack: seek(to: position - Self.minute)
        case .minuteForward: seek(to: position + Self.minute)
        }
        return nil
    }
}

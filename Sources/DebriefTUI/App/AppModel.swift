import DebriefKit
import Foundation

/// What the app asks its loop to do, after handling an input.
public enum AppEffect: Equatable, Sendable {
    /// Record this change as an event (journal it, then fold it into the meeting).
    case record(Change)
    /// The meeting is over: write the session file and leave.
    case finish
    /// Leave the meeting unfinished, to resume later (Ctrl-C, then "leave").
    case leave
    /// Ctrl-Z: hand the terminal back to the shell until `fg`.
    case suspend
}

/// The state of the whole screen: the meeting (changed only by events) and the
/// interface around it (the note being typed, which overlay is open).
public struct AppModel: Sendable {
    public enum Overlay: Equatable, Sendable {
        case help
        case confirmEnd
        /// Ctrl-C: end, leave to resume later, or cancel.
        case interruptChoice
    }

    public private(set) var meeting: MeetingState
    public let info: MeetingInfo
    public let startDate: Date?
    public var editor = NoteEditor()
    public var overlay: Overlay?
    /// Meeting time of the frame being shown.
    public var now = 0
    /// Nil while every event is on disk; otherwise what went wrong, in plain words.
    public var storageProblem: String?

    public init(meeting: MeetingState, info: MeetingInfo) {
        self.meeting = meeting
        self.info = info
        startDate = info.startDate
    }

    /// Folds a recorded event into the meeting. The only way `meeting` changes.
    public mutating func apply(_ event: Event) {
        meeting.apply(event)
    }

    /// The events that open a meeting: the clock starts on the first section.
    public func startEffects() -> [AppEffect] {
        guard meeting.current == nil, let first = meeting.agenda.sections.first else { return [] }
        return [.record(.sectionStarted(section: first.id))]
    }

    public mutating func handle(_ input: Input) -> [AppEffect] {
        switch input {
        case .resize:
            return []
        case .paste(let text):
            if overlay == nil { editor.insert(text) }
            return []
        case .key(let key):
            if let overlay { return handle(key, in: overlay) }
            if let command = KeyMap.command(for: key) { return perform(command) }
            if case .character(let character) = key {
                editor.insert(String(character))
            }
            return []
        }
    }

    private mutating func handle(_ key: Key, in overlay: Overlay) -> [AppEffect] {
        switch overlay {
        case .help:
            if key == .escape || key == .function(1) || key == .enter || key == .character("q") { self.overlay = nil }
            return []
        case .confirmEnd:
            switch key {
            case .enter, .character("y"), .character("Y"), .function(10):
                self.overlay = nil
                return [.record(.meetingEnded), .finish]
            case .escape, .character("n"), .character("N"), .control("c"):
                self.overlay = nil
            default:
                break
            }
            return []
        case .interruptChoice:
            return handleInterruptChoice(key)
        }
    }

    private mutating func perform(_ command: Command) -> [AppEffect] {
        let sections = meeting.agenda.sections
        switch command {
        case .showHelp:
            overlay = .help
        case .endMeeting:
            overlay = .confirmEnd
        case .interrupt:
            overlay = .interruptChoice
        case .suspend:
            return [.suspend]
        case .nextSection:
            if let current = meeting.current, current + 1 < sections.count {
                return [.record(.sectionStarted(section: sections[current + 1].id))]
            }
        case .previousSection:
            if let current = meeting.current, current > 0 {
                return [.record(.sectionStarted(section: sections[current - 1].id))]
            }
        case .togglePause:
            return [.record(meeting.isPaused ? .clockResumed : .clockPaused)]
        case .extendSection:
            if let current = meeting.current {
                return [.record(.sectionExtended(section: sections[current].id, minutes: 5))]
            }
        case .commitNote:
            guard !editor.isBlank, let current = meeting.current else { return [] }
            let content = NoteParser.parse(editor.text)
            editor.clear()
            return [.record(.noteAdded(id: meeting.nextNoteID, section: sections[current].id, content: content))]
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .cursorLeft: editor.moveLeft()
        case .cursorRight: editor.moveRight()
        case .cursorHome: editor.moveHome()
        case .cursorEnd: editor.moveEnd()
        }
        return []
    }
}

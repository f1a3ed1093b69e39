import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the app asks its loop to do, after handling an input.
public enum AppEffect: Equatable, Sendable {
    /// Record this change as an event (journal it, then fold it into the meeting).
    case record(Change)
    /// Ask the meeting's writer to add a note: the writer picks its id. The loop hands the
    /// recorded event back to `noteRecorded(_:)`, which finishes the commit with that id.
    case addNote(section: String, content: NoteContent)
    /// When the meeting ends: save another terminal's unfinished note (its draft as last
    /// journalled, `terminal` nil for the host's) as a note; the writer picks its id.
    case saveUnfinishedNote(terminal: String?, section: String, content: NoteContent)
    /// Ask the writer to add a row to a table (a form typed in the input); it picks the id.
    case addRecord(table: RecordTable, fields: [String: FieldValue])
    /// The meeting is over: write the session file and leave.
    case finish
    /// Leave the meeting unfinished, to resume later (Ctrl-C, then "leave").
    case leave
    /// Hand the terminal back to the shell until `fg`.
    case suspend
}

/// The state of the whole screen: the meeting (changed only by events) and the
/// interface around it (the note being typed, focus, selection, which overlay is open).
/// Handling an input never changes the meeting directly: it returns events to record.
public struct AppModel: Sendable {
    public enum Focus: Equatable, Sendable {
        case input, list
        /// The section's table (F5): arrows move, Enter corrects a cell.
        case table
    }

    public enum Overlay: Equatable, Sendable {
        /// F1, scrolled down by `offset` lines on small screens.
        case help(offset: Int)
        /// F10: the open-items checklist and the confirmation.
        case confirmEnd
        /// Two keystrokes: a root cause (nil until chosen), then a severity.
        case tagging(noteID: Int, rootCause: String?)
        /// Which problem does this action answer? `candidates` are problem ids, keys 1–9.
        case linking(actionID: Int, candidates: [Int])
        /// Ctrl-C: end, leave to resume later, or cancel.
        case interruptChoice
        /// A row of a table opened in full (o in the table): every column, and the notes
        /// that point at it.
        case record(id: Int)
    }

    public private(set) var meeting: MeetingState {
        // Any change at all, wherever it is made: the screen redraws in full after one.
        didSet { meetingVersion &+= 1 }
    }
    /// Counts the changes of `meeting`: equal counts mean the same meeting, told without
    /// comparing 5,000 notes (see `IncrementalScreen`).
    public private(set) var meetingVersion = 0
    public let info: MeetingInfo
    public let startDate: Date?
    /// The wall-clock moment at which meeting time was 0 as the clock runs now: the start,
    /// or for a resumed meeting, later by the downtime that was not counted. Wall-clock
    /// times on screen ("ends ~15:40") count from here.
    public var clockZero: Date?
    /// The meeting's calendar day, against which "due fri" and "+3d" are resolved.
    public let today: CalendarDay?
    public var editor = NoteEditor()
    public var overlay: Overlay?
    public var focus = Focus.input
    public var selectedNoteID: Int?
    /// The section whose notes the list shows when looking back (the clock stays put).
    public var viewedSection: Int?
    /// Set while the editor holds a saved note being changed.
    public var editingNoteID: Int?
    /// With `editingNoteID`: the editor holds that note's learning as the log will say it
    /// (`w` in the list), not the note itself, which keeps its words.
    public var rewritingLearning = false
    /// The section the note in the input belongs to: the one on screen when typing began
    /// (a clicker's PageDown mid-note does not move it), or an edited note's own. Nil
    /// while the input is empty. Per terminal, so kept here and not in the meeting.
    public var noteSection: Int?
    /// What this terminal shows (`--view`, F7 switches): the console or the projector.
    public var view = ViewKind.notes
    /// The bell and the flash at a section's time up, once each (see `AppModel+TimeCues`).
    public var timeCues = TimeCues()
    /// The name this terminal joined another's meeting under (`debrief join`); nil on the
    /// host. Its draft is filed under this name in the journal.
    public var joinedAs: String?
    /// This terminal joined another's meeting: leaving takes it out of the meeting, which
    /// goes on; the host keeps the journal.
    public var isJoined: Bool { joinedAs != nil }
    /// Ctrl-P: the prompts the other way from what the screen's size chose (all of them,
    /// or one line that gives their rows to the notes). See `MeetingLayout`.
    public var promptsToggled = false
    /// The table's selection while it has focus: a record id and a column of its grid.
    public var selectedRecordID: Int?
    public var selectedColumn = 1
    /// The content column the top 3 and bottom 3 are ranked by, once m (or F6) chose one.
    public var chosenContentMetric: String?
    /// What the content is ranked by: the metric chosen, else the one the exports rank by
    /// (engagement rate, else the first number the pieces give: an Instagram export has
    /// views and reach but no rate).
    public var contentMetric: String {
        get { chosenContentMetric ?? rankingMetric }
        set { chosenContentMetric = newValue }
    }
    /// The metric the pieces are ranked by until one is chosen, found again only when the
    /// records change (read on every key, it must not walk them).
    private(set) var rankingMetric = "er"
    /// Narrow screens: the creators' patterns in the table's place (p).
    public var showsPatterns = false
    /// The creators' patterns as last grouped; replaced whenever a row changes.
    var patternMemo = PatternMemo()
    /// The shown table's rows as last formatted; replaced whenever a row changes.
    var tableRowMemo = TableRowMemo()
    /// The table pane as last drawn and the notes' pointers at rows; replaced whenever a
    /// row or a note changes.
    var tableFrameMemo = TableFrameMemo()
    /// A cell's form was opened from the table: saving it goes back there.
    var formFromTable = false
    /// A short message for the note-taker (what the parser could not understand…).
    public var message: String?
    /// Meeting time of the frame being shown.
    public var now = 0
    /// Monotonic wall time in milliseconds (never meeting time, which may be sped up) of the
    /// input being handled or the frame being drawn. The loop sets it from its injected
    /// clock; the pause before a picker takes keys is measured on it.
    public var wallTime = 0
    /// A picker that Enter opened, waiting for the typist to pause (see `AppModel+Overlays`).
    var waitingPicker: WaitingPicker?
    /// Where the F10 checklist jumps once the note it saved first is recorded.
    var jumpAfterSaving: OpenItem?
    /// Nil while every event is on disk; otherwise what went wrong, in plain words.
    public var storageProblem: String?
    /// What the last keys recorded is written but its fsync waits for their frame to go out
    /// (`MeetingLoop`): the header says "saving" until it is on disk.
    public var savingToDisk = false
    /// "Since last time", while it is on screen (per terminal); nil once left or skipped.
    public var sinceLastTime: SinceLastTimeStep?
    /// Open actions of earlier meetings, recorded when the meeting starts (`startEffects`).
    var carriedAtStart: [CarriedAction] = []
    var history: [String] = []
    var historyIndex: Int?
    var removedNoteIDs: [Int] = []
    /// Rows removed from a table here, the last one last: u in the table brings it back.
    var removedRecordIDs: [Int] = []

    public init(meeting: MeetingState, info: MeetingInfo) {
        self.meeting = meeting
        self.info = info
        startDate = info.startDate
        clockZero = info.startDate
        today = startDate.map { CalendarDay($0) }
        history = meeting.visibleNotes.map { NoteParser.typedForm(of: $0, numbers: meeting.problemNumbers) }
        findRankingMetric()
    }

    private mutating func findRankingMetric() {
        rankingMetric = ExportColumns.rankingMetric(meeting.records(in: .content))?.key ?? "er"
    }

    /// A resumed meeting whose clock restarts at `clockOffset` now: the unfinished note back
    /// in the input, in the section it was started in (a PageDown before the crash does not
    /// move it).
    public static func resuming(_ meeting: MeetingState, info: MeetingInfo, clockOffset: Int = 0, at date: Date = Date()) -> AppModel {
        var model = AppModel(meeting: meeting, info: info)
        model.clockZero = date.addingTimeInterval(-Double(clockOffset) / 1000 / max(0.001, info.timeScale))
        model.editor = NoteEditor(text: meeting.draft)
        if !meeting.draft.isEmpty {
            model.noteSection = meeting.draftSection.flatMap { meeting.agenda.sectionIndex(id: $0) }
        }
        return model
    }

    /// Folds a recorded event into the meeting. The only way `meeting` changes.
    public mutating func apply(_ event: Event) {
        let version = meetingVersion
        meeting.apply(event)
        // The journalled draft is not drawn (the input is): saving it, at every pause in
        // typing, keeps the frame on screen.
        if case .draftChanged = event.change { meetingVersion = version }
        switch event.change {
        case .recordAdded, .recordEdited, .recordRemoved, .recordRestored:
            patternMemo = PatternMemo()
            tableRowMemo = TableRowMemo()
            tableFrameMemo = TableFrameMemo()
            findRankingMetric()
        case .noteAdded, .noteEdited, .noteRemoved, .noteRestored:
            tableFrameMemo = TableFrameMemo()
        default: break
        }
        if let selectedNoteID, meeting.note(id: selectedNoteID)?.isRemoved ?? true { self.selectedNoteID = nil }
    }

    /// The events that open a meeting: the clock starts on the first section.
    public func startEffects() -> [AppEffect] {
        var effects: [AppEffect] = []
        if meeting.current == nil, let first = meeting.agenda.sections.first {
            effects.append(.record(.sectionStarted(section: first.id)))
        }
        // Rows imported from data files may have opened the meeting already: the carried
        // actions are recorded once, whoever started the clock.
        if meeting.carriedActions.isEmpty { effects += carriedAtStart.map { .record(.actionCarried($0)) } }
        return effects
    }

    /// The section whose notes are listed: the one being looked back at, else the current one.
    public var listedSection: Int { viewedSection ?? meeting.current ?? 0 }
    public var listedNotes: VisibleNotes { meeting.visibleNotes(inSection: listedSection) }
    public var keyContext: KeyContext {
        if sinceLastTime != nil { return .sinceLastTime }
        switch focus {
        case .list: return .list
        case .table: return .table
        case .input: return .typing
        }
    }

    /// The note being edited, as a person finds it: "problem #2" (`#N` is a problem's
    /// number, never a note id), else "the note from 12:04".
    public var editedNoteName: String? {
        guard let id = editingNoteID, let note = meeting.note(id: id) else { return nil }
        let name = note.kind == .problem ? "problem " + meeting.problemNumbers.label(of: id)
            : "the \(note.kind == .question ? "question" : note.kind.rawValue) from \(DurationText.clock(note.t))"
        return rewritingLearning ? "the learning from \(name), for the log" : name
    }

    /// Where Enter would save the note in the input: the section it was started in, else
    /// the one on screen (the section looked back at, or the current one).
    public var inputSection: Int { noteSection ?? listedSection }

    public mutating func handle(_ input: Input) -> [AppEffect] {
        let effects = handleInput(input)
        // The input's section is fixed when typing starts (an edit keeps its note's) and
        // forgotten when the input empties or its note is saved.
        if editor.text.isEmpty {
            noteSection = nil
        } else if let editing = editingNoteID, let note = meeting.note(id: editing) {
            noteSection = note.section
        } else if noteSection == nil {
            noteSection = listedSection
        }
        return effects
    }

    private mutating func handleInput(_ input: Input) -> [AppEffect] {
        // Anything typed before the pause is typing, never a choice: the picker stays shut.
        if input != .resize { waitingPicker = nil }
        switch input {
        case .resize:
            return []
        case .suspend:
            return [.suspend]
        case .unknownSequence(let name):
            message = "Unknown key \(VisibleText.line(name)) ignored"
            return []
        case .heldAfterPaste(let key):
            message = "\(key.label) came with the paste and was not taken: press it again"
            return []
        case .paste(let text):
            switch overlay {
            case .help, .confirmEnd, .interruptChoice, .record: return []
            case .tagging, .linking: overlay = nil
            case nil: break
            }
            if view == .projector {
                message = Self.projectorTypingHint
                return []
            }
            sinceLastTime = nil  // a paste is note-taking: the meeting is under way
            if let rows = pasteAsRows(text) { return rows }
            focus = .input
            insertWithinNoteLimit(text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n"),
                                  pasted: true)
            return []
        case .key(let key):
            message = nil
            if let overlay, let effects = handle(key, in: overlay) { return effects }
            if overlay == nil, sinceLastTime != nil, let effects = handleSinceLastTime(key) { return effects }
            if refusedOnProjector(key) { return [] }
            if let command = KeyMap.command(for: key, in: keyContext) { return perform(command) }
            if case .character(let character) = key {
                // Typing with the list focused goes to the note: a keystroke is never lost.
                focus = .input
                historyIndex = nil
                insertWithinNoteLimit(String(character), pasted: false)
                message = message ?? NoteParser.secondOwnerWarning(in: editor.text)  // flagged as typed, not only on Enter
            }
            return []
        }
    }

    private mutating func perform(_ command: Command) -> [AppEffect] {
        let sections = meeting.agenda.sections
        switch command {
        case .showHelp:
            overlay = .help(offset: 0)
        case .endMeeting:
            overlay = .confirmEnd
        case .interrupt:
            overlay = .interruptChoice
        case .suspend:
            return [.suspend]
        case .nextSection, .previousSection:
            guard let current = meeting.current else { return [] }
            let target = current + (command == .nextSection ? 1 : -1)
            guard sections.indices.contains(target) else { return [] }
            viewedSection = nil
            selectedNoteID = nil
            if focus == .table { leaveTable() }
            // A pause carries into the next section: say so, or the room thinks the clock runs.
            if meeting.isPaused { message = "The clock is still paused: F2 resumes" }
            return [.record(.sectionStarted(section: sections[target].id))]
        case .togglePause:
            return [.record(meeting.isPaused ? .clockResumed : .clockPaused)]
        case .extendSection:
            if let current = meeting.current {
                return [.record(.sectionExtended(section: sections[current].id, minutes: 5))]
            }
        case .switchFocus:
            focus = focus == .input ? .list : .input
            if focus == .list, selectedNoteID == nil { selectedNoteID = listedNotes.last?.id }
            if focus == .list, listedNotes.isEmpty { focus = .input; message = "No notes in this section yet" }
        case .tagProblem:
            openTagPicker()
            // F4 is explicit: its picker takes a number at once, unless text is being typed.
            if focus == .input, !editor.isBlank { letPickerWait() }
        case .togglePrompts:
            promptsToggled.toggle()
        case .switchView:
            switchView()
        case .rebalanceAgenda:
            return rebalanceAgenda()
        case .focusTable:
            enterTable()
        case .switchMetric:
            switchMetric()
        default:
            switch focus {
            case .list: return performInList(command)
            case .table: return performInTable(command)
            case .input: return performTyping(command)
            }
        }
        return []
    }

    mutating func openTagPicker() {
        let selected = focus == .list ? selectedNoteID.flatMap(meeting.note(id:)) : nil
        let problems = meeting.visibleNotes.filter { $0.kind == .problem }
        let target = selected?.kind == .problem ? selected
            : problems.last { !$0.isTagged && $0.section == meeting.current } ?? problems.last { !$0.isTagged }
        guard let target else {
            message = selected == nil ? "No untagged problem: start a note with ! to capture one" : "Only problems are tagged: select a problem"
            return
        }
        overlay = .tagging(noteID: target.id, rootCause: nil)
    }
}

import DebriefKit

/// The note input: editing keys, history, and saving a note (new or edited).
extension AppModel {
    /// Whether a character typed now (one of `textKeys`) would go to the end of the note
    /// input's text and change nothing else the screen shows (the keystroke of nearly all
    /// typing): what lets the terminal show it before the model takes it
    /// (`IncrementalScreen.echoPlace`). The frame that follows corrects the screen whenever
    /// this says yes wrongly.
    public var appendsTypedText: Bool {
        overlay == nil && sinceLastTime == nil && view == .notes && focus == .input && message == nil
            && editor.cursorIsAtEnd && editor.text.utf8.count < Limits.noteBytes
    }

    /// The printable ASCII keys that type themselves into the focused input (none is a command there).
    public static let textKeys = ASCIISet((0x20..<0x7F).filter { byte in
        KeyMap.command(for: .character(Character(UnicodeScalar(byte))), in: .typing) == nil
    })

    mutating func performTyping(_ command: Command) -> [AppEffect] {
        if command != .cursorUp, command != .cursorDown { historyIndex = nil }
        switch command {
        case .commitNote: return commit()
        case .insertNewline: insertWithinNoteLimit("\n", pasted: false)
        case .cancelEdit: cancelEditing()
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .killToLineEnd: editor.killToLineEnd()
        case .killToLineStart: editor.killToLineStart()
        case .undo: editor.undo()
        case .undoOrSuspend:
            guard editor.canUndo else { return [.suspend] }
            editor.undo()
        case .cursorLeft: editor.moveLeft()
        case .cursorRight: editor.moveRight()
        case .wordLeft: editor.moveWordLeft()
        case .wordRight: editor.moveWordRight()
        case .lineStart: editor.moveLineStart()
        case .lineEnd: editor.moveLineEnd()
        case .cursorUp: if historyIndex != nil || editor.text.isEmpty || !editor.moveUp() { recallHistory(by: -1) }
        case .cursorDown: if historyIndex != nil || !editor.moveDown() { recallHistory(by: 1) }
        default: break
        }
        return []
    }

    /// Up in an empty input walks back through the notes saved so far; Down walks forward
    /// and, past the newest, empties the input again.
    private mutating func recallHistory(by step: Int) {
        guard !history.isEmpty, editingNoteID == nil else { return }
        guard historyIndex != nil || editor.text.isEmpty else { return }
        let index = (historyIndex ?? history.count) + step
        if index >= history.count {
            historyIndex = nil
            editor.setText("")
        } else if index >= 0 {
            historyIndex = index
            editor.setText(history[index])
        }
    }

    /// Esc: stop editing a saved note; else, when looking back at an earlier section,
    /// return to the current one (a note already started keeps its section).
    private mutating func cancelEditing() {
        guard editingNoteID != nil else {
            viewedSection = nil
            selectedNoteID = nil
            return
        }
        editingNoteID = nil
        rewritingLearning = false
        editor.clear()
        focus = .list
    }

    /// Ends the meeting. Text still in the input is saved first (as a note, or as the edit
    /// it was): ending never throws away what was typed.
    mutating func endMeeting() -> [AppEffect] {
        if let problem = noteLimitProblem {
            // The input cannot be saved as it is, and ending would lose it: stay.
            overlay = nil
            message = problem
            return []
        }
        let saved = commit()
        overlay = nil
        return saved + otherTerminalsNotes.map { .saveUnfinishedNote(terminal: $0.terminal, section: $0.section, content: $0.content) }
            + [.record(.meetingEnded), .finish]
    }

    /// The unfinished notes of the meeting's other terminals (the host's, and every joined
    /// one's but this one's), as their drafts were last journalled: ending the meeting from
    /// any terminal saves them, so nothing typed anywhere is lost. A table form (`=`) is
    /// not a note and stays a draft.
    var otherTerminalsNotes: [(terminal: String?, section: String, content: NoteContent)] {
        guard let current = meeting.current else { return [] }
        var drafts = meeting.terminalDrafts.filter { $0.key != joinedAs }.map { (terminal: Optional($0.key), draft: $0.value) }
            .sorted { ($0.terminal ?? "") < ($1.terminal ?? "") }
        if isJoined, !meeting.draft.isEmpty {
            drafts.insert((nil, TerminalDraft(text: meeting.draft, section: meeting.draftSection)), at: 0)
        }
        let sections = meeting.agenda.sections
        return drafts.compactMap { terminal, draft in
            let text = draft.text
            guard !text.allSatisfy(\.isWhitespace), !RecordFormParser.isForm(text) else { return nil }
            let section = draft.section.flatMap { meeting.agenda.sectionIndex(id: $0) } ?? current
            return (terminal, sections[section].id, NoteParser.parse(text, today: today).content)
        }
    }

    /// After another terminal ended the meeting: the input's text when no note saved at the
    /// end reads as it (typed after its draft was last journalled, or an edit in progress),
    /// to be kept outside the meeting. Nil when the input is empty or was saved.
    public var inputLeftOut: String? {
        guard let text = unsavedInput else { return nil }
        guard editingNoteID == nil, !RecordFormParser.isForm(text) else { return text }
        let content = NoteParser.parse(text, today: today).content
        return meeting.notes.suffix(64).contains { $0.content == content } ? nil : text
    }

    /// What is in the input, which ending would save; nil when there is nothing to save.
    public var unsavedInput: String? {
        editor.isBlank ? nil : editor.text
    }

    /// Saves the input: an edit, or a new note. A new note is first sent to the writer,
    /// which picks its id; the loop then calls `noteRecorded`, which comes back here with
    /// `added` (the id) to finish: clear the input, link the action, open the pickers.
    mutating func commit(addedAs added: Int? = nil) -> [AppEffect] {
        guard !editor.isBlank, let current = meeting.current else { return [] }
        if added == nil, let problem = noteLimitProblem {
            // Kept in the input, nothing recorded: never "saved" for what could not be read back.
            message = problem
            return []
        }
        let typed = editor.text
        if rewritingLearning, let editing = editingNoteID { return saveLearningRewrite(typed, of: editing) }
        // A line starting with = is a row of the section's table, not a note.
        if added == nil, editingNoteID == nil, RecordFormParser.isForm(typed) { return commitForm(typed) }
        let parsed = NoteParser.parse(typed, today: today)
        var effects: [AppEffect]
        let id: Int
        if let editing = editingNoteID, let original = meeting.note(id: editing) {
            id = editing
            effects = original.content == parsed.content ? [] : [.record(.noteEdited(id: id, content: parsed.content))]
            if original.isLearning != parsed.isLearning { effects.append(.record(.noteLearning(id: id, learning: parsed.isLearning))) }
            editingNoteID = nil
            focus = .list
            selectedNoteID = id
        } else if let added {
            id = added
            effects = parsed.isLearning ? [.record(.noteLearning(id: id, learning: true))] : []
            history.append(typed)
        } else {
            return [.addNote(section: meeting.agenda.sections[noteSection ?? current].id, content: parsed.content)]
        }
        editor.clear()
        noteSection = nil
        historyIndex = nil
        var warnings = parsed.warnings

        switch parsed.content.kind {
        case .problem:
            if meeting.note(id: id)?.isTagged != true { overlay = .tagging(noteID: id, rootCause: nil) }
        case .action:
            if let number = parsed.problem {
                // `#N` is the problem's number as the list shows it, not a note id.
                if let problem = meeting.problem(numbered: number)?.id {
                    if meeting.note(id: id)?.problem != problem { effects.append(.record(.noteLinked(id: id, problem: problem))) }
                } else {
                    warnings.append("there is no problem #\(number); link it with l in the list (Tab)")
                }
            } else if meeting.note(id: id)?.problem == nil {
                openLinkPicker(for: id)
            }
        default:
            break
        }
        if !warnings.isEmpty { message = warnings.joined(separator: "; ") }
        letPickerWait()
        return effects
    }

    /// Enter while rewriting a learning (`w`): the log's words change, the note's do not.
    /// Emptied, the learning goes back to the note's own words.
    private mutating func saveLearningRewrite(_ typed: String, of id: Int) -> [AppEffect] {
        let text = typed.trimmingWhitespaceAndNewlines()
        let note = meeting.note(id: id)
        editingNoteID = nil
        rewritingLearning = false
        editor.clear()
        noteSection = nil
        focus = .list
        selectedNoteID = id
        guard let note, text != note.learning else { return [] }
        message = "Learning rewritten for the log; the note keeps its words"
        return [.record(.learningRewritten(id: id, text: text == note.text ? "" : text))]
    }

    /// The writer recorded the note `commit` sent: finish the commit with the note's id. If
    /// the meeting did not take the note, it is not saved: the text stays in the input and
    /// the message line says why.
    public mutating func noteRecorded(_ event: Event) -> [AppEffect] {
        guard case .noteAdded(let id, _, let content) = event.change else { return [] }
        let jump = jumpAfterSaving
        jumpAfterSaving = nil
        guard let added = meeting.notes.last, added.id == id, added.content == content, added.t == event.t else {
            let why = meeting.hasEnded ? "the meeting has ended" : meeting.note(id: id) != nil ? "note id \(id) is taken" : "its section is not in the agenda"
            message = "Not saved (\(why)): the note is still in the input"
            return []
        }
        let effects = commit(addedAs: id)
        if let jump { self.jump(to: jump) }
        return effects
    }

    /// The host recorded a note after this terminal stopped waiting ("Not saved: … did not
    /// answer"). If the input still holds that note, finish it now, so Enter does not add it
    /// twice; if it was changed since, it is the typist's new text and stays.
    public mutating func lateNoteRecorded(_ event: Event) -> [AppEffect] {
        guard case .noteAdded(let id, _, let content) = event.change, meeting.note(id: id) != nil,
              editingNoteID == nil, !editor.isBlank, !RecordFormParser.isForm(editor.text),
              NoteParser.parse(editor.text, today: today).content == content else { return [] }
        message = "Saved after all: the meeting's host answered late."
        // A dialog opened while waiting (help, the end) stays open: the note's picker would
        // replace it unasked; F4 and l still tag and link the note later.
        let open = overlay
        let effects = commit(addedAs: id)
        if let open { overlay = open }
        return effects
    }
}

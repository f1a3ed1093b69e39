import DebriefKit

/// The note input: editing keys, history, and saving a note (new or edited).
extension AppModel {
    mutating func performTyping(_ command: Command) -> [AppEffect] {
        if command != .cursorUp, command != .cursorDown { historyIndex = nil }
        switch command {
        case .commitNote: return commit()
        case .insertNewline: editor.insertNewline()
        case .cancelEdit: cancelEditing()
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .killToLineEnd: editor.killToLineEnd()
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
        editor.clear()
        focus = .list
    }

    /// Ends the meeting. Text still in the input is saved first (as a note, or as the edit
    /// it was): ending never throws away what was typed.
    mutating func endMeeting() -> [AppEffect] {
        let saved = commit()
        overlay = nil
        return saved + [.record(.meetingEnded), .finish]
    }

    /// What is in the input, which ending would save; nil when there is nothing to save.
    public var unsavedInput: String? {
        editor.isBlank ? nil : editor.text
    }

    mutating func commit() -> [AppEffect] {
        guard !editor.isBlank, let current = meeting.current else { return [] }
        let typed = editor.text
        let parsed = NoteParser.parse(typed, today: today)
        var effects: [AppEffect]
        let id: Int
        if let editing = editingNoteID, let original = meeting.note(id: editing) {
            id = editing
            effects = original.content == parsed.content ? [] : [.record(.noteEdited(id: id, content: parsed.content))]
            editingNoteID = nil
            focus = .list
            selectedNoteID = id
        } else {
            id = meeting.nextNoteID
            effects = [.record(.noteAdded(id: id, section: meeting.agenda.sections[noteSection ?? current].id, content: parsed.content))]
            history.append(typed)
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
        return effects
    }
}

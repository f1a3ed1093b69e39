import DebriefKit

/// The note input: editing keys, history, and saving a note (new or edited).
extension AppModel {
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

    private mutating func cancelEditing() {
        guard editingNoteID != nil else { return }
        editingNoteID = nil
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
        return saved + [.record(.meetingEnded), .finish]
    }

    /// What is in the input, which ending would save; nil when there is nothing to save.
    public var unsavedInput: String? {
        editor.isBlank ? nil : editor.text
    }

    mutating func commit() -> [AppEffect] {
        guard !editor.isBlank, let current = meeting.current else { return [] }
        if let problem = noteLimitProblem {
            // Kept in the input, nothing recorded: never "saved" for what could not be read back.
            message = problem
            return []
        }
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
            effects = [.record(.noteAdded(id: id, section: meeting.agenda.sections[current].id, content: parsed.content))]
            history.append(typed)
        }
        editor.clear()
        historyIndex = nil
        var warnings = parsed.warnings

        switch parsed.content.kind {
        case .problem:
            if meeting.note(id: id)?.isTagged != true { overlay = .tagging(noteID: id, rootCause: nil) }
        case .action:
            if let problem = parsed.problem {
                if meeting.note(id: problem)?.kind == .problem, meeting.note(id: problem)?.isRemoved == false {
                    if meeting.note(id: id)?.problem != problem { effects.append(.record(.noteLinked(id: id, problem: problem))) }
                } else {
                    warnings.append("#\(problem) is not a problem; link it with l in the list (Tab)")
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

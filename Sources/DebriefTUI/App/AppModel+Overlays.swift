import DebriefKit

/// Keys while an overlay is open. The pickers take only their own keys: anything else
/// closes them and goes on to the note, so tagging never holds up typing.
extension AppModel {
    /// The effects of the key, or nil when the key passes through to the screen below.
    mutating func handle(_ key: Key, in overlay: Overlay) -> [AppEffect]? {
        switch overlay {
        case .help(let offset):
            switch key {
            case .down, .pageDown, .character(" "): self.overlay = .help(offset: offset + (key == .down ? 1 : 10))
            case .up, .pageUp: self.overlay = .help(offset: max(0, offset - (key == .up ? 1 : 10)))
            case .escape, .function(1), .enter, .character("q"): self.overlay = nil
            default: break
            }
            return []
        case .confirmEnd:
            return handleConfirmEnd(key)
        case .interruptChoice:
            return handleInterruptChoice(key)
        case .tagging(let noteID, let rootCause):
            return handleTagging(key, noteID: noteID, rootCause: rootCause)
        case .linking(let actionID, let candidates):
            if key == .escape || key == .character("0") {
                self.overlay = nil
                return []
            }
            guard let choice = Self.digit(key), choice <= candidates.count else {
                self.overlay = nil
                return nil
            }
            self.overlay = nil
            return [.record(.noteLinked(id: actionID, problem: candidates[choice - 1]))]
        }
    }

    private mutating func handleTagging(_ key: Key, noteID: Int, rootCause: String?) -> [AppEffect]? {
        let taxonomy = meeting.agenda.taxonomy
        if key == .escape || key == .function(4) {
            overlay = nil
            return []
        }
        if key == .backspace, rootCause != nil {
            overlay = .tagging(noteID: noteID, rootCause: nil)
            return []
        }
        let choices = rootCause == nil ? taxonomy.rootCauses : taxonomy.severities
        guard let choice = Self.digit(key), choice <= choices.count else {
            overlay = nil
            return nil
        }
        guard let rootCause else {
            overlay = .tagging(noteID: noteID, rootCause: choices[choice - 1])
            return []
        }
        overlay = nil
        return [.record(.noteTagged(id: noteID, rootCause: rootCause, severity: choices[choice - 1]))]
    }

    private mutating func handleConfirmEnd(_ key: Key) -> [AppEffect] {
        switch key {
        case .enter, .character("y"), .character("Y"), .function(10):
            return endMeeting()
        case .escape, .character("n"), .character("N"), .control("c"):
            overlay = nil
        default:
            let items = meeting.openItems
            if let choice = Self.digit(key), choice <= min(9, items.count) {
                // The fix may need the input: what was typed there is saved first.
                let saved = commit()
                jump(to: items[choice - 1])
                return saved
            }
        }
        return []
    }

    /// From the checklist back into the meeting, at the note, ready to fix it.
    private mutating func jump(to item: OpenItem) {
        overlay = nil
        viewedSection = item.note.section == meeting.current ? nil : item.note.section
        selectedNoteID = item.note.id
        focus = .list
        switch item.reason {
        case .untaggedProblem:
            overlay = .tagging(noteID: item.note.id, rootCause: nil)
        case .problemWithoutAction:
            focus = .input
            editor.clear()
            let number = meeting.problemNumbers.label(of: item.note.id)
            editor.setText("> \(number) ")
            message = "Write the action that answers \(number): what, @owner, due DATE"
        case .vagueAction:
            editingNoteID = item.note.id
            editor.clear()
            editor.setText(NoteParser.typedForm(of: item.note, numbers: meeting.problemNumbers))
            focus = .input
        }
    }

    static func digit(_ key: Key) -> Int? {
        guard case .character(let character) = key, let value = character.wholeNumberValue, (1...9).contains(value) else { return nil }
        return value
    }
}

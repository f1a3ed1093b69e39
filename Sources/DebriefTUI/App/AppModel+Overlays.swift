import DebriefKit

/// A picker opened by Enter (the tag picker after a problem, the link picker after an
/// action), not shown yet: it opens once the typist has paused.
struct WaitingPicker: Equatable, Sendable {
    var overlay: AppModel.Overlay
    /// Wall time (`AppModel.wallTime`) from which it opens.
    var opensAt: Int
}

/// Keys while an overlay is open. The pickers take only their own keys: anything else
/// closes them and goes on to the note, so tagging never holds up typing.
///
/// Typing is never eaten by a picker. A fast typist goes on typing after Enter before any
/// picker could be seen (`! Second problem` Enter `23 posts went out late`): so a picker
/// that Enter opens waits, unseen, until the loop has seen no key for `pickerPause` after
/// the Enter; any key before that is typing and the picker stays shut. Once open, a
/// number chooses; any other key closes the picker and goes on into the input. A picker
/// asked for explicitly (F4 with the input empty, keys in the list, the F10 checklist)
/// opens at once.
extension AppModel {
    /// How long the typist must pause after Enter before a picker opens and takes keys.
    public static let pickerPause = 300

    /// Turns the picker just opened into one that waits for the typist to pause.
    mutating func letPickerWait() {
        switch overlay {
        case .tagging, .linking:
            waitingPicker = WaitingPicker(overlay: overlay!, opensAt: wallTime + Self.pickerPause)
            overlay = nil
        default:
            break
        }
    }

    /// Opens the waiting picker once the pause is over. The loop calls it when its wait for
    /// input ended with none: a pause it saw, not one guessed from when a key was read.
    public mutating func openPickerIfDue() {
        guard let waiting = waitingPicker, wallTime >= waiting.opensAt else { return }
        waitingPicker = nil
        if overlay == nil { overlay = waiting.overlay }
    }

    /// The last keys' events are on disk at `wallTime`: the header may say "saved", and a
    /// waiting picker counts its pause from now, so keys typed during a slow fsync (read
    /// after it) are typing.
    public mutating func keysEventsAreOnDisk() {
        savingToDisk = false
        if let waiting = waitingPicker { waitingPicker?.opensAt = max(waiting.opensAt, wallTime + Self.pickerPause) }
    }

    /// Wall milliseconds until a waiting picker opens; nil when none waits.
    public var millisecondsUntilPickerOpens: Int? {
        waitingPicker.map { max(0, $0.opensAt - wallTime) }
    }

    /// The effects of the key, or nil when the key passes through to the screen below.
    /// Each box takes only its own keys from the key map (`KeyMap.boxes`).
    mutating func handle(_ key: Key, in overlay: Overlay) -> [AppEffect]? {
        switch overlay {
        case .help(let offset):
            switch KeyMap.boxCommand(for: key, in: .help) {
            case .scrollDown?: self.overlay = .help(offset: offset + 1)
            case .scrollPageDown?: self.overlay = .help(offset: offset + 10)
            case .scrollUp?: self.overlay = .help(offset: max(0, offset - 1))
            case .scrollPageUp?: self.overlay = .help(offset: max(0, offset - 10))
            case .closeHelp?: self.overlay = nil
            default: break
            }
            return []
        case .confirmEnd:
            return handleConfirmEnd(key)
        case .record:
            if KeyMap.boxCommand(for: key, in: .recordCard) == .closeRow { self.overlay = nil }
            return []
        case .interruptChoice:
            return handleInterruptChoice(key)
        case .tagging(let noteID, let rootCause):
            return handleTagging(key, noteID: noteID, rootCause: rootCause)
        case .linking(let actionID, let candidates):
            switch KeyMap.boxCommand(for: key, in: .linkPicker) {
            case .cancel?:
                self.overlay = nil
                return []
            case .choose?:
                let choices = LinkPicker.choices(candidates, numbers: meeting.problemNumbers).keys
                guard let digit = Self.digit(key), let choice = choices.first(where: { $0.digit == digit }) else { break }
                self.overlay = nil
                return [.record(.noteLinked(id: actionID, problem: choice.id))]
            default:
                break
            }
            self.overlay = nil
            return nil
        }
    }

    private mutating func handleTagging(_ key: Key, noteID: Int, rootCause: String?) -> [AppEffect]? {
        let taxonomy = meeting.agenda.taxonomy
        switch KeyMap.boxCommand(for: key, in: .tagPicker) {
        case .cancel?:
            overlay = nil
            return []
        case .otherRootCause? where rootCause != nil:
            overlay = .tagging(noteID: noteID, rootCause: nil)
            return []
        case .choose?:
            let choices = rootCause == nil ? taxonomy.rootCauses : taxonomy.severities
            guard let choice = Self.digit(key), choice <= choices.count else { break }
            guard let rootCause else {
                overlay = .tagging(noteID: noteID, rootCause: choices[choice - 1])
                return []
            }
            overlay = nil
            return [.record(.noteTagged(id: noteID, rootCause: rootCause, severity: choices[choice - 1]))]
        default:
            break
        }
        overlay = nil
        return nil
    }

    private mutating func handleConfirmEnd(_ key: Key) -> [AppEffect] {
        switch KeyMap.boxCommand(for: key, in: .endDialog) {
        case .confirm?:
            return endMeeting()
        case .cancel?:
            overlay = nil
        case .choose?:
            let items = meeting.openItems
            if let choice = Self.digit(key), choice <= min(9, items.count) {
                // The fix may need the input: what was typed there is saved first (a new
                // note jumps once the writer has recorded it, see `noteRecorded`).
                let saved = commit()
                if case .addNote = saved.first {
                    jumpAfterSaving = items[choice - 1]
                    overlay = nil
                } else {
                    jump(to: items[choice - 1])
                }
                return saved
            }
        default:
            break
        }
        return []
    }

    /// From the checklist back into the meeting, at the note, ready to fix it.
    mutating func jump(to item: OpenItem) {
        overlay = nil
        waitingPicker = nil
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
            rewritingLearning = false
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

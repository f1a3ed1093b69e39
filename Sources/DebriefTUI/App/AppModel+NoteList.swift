import DebriefKit

/// The list of notes (Tab): select, edit, delete and bring back, change kind, link,
/// client visibility. Every change is an event, so the session file keeps the history.
extension AppModel {
    mutating func performInList(_ command: Command) -> [AppEffect] {
        let notes = listedNotes
        let selectedIndex = notes.firstIndex { $0.id == selectedNoteID }
        let selected = selectedIndex.map { notes[$0] }
        switch command {
        case .selectPrevious:
            if let selectedIndex {
                if selectedIndex > 0 { selectedNoteID = notes[selectedIndex - 1].id }
            } else {
                selectedNoteID = notes.last?.id
            }
        case .selectNext:
            if let selectedIndex, selectedIndex + 1 < notes.count { selectedNoteID = notes[selectedIndex + 1].id }
        case .editNote:
            guard let selected else { return [] }
            editingNoteID = selected.id
            rewritingLearning = false
            editor.clear()
            editor.setText(NoteParser.typedForm(of: selected, numbers: meeting.problemNumbers))
            focus = .input
        case .removeNote:
            guard let selected, let selectedIndex else { return [] }
            removedNoteIDs.append(selected.id)
            let neighbour = selectedIndex + 1 < notes.count ? notes[selectedIndex + 1] : (selectedIndex > 0 ? notes[selectedIndex - 1] : nil)
            selectedNoteID = neighbour?.id
            message = "Note deleted. u or Ctrl-Z brings it back."
            return [.record(.noteRemoved(id: selected.id))]
        case .undoOrSuspend:
            return removedNoteIDs.isEmpty ? [.suspend] : performInList(.restoreNote)
        case .restoreNote:
            guard let id = removedNoteIDs.popLast() else {
                message = "Nothing to bring back"
                return []
            }
            selectedNoteID = id
            if let note = meeting.note(id: id) { viewedSection = note.section == meeting.current ? nil : note.section }
            return [.record(.noteRestored(id: id))]
        case .markKind(let kind):
            guard let selected, selected.kind != kind else { return [] }
            var content = selected.content
            content.kind = kind
            if kind == .action {
                // Becoming an action: read @owner and due from its words.
                let parsed = NoteParser.parseAction(content.text, today: today)
                content = parsed.content
            }
            var effects: [AppEffect] = [.record(.noteEdited(id: selected.id, content: content))]
            if kind == .problem, !selected.isTagged { overlay = .tagging(noteID: selected.id, rootCause: nil) }
            if kind == .action, selected.problem == nil { openLinkPicker(for: selected.id) }
            if selected.kind == .action, selected.problem != nil { effects.append(.record(.noteLinked(id: selected.id, problem: nil))) }
            return effects
        case .linkAction:
            guard let selected, selected.kind == .action else {
                message = "Select an action to link it to the problem it answers"
                return []
            }
            openLinkPicker(for: selected.id, onlyUnanswered: false)
        case .toggleLearning:
            guard let selected else { return [] }
            let learning = !selected.isLearning
            let count = meeting.learnings.count + (learning ? 1 : -1)
            message = learning ? "Marked as a learning (\(count) in this meeting; the log wants 3–5)" : "No longer a learning (\(count) left)"
            return [.record(.noteLearning(id: selected.id, learning: learning))]
        case .rewriteLearning:
            guard let selected, selected.isLearning else {
                message = "Mark the note as a learning first (*), then w rewrites it for the log"
                return []
            }
            editingNoteID = selected.id
            rewritingLearning = true
            editor.clear()
            editor.setText(selected.learning)
            focus = .input
        case .toggleClientVisible:
            guard let selected else { return [] }
            let visible = !ClientVisibility.isShared(selected, in: meeting)
            var marked = selected
            marked.clientVisible = visible
            if visible, !ClientVisibility.isShared(marked, in: meeting) {
                // Marking alone cannot send it: say what would, rather than record a mark that does nothing.
                message = selected.kind == .problem
                    ? "A problem reaches the client only as a learning: * marks it, w rewrites it for the log"
                    : selected.kind == .question ? "Questions stay internal" : "Too vague for the client: name a concrete deliverable"
                return []
            }
            message = visible ? "Shown in the client-facing export" : "Kept internal: not in the client-facing export"
            return [.record(.noteVisibility(id: selected.id, clientVisible: visible))]
        case .leaveList:
            focus = .input
            viewedSection = nil
        default:
            break
        }
        return []
    }

    /// Offers the problems an action may answer: unanswered ones first, newest first.
    mutating func openLinkPicker(for actionID: Int, onlyUnanswered: Bool = true) {
        let answered = Set(meeting.visibleNotes.compactMap(\.problem))
        let problems = meeting.visibleNotes.filter { $0.kind == .problem }.reversed()
        let unanswered = problems.filter { !answered.contains($0.id) }
        let candidates = onlyUnanswered ? unanswered : unanswered + problems.filter { answered.contains($0.id) }
        guard !candidates.isEmpty else {
            if !onlyUnanswered { message = "No problems captured yet" }
            return
        }
        overlay = .linking(actionID: actionID, candidates: candidates.prefix(9).map(\.id))
    }
}

import DebriefKit

/// Ctrl-C: never kills the meeting. Ends it, leaves it to resume later, or goes back.
public enum InterruptDialog {
    public static func draw(_ model: AppModel, in canvas: inout Canvas) {
        let notes = model.meeting.visibleNotes.count
        let saved = model.storageProblem == nil
            ? "Every note is saved in the journal."
            : "Notes are NOT on disk yet: end the meeting to choose another folder."
        let lines: [(String, Style)] = [
            ("Stop the meeting? \(notes) note\(notes == 1 ? "" : "s") so far.", .title),
            (saved, model.storageProblem == nil ? .normal : .warning),
            ("", .normal),
        ] + KeyMap.table.hintLines(in: .interruptDialog).map { ($0, Style.key) }
        Dialog.draw(title: "Ctrl-C", lines: lines, in: &canvas, width: 66)
    }
}

import DebriefKit

/// Ctrl-C: never kills the meeting. Ends it, leaves it to resume later, or goes back.
public enum InterruptDialog {
    public static func draw(_ model: AppModel, in canvas: inout Canvas) {
        let notes = model.meeting.visibleNotes.count
        let saved = model.storageProblem == nil
            ? (model.isJoined ? "Every note is saved by the meeting's host." : "Every note is saved in the journal.")
            : "Notes are NOT on disk yet: end the meeting to choose another folder."
        var hints = KeyMap.table.hintLines(in: .interruptDialog, except: model.isJoined ? [.leaveForLater] : [])
        if model.isJoined, let leave = KeyMap.table.bindings(in: .interruptDialog).first(where: { $0.action == .leaveForLater }) {
            // A joined terminal leaves; the meeting goes on at the host, nothing to resume.
            hints.insert("\(leave.statusKeys): leave; the meeting goes on (debrief join comes back)", at: min(1, hints.count))
        }
        let lines: [(String, Style)] = [
            ("Stop the meeting? \(notes) note\(notes == 1 ? "" : "s") so far.", .title),
            (saved, model.storageProblem == nil ? .normal : .warning),
            ("", .normal),
        ] + hints.map { ($0, Style.key) }
        Dialog.draw(title: "Ctrl-C", lines: lines, in: &canvas, width: 66)
    }
}

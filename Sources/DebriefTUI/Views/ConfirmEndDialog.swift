import DebriefKit

/// F10: are we done? Says what will be written, so nobody ends a meeting by accident.
public enum ConfirmEndDialog {
    public static func draw(_ model: AppModel, in canvas: inout Canvas) {
        let notes = model.meeting.visibleNotes.count
        let lines: [(String, Style)] = [
            ("End the meeting now?", .title),
            ("\(notes) note\(notes == 1 ? "" : "s") will be saved to the session file and the brief.", .normal),
            ("", .normal),
            ("Enter or y: end the meeting      Esc: back to the meeting", .key),
        ]
        Dialog.draw(title: "End meeting", lines: lines, in: &canvas, width: 64)
    }
}

import DebriefKit

/// Which problem does this action answer? Numbers pick, Esc or 0 skips.
public enum LinkPicker {
    /// The offered problems with the digit that picks each. When every offered problem is
    /// numbered 1–9, the digit is the problem's own number (3 picks #3) and they are listed
    /// by number; past #9 a digit cannot name a problem, so they are picked by place in
    /// the list and the line shows the number after the place.
    static func choices(_ candidates: [Int], numbers: ProblemNumbers) -> (byNumber: Bool, keys: [(digit: Int, id: Int)]) {
        let numbered = candidates.map { (number: numbers.number(of: $0), id: $0) }
        if numbered.allSatisfy({ ($0.number ?? 0) >= 1 && ($0.number ?? 0) <= 9 }) {
            return (true, numbered.map { (digit: $0.number!, id: $0.id) }.sorted { $0.digit < $1.digit })
        }
        return (false, candidates.enumerated().map { (digit: $0.offset + 1, id: $0.element) })
    }

    public static func draw(_ model: AppModel, candidates: [Int], in canvas: inout Canvas, bottom: Int) {
        let numbers = model.meeting.problemNumbers
        let choices = choices(candidates, numbers: numbers)
        let how = choices.byNumber ? "type its number" : "type its place in the list"
        var lines: [(String, Style)] = [("Which problem does this action answer? (\(how))", .title)]
        for (digit, id) in choices.keys {
            let note = model.meeting.note(id: id)
            let tags = note.map { $0.isTagged ? " [\($0.rootCause!) · \($0.severity!)]" : "" } ?? ""
            let label = choices.byNumber ? "" : "\(numbers.label(of: id)) "
            lines.append(("  \(digit)  \(label)\(note?.text ?? "")\(tags)", .key))
        }
        lines.append((KeyMap.table.hint(in: .linkPicker), .muted))
        Dialog.drawAbove(title: "Link action", lines: lines, in: &canvas, bottom: bottom)
    }
}

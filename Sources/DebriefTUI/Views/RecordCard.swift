import DebriefKit

/// A row opened in full (o in the table): every column with its value, missing ones as
/// "—", the derived measures and why one has no value, and the notes that point at the
/// row. What a narrow screen leaves out of the table is read here.
public enum RecordCard {
    public static func draw(_ meeting: MeetingState, id: Int, in canvas: inout Canvas) {
        guard let record = meeting.record(id: id) else { return }
        let columns = record.table.columns
        let labelWidth = 16
        func line(_ label: String, _ value: String, _ style: Style = .normal) -> (String, Style) {
            (label + String(repeating: " ", count: max(1, labelWidth - DisplayWidth.of(label))) + value, style)
        }
        var fields: [(String, Style)] = columns.map { column in
            line(column.title, RecordGrids.formatted(record[column.key], type: column.type,
                                                     currency: RecordCurrency.of(record)).text,
                 record[column.key] == nil ? .muted : .normal)
        }
        // A short screen: the fields in two columns, so the whole row still shows at 80×24.
        if fields.count + 10 > canvas.height - 2 {
            let half = (fields.count + 1) / 2
            // Each column cut to its half of the box, so no field wraps onto a line of its own.
            let inner = min(canvas.width - 2, cardWidth) - 4
            let columnWidth = min(34, (inner + 1) / 2)
            fields = (0..<half).map { index in
                let left = TextWrap.cut(fields[index].0, width: columnWidth - 1)
                let right = index + half < fields.count ? TextWrap.cut(fields[index + half].0, width: inner - columnWidth) : ""
                return (left + String(repeating: " ", count: max(1, columnWidth - DisplayWidth.of(left))) + right, .normal)
            }
        }
        var lines = fields
        lines.append(("", .normal))
        for (label, measure, signed, money) in measures(of: record) {
            let text: String
            switch measure {
            case .value: text = RecordGrids.measure(measure, signed: signed, money: money ? RecordCurrency.of(record) : nil).text
            case .missing(let field): text = "— (no \(field))"
            case .undefined(let why): text = "n/a: \(why)"
            }
            lines.append((label + String(repeating: " ", count: max(1, 22 - DisplayWidth.of(label))) + text, .title))
        }
        if record.table == .kpis { lines.append(line("Result", RecordGrids.verdict(KPIMeasures(record).verdict).text)) }
        let numbers = ContentNumbers(meeting)
        let notes = RowMentions(meeting).notes(for: record, numbers: numbers).compactMap(meeting.note(id:))
        if !notes.isEmpty {
            lines.append(("", .normal))
            lines.append(("Notes pointing here · \(notes.count)", .title))
            lines += notes.map { ("• " + VisibleText.line($0.text), .normal) }
        }
        lines.append(("", .normal))
        lines.append((KeyMap.table.hint(in: .recordCard), .muted))
        var title = "\(record.table.title): \(record.name)"
        if record.table == .content { title += " (#\(numbers.label(of: record)))" }
        Dialog.draw(title: VisibleText.line(title), lines: lines, in: &canvas, width: cardWidth)
    }

    private static let cardWidth = 72

    private static func measures(of record: Record) -> [(String, Measure, Bool, Bool)] {
        switch record.table {
        case .kpis:
            return [("Variance", KPIMeasures(record).variance, true, false)]
        case .creators:
            let measures = CreatorMeasures(record)
            return [("Lift over organic", measures.lift, true, false), ("Cost per click", measures.costPerClick, false, true),
                    ("Cost per conversion", measures.costPerConversion, false, true)]
        case .content:
            return []
        }
    }
}

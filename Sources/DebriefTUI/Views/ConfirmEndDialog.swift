import DebriefKit

/// F10: the sections skipped or never reached, what is still open (problems without an
/// action, untagged problems, vague actions), each with a number key to go back and fix it;
/// a nudge when the learnings are fewer than 3 or more than 5;
/// then the confirmation, so nobody ends a meeting by accident. Whatever the agenda's size
/// and the screen's, the question and its keys (Enter, Esc) are always on screen: lists are
/// cut to the rows left, with a count of the rest.
public enum ConfirmEndDialog {
    static let preferredWidth = 96
    /// Sections named per list; the rest is a count ("and 9,990 more").
    static let namedSections = 4

    public static func draw(_ model: AppModel, in canvas: inout Canvas) {
        let textWidth = min(canvas.width - 2, preferredWidth) - 4
        let rowsLeft = canvas.height - 2 - 4
        let tail = confirmation(model)
        var head = sectionLines(model.meeting, now: model.now)
        var budget = rowsLeft - rows(tail, width: textWidth)
        // Sections first, then open items, each only as far as rows remain.
        head = fitting(head, budget: &budget, width: textWidth)
        let open = fitting(openItemLines(model.meeting, width: textWidth, budget: budget), budget: &budget, width: textWidth)
        // The learnings nudge comes last, in the rows left: it never pushes out what is open.
        let nudge = fitting(learningNudge(model.meeting), budget: &budget, width: textWidth)
        Dialog.draw(title: "End meeting", lines: head + open + nudge + tail, in: &canvas, width: preferredWidth)
    }

    /// Fewer than 3 or more than 5 learnings, in a meeting that took notes at all.
    static func learningNudge(_ meeting: MeetingState) -> [(String, Style)] {
        guard !meeting.visibleNotes.isEmpty, let line = LearningNudge.line(count: meeting.learnings.count) else { return [] }
        return [(line, .warning)]
    }

    /// "Skipped (2): Creator breakdown, Content analysis." and "Not reached (9,994): …".
    static func sectionLines(_ meeting: MeetingState, now: Int) -> [(String, Style)] {
        var skipped: [Int] = [], notReached: [Int] = []
        for index in meeting.agenda.sections.indices {
            switch meeting.status(section: index, at: now) {
            case .skipped: skipped.append(index)
            case .notReached: notReached.append(index)
            case .current, .covered: break
            }
        }
        var lines: [(String, Style)] = []
        if !skipped.isEmpty { lines.append((list("Skipped", skipped, meeting), .warning)) }
        if !notReached.isEmpty { lines.append((list("Not covered", notReached, meeting), .warning)) }
        return lines
    }

    private static func list(_ label: String, _ indices: [Int], _ meeting: MeetingState) -> String {
        // "and 1 more" would take the room of the name itself.
        let named = indices.count > namedSections + 1 ? namedSections : indices.count
        let names = indices.prefix(named).map { index -> String in
            let title = VisibleText.line(meeting.agenda.sections[index].title)
            return title.count > 30 ? title.prefix(29) + "…" : title
        }
        let count = indices.count > named ? " (\(grouped(indices.count)))" : ""
        let rest = indices.count > named ? " and \(grouped(indices.count - named)) more" : ""
        return "\(label)\(count): \(names.joined(separator: ", "))\(rest)."
    }

    /// The open items, numbered for the keys 1–9, cut to `budget` rows with a count of the rest.
    private static func openItemLines(_ meeting: MeetingState, width: Int, budget: Int) -> [(String, Style)] {
        let items = meeting.openItems
        if items.isEmpty {
            let hasProblems = meeting.visibleNotes.contains { $0.kind == .problem }
            return [(hasProblems ? "Nothing left open: every problem is tagged and answered by a specific action."
                                 : "Nothing left open (no problems were captured).", .success)]
        }
        let heading = ("Still open (\(grouped(items.count))) — press its number to go back and fix it:", Style.warning)
        let footer = ("You can still end the meeting: the brief lists what was left open.", Style.muted)
        // One row per item (cut to fit), a row for the count of the rest, the footer if room is left.
        let room = budget - rows([heading], width: width)
        var shown = min(items.count, 9, room)
        if shown < items.count { shown = min(shown, room - 1) }
        guard shown > 0 else {
            return [("Still open (\(grouped(items.count))): the brief lists them all.", .warning)]
        }
        var lines = [heading]
        for (index, item) in items.prefix(shown).enumerated() {
            lines.append((oneRow("  \(index + 1)  \(item.description(numbers: meeting.problemNumbers))", width: width), .normal))
        }
        if items.count > shown { lines.append(("  … and \(grouped(items.count - shown)) more; the brief lists them all", .muted)) }
        if rows(lines + [footer], width: width) <= budget { lines.append(footer) }
        return lines
    }

    /// The question and its keys, with anything that is saved first: never cut.
    private static func confirmation(_ model: AppModel) -> [(String, Style)] {
        var lines: [(String, Style)] = [("", .normal)]
        if let problem = model.storageProblem {
            lines.append(("⚠ Not on disk yet: \(problem). Ending asks for another folder.", .alert))
        }
        if let unsaved = model.unsavedInput {
            let preview = VisibleText.line(unsaved.replacingAll("\n", with: " "))
            let what = model.editedNoteName.map { "Your edit of \($0)" } ?? "The note still in the input"
            lines.append(("\(what) is saved first: “\(preview.count > 60 ? preview.prefix(59) + "…" : preview)”", .warning))
        }
        let others = model.otherTerminalsNotes.count
        if others > 0 {
            lines.append(("\(others) unfinished note\(others == 1 ? "" : "s") on other terminals \(others == 1 ? "is" : "are") saved too, as last sent.", .warning))
        }
        let notes = model.meeting.visibleNotes.count
        let total = notes + others + (model.unsavedInput != nil && model.editingNoteID == nil ? 1 : 0)
        lines.append(("End the meeting now? \(total) note\(total == 1 ? "" : "s") will be saved to the session file and the brief.", .title))
        lines.append((KeyMap.table.hint(in: .endDialog), .key))
        return lines
    }

    /// The lines that fit in `budget` rows, taken in order; the budget shrinks by what they use.
    private static func fitting(_ lines: [(String, Style)], budget: inout Int, width: Int) -> [(String, Style)] {
        var kept: [(String, Style)] = []
        for line in lines {
            let needed = rows([line], width: width)
            guard needed <= budget else { break }
            budget -= needed
            kept.append(line)
        }
        return kept
    }

    /// Rows the dialog wraps these lines into (as `Dialog` does, by word).
    private static func rows(_ lines: [(String, Style)], width: Int) -> Int {
        lines.reduce(0) { $0 + (DisplayWidth.of($1.0) <= width ? 1 : max(1, TextWrap.lines($1.0, width: width).count)) }
    }

    /// A list item cut to one row, ending in "…" when cut.
    private static func oneRow(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        var out = "", used = 0
        for character in line {
            let next = DisplayWidth.of(character)
            if used + next > width - 1 { break }
            out.append(character)
            used += next
        }
        return out + "…"
    }

    /// 9990 → "9,990".
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

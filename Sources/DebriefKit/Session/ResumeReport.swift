/// What resuming found in a journal, worded for the person who resumes.
public enum ResumeReport {
    public static func messages(for record: SessionRecord) -> [String] {
        var messages: [String] = []
        if record.hasTornLastLine {
            messages.append("The last line of the journal was cut off when Debrief stopped mid-write; it was dropped, everything before it is kept.")
        }
        let damaged = record.hasTornLastLine ? Array(record.skippedLines.dropLast()) : record.skippedLines
        if !record.oversizedLines.isEmpty {
            let lines = record.oversizedLines.prefix(10).map(String.init).joined(separator: ", ")
            messages.append("Journal line\(record.oversizedLines.count == 1 ? "" : "s") \(lines) \(record.oversizedLines.count == 1 ? "is" : "are") longer than 1 MB, more than any note; skipped.")
        }
        if !damaged.isEmpty {
            let shown = damaged.prefix(10).map(String.init).joined(separator: ", ")
            let more = damaged.count > 10 ? " and \(damaged.count - 10) more" : ""
            messages.append("Skipped unreadable journal line\(damaged.count == 1 ? "" : "s") \(shown)\(more); every other event is kept.")
        }
        return messages
    }
}

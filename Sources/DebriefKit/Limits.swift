/// Every size and range limit of Debrief, in one table, used by the code that takes data in
/// (typing, pasting, loading an agenda, starting or resuming a meeting) and by the code that
/// reads files back. One table, so a writer can never produce what a reader refuses: what
/// the screen reports as saved always reads back equal. README.md ("Limits") lists them.
public enum Limits {
    // MARK: Files

    /// A journal or session file line. The reader skips longer lines, so every writer keeps
    /// below it: notes, drafts and agendas are bounded so that their lines fit, and the
    /// summary is split over several lines when it would not (see `SessionSummary.lines`).
    public static let lineBytes = 1_000_000
    /// A header line as readers accept it. Writers keep headers within `lineBytes`; Debrief
    /// before these limits wrote longer ones (an agenda of escape characters), and the notes
    /// of such a meeting must still be recoverable.
    public static let olderHeaderBytes = 16_000_000
    /// A whole session file: anything bigger is not one.
    public static let sessionFileBytes = 512 * 1_000_000

    // MARK: Notes

    /// The text of one note, typed or pasted, and the unfinished note journalled as a draft,
    /// in UTF-8 bytes. JSON escaping can grow text 6× (a control character becomes
    /// `\u001b`), and an action repeats its owner: 50 KB stays well inside `lineBytes`.
    public static let noteBytes = 50_000
    /// Ten years of meeting time, in milliseconds: later times are damage, not meetings.
    /// Writers clamp to it (a resume that counts months of downtime), readers reject beyond.
    public static let maximumTime = 10 * 365 * 24 * 3_600_000
    /// Note ids count up from 1; one this large is damage, and adding 1 to it must not overflow.
    public static let maximumID = 1 << 40
    /// How much faster than real time a meeting clock may run (`--time-scale`).
    public static let maximumTimeScale = 10_000.0

    // MARK: Agendas

    /// An agenda file on disk.
    public static let agendaFileBytes = 1_000_000
    /// What loading an agenda may expand to: one unit per YAML node visited plus the bytes of
    /// its text. YAML aliases (`*name`) repeat a node without repeating its text, so a small
    /// file can expand a thousandfold (an "alias bomb"); loading stops at this budget.
    public static let agendaExpandedUnits = 2_000_000
    /// One text of an agenda (a title, a prompt, guidance, a taxonomy entry), in UTF-8 bytes.
    public static let agendaTextBytes = 20_000
    /// The agenda as the journal header holds it (JSON, after escaping), leaving room in the
    /// header line for the meeting's title, client and other details.
    public static let agendaHeaderBytes = 900_000
    public static let agendaSections = 200
    public static let sectionMinutes = 8 * 60
    /// Number keys 1–9 pick tags, so a taxonomy list holds at most nine entries.
    public static let taxonomyEntries = 9

    // MARK: Data files (tables of numbers)

    /// A CSV or TSV file given to `--data` or `check-data`.
    public static let dataFileBytes = 50 * 1_000_000
    /// Rows of one data file (a campaign with more creators than this is not a meeting).
    public static let dataRows = 100_000
    /// One cell of a data file, and one text field of a record, in UTF-8 bytes. A table's
    /// columns (15 at most) at this size, escaped 6× in JSON, keep a `record_added` line
    /// well inside `lineBytes`.
    public static let dataCellBytes = 4_000
    /// Columns in a data file's header: more is not a table a person made.
    public static let dataColumns = 200

    // MARK: Messages

    /// Problems listed by `debrief check` (and when `run` refuses an agenda) before the
    /// rest are summarised as "and N more": a broken file must not flood the terminal.
    public static let problemsShown = 20
}

extension Limits {
    /// `50 KB`, `1 MB`: how a limit or a size reads in a message.
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return "\(formatted(bytes, unit: 1_000_000)) MB" }
        if bytes >= 1_000 { return "\(formatted(bytes, unit: 1_000)) KB" }
        return "\(bytes) bytes"
    }

    /// Rounded up: a size just over a limit never reads as the limit itself.
    private static func formatted(_ bytes: Int, unit: Int) -> String {
        let tenths = (bytes * 10 + unit - 1) / unit
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// The longest prefix of `text` whose UTF-8 form fits in `bytes`, cut between characters.
    public static func prefix(of text: String, fittingIn bytes: Int) -> Substring {
        guard text.utf8.count > bytes else { return text[...] }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: max(0, bytes))
        // Back off to a character boundary: never split a scalar or a grapheme cluster.
        while end > text.startIndex, String.Index(end, within: text) == nil {
            end = text.utf8.index(before: end)
        }
        return text[..<end]
    }
}

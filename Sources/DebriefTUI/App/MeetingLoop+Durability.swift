import DebriefKit

/// What the loop keeps on disk besides the events it records: the unfinished note (the
/// draft), alive marks while nothing happens, and retries of a disk that failed, each on
/// the wall clock, and never before a key's frame.
extension MeetingLoop {
    /// Whatever is due on the wall clock: the draft once typing paused (or after a second
    /// of typing), a retry of a failed disk each second, an alive mark.
    func runTimers() {
        if draftIsDue { journalDraft(syncing: typingHasPaused) }
        if model.wallTime - lastRetry >= Self.retryInterval { retryStorage() }
        markAliveIfDue()
    }

    /// The draft changed and typing paused or went on for a second, or a draft written while
    /// typing went on waits for its fsync and typing paused.
    private var draftIsDue: Bool {
        guard let since = draftChangedAt else { return typingHasPaused && recorder.hasUnsyncedEvents }
        return typingHasPaused || model.wallTime - since >= Self.draftTypingLimit
    }

    private var typingHasPaused: Bool { model.wallTime - lastInput >= Self.draftPause }

    /// Whether `runTimers` will write to the journal now (asked, as `runTimers` runs, just
    /// after `readClocks`).
    var timerIsDue: Bool {
        draftIsDue || (recorder.failure != nil && model.wallTime - lastRetry >= Self.retryInterval)
            || (model.wallTime - lastJournalled >= Self.aliveInterval && !model.meeting.hasEnded)
    }

    /// How long typing must pause before the unfinished note is journalled. Journalling
    /// every keystroke would fsync at typing speed; a pause, or a second of typing, is enough.
    /// The draft of a second of typing is written but fsynced at the pause: written, it is
    /// safe from the process dying; its fsync (up to a millisecond) would delay the next key.
    static let draftPause = 150
    static let draftTypingLimit = 1000
    static let retryInterval = 1000

    /// The draft as the journal should hold it: the input's text and, while it holds
    /// any, the id of the section it goes to.
    private var currentDraft: (text: String, section: String?) {
        let text = model.editor.text
        let sections = model.meeting.agenda.sections
        let section = text.isEmpty || !sections.indices.contains(model.inputSection) ? nil : sections[model.inputSection].id
        return (text, section)
    }

    private var draftIsJournalled: Bool {
        let draft = currentDraft
        guard let name = recorder.terminalName else {
            return draft.text == model.meeting.draft && draft.section == model.meeting.draftSection
        }
        // A joined terminal's draft is kept under its name; none kept is an empty one.
        let kept = model.meeting.terminalDrafts[name]
        return draft.text == (kept?.text ?? "") && (draft.text.isEmpty || draft.section == kept?.section)
    }

    func noteDraftChange() {
        guard !draftIsJournalled else {
            draftChangedAt = nil
            return
        }
        if draftChangedAt == nil { draftChangedAt = model.wallTime }
    }

    /// Journals the note input if it differs from the last journalled draft, and takes the
    /// journal to the disk (fsync).
    public func saveDraft() { journalDraft(syncing: true) }

    /// `syncing: false` while typing goes on: the draft is written, its fsync left for the pause.
    private func journalDraft(syncing: Bool) {
        draftChangedAt = nil
        if !draftIsJournalled, !model.meeting.hasEnded {
            readClocks()
            let draft = currentDraft
            record(.change(.draftChanged(text: draft.text, section: draft.section, terminal: recorder.terminalName)),
                   syncing: syncing)
        } else if syncing, recorder.hasUnsyncedEvents {
            recorder.sync()
            showStorageState()
        }
    }

    /// How long the journal may go without hearing from a running meeting. After a crash,
    /// resume continues the clock from the last event or alive mark, so at most this much
    /// meeting time (times the time scale) is lost.
    static let aliveInterval = 5000

    private func markAliveIfDue() {
        // `runTimers` runs just after `readClocks`: the wall time is the one just read.
        let now = model.wallTime
        guard now - lastJournalled >= Self.aliveInterval, !model.meeting.hasEnded else { return }
        lastJournalled = now
        recorder.keepAlive(at: clock.now())
        showStorageState()
    }

    /// After a failed write: try to write everything again (a fresh journal from memory).
    public func retryStorage() {
        guard recorder.failure != nil else { return }
        lastRetry = wall.milliseconds()
        recorder.retryStorage()
        showStorageState()
    }
}

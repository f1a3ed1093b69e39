import DebriefKit

/// The run loop: draw, wait for a key or the next clock tick, turn input into events,
/// record each event before showing it. Ticks are not events: the clock is read, not stored.
@MainActor
public final class MeetingLoop {
    public enum Outcome: Equatable, Sendable {
        case ended
        /// A signal asked us to stop; the journal holds everything, so it can be resumed.
        case interrupted
        /// The note-taker chose to stop and resume later (Ctrl-C, then "leave").
        case left
    }

    private let terminal: Terminal
    private let clock: MeetingClock
    private let recorder: MeetingRecorder
    private let timeScale: Double
    public private(set) var model: AppModel
    /// When the note input last changed without being journalled (see `noteDraftChange`).
    private var draftChangedAt: ContinuousClock.Instant?
    /// When writing to disk was last retried after a failure.
    private var lastRetry = ContinuousClock.now
    /// When the journal last heard from this meeting: an event or an alive mark.
    private var lastJournalled = ContinuousClock.now

    public init(terminal: Terminal, clock: MeetingClock, recorder: MeetingRecorder, model: AppModel) {
        self.terminal = terminal
        self.clock = clock
        self.recorder = recorder
        self.model = model
        self.timeScale = max(0.001, model.info.timeScale)
    }

    /// Runs until the meeting ends or `stopRequested` says so (checked after every wake-up).
    public func run(stopRequested: () -> Bool = { false }) -> Outcome {
        start()
        while true {
            model.now = clock.now()
            terminal.present(FacilitatorScreen.render(model, size: terminal.size))
            let wait = draftChangedAt == nil ? millisecondsToNextTick() : min(millisecondsToNextTick(), Self.draftPause)
            var input = terminal.nextInput(timeoutMilliseconds: wait)
            if input == nil {
                if stopRequested() {
                    saveDraft()
                    return .interrupted
                }
                // A tick: typing paused, and a good moment to retry a failed disk.
                saveDraft()
                retryStorage()
                markAliveIfDue()
                continue
            }
            // Every key already waiting is handled before the next frame: a burst of keys
            // (a fast typist, a slow frame late in a long meeting) costs one frame, not one
            // per key, so the screen never falls behind the keyboard.
            while let next = input {
                model.now = clock.now()
                switch perform(model.handle(next)) {
                case .ended: return .ended
                case .left:
                    saveDraft()
                    return .left
                case nil, .interrupted:
                    noteDraftChange()
                }
                // A signal is acted on only after what was already read is handled: a paste
                // cut short by the terminal closing lands in the input and is saved as the draft.
                if stopRequested() {
                    saveDraft()
                    return .interrupted
                }
                input = terminal.nextInput(timeoutMilliseconds: 0)
            }
            // Typing without pause must not keep a failed disk from being retried.
            if ContinuousClock.now - lastRetry >= .seconds(1) { retryStorage() }
            markAliveIfDue()
        }
    }

    /// Starts the clock on the first section, unless the meeting already started.
    public func start() {
        model.now = clock.now()
        perform(model.startEffects())
    }

    /// Feeds input without a terminal loop (tests drive the model this way).
    @discardableResult
    public func send(_ input: Input) -> Outcome? {
        model.now = clock.now()
        let outcome = perform(model.handle(input))
        noteDraftChange()
        return outcome
    }

    /// The outcome when the effects end the loop (finish or leave), else nil.
    @discardableResult
    private func perform(_ effects: [AppEffect]) -> Outcome? {
        var outcome: Outcome?
        for effect in effects {
            switch effect {
            case .record(let change):
                record(change)
            case .finish:
                outcome = .ended
            case .leave:
                outcome = .left
            case .suspend:
                saveDraft()
                terminal.suspend()
            }
        }
        return outcome
    }

    private func record(_ change: Change) {
        let event = Event(t: clock.now(), change)
        recorder.record(event)
        lastJournalled = ContinuousClock.now
        model.apply(recorder.events.last ?? event)
        showStorageState()
    }

    private func showStorageState() {
        model.storageProblem = recorder.failure.map { "\($0.reason) · notes kept in memory, retrying" }
    }

    // MARK: Durability

    /// How long typing must pause before the unfinished note is journalled. Journalling
    /// every keystroke would fsync at typing speed; a pause, or a second of typing, is enough.
    static let draftPause = 150

    private func noteDraftChange() {
        guard model.editor.text != model.meeting.draft else {
            draftChangedAt = nil
            return
        }
        let now = ContinuousClock.now
        if let since = draftChangedAt {
            if now - since >= .seconds(1) { saveDraft() }
        } else {
            draftChangedAt = now
        }
    }

    /// Journals the note input if it differs from the last journalled draft.
    public func saveDraft() {
        draftChangedAt = nil
        guard model.editor.text != model.meeting.draft, !model.meeting.hasEnded else { return }
        model.now = clock.now()
        record(.draftChanged(text: model.editor.text))
    }

    /// How long the journal may go without hearing from a running meeting. After a crash,
    /// resume continues the clock from the last event or alive mark, so at most this much
    /// meeting time (times the time scale) is lost.
    static let aliveInterval: Duration = .seconds(5)

    private func markAliveIfDue() {
        let now = ContinuousClock.now
        guard now - lastJournalled >= Self.aliveInterval, !model.meeting.hasEnded else { return }
        lastJournalled = now
        recorder.markAlive(at: clock.now())
        showStorageState()
    }

    /// After a failed write: try to write everything again (a fresh journal from memory).
    public func retryStorage() {
        guard recorder.failure != nil else { return }
        lastRetry = ContinuousClock.now
        recorder.retry()
        showStorageState()
    }

    /// Wall milliseconds until a shown clock changes: the meeting's elapsed time or the
    /// section's countdown, whichever turns over first. Never a busy loop.
    func millisecondsToNextTick() -> Int {
        let schedule = Schedule(state: model.meeting, now: model.now)
        let toTotal = 1000 - model.now % 1000
        var next = toTotal
        if model.meeting.runningSince != nil {
            next = min(next, 1000 - schedule.sectionElapsed % 1000)
        }
        let wall = Int(Double(next) / timeScale) + 1
        return min(1000, max(20, wall))
    }
}

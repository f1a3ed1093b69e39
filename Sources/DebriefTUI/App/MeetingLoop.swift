import DebriefKit
#if canImport(Glibc)
import Glibc
#endif

/// The run loop: draw, wait for a key or the next clock tick, turn input into events,
/// record each event before showing it. Ticks are not events: the clock is read, not stored.
/// Every timer here (draft pause, alive marks, retries, the picker pause) runs on the
/// injected monotonic `wall` clock, so tests drive them without sleeping.
@MainActor
public final class MeetingLoop {
    public enum Outcome: Equatable, Sendable {
        case ended
        /// A signal asked us to stop; the journal holds everything, so it can be resumed.
        case interrupted
        /// The note-taker chose to stop and resume later (Ctrl-C, then "leave").
        case left
        /// A joined terminal lost its host: why, in words.
        case disconnected(String)
    }

    // Read by the wait too (`MeetingLoop+Waiting`).
    let terminal: Terminal
    let clock: MeetingClock
    let wall: MonotonicClock
    let recorder: any MeetingWriter
    private let timeScale: Double
    public private(set) var model: AppModel
    /// Frames drawn in full only when more than the note input changed.
    private var screen = IncrementalScreen()
    // Wall times (`wall.milliseconds()`) of what the timers measure from:
    /// the first change of the note input not yet journalled (see `noteDraftChange`);
    var draftChangedAt: Int?
    /// the last input (typing pauses when none came for `draftPause`);
    var lastInput = 0
    /// the last retry of a failed disk;
    var lastRetry: Int
    /// the last time the journal heard from this meeting: an event or an alive mark.
    var lastJournalled: Int
    /// The descriptors of a wait, kept from wait to wait so a key's wait allocates nothing.
    var waitDescriptors: [pollfd] = []
    /// The terminal's wait is cut short by the links (`Terminal.watch`) since they were last
    /// serviced (a terminal may have joined or left since).
    var linksAreWatched = false

    /// - Parameter wall: the monotonic clock for the loop's timers (real time, never scaled).
    public init(terminal: Terminal, clock: MeetingClock, wall: MonotonicClock = SystemMonotonicClock(),
                recorder: any MeetingWriter, model: AppModel) {
        self.terminal = terminal
        self.clock = clock
        self.wall = wall
        self.recorder = recorder
        self.model = model
        self.timeScale = max(0.001, model.info.timeScale)
        lastRetry = wall.milliseconds()
        lastJournalled = lastRetry
    }

    /// Runs until the meeting ends or `stopRequested` says so (checked after every wake-up).
    public func run(stopRequested: () -> Bool = { false }) -> Outcome {
        // Whatever reads the terminal after the meeting (a prompt) echoes nothing of ours.
        defer {
            terminal.expectEcho(at: nil)
            terminal.expectFrames([])
            // However the loop ends, what the last keys recorded is on disk when it returns.
            syncKeysEvents()
        }
        start()
        var clocksAreFresh = false
        var keysHandled = false
        while true {
            if !clocksAreFresh { readClocks() }
            clocksAreFresh = false
            terminal.present(Self.frame(&screen, &model, size: terminal.size, clocksMayWait: keysHandled))
            // A clock that turned over while keys came (see `clockGrace`) follows the keys'
            // frame at once: the key is on screen first.
            if keysHandled, Self.clocksAreDue(&screen, &model) { terminal.present(Self.frame(&screen, &model, size: terminal.size)) }
            keysHandled = false
            // While no key waits: the frame the input's next row will need, if it is near.
            if !terminal.hasPendingInput { Self.prepareGrowth(&screen, &model, size: terminal.size) }
            // A typed letter is on screen before the model takes it, where its frame will
            // show it: the terminal draws it as it reads the key (the key that ends the wait
            // only: a burst's keys share one frame).
            let echo = Self.echoPlace(&screen, &model, size: terminal.size)
            terminal.expectEcho(at: echo)
            // No echo where the next key wraps the input: its frame, drawn ahead, instead.
            if echo == nil, !terminal.hasPendingInput { terminal.expectFrames(Self.foreseenWraps(&screen, &model, size: terminal.size)) }
            var input: Input?
            switch waitForInputOrLink() {
            case .link:
                // The link spoke: what other terminals did is on screen at the next frame.
                if let outcome = serviceLinkBeforeEnding() { return outcome }
                if stopRequested() {
                    saveDraft()
                    return .interrupted
                }
                continue
            case .input(let first):
                input = first
            case .nothing:
                break
            }
            if input == nil {
                if stopRequested() {
                    saveDraft()
                    return .interrupted
                }
                // A hello waiting for its name is answered even if nothing else stirs.
                if recorder.needsService, let outcome = serviceLinkBeforeEnding() { return outcome }
                // No input for the whole wait: the clock turned over, typing paused, or a
                // picker's pause is over.
                tick()
                continue
            }
            // Every key already waiting is handled before the next frame: a burst of keys
            // (a fast typist, a slow frame late in a long meeting) costs one frame, not one
            // per key, so the screen never falls behind the keyboard.
            while let next = input {
                readClocks()
                lastInput = model.wallTime
                switch perform(model.handle(next), fromKeys: true) {
                case .ended: return .ended
                case .left:
                    saveDraft()
                    return .left
                case .disconnected(let reason):
                    return .disconnected(reason)
                case nil, .interrupted:
                    noteDraftChange()
                }
                // Another terminal may have ended the meeting, or the host gone, meanwhile.
                if Self.hasEnded(&model) { return .ended }
                if let reason = recorder.disconnection { return .disconnected(reason) }
                // A signal is acted on only after what was already read is handled: a paste
                // cut short by the terminal closing lands in the input and is saved as the draft.
                if stopRequested() {
                    saveDraft()
                    return .interrupted
                }
                input = terminal.keysMayBeWaiting ? terminal.nextInput(timeoutMilliseconds: 0) : nil
            }
            // What the keys recorded is written (safe from the process dying) and goes to the
            // disk after their frame: the screen answers Enter at once, and the header says
            // "saving" until the fsync is done, then "saved".
            if model.savingToDisk {
                terminal.present(Self.frame(&screen, &model, size: terminal.size))
                syncKeysEvents()
            }
            // Typing without pause must not keep a draft unsaved or a failed disk unretried.
            // The keys' frame goes out first: a journal write never delays what was typed.
            readClocks()
            let timersWrite = timerIsDue
            keysHandled = !timersWrite
            if timersWrite { terminal.present(Self.frame(&screen, &model, size: terminal.size)) }
            runTimers()
            // Timers that wrote nothing took no time: the next frame is drawn at the clocks
            // just read (two clock reads fewer a key).
            clocksAreFresh = !timersWrite
        }
    }

    // Read from this class's stored property, a model handed to a function is copied first
    // (every string and array of the meeting retained, then released: microseconds of every
    // key, on cold caches). Through `inout` the function reads the stored one in place.

    /// The frame for the model as it stands.
    private static func frame(_ screen: inout IncrementalScreen, _ model: inout AppModel, size: TerminalSize,
                              clocksMayWait: Bool = false) -> Canvas {
        screen.render(model, size: size, clocksMayWait: clocksMayWait)
    }

    private static func echoPlace(_ screen: inout IncrementalScreen, _ model: inout AppModel, size: TerminalSize) -> EchoPlace? {
        screen.echoPlace(model, size: size)
    }

    private static func foreseenWraps(_ screen: inout IncrementalScreen, _ model: inout AppModel, size: TerminalSize) -> [ForeseenFrame] {
        screen.foreseenWraps(model, size: size)
    }

    private static func prepareGrowth(_ screen: inout IncrementalScreen, _ model: inout AppModel, size: TerminalSize) {
        screen.prepareGrowth(model, size: size)
    }

    private static func clocksAreDue(_ screen: inout IncrementalScreen, _ model: inout AppModel) -> Bool {
        screen.clocksAreDue(model)
    }

    private static func hasEnded(_ model: inout AppModel) -> Bool { model.meeting.hasEnded }

    private static func millisecondsToClockChange(_ screen: inout IncrementalScreen, _ model: inout AppModel) -> Int {
        screen.millisecondsToClockChange(model)
    }

    /// Handles what the link has ready: events from other terminals are folded in (they may
    /// move the clock, add notes, end the meeting). The outcome when the loop must end.
    @discardableResult
    public func serviceLink() -> Outcome? {
        // Terminals may have joined or left: the next wait watches the links afresh.
        linksAreWatched = false
        readClocks()
        recorder.service(now: { clock.now() }, wall: model.wallTime) { event in
            model.apply(event)
            lastJournalled = wall.milliseconds()
        }
        showStorageState()
        if let notice = recorder.takeNotices().last { model.message = notice }
        settleLateAnswers()
        // Another terminal's note may have cleared the journalled draft: journal ours again.
        noteDraftChange()
        if model.meeting.hasEnded { return .ended }
        if let reason = recorder.disconnection { return .disconnected(reason) }
        return nil
    }

    /// `serviceLink` inside the loop: when the link ends it (the host gone, this terminal
    /// left), the input is journalled first, unless the meeting ended and saved it as a note.
    private func serviceLinkBeforeEnding() -> Outcome? {
        guard let outcome = serviceLink() else { return nil }
        if outcome != .ended { saveDraft() }
        return outcome
    }

    /// The wait for input ended with none: typing has paused. A picker whose pause is over
    /// opens (only here: a key already waiting when the pause ends is typing, however late
    /// the loop reads it), and the timers run. Tests call it after advancing their clock.
    public func tick() {
        readClocks()
        model.openPickerIfDue()
        runTimers()
    }

    /// Meeting time and wall time for what comes next: an input, a frame, the timers.
    func readClocks() {
        model.now = clock.now()
        model.wallTime = wall.milliseconds()
        if model.noticeTimeUp() { terminal.bell() }
    }

    /// How long to wait for input: until a shown clock changes, the draft is due, or a
    /// waiting picker opens. While someone types, a clock's turnover waits up to
    /// `clockGrace` for the next key, whose frame shows the new time with the key: a
    /// wake-up and a frame less for each second of typing.
    func millisecondsToWait() -> Int {
        var wait = millisecondsToNextTick()
        if model.wallTime - lastInput < Self.typingWindow { wait += Self.clockGrace }
        if draftChangedAt != nil || recorder.hasUnsyncedEvents {
            wait = min(wait, max(0, Self.draftPause - (model.wallTime - lastInput)))
        }
        if let picker = model.millisecondsUntilPickerOpens { wait = min(wait, picker) }
        return wait
    }

    /// How late a clock on screen may turn over while keys are coming (a tenth of a second
    /// goes unseen), and how recent a key must be for that.
    static let clockGrace = 100
    static let typingWindow = 1000

    /// Starts the clock on the first section, unless the meeting already started.
    public func start() {
        readClocks()
        perform(model.startEffects())
        // What was recorded before the loop (the first section's start, imported rows) is
        // on disk before the first frame can say "saved".
        if recorder.hasUnsyncedEvents {
            recorder.sync()
            showStorageState()
        }
    }

    /// Feeds input without a terminal loop (tests drive the model this way).
    @discardableResult
    public func send(_ input: Input) -> Outcome? {
        readClocks()
        lastInput = model.wallTime
        let outcome = perform(model.handle(input))
        noteDraftChange()
        return outcome
    }

    /// The outcome when the effects end the loop (finish or leave), else nil.
    /// `fromKeys` (a key's effects): events are written now and taken to the disk after the
    /// key's frame (`syncKeysEvents`).
    @discardableResult
    private func perform(_ effects: [AppEffect], fromKeys: Bool = false) -> Outcome? {
        var outcome: Outcome?
        for effect in effects {
            switch effect {
            case .record(let change):
                record(.change(change), fromKeys: fromKeys)
            case .addNote(let section, let content):
                // The writer picks the id; the model finishes the commit with it.
                guard let event = record(.addNote(section: section, content: content), fromKeys: fromKeys) else {
                    model.message = "Not saved yet: the meeting's host did not answer. The note stays in the input until it does."
                    continue
                }
                // A picker for the note waits for a pause counted from now (and again from
                // its fsync, `keysEventsAreOnDisk`): keys typed during a slow write are typing.
                model.wallTime = wall.milliseconds()
                if let next = perform(model.noteRecorded(event), fromKeys: fromKeys) { outcome = next }
            case .saveUnfinishedNote(_, let section, let content):
                record(.addNote(section: section, content: content))
            case .addRecord(let table, let fields):
                // The writer picks the record's id; the table selects the new row.
                if let event = record(.addRecord(table: table, fields: fields), fromKeys: fromKeys) { model.recordAdded(event) }
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

    /// A key's event: written now, its fsync after the key's frame (`syncKeysEvents`).
    private func record(_ request: Request, fromKeys: Bool) -> Event? {
        guard fromKeys else { return record(request) }
        let event = record(request, syncing: false)
        if recorder.hasUnsyncedEvents { model.savingToDisk = true }
        return event
    }

    /// Takes what the keys recorded to the disk (and, on a host, to the joined terminals).
    func syncKeysEvents() {
        guard model.savingToDisk else { return }
        recorder.sync()
        model.wallTime = wall.milliseconds()
        model.keysEventsAreOnDisk()
        showStorageState()
    }

    @discardableResult
    func record(_ request: Request, syncing: Bool = true) -> Event? {
        let event = recorder.write(request, at: clock.now(), syncing: syncing) { other in model.apply(other) }
        lastJournalled = wall.milliseconds()
        if let event { model.apply(event) }
        showStorageState()
        settleLateAnswers()
        return event
    }

    /// A note the host answered after the wait gave up (it was suspended): it is in the
    /// meeting now, so the input that still holds it is cleared as if the answer came in time.
    private func settleLateAnswers() {
        for event in recorder.takeLateAnswers() {
            _ = perform(model.lateNoteRecorded(event))
        }
    }

    func showStorageState() {
        // A fresh failure: the first retry comes a second later, then one a second.
        if recorder.failure != nil, model.storageProblem == nil { lastRetry = wall.milliseconds() }
        model.storageProblem = recorder.failure.map { "\($0.reason) · notes kept in memory, retrying" }
    }

    /// Wall milliseconds until a shown clock changes: the meeting's elapsed time or the
    /// section's countdown, whichever turns over first. Never a busy loop.
    func millisecondsToNextTick() -> Int {
        let next = Self.millisecondsToClockChange(&screen, &model)
        let wall = Int(Double(next) / timeScale) + 1
        return min(1000, max(20, wall))
    }
}

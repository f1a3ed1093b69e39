import DebriefKit

/// The run loop: draw, wait for a key or the next clock tick, turn input into events,
/// record each event before showing it. Ticks are not events: the clock is read, not stored.
@MainActor
public final class MeetingLoop {
    public enum Outcome: Equatable, Sendable {
        case ended
        /// A signal asked us to stop; the journal holds everything, so it can be resumed.
        case interrupted
    }

    private let terminal: Terminal
    private let clock: MeetingClock
    private let recorder: MeetingRecorder
    private let timeScale: Double
    public private(set) var model: AppModel

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
            var input = terminal.nextInput(timeoutMilliseconds: millisecondsToNextTick())
            if stopRequested() { return .interrupted }
            // Every key already waiting is handled before the next frame: a burst of keys
            // (a fast typist, a slow frame late in a long meeting) costs one frame, not one
            // per key, so the screen never falls behind the keyboard.
            while let next = input {
                model.now = clock.now()
                if perform(model.handle(next)) { return .ended }
                input = terminal.nextInput(timeoutMilliseconds: 0)
                if stopRequested() { return .interrupted }
            }
        }
    }

    /// Starts the clock on the first section, unless the meeting already started.
    public func start() {
        model.now = clock.now()
        perform(model.startEffects())
    }

    /// Feeds input without a terminal loop (tests drive the model this way).
    @discardableResult
    public func send(_ input: Input) -> Bool {
        model.now = clock.now()
        return perform(model.handle(input))
    }

    /// Returns true when the meeting is finished.
    @discardableResult
    private func perform(_ effects: [AppEffect]) -> Bool {
        var finished = false
        for effect in effects {
            switch effect {
            case .record(let change):
                let event = Event(t: clock.now(), change)
                let problem = recorder.record(event)
                model.storageProblem = problem.map { "notes kept in memory (\($0.reason))" }
                model.apply(recorder.events.last ?? event)
            case .finish:
                finished = true
            }
        }
        return finished
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

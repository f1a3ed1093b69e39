import DebriefKit

/// The replay's run loop: draw, wait for a key (or the next frame while playing), move the
/// position on by the wall time that passed times the speed. Never writes anything.
@MainActor
public final class ReplayLoop {
    /// Frame interval while playing; paused, the screen only changes on a key.
    static let frameMilliseconds = 100

    private let terminal: Terminal
    /// Wall time, in milliseconds; injected so tests play a replay without waiting.
    private let clock: MeetingClock
    public private(set) var model: ReplayModel

    public init(terminal: Terminal, clock: MeetingClock, model: ReplayModel) {
        self.terminal = terminal
        self.clock = clock
        self.model = model
    }

    /// Runs until the viewer quits or `stopRequested` says so.
    public func run(stopRequested: () -> Bool = { false }) {
        var last = clock.now()
        while true {
            terminal.present(ReplayScreen.render(model, size: terminal.size))
            let input = terminal.nextInput(timeoutMilliseconds: model.isPlaying ? Self.frameMilliseconds : 1000)
            if stopRequested() { return }
            let now = clock.now()
            model.play(wallMilliseconds: now - last)
            last = now
            let request: ReplayModel.Request?
            switch input {
            case .key(let key)?: request = model.handle(key)
            case .suspend?: request = .suspend
            case .paste?, .resize?, .unknownSequence?, .heldAfterPaste?, nil: request = nil
            }
            switch request {
            case .quit?: return
            case .suspend?:
                terminal.suspend()
                last = clock.now()  // the time spent stopped does not play the replay on
            case nil: break
            }
        }
    }
}

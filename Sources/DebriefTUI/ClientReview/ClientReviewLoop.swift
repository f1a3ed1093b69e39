import DebriefKit

/// The review's run loop: draw, wait for a key, and record each decision (through
/// `record`, which appends it to the sidecar) before the screen shows it.
@MainActor
public final class ClientReviewLoop {
    private let terminal: Terminal
    private let title: String
    /// Saves a decision; returns what went wrong, or nil once it is on disk.
    private let record: (_ line: String, _ include: Bool) -> String?
    public private(set) var model: ClientReviewModel

    public init(terminal: Terminal, model: ClientReviewModel, title: String,
                record: @escaping (_ line: String, _ include: Bool) -> String?) {
        self.terminal = terminal
        self.model = model
        self.title = title
        self.record = record
    }

    public func run(stopRequested: () -> Bool = { false }) {
        while true {
            terminal.present(ClientReviewScreen.render(model, title: title, size: terminal.size))
            let input = terminal.nextInput(timeoutMilliseconds: 1000)
            if stopRequested() { return }
            let request: ClientReviewModel.Request?
            switch input {
            case .key(let key)?: request = model.handle(key)
            case .suspend?: request = .suspend
            default: request = nil
            }
            switch request {
            case .decide(let line, let include)?:
                if let problem = record(line, include) {
                    model.message = "Not saved: \(problem)"
                } else {
                    model.decided(line: line, include: include)
                }
            case .done?: return
            case .suspend?: terminal.suspend()
            case nil: break
            }
        }
    }
}

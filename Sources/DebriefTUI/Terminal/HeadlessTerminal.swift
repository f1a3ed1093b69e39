/// A terminal in memory: scripted input, and the last canvas presented.
@MainActor
public final class HeadlessTerminal: Terminal {
    public var size: TerminalSize
    public private(set) var screen: Canvas
    public private(set) var framesPresented = 0
    /// How often the program waited for input with none left to give. A test stops a loop
    /// there (`run(stopRequested: { terminal.idleWaits > 0 })`) and reads `screen`: the
    /// frame the user would be looking at, as the terminal received it.
    public private(set) var idleWaits = 0
    private var pending: [Input] = []
    /// How often the bell rang.
    public private(set) var bellsRung = 0

    public init(width: Int = 80, height: Int = 24) {
        size = TerminalSize(width: width, height: height)
        screen = Canvas(width: width, height: height)
    }

    public func type(_ inputs: Input...) { pending.append(contentsOf: inputs) }
    public func type(text: String) { pending.append(contentsOf: text.map { .key(.character($0)) }) }

    public func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        pending.append(.resize)
    }

    public func present(_ canvas: Canvas) {
        screen = canvas
        framesPresented += 1
    }

    public func bell() { bellsRung += 1 }

    public func nextInput(timeoutMilliseconds: Int) -> Input? {
        // A zero timeout only drains a burst of keys; a real wait comes after a frame.
        if pending.isEmpty, timeoutMilliseconds > 0 { idleWaits += 1 }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    public var hasPendingInput: Bool { !pending.isEmpty }

    /// Forgets the waits so far, before the next scripted stretch of input.
    public func resetIdleWaits() { idleWaits = 0 }
}

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
        if let echo = lastEcho, Self.shows(echo, canvas) == false { echoesOverruled += 1 }
        if let foreseen = lastForeseen, foreseen != canvas { foreseenOverruled += 1 }
        lastEcho = nil
        echoPlace = nil
        lastForeseen = nil
        foreseen = []
        screen = canvas
        framesPresented += 1
        whenPresented?(canvas)
    }

    /// Called with each frame as it is presented: a test looks at the meeting's files then.
    public var whenPresented: ((Canvas) -> Void)?

    /// Typed characters shown ahead of their frames (`expectEcho`), and how many of them the
    /// next frame drew otherwise (a flicker on a real screen).
    public private(set) var echoes = 0
    public private(set) var echoesOverruled = 0
    private var lastEcho: Echo?
    private var echoPlace: EchoPlace?

    public func expectEcho(at place: EchoPlace?) { echoPlace = place }

    /// Frames put on screen ahead of the loop's own (`expectFrames`), and how many of them the
    /// next frame drew otherwise (with keys typed apart, none should be).
    public private(set) var framesForeseen = 0
    public private(set) var foreseenOverruled = 0
    private var foreseen: [ForeseenFrame] = []
    private var lastForeseen: Canvas?

    public func expectFrames(_ frames: [ForeseenFrame]) { foreseen = frames }

    /// Shows the character as a real terminal would: at the cursor, which moves on.
    private func echo(_ echo: Echo) {
        guard screen.cursor.map({ $0 == (echo.x, echo.y) }) == true else { return }
        screen.text(String(UnicodeScalar(echo.byte)), x: echo.x, y: echo.y, style: echo.style)
        screen.cursor = (echo.x + 1, echo.y)
        echoes += 1
        lastEcho = echo
    }

    /// Whether `canvas` shows the echoed character where it went (the cursor may be further
    /// on: keys that came after it are in the same frame).
    private static func shows(_ echo: Echo, _ canvas: Canvas) -> Bool {
        guard echo.x < canvas.width, echo.y < canvas.height else { return false }
        return canvas[echo.x, echo.y] == Canvas.Cell(text: String(UnicodeScalar(echo.byte)), style: echo.style)
    }

    public func bell() { bellsRung += 1 }

    public func nextInput(timeoutMilliseconds: Int) -> Input? {
        // A zero timeout only drains a burst of keys; a real wait comes after a frame.
        if pending.isEmpty, timeoutMilliseconds > 0 { idleWaits += 1 }
        // As the real terminal: the key read next after `expectEcho` is drawn at once.
        let place = echoPlace
        let frames = foreseen
        echoPlace = nil
        foreseen = []
        guard !pending.isEmpty else { return nil }
        let input = pending.removeFirst()
        guard case .key(.character(let character)) = input, character.unicodeScalars.count == 1,
              let value = character.unicodeScalars.first?.value else { return input }
        if let place, let echo = place.echo(of: value) {
            self.echo(echo)
        } else if let frame = frames.first(where: { $0.keys.contains(value) }) {
            screen = frame.frame(typing: UInt8(value))
            lastForeseen = screen
            framesForeseen += 1
        }
        return input
    }

    /// Keys typed apart have not arrived yet when the loop looks.
    public var hasPendingInput: Bool { !keysArriveApart && !pending.isEmpty }

    /// Keys typed one at a time, each after the last one's frame (a person typing), rather
    /// than all at once: the loop then reads each after a wait, as it does a real key, and
    /// finds none waiting before it (it draws ahead then: `IncrementalScreen.prepareGrowth`).
    public var keysArriveApart = false
    public var keysMayBeWaiting: Bool { !keysArriveApart }

    /// Forgets the waits so far, before the next scripted stretch of input.
    public func resetIdleWaits() { idleWaits = 0 }
}

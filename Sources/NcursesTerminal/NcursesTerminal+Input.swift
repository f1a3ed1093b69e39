import CNcurses
import DebriefKit
import DebriefTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reading keys: ncurses decodes what the terminfo entry lists (a key's first byte is read
/// without it: `NcursesTerminal+PlainKeys`); `KeyDecoder` decodes the rest of what
/// terminals send; pastes are read here byte by byte so they stay text.
extension NcursesTerminal {
    /// How long after a paste a command key (Enter, F10, PgDn, Ctrl-C…) is held: a person
    /// cannot press one this soon, but bytes smuggled in behind a paste arrive at once.
    static let pasteGuard = 150
    /// How long the rest of an escape sequence, once started, may take to arrive.
    static let sequenceLimit: Int32 = 50

    /// Keys arrive on stdin: a live meeting's loop polls it beside its sockets.
    public var inputDescriptor: Int32? { STDIN_FILENO }
    /// Inputs decoded together and not yet handed out, or bytes held back from a key
    /// sequence (a poll on stdin would not see them).
    public var hasPendingInput: Bool { !queuedInputs.isEmpty || !heldKeyBytes.isEmpty }

    /// Another key may be waiting: decoded already, left in curses' queue, or bytes the
    /// terminal has delivered. Asked with FIONREAD rather than a read with a zero timeout:
    /// curses would poll first, and a poll of a terminal right after a read may wait for the
    /// kernel to finish delivering the key (README, "Benchmarks": the key's first byte).
    public var keysMayBeWaiting: Bool {
        hasPendingInput || cursesMayHoldInput || bytesHaveArrived
    }

    /// The terminal has delivered bytes no read has taken yet (a failed look says yes: the
    /// read that follows finds out).
    var bytesHaveArrived: Bool {
        var waiting: Int32 = 0
        guard ioctl(STDIN_FILENO, UInt(FIONREAD), &waiting) == 0 else { return true }
        return waiting > 0
    }

    /// The bytes that begin one of the terminal's key sequences (ESC for most, and
    /// whatever else its terminfo entry lists), asked of curses once keys are defined.
    static func bytesStartingKeys() -> [Bool] {
        (0..<256).map { byte in
            let text: [CChar] = [CChar(bitPattern: UInt8(byte)), 0]
            return byte != 0 && key_defined(text) != 0
        }
    }

    /// Whether reading `code` may have left bytes in curses' queue: curses keeps the bytes
    /// after one that starts a key sequence when they do not complete it.
    private func mayLeaveBytes(_ code: Code) -> Bool {
        guard case .character(let value) = code else { return true }
        if value < 0x80 { return bytesStartingKeys[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return true }
        return String(scalar).utf8.contains { bytesStartingKeys[Int($0)] }
    }

    public func nextInput(timeoutMilliseconds: Int) -> Input? {
        let prepared = (echo: preparedEcho, frames: preparedFrames)
        preparedEcho = nil
        preparedFrames = []
        if !queuedInputs.isEmpty { return guarded(queuedInputs.removeFirst()) }
        // SIGTSTP from outside, during the last frame or cutting this wait short.
        if takeStopRequest() { return .suspend }
        let read: Code?
        if timeoutMilliseconds > 0 {
            read = waitForKey(timeoutMilliseconds, echoing: prepared)
        } else {
            read = readKey(waits: false)
            echo(read, prepared)
        }
        guard let first = read ?? alreadyArrived() else {
            // curses looked at the terminal only with its own queue empty.
            cursesMayHoldInput = false
            if takeStopRequest() { return .suspend }
            // Looking for another key at once after one (the loop drains a burst) finds none
            // nearly every time: the hang-up poll is left to the read after the next wait,
            // which returns at once on a closed terminal and checks. A poll less per key.
            if !(timeoutMilliseconds == 0 && lastReadGotInput) { noticeHangUp() }
            lastReadGotInput = false
            return nil
        }
        lastReadGotInput = true
        return guarded(decode(first))
    }

    /// Waits for a key in the terminal's `read`, as editors do, rather than in curses' poll:
    /// a key wakes the loop sooner. The kernel times the wait (`debrief_set_read_wait`), in
    /// tenths of a second, rounded up: a clock turns over up to a tenth late. A watched link
    /// (`watch`) or a signal cuts it short.
    private func waitForKey(_ milliseconds: Int, echoing prepared: PreparedForKey) -> Code? {
        // A link stirred while the last key was read: the loop looks at it before waiting.
        if linkStirredDuringKey {
            linkStirredDuringKey = false
            return nil
        }
        let tenths = Int32(min(255, (milliseconds + 99) / 100))
        if tenths != readWaitTenths {
            readWaitTenths = debrief_set_read_wait(tenths) == 0 ? tenths : nil
        }
        let started = monotonicClock.milliseconds()
        debrief_let_link_signal_through(1)
        let code = readKey(waits: true)
        // Before SIGIO is blocked again: a knock now cuts the echo's write short, and it is
        // written again (`StandardStreams.write`).
        echo(code, prepared)
        debrief_let_link_signal_through(0)
        if debrief_take_link_stirred() != 0 {
            readWaitTenths = nil  // the handler set VTIME 0
            linkStirredDuringKey = code != nil
        } else if code == nil, monotonicClock.milliseconds() - started < Int(tenths) * 50 {
            // Back empty far too soon with no signal: the terminal's mode changed under us
            // (`fg`, `stty`). Set again before the next wait, which must not spin.
            readWaitTenths = nil
        }
        return code
    }

    /// A key's first code: read past curses while its queue is empty (`readPlainKey`),
    /// through curses while it may hold bytes. `waits`: as the terminal is set to (the
    /// wait's read), or only for what has arrived.
    private func readKey(waits: Bool) -> Code? {
        guard cursesMayHoldInput else { return readPlainKey(waits: waits) }
        // A key already there is read without curses' poll: with no timeout curses reads at
        // once, and the read does not wait for what is already there.
        setReadTimeout(waits || bytesHaveArrived ? -1 : 0)
        return readCode()
    }

    /// What was prepared for the next key before the wait: its echo, or the frames it may bring.
    typealias PreparedForKey = (echo: PreparedKeyEcho?, frames: [FrameEncoder.PreparedFrame])

    /// A typed letter goes out the moment it is read, before anything else is done with it,
    /// as an editor's does: the key's first byte waits for nothing of the model. So does the
    /// frame of a key that wraps the input, when it was drawn ahead.
    private func echo(_ code: Code?, _ prepared: PreparedForKey) {
        guard case .character(let value)? = code else { return }
        if let echo = prepared.echo, echo.keys.contains(value) {
            drawEcho(of: UInt8(value), echo.echo)
        } else if let frame = prepared.frames.first(where: { $0.keys.contains(value) }) {
            drawForeseen(frame, typing: UInt8(value))
        } else {
            return
        }
        Self.letTheTerminalRead()
    }

    /// Watched links raise SIGIO in this thread, which cuts `waitForKey` short.
    public func watch(_ links: [pollfd]) -> Bool {
        links.allSatisfy { debrief_signal_on_input($0.fd) == 0 }
    }

    /// ncurses' read timeout, set only when it changes: most keys are read with none (the
    /// wait's read), and a look for more after them finds none, so the call is saved.
    func setReadTimeout(_ milliseconds: Int32) {
        guard milliseconds != readTimeout else { return }
        timeout(milliseconds)
        readTimeout = milliseconds
    }

    /// A signal cut the wait short: input that had already arrived is still read (and
    /// handled before the loop stops), so a paste under way when the terminal closed is kept.
    private func alreadyArrived() -> Code? {
        guard signalIsPending else { return nil }
        setReadTimeout(0)
        return readCode()
    }

    /// How long a paste goes on being read once a signal asks us to stop: what is already
    /// in the terminal's buffer is kept, a paste that keeps flowing is not waited for.
    static let drainAfterSignal: Duration = .milliseconds(300)

    enum Code: Equatable {
        case character(UInt32)
        case function(Int32)
    }

    /// The next key through curses (after any bytes held back from a key sequence).
    func readCode() -> Code? {
        heldKeyBytes.isEmpty ? readThroughCurses() : readPlainKey(waits: false)
    }

    /// `wget_wch`, noting when it may have left bytes in its own queue.
    func readThroughCurses() -> Code? {
        var value: wint_t = 0
        let code: Code
        switch wget_wch(debrief_stdscr(), &value) {
        case KEY_CODE_YES: code = .function(Int32(value))
        case OK: code = .character(UInt32(value))
        default: return nil
        }
        if mayLeaveBytes(code) { cursesMayHoldInput = true }
        return code
    }

    private func decode(_ code: Code) -> Input? {
        switch code {
        case .function(Self.pasteStart):
            return .paste(readPaste())
        case .function(Self.pasteEnd):
            return nil  // an end marker with no paste open: nothing to do
        case .function(KEY_RESIZE):
            lastCanvas = nil
            return .resize
        case .function(let code):
            return Self.functionKey(code).map(Input.key)
        case .character(27):
            return readEscapeSequence()
        case .character(let value):
            return KeyDecoder.characterKey(value).map(Input.key)
        }
    }

    /// ESC came undecoded: read what follows it and decode that ourselves.
    private func readEscapeSequence() -> Input? {
        var decoder = KeyDecoder()
        var outputs = decoder.feed(27)
        var after: Input?
        while outputs.isEmpty {
            // ncurses already waited ESCDELAY after the ESC: whatever follows a key's ESC
            // is here by now, so a lone Esc costs no more wait than before.
            setReadTimeout(decoder.holdsOnlyEscape ? 0 : Self.sequenceLimit)
            switch readCode() {
            case nil:
                outputs = decoder.timeOut()
            case .character(let value)?:
                outputs = decoder.feed(value)
            case .function(let code)?:
                if code != Self.pasteStart, code != KEY_RESIZE, let key = Self.functionKey(code) {
                    outputs = decoder.feed(key: key)
                } else {
                    outputs = decoder.timeOut()
                    after = decode(.function(code))
                }
            }
        }
        var inputs: [Input] = outputs.compactMap { output in
            switch output {
            case .key(let key): return .key(key)
            case .unknown(let name): return .unknownSequence(name)
            case .pasteStart: return .paste(readPaste())
            case .pasteEnd: return nil
            }
        }
        if let after { inputs.append(after) }
        guard !inputs.isEmpty else { return nil }
        queuedInputs.append(contentsOf: inputs.dropFirst())
        return inputs[0]
    }

    /// Command keys that arrive right after a paste are held, never acted on.
    private func guarded(_ input: Input?) -> Input? {
        guard case .key(let key)? = input, let ended = pasteEndedAt else { return input }
        guard monotonicClock.milliseconds() - ended < Self.pasteGuard else {
            pasteEndedAt = nil
            return input
        }
        if case .character = key { return input }
        return .heldAfterPaste(key)
    }

    /// Collects pasted text up to the end marker; a missing end marker ends it after a pause,
    /// and a signal (the terminal closing mid-paste) ends it with what has arrived so far.
    private func readPaste() -> String {
        // No key decoding inside a paste: a pasted `ESC [ 21 ~` stays text instead of
        // becoming F10, and the end marker is found here.
        keypad(debrief_stdscr(), false)
        defer {
            keypad(debrief_stdscr(), true)
            pasteEndedAt = monotonicClock.milliseconds()
        }
        let endMarker: [UInt32] = [27, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
        var text = String.UnicodeScalarView()
        func append(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value) else { return }
            text.append(scalar == "\r" ? "\n" : scalar)
        }
        var matched = 0
        var ended = false
        var stopBy: ContinuousClock.Instant?
        setReadTimeout(500)
        while let code = readCode() {
            if signalIsPending {
                // Stop soon, but keep what has already arrived: read on without waiting.
                if stopBy == nil {
                    stopBy = .now + Self.drainAfterSignal
                    setReadTimeout(0)
                } else if ContinuousClock.now > stopBy! {
                    break
                }
            }
            guard case .character(let value) = code else { continue }
            if value == endMarker[matched] {
                matched += 1
                if matched == endMarker.count {
                    ended = true
                    break
                }
                continue
            }
            endMarker[..<matched].forEach(append)
            matched = value == endMarker[0] ? 1 : 0
            if matched == 0 { append(value) }
        }
        if !ended {
            endMarker[..<matched].forEach(append)
        } else {
            // Whatever came in the same burst after the end marker is text too: a paste
            // cannot close itself and go on as keys (`…ESC [ 201 ~ ESC [ 21 ~ y` is no F10).
            setReadTimeout(0)
            while !signalIsPending, let code = readCode(), case .character(let value) = code {
                append(value)
            }
        }
        return String(text)
    }

    /// After a wait that returned nothing: has the terminal hung up? A closed terminal
    /// whose SIGHUP was ignored makes every read return at once with nothing, forever.
    private func noticeHangUp() {
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)]
        guard poll(&descriptors, 2, 0) > 0 else { return }
        let hungUp = Int16(POLLHUP | POLLERR | POLLNVAL)
        if descriptors.contains(where: { $0.revents & hungUp != 0 }) { isGone = true }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        // Shifted keys have no bindings of their own: the plain key.
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        // rxvt's entry names ESC [ 1 ~ and ESC [ 4 ~ Find and Select: they are Home and
        // End on every keyboard (nano reads them so too); A1 and C1 are the keypad's.
        case KEY_HOME, KEY_FIND, KEY_A1, KEY_SHOME: return .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_SEND: return .end
        case KEY_NPAGE, KEY_C3, KEY_SNEXT: return .pageDown
        case KEY_PPAGE, KEY_A3, KEY_SPREVIOUS: return .pageUp
        case KEY_DC, KEY_SDC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case debrief_key_f(1)...debrief_key_f(12): return .function(Int(code - debrief_key_f(0)))
        default:
            // Modified keys have no fixed codes; ncurses names them (kLFT5 = Ctrl-Left).
            switch keyname(code).map({ String(cString: $0) }) {
            case "kLFT5": return .controlLeft
            case "kRIT5": return .controlRight
            case "kLFT3": return .alt(.left)
            case "kRIT3": return .alt(.right)
            default: return nil
            }
        }
    }
}

import DebriefKit
import CNcurses
import DebriefTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal: ncurses sets the terminal up, reads its terminfo entry
/// (`TerminfoCodes`) and decodes keys; frames go out as `FrameEncoder` writes them, one
/// write a frame. This adapter turns canvases into those writes and curses input into
/// `Input`; with its extensions, the only code that talks to ncurses.
@MainActor
public final class NcursesTerminal: Terminal {
    private var encoder: FrameEncoder
    /// The frame on screen; nil when the next one must be drawn in full.
    var lastCanvas: Canvas?
    /// A frame's bytes, kept so a frame allocates none.
    private var output: [UInt8] = []
    /// Frames were written since curses last wrote to the screen: before it writes again, the
    /// terminal is put back as it believes it left it (see `handScreenToCurses`).
    private var drewSinceCurses = false
    static let pasteStart = Int32(KEY_MAX) + 1
    static let pasteEnd = Int32(KEY_MAX) + 2
    /// Inputs decoded together (an unknown sequence and the key that broke it off), handed
    /// out one per `nextInput`.
    var queuedInputs: [Input] = []
    /// When the last paste ended (`monotonicClock` milliseconds): command keys this soon after it
    /// are held (see `nextInput`). A plain integer: every key looks at it, and an optional
    /// `ContinuousClock.Instant` is read through the runtime's generic machinery.
    var pasteEndedAt: Int?
    let monotonicClock = SystemMonotonicClock()
    /// The terminal hung up (end of file on input) without a SIGHUP reaching us.
    var isGone = false
    /// The last read returned a key: an empty look for more right after it needs no check
    /// for a hang-up (a poll per key); the next wait's read checks.
    var lastReadGotInput = false
    /// The read timeout last given to ncurses (see `setReadTimeout`); nil before the first.
    var readTimeout: Int32?
    /// Which bytes begin one of this terminal's key sequences (index: the byte).
    var bytesStartingKeys: [Bool] = []
    /// The last read may have left bytes in curses' own queue, where a look at the terminal
    /// does not see them (see `keysMayBeWaiting`).
    var cursesMayHoldInput = false
    /// Bytes read after a key's first byte that did not complete a terminfo key: read again,
    /// each from its own start, before the terminal (`matchKeySequence`).
    var heldKeyBytes: [UInt8] = []
    /// The read wait last set (`waitForKey`); nil when unknown.
    var readWaitTenths: Int32?
    /// A watched link stirred while `waitForKey` read a key: the next wait returns at once.
    var linkStirredDuringKey = false
    /// The next key's echo, worked out before the wait (`expectEcho`): drawn as soon as the
    /// key is read, if it is one of `keys`.
    typealias PreparedKeyEcho = (keys: ASCIISet, echo: FrameEncoder.PreparedEcho)
    var preparedEcho: PreparedKeyEcho?
    /// Frames the next key may bring, encoded before the wait (`expectFrames`): the one for
    /// the key read is written at once.
    var preparedFrames: [FrameEncoder.PreparedFrame] = []

    /// The environment's locale, but always a UTF-8 one for characters: under the C locale
    /// (a container or an SSH login without LANG) ncurses drops every key that is not ASCII,
    /// and "café naïve" would be saved as "caf".
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        guard String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" else { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_CTYPE, name) != nil { return }
        }
    }

    /// How long the rest of a key sequence may take after its ESC, in milliseconds (curses'
    /// ESCDELAY): a lone Esc is told from an arrow key by this pause.
    static let escapeDelay: Int32 = 25

    /// Takes over the terminal. Call `restore()` before the process exits.
    public init(theme: Theme = .dark, environment: [String: String] = ProcessEnvironment.variables) {
        debrief_install_signal_handlers()
        Self.useUTF8Locale()
        set_escdelay(Self.escapeDelay)
        initscr()
        debrief_watch_resizes()
        raw()
        noecho()
        nonl()
        debrief_reads_never_block()
        keypad(debrief_stdscr(), true)
        // The loop reads every waiting key before it draws: ncurses need not poll for
        // typeahead again in each refresh.
        typeahead(-1)
        // Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~.
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        bytesStartingKeys = Self.bytesStartingKeys()
        let usesColor = has_colors() && (environment["NO_COLOR"] ?? "").isEmpty
        // Dim text all but vanishes on a projector: contrast keeps it at full strength.
        encoder = FrameEncoder(codes: .fromTerminfo(usesColor: usesColor), looks: RoleLook.looks(theme: theme, usesColor: usesColor),
                               dimsText: usesColor && theme.dimsText)
        Self.writeRaw("\u{1B}[?2004h")
    }

    /// Leaves the terminal as it was: cooked mode, cursor visible, main screen.
    public func restore() {
        handScreenToCurses()
        Self.writeRaw("\u{1B}[?2004l")
        curs_set(1)
        endwin()
    }

    // The signal flags are `static` variables in the bridge header, so every Swift file
    // that reads them gets its own copy: they are read here only, in the file that
    // installs the handlers, and the rest of the adapter asks through these.
    var signalIsPending: Bool { debrief_pending_signal() != 0 }
    func takeStopRequest() -> Bool { debrief_take_stop_request() != 0 }
    func takeResize() -> Bool { debrief_take_resize() != 0 }

    /// The signal that asks us to stop; a terminal gone without one counts as SIGHUP.
    public var pendingSignal: Int32 {
        let signal = debrief_pending_signal()
        return signal == 0 && isGone ? SIGHUP : signal
    }

    /// Ctrl-Z: restore the shell's terminal, stop until `fg`, then take it back and redraw.
    public func suspend() {
        restore()
        debrief_stop_self()
        reopen()
    }

    /// Takes the terminal back after `restore()` (after `fg`, or when a joined terminal's
    /// host is back): the next frame repaints every cell, since the shell drew over them.
    public func reopen() {
        Self.writeRaw("\u{1B}[?2004h")
        lastCanvas = nil
        readWaitTenths = nil  // curses put back the mode without a read wait
        clearok(debrief_stdscr(), true)
    }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(debrief_stdscr())), height: Int(getmaxy(debrief_stdscr())))
    }

    public func present(_ canvas: Canvas) {
        preparedEcho = nil
        preparedFrames = []
        output.removeAll(keepingCapacity: true)
        var previous = lastCanvas
        if previous?.width != canvas.width || previous?.height != canvas.height {
            previous = nil
            // Curses writes first what it holds (the alternate screen at start, a clear after a
            // resize, the terminal's modes on `fg`): after it, the frame is drawn in full.
            handScreenToCurses()
            refresh()
        }
        encoder.encode(canvas, since: previous, into: &output)
        // The frame is kept even when it shows nothing new: holding on to the older one
        // would keep the screen's spare frame shared, and the next key would copy all its
        // cells (24 KB at 100×30) before drawing the input into it.
        lastCanvas = canvas
        guard !output.isEmpty else { return }
        Self.write(output)
        drewSinceCurses = true
        Self.letTheTerminalRead()
    }

    /// Works out the echo now, before the wait: after the key's read only its write is left.
    public func expectEcho(at place: EchoPlace?) {
        preparedEcho = nil
        guard let place, let shown = lastCanvas,
              let echo = encoder.prepareEcho(x: place.x, y: place.y, style: place.style, over: shown) else { return }
        preparedEcho = (place.keys, echo)
    }

    /// Draws a typed character ahead of its frame, as `expectEcho` prepared it: most often
    /// the one byte, written straight from the stack.
    func drawEcho(of byte: UInt8, _ prepared: FrameEncoder.PreparedEcho) {
        if prepared.prefix.isEmpty {
            var byte = byte
            // A knock (SIGIO) may cut the write short: then it goes the way frames do.
            if Glibc.write(STDOUT_FILENO, &byte, 1) != 1 { Self.write([byte]) }
        } else {
            Self.write(prepared.prefix + [byte])
        }
        encoder.noteEchoed(prepared, byte: byte)
        drewSinceCurses = true
    }

    /// Encodes the frames now, before the wait, over the frame on screen.
    public func expectFrames(_ frames: [ForeseenFrame]) {
        guard let shown = lastCanvas else { return preparedFrames = [] }
        preparedFrames = frames.compactMap { encoder.prepare($0, over: shown) }
    }

    /// Puts a frame prepared by `expectFrames` on screen for the key `byte`: its bytes, and
    /// the encoder and the frame on screen as they are once those are out.
    func drawForeseen(_ prepared: FrameEncoder.PreparedFrame, typing byte: UInt8) {
        Self.write(prepared.bytes(typing: byte))
        encoder = prepared.encoder
        lastCanvas = prepared.frame(typing: byte)
        drewSinceCurses = true
    }

    /// Puts the terminal back as curses left it (plain style, cursor shown, where stdscr's
    /// cursor is) before curses writes to it: it moves the cursor from where it believes it
    /// is, and resets only the attributes it knows it set.
    private func handScreenToCurses() {
        guard drewSinceCurses else { return }
        output.removeAll(keepingCapacity: true)
        encoder.handBack(cursorAt: Int(getcury(debrief_stdscr())), column: Int(getcurx(debrief_stdscr())), into: &output)
        Self.write(output)
        output.removeAll(keepingCapacity: true)
        drewSinceCurses = false
    }

    /// Once, at a section's time up (`--bell`).
    public func bell() {
        beep()
    }

    /// Gives the CPU up for a moment after a key's bytes or a frame are written. The kernel
    /// hands written bytes to the terminal in a worker thread, which often wakes on this CPU
    /// and would wait for the work Debrief goes on with (the key's frame, the next key's
    /// echo and frames drawn ahead): yielding lets it pass them on first. Measured, a key's
    /// first byte reaches the terminal a fifth to a third sooner at the p99 (README, Benchmarks).
    static func letTheTerminalRead() {
        sched_yield()
    }

    private static func writeRaw(_ text: String) {
        StandardStreams.out(text)
    }

    /// A frame's bytes to the terminal; a failed write (the terminal gone) is noticed by the
    /// hang-up check. Not on the main actor: a closure formed there is checked for isolation
    /// at run time, and `StandardStreams` is not.
    private static func write(_ bytes: [UInt8]) {
        StandardStreams.write(bytes, to: STDOUT_FILENO)
    }
}

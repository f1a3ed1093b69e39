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

/// The real terminal: ncurses does the screen diffing; this adapter turns canvases into
/// curses calls and curses input into `Input`. The only file that talks to ncurses.
@MainActor
public final class NcursesTerminal: Terminal {
    private let usesColor: Bool
    /// The colours roles map to (`--theme`): chosen per terminal.
    private let theme: Theme
    /// Each role's color attribute, by raw value. Roles in the terminal's own colors take
    /// pair 0, plain text to curses: a pair of their own (-1 on -1) looks the same but is an
    /// attribute, and ncurses then ends every frame with a reset (ESC ( B ESC [ m) in a
    /// second write, a system call and six bytes a keystroke.
    private var roleAttributes: [attr_t] = []
    var lastCanvas: Canvas?
    /// One cell's text as a C wide string, reused so drawing a cell allocates nothing.
    private var wideText: [wchar_t] = []
    static let pasteStart = Int32(KEY_MAX) + 1
    static let pasteEnd = Int32(KEY_MAX) + 2
    /// Inputs decoded together (an unknown sequence and the key that broke it off), handed
    /// out one per `nextInput`.
    var queuedInputs: [Input] = []
    /// When the last paste ended (`pasteClock` milliseconds): command keys this soon after it
    /// are held (see `nextInput`). A plain integer: every key looks at it, and an optional
    /// `ContinuousClock.Instant` is read through the runtime's generic machinery.
    var pasteEndedAt: Int?
    let pasteClock = SystemMonotonicClock()
    /// The terminal hung up (end of file on input) without a SIGHUP reaching us.
    var isGone = false
    /// The last read returned a key: an empty look for more right after it needs no check
    /// for a hang-up (a poll per key); the next wait's read checks.
    var lastReadGotInput = false
    /// The read timeout last given to ncurses (see `setReadTimeout`); nil before the first.
    var readTimeout: Int32?

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

    /// Takes over the terminal. Call `restore()` before the process exits.
    public init(theme: Theme = .dark, environment: [String: String] = ProcessEnvironment.variables) {
        self.theme = theme
        debrief_install_signal_handlers()
        Self.useUTF8Locale()
        set_escdelay(25)
        initscr()
        raw()
        noecho()
        nonl()
        keypad(debrief_stdscr(), true)
        // The loop reads every waiting key before it draws: ncurses need not poll for
        // typeahead again in each refresh.
        typeahead(-1)
        // Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~.
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        usesColor = has_colors() && (environment["NO_COLOR"] ?? "").isEmpty
        if usesColor {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases {
                let (foreground, background) = theme.colors(for: role)
                init_pair(Int16(role.rawValue + 1), foreground?.rawValue ?? -1, background?.rawValue ?? -1)
            }
        }
        roleAttributes = ColorRole.allCases.map { role in
            guard usesColor else { return Self.monochrome(role) }
            let (foreground, background) = theme.colors(for: role)
            let color = foreground == nil && background == nil ? debrief_a_normal() : debrief_color_pair(Int32(role.rawValue + 1))
            // On a washed-out projector (contrast), meaning rides on attributes too.
            return theme.emphasizesRoles ? color | Self.monochrome(role) : color
        }
        Self.writeRaw("\u{1B}[?2004h")
    }

    /// Leaves the terminal as it was: cooked mode, cursor visible, main screen.
    public func restore() {
        Self.writeRaw("\u{1B}[?2004l")
        curs_set(1)
        endwin()
    }

    // The signal flags are `static` variables in the bridge header, so every Swift file
    // that reads them gets its own copy: they are read here only, in the file that
    // installs the handlers, and the rest of the adapter asks through these.
    var signalIsPending: Bool { debrief_pending_signal() != 0 }
    func takeStopRequest() -> Bool { debrief_take_stop_request() != 0 }

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
        clearok(debrief_stdscr(), true)
    }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(debrief_stdscr())), height: Int(getmaxy(debrief_stdscr())))
    }

    public func present(_ canvas: Canvas) {
        // Hand curses only the cells that changed since the last frame: stdscr still holds
        // the others. Passing all of them cost more CPU per keystroke than drawing the frame
        // (see Tests/Benchmarks). A new size or a first frame draws everything.
        let changed = canvas.changedCells(since: lastCanvas)
        let sameCursor = canvas.cursor?.x == lastCanvas?.cursor?.x && canvas.cursor?.y == lastCanvas?.cursor?.y
        // The frame is kept even when it shows nothing new: holding on to the older one
        // would keep the screen's spare frame shared, and the next key would copy all its
        // cells (24 KB at 100×30) before drawing the input into it.
        lastCanvas = canvas
        // The same frame again (the loop draws before and after journalling): nothing to do.
        if changed.isEmpty, sameCursor { return }
        // Changed cells side by side on a row and in one style go to curses as one string:
        // a full frame is a few hundred calls instead of one per cell (3,000 at 100×30).
        // No closures in this loop: a closure formed on the main actor gets a runtime
        // isolation check on every call, which showed up at ten percent of a keystroke.
        var run: (start: Int, style: Style)?
        var next = -1  // the cell that would continue the run
        for index in changed {
            let content = canvas.content(at: index)
            if case .continuation = content {
                if index == next { next += 1 }  // the second half of a wide character in the run
                continue
            }
            let style = canvas.style(at: index)
            if run == nil || index != next || index % canvas.width == 0 || style != run?.style {
                if let run { draw(run.start, run.style, width: canvas.width) }
                run = (index, style)
            }
            switch content {
            case .continuation: break
            case .scalar(let scalar): wideText.append(wchar_t(bitPattern: scalar.value))
            case .cluster(let text): for scalar in text.unicodeScalars { wideText.append(wchar_t(bitPattern: scalar.value)) }
            }
            next = index + 1
        }
        if let run { draw(run.start, run.style, width: canvas.width) }
        attrset(Int32(bitPattern: debrief_a_normal()))
        if let cursor = canvas.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Hands curses the run of characters collected in `wideText`, from cell `start` on, and
    /// empties it for the next run.
    private func draw(_ start: Int, _ style: Style, width: Int) {
        wideText.append(0)
        attrset(Int32(bitPattern: attributes(for: style)))
        mvaddwstr(Int32(start / width), Int32(start % width), wideText)
        wideText.removeAll(keepingCapacity: true)
    }

    private func attributes(for style: Style) -> attr_t {
        var attributes = roleAttributes[style.role.rawValue]
        if style.bold { attributes |= debrief_a_bold() }
        if style.reverse { attributes |= debrief_a_reverse() }
        if style.underline { attributes |= debrief_a_underline() }
        // Dim text all but vanishes on a projector: contrast keeps it at full strength.
        if style.dim && usesColor && theme.dimsText { attributes |= debrief_a_dim() }
        return attributes
    }

    /// Without color, roles that carry meaning get an attribute so they still stand out.
    private static func monochrome(_ role: ColorRole) -> attr_t {
        let emphasis = role.emphasis
        return (emphasis.bold ? debrief_a_bold() : 0) | (emphasis.underline ? debrief_a_underline() : 0)
            | (emphasis.reverse ? debrief_a_reverse() : 0)
    }

    /// Once, at a section's time up (`--bell`).
    public func bell() {
        beep()
    }

    private static func writeRaw(_ text: String) {
        StandardStreams.out(text)
    }
}

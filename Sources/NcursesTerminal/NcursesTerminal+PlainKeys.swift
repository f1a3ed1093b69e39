import CNcurses
import DebriefTUI
#if canImport(Glibc)
import Glibc
#endif

/// A key's first byte read without curses: `wget_wch` spends several microseconds after
/// its `read` (and more before it) on work a typed letter does not need, and a typed
/// letter's echo waits for it. Curses still decodes what needs it, the same way it would
/// have: the rest of a character (UTF-8) and the terminfo key sequences, matched here
/// against its own table (`key_defined`), byte by byte as its `wgetch` matches them.
extension NcursesTerminal {
    /// Reads a key's first byte from the terminal itself, waiting as the terminal is set to
    /// (`debrief_set_read_wait`) when `waits`, and only if bytes have arrived otherwise.
    /// Only while curses' own queue is empty: what it holds comes before the terminal.
    func readPlainKey(waits: Bool) -> Code? {
        // A resize is curses' to report (KEY_RESIZE): it does at once, asked without a wait.
        if takeResize() { return readResize() }
        if !heldKeyBytes.isEmpty { return decode(firstByte: heldKeyBytes.removeFirst()) }
        guard waits || bytesHaveArrived else { return nil }
        var byte: UInt8 = 0
        switch read(STDIN_FILENO, &byte, 1) {
        case 1:
            return decode(firstByte: byte)
        case 0:
            return nil  // the wait ran out (or the terminal hung up: `noticeHangUp` looks)
        default:
            // A signal cut the read short: a resize, or one the loop looks at.
            let interrupted = errno == EINTR
            _ = takeResize()
            return interrupted ? readResize() : nil
        }
    }

    /// What curses has to report, asked without a wait (before any held bytes, which follow).
    private func readResize() -> Code? {
        setReadTimeout(0)
        return readThroughCurses()
    }

    /// What curses' `wget_wch` would have returned for a key starting with `byte`.
    private func decode(firstByte byte: UInt8) -> Code? {
        if bytesStartingKeys[Int(byte)] { return matchKeySequence(startingWith: byte) }
        if byte < 0x80 { return .character(UInt32(byte)) }
        // The first byte of a character: curses reads the rest and decodes it, after the
        // bytes still held here.
        if !heldKeyBytes.isEmpty { cursesMayHoldInput = true }  // what it does not take, it keeps
        for held in heldKeyBytes.reversed() { ungetch(Int32(held)) }
        heldKeyBytes = []
        ungetch(Int32(byte))
        return readThroughCurses()
    }

    /// The terminfo key that `first` and the bytes after it spell (`KeySequenceMatch`);
    /// `first` alone when they spell none, the bytes after it held to be read again.
    private func matchKeySequence(startingWith first: UInt8) -> Code {
        let (key, unread) = KeySequenceMatch.match(first: first, lookUp: { sequence in
            key_defined(sequence.map { CChar(bitPattern: $0) } + [0])
        }, next: { nextKeyByte(within: Self.escapeDelay) })
        heldKeyBytes.insert(contentsOf: unread, at: 0)
        return key.map(Code.function) ?? .character(UInt32(first))
    }

    /// The next byte of a key sequence: one held already, or one that arrives in time.
    private func nextKeyByte(within milliseconds: Int32) -> UInt8? {
        if !heldKeyBytes.isEmpty { return heldKeyBytes.removeFirst() }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        // A signal (a link's SIGIO) does not cut a key in two: the wait goes on, to its end.
        let deadline = monotonicClock.milliseconds() + Int(milliseconds)
        var ready: Int32
        repeat {
            ready = poll(&descriptor, 1, Int32(max(0, deadline - monotonicClock.milliseconds())))
        } while ready < 0 && errno == EINTR
        guard ready > 0, descriptor.revents & Int16(POLLIN) != 0 else { return nil }
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}

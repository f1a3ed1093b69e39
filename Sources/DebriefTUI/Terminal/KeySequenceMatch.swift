/// How curses' `wgetch` tells a key sequence from typed bytes, for a reader that takes a
/// key's first byte from the terminal itself: byte by byte against the terminfo table,
/// each next byte waited for only while the bytes so far begin a key.
public enum KeySequenceMatch {
    /// - Parameters:
    ///   - first: a byte that begins at least one key sequence.
    ///   - lookUp: the table: a key's code for a whole sequence, -1 for the beginning of a
    ///     longer one, 0 for neither (ncurses' `key_defined`).
    ///   - next: the next byte, or nil when none comes in time.
    /// - Returns: the key's code, or nil when the bytes spell none; `unread` are the bytes
    ///   read after `first` that are not part of a key. They are read again from their own
    ///   start, as curses reads them again (ESC and then `x` is Alt-x: the `x` is not lost).
    public static func match(first: UInt8, lookUp: ([UInt8]) -> Int32, next: () -> UInt8?) -> (key: Int32?, unread: [UInt8]) {
        var sequence = [first]
        while true {
            // A NUL is in no key (and would end the C string the table is asked with).
            let found = sequence.contains(0) ? 0 : lookUp(sequence)
            if found > 0 { return (found, []) }
            guard found < 0, let byte = next() else { return (nil, Array(sequence.dropFirst())) }
            sequence.append(byte)
        }
    }
}

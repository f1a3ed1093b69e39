import CNcurses
import DebriefTUI
#if canImport(Glibc)
import Glibc
#endif

extension TerminalCodes {
    /// The codes of the terminal set up by `initscr`, from its terminfo entry.
    static func fromTerminfo(usesColor: Bool) -> TerminalCodes {
        let moveTemplate = template("cup")
        let foreground = usesColor ? colors(ansi: "setaf", fallback: "setf") : []
        let background = usesColor ? colors(ansi: "setab", fallback: "setb") : []
        return TerminalCodes(
            reset: string("sgr0"), bold: string("bold"), dim: string("dim"), reverse: string("rev"),
            underline: string("smul"), foreground: foreground, background: background,
            hideCursor: string("civis"), showCursor: string("cnorm"),
            clear: string("clear"),
            moveCursor: cursorMoves(moveTemplate),
            lastCellScrolls: debrief_flag("am") != 0 && debrief_flag("xenl") == 0)
    }

    /// Moves made here for the usual template (`ansiMove`), through terminfo for any other.
    private static func cursorMoves(_ template: [CChar]) -> @Sendable (Int, Int) -> [UInt8] {
        let bytes: [UInt8] = template.dropLast().map { UInt8(bitPattern: $0) }
        if bytes == ansiMoveTemplate { return { row, column in ansiMove(row, column) } }
        return { row, column in expand(template, row, column) }
    }

    private static func string(_ name: String) -> [UInt8] {
        withoutPadding(template(name).dropLast().map { UInt8(bitPattern: $0) })
    }

    /// A capability as a C string (with its terminating zero), or just the zero.
    private static func template(_ name: String) -> [CChar] {
        guard let value = debrief_capability(name) else { return [0] }
        return Array(UnsafeBufferPointer(start: value, count: strlen(value) + 1))
    }

    private static func expand(_ template: [CChar], _ first: Int, _ second: Int) -> [UInt8] {
        guard template.count > 1 else { return [] }
        let expanded = template.withUnsafeBufferPointer { debrief_tiparm($0.baseAddress, Int32(first), Int32(second)) }
        guard let expanded else { return [] }
        return withoutPadding(Array(UnsafeRawBufferPointer(start: expanded, count: strlen(expanded))))
    }

    /// The eight colors' sequences, by ANSI number. Old terminals have only `setf`/`setb`,
    /// which number blue and red, cyan and yellow the other way round.
    private static func colors(ansi: String, fallback: String) -> [[UInt8]] {
        let modern = template(ansi)
        if modern.count > 1 { return (0..<8).map { expand(modern, $0, 0) } }
        let old = template(fallback)
        guard old.count > 1 else { return [] }
        return [0, 4, 2, 6, 1, 5, 3, 7].map { expand(old, $0, 0) }
    }
}

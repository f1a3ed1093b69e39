/// A small RFC 4180 reader: comma-, semicolon- or tab-separated fields, optionally quoted
/// (`"a ""quoted"" word, with a comma"`), quoted fields spanning lines, CRLF, LF or CR line
/// ends. Our own rather than a package: it is about 150 lines, reports every malformed row
/// with its line and column (the packages weighed pass ragged rows and unclosed quotes
/// without a word), and it is fuzzed with the other loaders (README.md, "Tables of numbers").
struct CSVReader {
    struct Row: Equatable {
        /// The line the row starts on (a quoted field can span lines).
        var line: Int
        var cells: [String]
    }

    let file: String
    private(set) var problems: [DataProblem] = []
    /// The separator the last `rows` call found (see `separator(of:)`).
    private(set) var separator: UInt8 = 0x2C

    init(file: String) { self.file = file }

    /// The separator of a file: whichever of tab, semicolon and comma the first line holds
    /// most of outside quotes (a comma when none).
    static func separator(of text: Substring.UTF8View) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in text {
            if byte == 0x22 { quoted.toggle() }
            if !quoted, byte == 0x0A || byte == 0x0D { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = [UInt8(0x09), 0x3B, 0x2C].max { counts[$0]! < counts[$1]! }!
        return counts[best]! > 0 ? best : 0x2C
    }

    /// Every non-blank row, or nil after reporting problems. Stops reading at
    /// `Limits.dataRows` rows or at the first unbalanced quote (everything after it is
    /// inside the quote).
    mutating func rows(_ text: String) -> [Row]? {
        let bytes = Array(text.utf8)
        let separator = Self.separator(of: text[...].utf8)
        self.separator = separator
        var rows: [Row] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1, rowLine = 1
        var index = 0
        var isQuoted = false
        var quoteLine = 0
        var fieldTooLong = false

        func endField() {
            if field.count > Limits.dataCellBytes, !fieldTooLong {
                fieldTooLong = true
                report(rowLine, cells.count + 1, "a cell of \(Limits.size(field.count)) is over the limit of \(Limits.size(Limits.dataCellBytes))")
            }
            cells.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if isQuoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    isQuoted = false
                    index += 1
                    // After a closing quote comes the separator or the end of the line.
                    if index < bytes.count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D {
                        report(line, cells.count + 1, "text after a closing quote; a quote inside a quoted cell is written twice (\"\")")
                        while index < bytes.count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D {
                            field.append(bytes[index])
                            index += 1
                        }
                    }
                    continue
                }
                if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty:
                isQuoted = true
                quoteLine = line
                index += 1
            case separator:
                endField()
                index += 1
            case 0x0A, 0x0D:
                endField()
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                if !cells.allSatisfy(\.isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
                cells.removeAll(keepingCapacity: true)
                fieldTooLong = false
                line += 1
                rowLine = line
                if rows.count > Limits.dataRows {
                    report(rowLine - 1, nil, "more than \(Limits.dataRows) rows; split the file")
                    return nil
                }
            default:
                field.append(byte)
                index += 1
            }
        }
        if isQuoted {
            report(quoteLine, cells.count + 1, "a quote opened here is never closed; close it, or double a quote meant as text (\"\")")
            return nil
        }
        if !field.isEmpty || !cells.isEmpty {
            endField()
            if !cells.allSatisfy(\.isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
        }
        if rows.count > Limits.dataRows {
            report(nil, nil, "more than \(Limits.dataRows) rows; split the file")
            return nil
        }
        return problems.isEmpty ? rows : nil
    }

    private mutating func report(_ line: Int?, _ column: Int?, _ message: String) {
        problems.append(DataProblem(file: file, line: line, column: column, message))
    }
}

/// Data files must be UTF-8, with or without a byte-order mark. Anything else is refused
/// by name, with the encoding to save as: guessing an encoding would silently turn
/// `Lumière` into `LumiÃ¨re` in the brief a client reads.
enum TextEncodingCheck {
    static let saveAs = "save it as UTF-8 ('CSV UTF-8' in Excel, 'Unicode (UTF-8)' in LibreOffice and Numbers, the default in Google Sheets)"

    /// The file's text without its byte-order mark, or the problem that refuses it.
    static func text(of bytes: [UInt8], file: String) -> Result<String, DataProblem> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(DataProblem(file: file, "the file is UTF-16 (Excel's 'Unicode Text'); \(saveAs)"))
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, _) = position(of: nul, in: body)
            // UTF-16 without a mark has a NUL in every other byte.
            let looksUTF16 = body.prefix(200).filter { $0 == 0 }.count * 3 > min(body.count, 200)
            return .failure(DataProblem(file: file, line: line, looksUTF16
                ? "the file looks like UTF-16 without a byte-order mark; \(saveAs)"
                : "the file holds a NUL byte: it is not a text file (export it as CSV or TSV)"))
        }
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        let bad = firstInvalidByte(body)
        let (line, column) = position(of: bad, in: body)
        // 0x80–0x9F are printable only in Windows-1252 (curly quotes, €); in Latin-1 they are controls.
        let guess = body.contains { (0x80...0x9F).contains($0) } ? "Windows-1252" : "Latin-1 (ISO-8859-1) or Windows-1252"
        let byte = "0x" + String(body[bad], radix: 16, uppercase: true)
        return .failure(DataProblem(file: file, line: line,
                                    "the file is not UTF-8 (byte \(byte) at character \(column) of the line; it looks like \(guess)); \(saveAs)"))
    }

    /// Where UTF-8 decoding first fails.
    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return index }
            index += length
        }
        return bytes.startIndex
    }

    /// Line and character column (1-based) of a byte offset.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let before = bytes[bytes.startIndex..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        // Count characters, not bytes: continuation bytes do not start one.
        let column = bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}

import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// A whole screen as a reviewable text file: every row's text, then a map of the same size
/// where each cell's style is one character, with a legend at the top. Substring checks let
/// overlaps through (`1:06:5PROBLEM`); a whole frame does not.
///
/// The files live in Tests/Golden/screens (outside the test target, so SwiftPM does not
/// treat them as resources). `DEBRIEF_UPDATE_GOLDEN=1 swift test` rewrites every one of
/// them; review the diff like code.
enum ScreenGolden {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Golden/screens")

    /// Screens show wall-clock times ("ends ~15:30") in the local zone, which a test cannot
    /// change for the whole process: the goldens are made in UTC, as CI runs, and are
    /// skipped elsewhere (`TZ=UTC swift test` runs them).
    static var isUTC: Bool { TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: 1_795_442_400)) == 0 }
    static let utcOnly: Comment = "the goldens show wall-clock times in UTC: run TZ=UTC swift test"

    static var updating: Bool { ProcessInfo.processInfo.environment["DEBRIEF_UPDATE_GOLDEN"] == "1" }

    /// One character per style. Fixed for the styles the screens use, so a layout change
    /// shows in the diff as moved letters, not as a renamed legend. Styles not listed here
    /// take a digit, in order of first appearance on the screen.
    static let letters: [(Style, Character)] = [
        (.normal, "."),
        (.title, "T"),
        (.muted, "m"),
        (Style(.muted, reverse: true), "r"),
        (.selected, "S"),
        (.bar, "b"),
        (Style(.bar, bold: true, reverse: true), "B"),
        (.warning, "w"),
        (Style(.warning, bold: true, reverse: true), "W"),
        (.alert, "A"),
        (.success, "s"),
        (.key, "k"),
        (Style(.problem), "p"),
        (Style(.problem, bold: true), "P"),
        (Style(.win, bold: true), "N"),
        (Style(.action, bold: true), "C"),
        (Style(.question, bold: true), "Q"),
    ]

    /// The file's text for a canvas: header, legend, text block, style block.
    static func render(_ canvas: Canvas, title: String) -> String {
        var legend = Dictionary(uniqueKeysWithValues: letters.map { ($0.0, $0.1) })
        var spare = Array("0123456789").makeIterator()
        var used: [Character: Style] = [:]
        var styleRows: [String] = []
        for row in 0..<canvas.height {
            var line = ""
            for column in 0..<canvas.width {
                let style = canvas.style(at: row * canvas.width + column)
                let letter = legend[style] ?? {
                    let next = spare.next() ?? "?"
                    legend[style] = next
                    return next
                }()
                used[letter] = style
                line.append(letter)
            }
            styleRows.append(line)
        }
        let width = canvas.width
        // Rows are padded to the full width and closed with `|`, so trailing spaces survive
        // editors and a diff shows where a row ends.
        let textRows = canvas.lines.map { $0 + String(repeating: " ", count: max(0, width - DisplayWidth.of($0))) + "|" }
        var file = "# \(title), \(canvas.width)×\(canvas.height)\n"
        file += "# Regenerate: DEBRIEF_UPDATE_GOLDEN=1 swift test --filter ScreenGoldenTests\n"
        file += "# cursor: " + (canvas.cursor.map { "column \($0.x), row \($0.y)" } ?? "hidden") + "\n"
        file += "# styles:\n"
        for (letter, style) in used.sorted(by: { String($0.key) < String($1.key) }) {
            file += "#   \(letter)  \(describe(style))\n"
        }
        file += "## text\n" + textRows.joined(separator: "\n") + "\n"
        file += "## style\n" + styleRows.map { $0 + "|" }.joined(separator: "\n") + "\n"
        return file
    }

    static func describe(_ style: Style) -> String {
        var words = ["\(style.role)"]
        if style.bold { words.append("bold") }
        if style.reverse { words.append("reverse") }
        if style.underline { words.append("underline") }
        if style.dim { words.append("dim") }
        return words.joined(separator: " ")
    }

    /// Records a test issue naming the differing rows when `canvas` differs from its golden
    /// file (`DEBRIEF_UPDATE_GOLDEN=1` rewrites the file instead).
    static func expect(_ canvas: Canvas, name: String, title: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let difference = try mismatch(canvas, name: name, title: title) {
            Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
        }
    }

    /// Compares a canvas with its golden file (writing the file first when updating).
    /// Returns nil when they match, else a message naming the rows that differ.
    static func mismatch(_ canvas: Canvas, name: String, title: String) throws -> String? {
        let actual = render(canvas, title: title)
        let url = folder.appending(path: name + ".txt")
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "no golden file \(url.path): run DEBRIEF_UPDATE_GOLDEN=1 swift test --filter ScreenGoldenTests"
        }
        let expected = String(decoding: data, as: UTF8.self)
        return expected == actual ? nil : differences(expected: expected, actual: actual, name: name)
    }

    /// The differing lines, block by block (the header with its legend, then each row of
    /// the text and style blocks, labelled `text 3`, `style 3`), expected above actual.
    static func differences(expected: String, actual: String, name: String) -> String {
        let old = blocks(expected), new = blocks(actual)
        var report = ["screen \(name) differs from its golden file (DEBRIEF_UPDATE_GOLDEN=1 rewrites it):"]
        for block in ["header", "text", "style"] {
            let before = old[block] ?? [], after = new[block] ?? []
            for row in 0..<max(before.count, after.count) {
                let was = row < before.count ? before[row] : "(none)", now = row < after.count ? after[row] : "(none)"
                guard was != now else { continue }
                let label = block == "header" ? "header" : "\(block) \(String(format: "%2d", row))"
                report.append("  \(label) expected: \(was)")
                report.append("  \(label)   actual: \(now)")
                if block == "header" { break }  // the rest of the legend follows; one line says enough
            }
        }
        if report.count > 41 { report = Array(report.prefix(41)) + ["  …"] }
        return report.joined(separator: "\n")
    }

    private static func blocks(_ file: String) -> [String: [String]] {
        var blocks: [String: [String]] = [:]
        var block = "header"
        for line in file.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                block = String(line.dropFirst(3))
                continue
            }
            blocks[block, default: []].append(String(line))
        }
        return blocks
    }
}

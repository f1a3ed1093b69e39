/// One thing wrong with (or worth knowing about) a data file, located so the person who
/// exported it can find the cell: file, line (as a text editor counts them) and column
/// (as a spreadsheet counts them, with the header's name).
public struct DataProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The 1-based field number in its row; nil for a problem of the whole row or file.
    public var column: Int?
    /// The header of that column, when there is one.
    public var header: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, header: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.header = header
        self.message = message
    }

    /// `creators.csv, line 4, column 3 (ER): 'high' is not a number`.
    public var description: String {
        var location = file
        if let line { location += ", line \(line)" }
        if let column { location += ", column \(column)" + (header.map { " (\(String($0.prefix(40))))" } ?? "") }
        // The message can quote the file's own text: never let it reach a terminal raw.
        return VisibleText.line("\(location): \(message)")
    }
}

/// Thrown when data files cannot be imported: every problem found, in file order. Nothing
/// of a file with a problem is imported.
public struct DataImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [DataProblem]

    public init(_ problems: [DataProblem]) { self.problems = problems }

    /// The first `Limits.problemsShown`, then how many more.
    public var description: String {
        var lines = problems.prefix(Limits.problemsShown).map(\.description)
        if problems.count > Limits.problemsShown {
            lines.append("… and \(problems.count - Limits.problemsShown) more problems")
        }
        return lines.joined(separator: "\n")
    }
}

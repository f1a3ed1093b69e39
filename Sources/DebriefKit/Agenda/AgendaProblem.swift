/// One thing wrong with an agenda file, located and explained so the author can fix it.
public struct AgendaProblem: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        // The message can quote the file's own text: never let it reach a terminal raw.
        let location = line.map { "\(file):\($0)" } ?? file
        return VisibleText.line("\(location): \(message)")
    }
}

/// Thrown when an agenda cannot be used; carries every problem found, in file order.
public struct AgendaError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [AgendaProblem]

    public init(_ problems: [AgendaProblem]) { self.problems = problems }

    /// The first `Limits.problemsShown` problems, then how many more: a file with 100,000
    /// broken sections must not print 100,000 lines.
    public var description: String {
        var lines = problems.prefix(Limits.problemsShown).map(\.description)
        if problems.count > Limits.problemsShown, let file = problems.first?.file {
            let more = problems.count - Limits.problemsShown
            lines.append(VisibleText.line("\(file): and \(more) more problem\(more == 1 ? "" : "s")"))
        }
        return lines.joined(separator: "\n")
    }
}

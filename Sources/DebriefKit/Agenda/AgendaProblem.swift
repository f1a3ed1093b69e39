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

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// A user error: printed as one clear message, exit code 1, never a stack trace.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

import Testing

/// What a note-taker does with a problem, as the end-to-end tests repeat it.
extension Tmux {
    /// Types `text` (a `!` note) and Enter, waits for the tag picker, and leaves the problem
    /// untagged with Esc. Returns once the picker is gone: a key right behind a lone Esc
    /// would read as Alt-key.
    func addUntaggedProblem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try type(text)
        try press("Enter")
        try waitFor("Root cause:", sourceLocation: sourceLocation)
        try press("Escape")
        try waitUntil("the picker closed", sourceLocation: sourceLocation) { !$0.contains("Root cause:") }
    }
}

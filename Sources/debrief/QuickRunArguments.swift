import DebriefTUI

/// `debrief run`'s command line read without ArgumentParser, for the lines people type every
/// day (`debrief`, `debrief run --title "Q3 launch" --view projector`). ArgumentParser builds
/// its picture of the commands by reflection, and the Swift runtime answers each question
/// that reflection asks by scanning the binary's 4,300 conformance records: about two-thirds
/// of the instructions of a start. Anything else (help, `--version`, completions, another
/// command, a word that is not an option, a short or unknown option, a value that fails its
/// check) reads as nil and goes to ArgumentParser, which says what is wrong in its own words.
/// `QuickRunArgumentsTests` checks that whatever this reads, ArgumentParser reads the same.
enum QuickRunArguments {
    /// The options, or nil when ArgumentParser should read the line.
    static func parse(_ arguments: [String]) -> RunOptions? {
        var rest = arguments[...]
        if rest.first == "run" { rest = rest.dropFirst() }
        var options = RunOptions()
        while let token = rest.popFirst() {
            guard token.hasPrefix("--") else { return nil }
            let name: Substring
            var value: String?
            if let equals = token.firstIndex(of: "=") {
                name = token[token.index(token.startIndex, offsetBy: 2)..<equals]
                value = String(token[token.index(after: equals)...])
            } else {
                name = token.dropFirst(2)
            }
            // A flag stands alone: "--bell=yes" is a mistake, for ArgumentParser to name.
            if value == nil, set(flag: name, in: &options) { continue }
            if value == nil { value = rest.popFirst() }
            // ArgumentParser reads "--title -x" as two options, and refuses an empty value.
            guard let value, !value.isEmpty, !value.hasPrefix("-"), set(name, to: value, in: &options) else {
                return nil
            }
        }
        return options.problem == nil ? options : nil
    }

    private static func set(flag name: Substring, in options: inout RunOptions) -> Bool {
        switch name {
        case "bell": options.display.bell = true
        case "no-git": options.noGit = true
        case "allow-shared-folder": options.allowSharedFolder = true
        default: return false
        }
        return true
    }

    private static func set(_ name: Substring, to value: String, in options: inout RunOptions) -> Bool {
        switch name {
        case "agenda": options.agenda = value
        case "title": options.title = value
        case "client": options.client = value
        case "campaign": options.campaign = value
        case "facilitator": options.facilitator = value
        case "note-taker": options.noteTaker = value
        case "data": options.data.append(value)
        case "sessions": options.sessions = value
        case "view":
            guard let view = ViewKind(rawValue: value) else { return false }
            options.display.view = view
        case "theme":
            guard let theme = Theme(rawValue: value) else { return false }
            options.display.theme = theme
        case "time-scale":
            guard let scale = Double(value) else { return false }
            options.timeScale = scale
        default: return false
        }
        return true
    }
}

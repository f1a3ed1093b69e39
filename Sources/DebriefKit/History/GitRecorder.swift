#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A team keeps its sessions folder in git; Debrief commits its own files there (a finished
/// meeting's session file and brief, the action ledger after a status) and nothing else. It
/// never pushes, pulls or stages anything but the files it names: `git commit -- <files>`
/// commits only those paths, whatever else is staged.
public enum GitRecorder {
    /// What happened, in a sentence for the person at the keyboard; nil when the folder is
    /// not in a git work tree (nothing to do, nothing to say).
    public static func commit(_ files: [URL], in folder: URL, message: String) -> String? {
        guard isWorkTree(folder) else { return nil }
        let names = files.map(\.lastPathComponent)
        let added = run(["add", "--"] + names, in: folder)
        guard added.status == 0 else { return "Not committed to git: \(VisibleText.line(added.output.trimmed))" }
        let committed = run(["commit", "--quiet", "-m", message, "--"] + names, in: folder)
        guard committed.status == 0 else {
            return "Not committed to git: \(VisibleText.line(committed.output.trimmed))"
        }
        return "Committed to git: \(VisibleText.line(message))"
    }

    /// The ledger merges by union of lines (each line is unique): told to git once, in the
    /// folder's `.gitattributes`, which is then committed with the ledger.
    public static func ledgerAttributes(in folder: URL) -> URL? {
        guard isWorkTree(folder) else { return nil }
        let url = folder.appending(path: ".gitattributes")
        let rule = "\(ActionLedger.fileName) merge=union"
        let existing = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if existing.split(separator: "\n").contains(where: { $0.trimmingWhitespace() == rule }) { return url }
        let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + rule + "\n"
        guard (try? SecureFiles.writeAtomically(Data(text.utf8), to: url)) != nil else { return nil }
        return url
    }

    public static func isWorkTree(_ folder: URL) -> Bool {
        let result = run(["rev-parse", "--is-inside-work-tree"], in: folder)
        return result.status == 0 && result.output.trimmed == "true"
    }

    static func run(_ arguments: [String], in folder: URL) -> (status: Int32, output: String) {
        var environment = ProcessEnvironment.variables
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        guard let result = ChildProcess.run(["/usr/bin/env", "git", "-C", folder.path] + arguments, environment: environment) else {
            return (127, "git could not be started")
        }
        return result
    }
}

extension String {
    fileprivate var trimmed: String { trimmingWhitespaceAndNewlines() }
}

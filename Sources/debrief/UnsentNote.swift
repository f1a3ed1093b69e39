import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Text typed on a terminal that the meeting did not take (its host is gone, or another
/// terminal ended the meeting mid-note) is never lost: printed, and saved in a file named here.
enum UnsentNote {
    static func keep(_ text: String, session: String, in folder: URL?) {
        guard !text.isEmpty else { return }
        StandardStreams.error("Your unsent note:\n" + VisibleText.lines(text) + "\n")
        let folder = folder ?? ProcessEnvironment.home
        let file = folder.appending(path: "\(session)-unsent-\(Int(Date().timeIntervalSince1970)).txt")
        do {
            try SecureFiles.makeFolder(folder)
            try SecureFiles.writeAtomically(Data(text.utf8), to: file)
            StandardStreams.error(ShellText.labelled("Saved in: ", file.path) + "\n")
        } catch {
            StandardStreams.error("It could not be saved (\(PlainError.message(error))): copy it from above.\n")
        }
    }
}

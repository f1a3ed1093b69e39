import DebriefKit
import Foundation
import TestSupport
import Testing

/// What the command line says when a path is wrong: the file the person named, in words,
/// never a Foundation error domain or a temporary file's name.
@Suite("Command line: errors in words")
struct PlainMessagesEndToEndTests {
    @Test func anAgendaThatIsAFolderIsSaidSo() throws {
        let folder = Debrief.freshFolder()
        let result = try Subprocess.run([Debrief.binary, "run", "--agenda", folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains("it is a folder, not a file"))
        #expect(!result.output.contains("NSCocoaErrorDomain"))
        #expect(!result.output.contains("256"))
    }

    /// `--sessions` naming a file: "No sessions in /x." would send a person looking for
    /// sessions that were never there.
    @Test func aSessionsFolderThatIsAFileIsSaidSo() throws {
        let file = Debrief.freshFolder().appending(path: "notes.txt")
        try Data("x".utf8).write(to: file)
        for command in ["sessions", "resume", "show", "run"] {
            let arguments = [Debrief.binary, command] + (command == "show" ? ["m"] : []) + ["--sessions", file.path]
            let result = try Subprocess.run(arguments)
            #expect(result.status != 0, "\(command)")
            #expect(result.output.contains("--sessions \(file.path): it is a file, not a folder"), "\(command): \(result.output)")
        }
    }

    @Test func aMissingAgendaFileIsSaidSo() throws {
        let result = try Subprocess.run([Debrief.binary, "check", "/nonexistent-debrief/agenda.yaml"])
        #expect(result.status == 1)
        #expect(result.output.contains("/nonexistent-debrief/agenda.yaml"))
        #expect(result.output.contains("no such file or folder"))
        #expect(!result.output.contains("Domain"))
    }

    @Test func exportingIntoAMissingFolderNamesTheFileAskedFor() throws {
        let folder = Debrief.freshFolder()
        let session = folder.appending(path: "m.debrief.jsonl")
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(), meeting: MeetingInfo(
            title: "M", startedAt: "2026-11-23T14:00:00Z"))
        let events = [Event(t: 0, .sectionStarted(section: "performance")), Event(t: 1000, .meetingEnded)]
        try SessionCoding.sessionFile(header: header, events: events).write(to: session)
        let result = try Subprocess.run([Debrief.binary, "export", session.path, "--format", "ics",
                                         "-o", "/nonexistent-debrief/x.ics"])
        #expect(result.status == 1)
        #expect(result.output.contains("cannot save /nonexistent-debrief/x.ics: the folder /nonexistent-debrief does not exist"))
        #expect(!result.output.contains(".tmp"))
    }

    @Test func showingAFolderIsSaidSo() throws {
        let folder = Debrief.freshFolder()
        let result = try Subprocess.run([Debrief.binary, "show", folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains("it is a folder, not a file"))
        #expect(!result.output.contains("Domain"))
    }
}

/// `debrief show` in the shell: the start in the reader's local time, multi-line notes as
/// indented lines.
@Suite("Command line: show reads as a person would")
struct ShowEndToEndTests {
    @Test func showWritesTheStartInLocalTimeAndNotesOverSeveralLines() throws {
        let folder = Debrief.freshFolder()
        let session = folder.appending(path: "m.debrief.jsonl")
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(), meeting: MeetingInfo(
            title: "M", startedAt: "2026-11-25T22:36:15Z"))
        let events = [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 60_000, .noteAdded(id: 1, section: "performance", content: NoteContent(
                text: "Approvals slipped the schedule\n(Sam ran these numbers)"))),
            Event(t: 120_000, .meetingEnded),
        ]
        try SessionCoding.sessionFile(header: header, events: events).write(to: session)
        let result = try Subprocess.run(["/usr/bin/env", "TZ=Europe/Paris", Debrief.binary, "show", session.path])
        #expect(result.status == 0)
        let lines = result.output.components(separatedBy: "\n")
        #expect(lines.contains("  Started     2026-11-25 23:36 +01:00"))
        #expect(lines.contains("   01:00  NOTE     Approvals slipped the schedule"))
        #expect(lines.contains("                   (Sam ran these numbers)"))
        #expect(!result.output.contains("^J"))
        let listed = try Subprocess.run(["/usr/bin/env", "TZ=Europe/Paris", Debrief.binary, "sessions", "--sessions", folder.path])
        #expect(listed.output.contains("  2026-11-25 23:36 +01:00  M · 02:00"))
    }
}

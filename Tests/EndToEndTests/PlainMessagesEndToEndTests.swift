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

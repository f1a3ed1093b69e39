import DebriefKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// No Foundation error text reaches a person: every file error is said in words.
@Suite("Errors in plain words")
struct PlainErrorTests {
    @Test func systemErrorNumbersBecomeWords() {
        #expect(PlainError.reason(errno: ENOENT) == "no such file or folder")
        #expect(PlainError.reason(errno: EISDIR) == "it is a folder, not a file")
        #expect(PlainError.reason(errno: EACCES) == "permission denied")
        #expect(PlainError.reason(errno: ENOSPC) == "the disk is full")
        #expect(PlainError.reason(errno: EROFS) == "the disk is read-only")
        #expect(PlainError.reason(errno: EFBIG) == "the file-size limit is reached")
        #expect(StorageError(path: "/x", action: "save", code: ENOSPC).description == "cannot save /x: the disk is full")
    }

    @Test func foundationErrorsBecomeWords() {
        #expect(PlainError.message(CocoaError(.fileReadNoSuchFile)) == "no such file or folder")
        #expect(PlainError.message(CocoaError(.fileWriteOutOfSpace)) == "the disk is full")
        #expect(PlainError.message(CocoaError(.fileReadNoPermission)) == "permission denied")
        #expect(PlainError.message(POSIXError(.EACCES)) == "permission denied")
        let unknown = PlainError.message(CocoaError(.fileReadUnknown))
        #expect(!unknown.contains("Domain") && !unknown.contains("256"))
    }

    @Test func readingAFolderSaysItIsAFolder() throws {
        let folder = Fixtures.temporaryFolder()
        let error = try #require(throws: (any Error).self) { try Data(contentsOf: folder) }
        #expect(PlainError.reading(error, path: folder.path) == "it is a folder, not a file")
        let missing = folder.appending(path: "missing.yaml")
        let notThere = try #require(throws: (any Error).self) { try Data(contentsOf: missing) }
        #expect(PlainError.reading(notThere, path: missing.path) == "no such file or folder")
    }

    /// Foundation refuses a device or a pipe with a permission error, which is not true:
    /// `show /dev/null` said "permission denied" to root.
    @Test func readingADeviceOrAPipeSaysWhatItIs() throws {
        let pipe = Fixtures.temporaryFolder().appending(path: "pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        for path in [pipe.path, "/dev/null"] {
            let error = try #require(throws: (any Error).self) { try Data(contentsOf: URL(filePath: path)) }
            #expect(PlainError.reading(error, path: path) == "it is not a regular file (a device, a pipe or a socket)")
        }
    }

    @Test func anAgendaThatIsAFolderIsNamedInWords() throws {
        let folder = Fixtures.temporaryFolder()
        let error = try #require(throws: AgendaError.self) { try AgendaLoader.load(contentsOf: folder, shownAs: "Agendas") }
        #expect(error.description.contains("it is a folder, not a file"))
        #expect(!error.description.contains("NSCocoaErrorDomain"))
        #expect(!error.description.contains("256"))
    }

    @Test func aSessionThatIsAFolderIsNamedInWords() throws {
        let folder = Fixtures.temporaryFolder()
        let error = try #require(throws: SessionReadError.self) { try SessionReader.read(folder) }
        #expect(error.description.contains("it is a folder, not a file"))
        #expect(!error.description.contains("Domain"))
    }

    @Test func savingIntoAMissingFolderNamesTheFileAskedFor() throws {
        let target = URL(fileURLWithPath: "/nonexistent-debrief-folder/x.ics")
        let error = try #require(throws: StorageError.self) { try SecureFiles.writeAtomically(Data("x".utf8), to: target) }
        #expect(error.description == "cannot save /nonexistent-debrief-folder/x.ics: the folder /nonexistent-debrief-folder does not exist")
        #expect(!error.description.contains(".tmp"))
    }
}

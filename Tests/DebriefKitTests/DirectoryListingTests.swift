@testable import DebriefKit
import Foundation
import Testing

/// Folders are listed through libc; the names must be the ones FileManager gives.
@Suite("Listing a folder")
struct DirectoryListingTests {
    @Test func aFolderListsItsNamesWithoutDotsAsFileManagerDoes() throws {
        let folder = Fixtures.temporaryFolder()
        for name in ["a.session.jsonl", ".hidden", "Café 2026.journal.jsonl", "sub"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        let listed = try #require(DirectoryListing.names(in: folder.path))
        #expect(listed.sorted() == [".hidden", "Café 2026.journal.jsonl", "a.session.jsonl", "sub"])
        let fromFoundation = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(listed.sorted() == fromFoundation.sorted())
    }

    @Test func aMissingFolderOrAFileListsNothingAndAnEmptyFolderNoName() throws {
        #expect(DirectoryListing.names(in: "/nonexistent-\(UUID().uuidString)") == nil)
        let file = Fixtures.temporaryFolder().appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        #expect(DirectoryListing.names(in: file.path) == nil)
        #expect(DirectoryListing.names(in: Fixtures.temporaryFolder().path) == [])
    }
}

import DebriefKit
import Foundation
import Testing

@Suite("Client names: one client however it was typed")
struct ClientNameTests {
    @Test func caseAccentsAndSpacingDoNotMakeAnotherClient() {
        #expect(ClientName("Lumière") == ClientName("LUMIERE"))
        #expect(ClientName("  lumie\u{301}re ") == ClientName("Lumière"))
        #expect(ClientName("Pixel & Co.") == ClientName("pixel co"))
        #expect(ClientName("Lumen") != ClientName("Lumen Skincare"))
    }

    @Test func theAliasFileMakesSpellingsOneClientShownUnderItsName() throws {
        let folder = Fixtures.temporaryFolder()
        try Data("Lumen Skincare:\n  - Lumen\n  - Lumen skin care\n".utf8)
            .write(to: folder.appending(path: ClientAliases.fileName))
        let aliases = try ClientAliases.load(folder: folder)
        #expect(aliases.key(for: "lumen") == aliases.key(for: "LUMEN SKINCARE"))
        #expect(aliases.key(for: "Lumen skin-care") == ClientName("Lumen Skincare"))
        #expect(aliases.name(for: "LUMEN") == "Lumen Skincare")

        let sessions = [
            SessionDigest(name: "a", title: "A", client: "Lumen", campaign: nil, startedAt: "2026-01-01T10:00:00Z", items: []),
            SessionDigest(name: "b", title: "B", client: "Lumen Skincare", campaign: nil, startedAt: "2026-02-01T10:00:00Z", items: []),
            SessionDigest(name: "c", title: "C", client: "Acme", campaign: nil, startedAt: "2026-03-01T10:00:00Z", items: []),
        ]
        let directory = ClientDirectory(sessions: sessions, aliases: aliases)
        #expect(directory.clients.map(\.name) == ["Acme", "Lumen Skincare"])
        #expect(directory.clients.last?.sessions == 2)
        #expect(try directory.sessions(sessions, client: "lumen").map(\.name) == ["a", "b"])
        #expect(throws: HistoryError.self) { try directory.sessions(sessions, client: "Lume") }
    }

    @Test func aBrokenAliasFileIsAnErrorNamingIt() throws {
        let folder = Fixtures.temporaryFolder()
        try Data("- just\n- a list\n".utf8).write(to: folder.appending(path: ClientAliases.fileName))
        #expect { try ClientAliases.load(folder: folder) } throws: { error in
            "\(error)".contains(ClientAliases.fileName)
        }
    }
}

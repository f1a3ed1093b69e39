import ArgumentParser
import DebriefKit

struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "List the clients of the sessions folder, with how many sessions each.",
        discussion: """
        Names are matched with case and accents ignored, so a typo stands out as its own \
        line ("Lumen" beside "Lumen Skincare"). To make spellings one client, list them in \
        clients.yaml in the sessions folder:

          Lumen Skincare:
            - Lumen
        """)

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let loaded = try LoadedHistory.load(storage, client: nil)
        let clients = loaded.directory.clients
        let unnamed = loaded.sessions.count { loaded.directory.key(of: $0) == nil }
        guard !clients.isEmpty || unnamed > 0 else {
            print("No finished sessions in \(VisibleText.line(try storage.store.folder.path)).")
            return
        }
        for client in clients {
            print("\(client.sessions)\t\(VisibleText.line(client.name))")
            if client.spellings.count > 1 || client.spellings.first?.spelling != client.name {
                for (spelling, count) in client.spellings {
                    print("\t  \(count) as \"\(VisibleText.line(spelling))\"")
                }
            }
        }
        if unnamed > 0 { print("\(unnamed)\t(no client)") }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `clients.yaml` in the sessions folder: which spellings are one client. Each key is the
/// name to show; its list holds the other spellings people typed:
///
///     Lumen Skincare:
///       - Lumen
///       - Lumen skin care
///
/// Matching is by `ClientName` (case and accents ignored), so only real variants need listing.
public struct ClientAliases: Sendable {
    public static let fileName = "clients.yaml"

    /// Folded spelling → the name to show.
    private var canonical: [ClientName: String] = [:]

    public init() {}

    public init(_ groups: [String: [String]]) {
        for (name, spellings) in groups.sorted(by: { $0.key < $1.key }) {
            canonical[ClientName(name)] = name
            for spelling in spellings { canonical[ClientName(spelling)] = name }
        }
    }

    /// The alias file of `folder`: none is fine; a broken one is an error that names the file.
    public static func load(folder: URL) throws(HistoryError) -> ClientAliases {
        let url = folder.appending(path: fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return ClientAliases() }
        guard data.count <= 1_000_000, let text = String(data: data, encoding: .utf8) else {
            throw HistoryError("\(url.path): not a text file of client aliases")
        }
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(text)
        } catch {
            throw HistoryError("\(url.path): not valid YAML; write each client as 'Name:' followed by '- spelling' lines")
        }
        guard let node else { return ClientAliases() }
        guard let mapping = node.mapping else {
            throw HistoryError("\(url.path): expected 'Client name:' keys, each with a list of other spellings")
        }
        var groups: [String: [String]] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar, !ClientName(name).isEmpty else {
                throw HistoryError("\(url.path) line \(key.line): a client name must be text")
            }
            if let list = value.sequence {
                groups[name] = list.compactMap(\.scalar)
            } else if let single = value.scalar, !single.isEmpty {
                groups[name] = [single]
            } else {
                groups[name] = []
            }
        }
        return ClientAliases(groups)
    }

    /// The name `spelling` is shown under: its alias group's name, or nil when not listed.
    public func name(for spelling: String) -> String? { canonical[ClientName(spelling)] }

    /// The key sessions of this client share (the alias group's, when listed).
    public func key(for spelling: String) -> ClientName {
        name(for: spelling).map(ClientName.init) ?? ClientName(spelling)
    }
}

/// A user error in the history commands, worded to be printed as it is.
public struct HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

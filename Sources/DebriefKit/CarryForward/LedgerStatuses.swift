import Foundation

/// Statuses recorded between meetings (`debrief actions done ID`) in the append-only
/// ledger of the sessions folder, read as carry-forward needs them: which action, which
/// status, in the order written. The one place carry-forward reads the ledger, so that it
/// can follow the ledger's own reader. A torn or unknown line is passed over.
public enum LedgerStatuses {
    public static let fileName = "actions.ledger.jsonl"

    public static func read(in folder: URL) -> [(ActionKey, FollowUpStatus)] {
        let url = folder.appending(path: fileName)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
              size <= Limits.sessionFileBytes, let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        return JSONLines.lines(in: data).compactMap { line in
            guard line.count <= Limits.lineBytes, let entry = try? decoder.decode(Entry.self, from: Data(line)),
                  let id = entry.id ?? entry.note, let status = FollowUpStatus(rawValue: entry.status) else { return nil }
            return (ActionKey(session: entry.session, id: id), status)
        }
    }

    private struct Entry: Decodable {
        var session: String
        var id: Int?
        var note: Int?
        var status: String
    }
}

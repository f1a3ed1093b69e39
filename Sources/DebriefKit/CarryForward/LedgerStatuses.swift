#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Statuses recorded between meetings (`debrief actions done ID`) in the actions ledger of
/// the sessions folder (`ActionLedger`), as carry-forward needs them: the latest status of
/// each action, keyed as the meetings key them. A torn or unknown line is passed over.
public enum LedgerStatuses {
    public static let fileName = ActionLedger.fileName

    public static func read(in folder: URL) -> [(ActionKey, FollowUpStatus)] {
        ActionLedger.latest(ActionLedger(folder: folder).read().entries).values.compactMap { entry in
            // `<session name>#<note id>`, the ledger's id of an action.
            guard let hash = entry.action.lastIndex(of: "#"), let id = Int(entry.action[entry.action.index(after: hash)...]) else {
                return nil
            }
            let status: FollowUpStatus = switch entry.status {
            case .done: .done
            case .dropped: .dropped
            case .open: .notDone
            }
            return (ActionKey(session: String(entry.action[..<hash]), id: id), status)
        }
    }
}

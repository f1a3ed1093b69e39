import DebriefKit

/// Keys inside the Ctrl-C dialog (`AppModel.Overlay.interruptChoice`).
extension AppModel {
    mutating func handleInterruptChoice(_ key: Key) -> [AppEffect] {
        switch KeyMap.boxCommand(for: key, in: .interruptDialog) {
        case .confirm?:
            return endMeeting()
        case .leaveForLater?:
            overlay = nil
            return [.leave]
        case .cancel?:
            overlay = nil
        default:
            break
        }
        return []
    }
}

import DebriefKit

/// Keys inside the Ctrl-C dialog (`AppModel.Overlay.interruptChoice`).
extension AppModel {
    mutating func handleInterruptChoice(_ key: Key) -> [AppEffect] {
        switch key {
        case .character("e"), .character("E"):
            return endMeeting()
        case .character("l"), .character("L"):
            overlay = nil
            return [.leave]
        case .escape, .character("c"), .character("C"), .control("c"):
            overlay = nil
        default:
            break
        }
        return []
    }
}

import DebriefKit
import DebriefTUI
import Foundation

/// Builds app models at a given point of a meeting, for rendering tests.
enum ScreenFixtures {
    static var agenda: Agenda { try! BuiltinAgendas.defaultAgenda() }

    static let info = MeetingInfo(title: "Spring launch post-mortem", client: "Acme", campaign: "Spring",
                                  startedAt: "2026-11-23T14:00:00Z")

    static func model(events: [Event], now: Int) -> AppModel {
        var model = AppModel(meeting: MeetingState(agenda: agenda), info: info)
        for event in events { model.apply(event) }
        model.now = now
        return model
    }

    /// A new meeting on the default agenda, journalled in `folder` (a fresh temporary one
    /// unless given), and its model before the first key: what a loop test starts from.
    static func newMeeting(in folder: URL = FileManager.default.temporaryDirectory.appending(path: "meeting-\(UUID().uuidString)"))
        throws -> (recorder: MeetingRecorder, model: AppModel) {
        let header = SessionHeader(agenda: agenda, meeting: info)
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        return (recorder, AppModel(meeting: MeetingState(agenda: header.agenda), info: header.meeting))
    }

    static func render(_ model: AppModel, width: Int, height: Int) -> String {
        MeetingScreen.render(model, size: TerminalSize(width: width, height: height)).text
    }
}

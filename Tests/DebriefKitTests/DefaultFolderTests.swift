import DebriefKit
import Foundation
import Testing

/// Where meetings are saved when no folder is named: the variables a user sets win, in
/// the order README gives, and `$HOME` counts for root too (containers, CI, test runs).
@Suite("Default sessions folder")
struct DefaultFolderTests {
    @Test func debriefSessionsWinsThenXDGDataHomeThenHome() {
        let all = ["DEBRIEF_SESSIONS": "/s", "XDG_DATA_HOME": "/d", "HOME": "/h"]
        #expect(SessionStore.defaultFolder(environment: all).path == "/s")
        #expect(SessionStore.defaultFolder(environment: all.merging(["DEBRIEF_SESSIONS": ""]) { $1 }).path
            == "/d/debrief/sessions")
        #expect(SessionStore.defaultFolder(environment: ["HOME": "/h"]).path == "/h/.local/share/debrief/sessions")
    }

    @Test func aRelativeXDGDataHomeIsIgnoredAsTheSpecificationAsks() {
        let folder = SessionStore.defaultFolder(environment: ["XDG_DATA_HOME": "data", "HOME": "/h"])
        #expect(folder.path == "/h/.local/share/debrief/sessions")
    }

    @Test func withoutAUsableHomeThePasswordDatabaseAnswers() {
        let fromPasswd = FileManager.default.homeDirectoryForCurrentUser.path
        #expect(ProcessEnvironment.home(environment: [:]).path == fromPasswd)
        #expect(ProcessEnvironment.home(environment: ["HOME": "relative"]).path == fromPasswd)
        #expect(ProcessEnvironment.home(environment: ["HOME": "/elsewhere"]).path == "/elsewhere")
    }
}

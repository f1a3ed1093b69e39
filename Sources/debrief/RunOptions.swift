import DebriefKit

/// What `debrief run` was asked for, as a plain value: read by ArgumentParser (`RunCommand`)
/// or, for the simple command lines people type every day, by `QuickRunArguments`. Either
/// way the meeting starts from this (`MeetingStart`), with these defaults and these checks.
struct RunOptions: Equatable {
    var agenda: String?
    var title: String?
    var client: String?
    var campaign: String?
    var facilitator: String?
    var noteTaker: String?
    var data: [String] = []
    var sessions: String?
    var allowSharedFolder = false
    var display = Display()
    var noGit = false
    var timeScale: Double = 1

    /// What is wrong with the options before anything is opened, if anything.
    var problem: String? {
        Self.timeScaleProblem(timeScale) ?? SessionsOption.problem(sessions)
    }

    static func timeScaleProblem(_ timeScale: Double) -> String? {
        guard timeScale > 0, timeScale <= Limits.maximumTimeScale else {
            return "--time-scale must be above 0 and at most 10000"
        }
        return nil
    }
}

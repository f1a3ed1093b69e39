#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The environment Debrief was started with, read once. `ProcessInfo.environment` builds a
/// new dictionary of every variable at each call, and a meeting's start asked five times
/// (about a fifteenth of its start-up). Debrief never changes its own environment.
public enum ProcessEnvironment {
    public static let variables: [String: String] = ProcessInfo.processInfo.environment
}

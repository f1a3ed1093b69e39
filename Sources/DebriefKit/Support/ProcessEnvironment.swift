#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The environment Debrief was started with, read once. `ProcessInfo.environment` builds a
/// new dictionary at each call (a meeting's start asked five times, about a fifteenth of
/// its start-up); on Linux the C library's `environ` is read instead, in half the time of
/// even one call. Debrief never changes its own environment.
public enum ProcessEnvironment {
    public static let variables: [String: String] = {
        #if canImport(Glibc)
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                // The first definition counts, as getenv(3) finds it.
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.utf8.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
        #else
        return ProcessInfo.processInfo.environment
        #endif
    }()

    /// The user's home folder: `$HOME` as the shell has it, else the password database's.
    /// Foundation's own answer ignores `$HOME` for root, so a container's or a test's
    /// `HOME=/some/folder` would be overlooked and another folder's meetings offered.
    public static var home: URL { home(environment: variables) }

    public static func home(environment: [String: String]) -> URL {
        if let home = environment["HOME"], home.hasPrefix("/") { return URL(fileURLWithPath: home, isDirectory: true) }
        return FileManager.default.homeDirectoryForCurrentUser
    }
}

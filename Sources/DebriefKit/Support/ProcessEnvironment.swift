#if canImport(Glibc)
import Glibc
#else
import Foundation
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
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Writing to stdout and stderr without ever crashing. Foundation's `FileHandle.write`
/// traps when the write fails, and it does fail exactly when it matters: the terminal was
/// closed (EIO after SIGHUP), stdout is a closed pipe (EPIPE), the disk is full. A message
/// nobody can read is dropped; the program goes on to save the meeting.
public enum StandardStreams {
    public static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
    public static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Returns false when not everything could be written.
    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        write(Array(text.utf8), to: descriptor)
    }

    /// All of `bytes`, in one call unless a signal or a full buffer cuts it (the terminal's
    /// frames come this way). Returns false when not everything could be written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {  // a non-blocking descriptor that is full: wait for room
                        var room = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        if poll(&room, 1, 1000) > 0 { continue }
                    }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

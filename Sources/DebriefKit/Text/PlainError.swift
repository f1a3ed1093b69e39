#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Errors in words a person reads: "it is a folder, not a file", never
/// "NSCocoaErrorDomain error 256". Every message that carries an error goes through here.
public enum PlainError {
    /// The whole message for an error: ours already speak plainly; Foundation's and the
    /// system's are turned into words.
    public static func message(_ error: any Error) -> String {
        if let reason = systemReason(error) { return reason }
        return VisibleText.line(String(describing: error))
    }

    /// Why reading `path` failed. Foundation reports a folder given as a file as an unknown
    /// read error (256), and a device or a pipe as a permission error, so what the path is
    /// is checked first.
    public static func reading(_ error: any Error, path: String) -> String {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return reason(errno: EISDIR)
            case S_IFREG: break
            default: return "it is not a regular file (a device, a pipe or a socket)"
            }
        }
        return message(error)
    }

    /// Why a file operation failed, from the C library's error number.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or folder"
        case EISDIR: "it is a folder, not a file"
        case ENOTDIR: "part of the path is a file, not a folder"
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EROFS: "the disk is read-only"
        case EEXIST: "it already exists"
        case EFBIG: "the file-size limit is reached"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "too many symbolic links"
        case EIO: "the disk reported an input/output error"
        case EMFILE, ENFILE: "too many files are open"
        case EBUSY, ETXTBSY: "it is in use"
        case EXDEV: "it is on another disk"
        case ENOTEMPTY: "the folder is not empty"
        case EAGAIN: "it is locked by another program"
        case EINVAL: "the name or request is not valid here"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// Foundation's file errors (CocoaError, POSIXError) in words; nil for any other error.
    static func systemReason(_ error: any Error) -> String? {
        if let posix = error as? POSIXError { return reason(errno: posix.code.rawValue) }
        guard let cocoa = error as? CocoaError else { return nil }
        if let underlying = cocoa.underlying as? POSIXError { return reason(errno: underlying.code.rawValue) }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(errno: ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return reason(errno: EACCES)
        case .fileWriteOutOfSpace: return reason(errno: ENOSPC)
        case .fileWriteVolumeReadOnly: return reason(errno: EROFS)
        case .fileWriteFileExists: return reason(errno: EEXIST)
        case .fileReadTooLarge: return "the file is too large to read"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: return "it is not text in a known encoding"
        case .fileReadCorruptFile: return "the file is damaged or not in the expected format"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "the name is not a valid file name"
        case .fileLocking: return reason(errno: EAGAIN)
        default: return "the file could not be read or written"
        }
    }
}

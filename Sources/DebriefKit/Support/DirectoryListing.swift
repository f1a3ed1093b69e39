#if canImport(Glibc)
import Glibc
#endif

/// The names in a folder, without "." and "..", in the order the file system gives them;
/// nil when the folder cannot be read. What `FileManager.contentsOfDirectory(atPath:)`
/// gives, read through libc: FoundationEssentials' listing has the runtime look up a
/// generic type by name on its first use, a scan of every conformance record at every
/// meeting's start (the live folder is listed there).
public enum DirectoryListing {
    public static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}

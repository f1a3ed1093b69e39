#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SessionStore {
    /// Every journal in the folder, newest first.
    public func interruptedMeetings() -> [InterruptedMeeting] {
        let names = DirectoryListing.names(in: folder.path) ?? []
        return names.filter { $0.hasSuffix(Self.journalSuffix) && !$0.hasPrefix(".") }
            .compactMap { interruptedMeeting(base: String($0.dropLast(Self.journalSuffix.count))) }
            .sorted { $0.lastSaved > $1.lastSaved }
    }

    public func interruptedMeeting(base: String) -> InterruptedMeeting? {
        let url = journalURL(base: base)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        let record: Result<SessionRecord, SessionReadError>
        do {
            record = .success(try SessionReader.read(url))
        } catch {
            record = .failure(error)
        }
        return InterruptedMeeting(journal: url, baseName: base,
                                  lastSaved: attributes[.modificationDate] as? Date ?? .distantPast,
                                  isInUse: Journal.isInUse(url), record: record,
                                  fileSize: attributes.fileSize)
    }
}

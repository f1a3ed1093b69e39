#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The sessions folder: where journals of running meetings and finished session files live.
public struct SessionStore: Sendable {
    public static let sessionSuffix = ".debrief.jsonl"
    public static let journalSuffix = ".journal.jsonl"

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$DEBRIEF_SESSIONS`, else `$XDG_DATA_HOME/debrief/sessions`, else
    /// `~/.local/share/debrief/sessions`.
    public static func defaultFolder(environment: [String: String] = ProcessEnvironment.variables) -> URL {
        if let explicit = environment["DEBRIEF_SESSIONS"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        // A relative XDG path is ignored, as the XDG base directory specification asks.
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? ProcessEnvironment.home(environment: environment).appending(path: ".local/share")
        return dataHome.appending(path: "debrief/sessions")
    }

    /// `<date>-<slug>`, numbered if a meeting of that name already exists that day.
    public func newBaseName(title: String, date: Date, timeZone: TimeZone? = nil) -> String {
        let day = CalendarDay(date, in: timeZone).description
        let base = "\(day)-\(Self.slug(title))"
        var candidate = base
        var number = 2
        while [Self.sessionSuffix, Self.journalSuffix, ".md"].contains(where: {
            FileManager.default.fileExists(atPath: folder.appending(path: candidate + $0).path)
        }) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        return candidate
    }

    public static func slug(_ title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            // Lowercased, ASCII letters are a–z (asking Unicode's properties costs a table's
            // set-up at every start).
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if let ascii = LatinFold.ascii(scalar) {
                slug += ascii  // "Lumière" → "lumiere", not "lumi-re"
            } else if LatinFold.isCombiningMark(scalar) {
                continue
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
            if slug.count >= 48 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "session" : slug
    }

    public func journalURL(base: String) -> URL { folder.appending(path: base + Self.journalSuffix) }
    public func sessionURL(base: String) -> URL { folder.appending(path: base + Self.sessionSuffix) }
    public func briefURL(base: String) -> URL { folder.appending(path: base + ".md") }

    /// Removes the meeting's half-written temporary files (`.<file>.<pid>.tmp`), left when
    /// Debrief died while saving. Only for the holder of the meeting's journal lock.
    public func removeLeftoverTemporaries(base: String) {
        let names = DirectoryListing.names(in: folder.path) ?? []
        let files = [Self.journalSuffix, Self.sessionSuffix, ".md"].map { ".\(base)\($0)." }
        for name in names where name.hasSuffix(".tmp") {
            guard let file = files.first(where: { name.hasPrefix($0) }) else { continue }
            let pid = name.dropFirst(file.count).dropLast(".tmp".count)
            if !pid.isEmpty, pid.allSatisfy({ $0.isASCII && $0.isNumber }) { unlink(folder.appending(path: name).path) }
        }
    }

    public func startJournal(header: SessionHeader, base: String) throws(StorageError) -> Journal {
        try SecureFiles.makeFolder(folder)
        return try Journal(creating: journalURL(base: base), header: header)
    }

    /// Writes the session file and its brief atomically, then retires the journal.
    public func finish(base: String, header: SessionHeader, events: [Event], foreign: [ForeignLine] = [],
                       journal: Journal?) throws(StorageError) -> (session: URL, brief: URL) {
        try SecureFiles.makeFolder(folder)
        let session = sessionURL(base: base), brief = briefURL(base: base)
        // Folded once for the summary and the brief; the session file is streamed to disk.
        let state = MeetingState.fold(agenda: header.agenda, events: events)
        try SecureFiles.writeAtomically(parts: SessionCoding.sessionLines(header: header, events: events, foreign: foreign, state: state),
                                        to: session)
        try SecureFiles.writeAtomically(Data(BriefWriter.markdown(header: header, state: state).utf8), to: brief)
        journal?.retire()
        return (session, brief)
    }
}

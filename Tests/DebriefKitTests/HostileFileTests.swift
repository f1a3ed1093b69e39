import DebriefKit
import Foundation
import TestSupport
import Testing

/// Session files and journals are untrusted: whatever is in them gives a clear message
/// or a meeting, never a crash; and what reaches the brief is never a raw control character.
@Suite("Hostile session files and journals")
struct HostileFileTests {
    static let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))

    static var validFile: Data {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("first", in: "a")
        script.wait(minutes: 1)
        script.start("b")
        script.note("broken tracking", kind: .problem, in: "b")
        script.record(.noteTagged(id: 2, rootCause: "tools", severity: "critical"))
        script.record(.draftChanged(text: "half"))
        script.record(.meetingEnded)
        return SessionCoding.sessionFile(header: header, events: script.events)
    }

    private func message(_ data: Data) -> String? {
        do {
            _ = try SessionReader.parse(data, path: "s.jsonl")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func emptyTruncatedAndGarbageFilesAreRefusedWithOneMessage() {
        let valid = Self.validFile
        #expect(message(Data())?.contains("not a Debrief session") == true)
        #expect(message(valid.prefix(40))?.contains("not a Debrief session") == true)
        #expect(message(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))?.contains("s.jsonl: not a Debrief session") == true)
        #expect(message(Data("{\"type\":\"header\",\"format\":\"other\"}\n".utf8)) != nil)
    }

    @Test func aHeaderLineOverOneMegabyteIsRefusedBeforeDecoding() {
        var data = Data("{\"type\":\"header\",\"x\":\"".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 1_100_000))
        data.append(Data("\"}\n".utf8))
        #expect(message(data)?.contains("not a Debrief session") == true)
    }

    @Test func hugeAndDeeplyNestedEventLinesAreSkippedAndTheRestKept() throws {
        let valid = Self.validFile
        var lines = valid.split(separator: UInt8(ascii: "\n")).map { Data($0) }
        let huge = Data("{\"type\":\"note_added\",\"t\":1,\"id\":9,\"section\":\"a\",\"text\":\"".utf8)
            + Data(repeating: UInt8(ascii: "x"), count: 1_200_000) + Data("\"}".utf8)
        let nested = Data("{\"type\":\"clock_paused\",\"t\":1,\"x\":".utf8)
            + Data(repeating: UInt8(ascii: "["), count: 200_000) + Data(repeating: UInt8(ascii: "]"), count: 200_000) + Data("}".utf8)
        lines.insert(huge, at: 2)
        lines.insert(nested, at: 3)
        let record = try SessionReader.parse(Data(lines.joined(separator: [UInt8(ascii: "\n")])), path: "s")
        #expect(record.skippedLines == [3, 4])
        #expect(record.state.visibleNotes.map(\.text) == ["first", "broken tracking"])
        #expect(record.oversizedLines == [3])
        #expect(ResumeReport.messages(for: record) == [
            "Journal line 3 is longer than 1 MB, more than any note; skipped.",
            "Skipped unreadable journal lines 3, 4; every other event is kept.",
        ])
    }

    @Test func aDeeplyNestedHeaderIsRefusedNotCrashedOn() {
        let nested = Data(repeating: UInt8(ascii: "["), count: 500_000)
        #expect(message(nested)?.contains("not a Debrief session") == true)
        let inObject = Data("{\"type\":\"header\",\"agenda\":".utf8) + Data(repeating: UInt8(ascii: "{"), count: 100_000)
        #expect(message(inObject) != nil)
    }

    @Test func absurdNumbersInTheHeaderOrEventsAreRefusedBeforeAnythingOverflows() throws {
        let text = String(decoding: Self.validFile, as: UTF8.self)
        for (from, to, expected) in [("\"minutes\":1", "\"minutes\":9223372036854775807", "a section lasts"),
                                     ("\"time_scale\":1", "\"time_scale\":1e300", "its time scale is"),
                                     ("\"sections\":[{", "\"sections\":[],\"x\":[{", "its agenda has no sections")] {
            let damaged = text.replacingOccurrences(of: from, with: to)
            #expect(damaged != text)
            #expect(message(Data(damaged.utf8))?.contains("the session header is damaged: \(expected)") == true, "\(to)")
        }
        let hugeID = text.replacingOccurrences(of: "\"id\":2,", with: "\"id\":9223372036854775807,")
        let record = try SessionReader.parse(Data(hugeID.utf8), path: "s")
        #expect(!record.skippedLines.isEmpty)
        #expect(record.state.nextNoteID == 2, "a note id near Int.max never reaches the state")
        let lateTime = text.replacingOccurrences(of: "\"t\":60000", with: "\"t\":9223372036854775807")
        #expect(try SessionReader.parse(Data(lateTime.utf8), path: "s").state.lastEventTime <= Event.maximumTime)
    }

    @Test func aFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws {
        let url = Fixtures.temporaryFolder().appending(path: "big.debrief.jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(SessionReader.maximumFileBytes + 1))  // sparse: no disk used
        try handle.close()
        do {
            _ = try SessionReader.read(url)
            Issue.record("a file over the limit must be refused")
        } catch {
            #expect(error.message.contains("too large to be a session file"))
        }
    }

    /// The short, fixed-seed run of the mutation fuzzer; `Tests/Scripts/fuzz.sh` runs 100,000+.
    @Test func mutatedSessionFilesAndAgendasNeverCrashAndNeverLeakControlCharacters() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["DEBRIEF_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1500
        let seed = environment["DEBRIEF_FUZZ_SEED"].flatMap(UInt64.init) ?? 7
        var fuzzer = MutationFuzzer(seed: seed)
        let agendaSeeds = try ["influencer-postmortem.yaml", "sprint-retrospective.yaml"].map {
            try Data(contentsOf: Fixtures.repository.appending(path: "Agendas/\($0)"))
        }
        let sessionSeed = Self.validFile
        var outcomes = (sessions: 0, refused: 0, agendas: 0, agendaErrors: 0)
        for _ in 0..<iterations {
            let session = fuzzer.mutate(sessionSeed)
            do {
                let record = try SessionReader.parse(session, path: "fuzz.jsonl")
                outcomes.sessions += 1
                let state = record.state
                _ = SessionSummary(state: state)
                _ = Schedule(state: state, now: state.lastEventTime + 60_000)  // what the resumed screen shows
                _ = state.nextNoteID
                let brief = BriefWriter.markdown(header: record.header, state: state)
                let unsafe = brief.unicodeScalars.first { $0 != "\n" && VisibleText.isUnsafe($0) }
                if let unsafe {
                    Issue.record("raw U+\(String(unsafe.value, radix: 16)) in a brief from: \(String(decoding: session, as: UTF8.self).prefix(300))")
                    break
                }
            } catch {
                outcomes.refused += 1
                #expect(error.description.hasPrefix("fuzz.jsonl: "))
            }
            let agenda = fuzzer.mutate(agendaSeeds[Int.random(in: 0..<agendaSeeds.count, using: &fuzzer.random)])
            do {
                _ = try AgendaLoader.parse(data: agenda, file: "fuzz.yaml")
                outcomes.agendas += 1
            } catch {
                outcomes.agendaErrors += 1
                #expect(!error.problems.isEmpty)
                let text = error.problems.map(\.description).joined(separator: "\n")
                #expect(text.hasPrefix("fuzz.yaml"))
                #expect(!text.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) })
            }
        }
        print("fuzz: seed \(seed), \(iterations) session files (\(outcomes.sessions) read, \(outcomes.refused) refused), "
            + "\(iterations) agendas (\(outcomes.agendas) valid, \(outcomes.agendaErrors) refused)")
        #expect(outcomes.sessions > 0 && outcomes.refused > 0, "the mutations reach both outcomes")
    }
}

/// Seeded byte-level mutations of valid files: flips, inserts, deletions, duplicated
/// ranges, truncation, splices of hostile fragments (escapes, deep nesting, huge numbers).
struct MutationFuzzer {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let fragments: [[UInt8]] = [
        Array("\u{1B}[2J".utf8), Array("\u{1B}]52;c;aGVsbG8=\u{07}".utf8), Array("\u{C2}\u{9B}31m".utf8),
        Array("\u{202E}".utf8), Array(String(repeating: "[", count: 5000).utf8), Array(String(repeating: "{\"a\":", count: 3000).utf8),
        Array("99999999999999999999999".utf8), Array("-1".utf8), Array("null".utf8), Array("\"\\u0000\"".utf8),
        Array("\n".utf8), [0xFF, 0xFE, 0x00], Array("{\"type\":\"note_added\",\"t\":5,\"id\":1,\"section\":\"zz\",\"text\":\"x\"}\n".utf8),
        Array("&anchor *anchor".utf8), Array(": [".utf8), Array("\t- ".utf8),
    ]

    mutating func mutate(_ seed: Data) -> Data {
        var bytes = [UInt8](seed)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { bytes = Self.fragments[0]; continue }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.insert(contentsOf: Self.fragments.randomElement(using: &random)!, at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 4:
                let range = at..<min(bytes.count, at + Int.random(in: 1...256, using: &random))
                bytes.insert(contentsOf: bytes[range], at: Int.random(in: 0...bytes.count, using: &random))
            case 5: bytes.removeSubrange(at...)
            default:
                let digit = bytes.indices.filter { (48...57).contains(bytes[$0]) }.randomElement(using: &random)
                if let digit { bytes[digit] = UInt8.random(in: 48...57, using: &random) }
            }
        }
        return Data(bytes)
    }
}

@Suite("Hostile agenda files")
struct HostileAgendaTests {
    @Test func deeplyNestedYAMLIsOneMessageNotACrash() {
        for yaml in ["sections: " + String(repeating: "[", count: 100_000),
                     "sections: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
                     String(repeating: "- ", count: 50_000) + "x"] {
            do {
                _ = try AgendaLoader.parse(yaml: yaml, file: "deep.yaml")
                Issue.record("a nested agenda cannot be valid")
            } catch {
                #expect(error.problems.count == 1)
                #expect(error.problems.first?.description.hasPrefix("deep.yaml") == true)
            }
        }
    }
}

@testable import DebriefKit
import Foundation
import PropertyBased
import Testing

/// Seeded mutations of the sample files (bytes flipped, quotes and separators inserted,
/// lines cut): the reader never crashes, either imports every row whole or reports
/// problems with a location, and never prints a raw control character. The long run is
/// libFuzzer's (`Tests/Scripts/libfuzzer.sh`); this keeps a short one in the suite.
@Suite("Import: mutated data files")
struct DataImportFuzzTests {
    static let samples: [Data] = ["kpis.csv", "creators.csv", "content.csv"].map {
        (try? Data(contentsOf: Fixtures.repository.appending(path: "Agendas/samples/\($0)"))) ?? Data()
    }

    static let inserts: [[UInt8]] = [[0x22], [0x2C], [0x3B], [0x09], [0x0D], [0x0A], [0x1B], [0xC3], [0xE2, 0x80, 0xAE], [0x00], [0x3D]]

    @Test func mutatedSamplesAreImportedWholeOrRefusedWithALocation() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var rng = Xoshiro(seed: (seed, seed &* 31 &+ 7, 0x9E37_79B9_7F4A_7C15, seed ^ 0xDEAD_BEEF))
            var bytes = Array(Self.samples[Int(seed % 3)])
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(contentsOf: Self.inserts.randomElement(using: &rng)!, at: at)
                case 1: bytes.remove(at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            do {
                let table = try DataImport.parse(data: Data(bytes), file: "m.csv")
                let state = MeetingState.fold(agenda: Fixtures.influencer, events: table.requests.enumerated().map { offset, request in
                    guard case .addRecord(let kind, let fields) = request else { return Event(t: 0, .clockPaused) }
                    return Event(t: 0, .recordAdded(id: offset + 1, table: kind, fields: fields))
                })
                #expect(state.records.map(\.fields) == table.rows.map(\.fields), "seed \(seed): every row kept whole")
            } catch let error as DataImportError {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.file == "m.csv" })
                #expect(!error.description.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) }, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}

@testable import DebriefKit
import Testing
import TestSupport

@Suite("Binary search: the first index of a partition's second part")
struct PartitioningIndexTests {
    @Test func agreesWithALinearScanOnSortedArraysWithRepeats() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<500 {
            let values = (0..<Int.random(in: 0...40, using: &random)).map { _ in Int.random(in: 0...20, using: &random) }.sorted()
            let probe = Int.random(in: -1...21, using: &random)
            #expect(values.partitioningIndex { $0 > probe } == (values.firstIndex { $0 > probe } ?? values.count))
            #expect(values.partitioningIndex { $0 >= probe } == (values.firstIndex { $0 >= probe } ?? values.count))
        }
    }

    @Test func worksOnSlicesWithTheirOwnIndices() {
        let slice = [1, 3, 5, 7, 9, 11][2...]
        #expect(slice.partitioningIndex { $0 >= 8 } == 4)
        #expect(slice.partitioningIndex { $0 >= 100 } == slice.endIndex)
        #expect(slice.partitioningIndex { _ in true } == slice.startIndex)
    }
}

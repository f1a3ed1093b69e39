#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Splits JSON Lines data into its lines (without the newlines), as `split` with empty
/// lines kept would. Newlines are found with `memchr` over the raw bytes: the generic
/// `split` walks `Data` a byte at a time and cost as much as decoding the JSON
/// (`debrief-bench`, load of a 100,000-event session).
enum JSONLines {
    static func lines(in data: Data) -> [Data] {
        var ranges: [Range<Int>] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var start = 0
            while let found = memchr(base + start, Int32(UInt8(ascii: "\n")), raw.count - start) {
                let end = base.distance(to: UnsafeRawPointer(found))
                ranges.append(start..<end)
                start = end + 1
            }
            ranges.append(start..<raw.count)
        }
        if ranges.isEmpty { return [Data()] }
        let origin = data.startIndex
        return ranges.map { data[(origin + $0.lowerBound)..<(origin + $0.upperBound)] }
    }
}

import Foundation

/// Wall time of small pieces of work, and the statistics the report prints.
enum Measure {
    /// Seconds taken by `body`, on the monotonic clock.
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `runs` timings of `body`: one slow run (a page fault, another build on
    /// the machine) does not move it.
    static func median(runs: Int, _ body: () -> Void) -> Double {
        median((0..<max(1, runs)).map { _ in seconds(body) })
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    /// Nearest-rank percentile; 0 for no values.
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}

/// Keeps results alive so the optimizer cannot drop the work that made them.
nonisolated(unsafe) var benchmarkSink = 0

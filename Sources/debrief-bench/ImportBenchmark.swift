import DebriefKit
import Foundation

extension CoreBenchmarks {
    /// `debrief run --data` on a 10,000-row creator file: read, decode, recognise, type
    /// every cell and check duplicates, as the meeting does before it starts.
    func importData(rows: Int = 10_000) -> [ReportRow] {
        var text = "Handle,Platform,Tier,Followers,Format,Sponsored ER,Organic ER,Clicks,Conversions,Fee,Draft on time,Revisions,Rating,Brief detail\n"
        for n in 1...rows {
            text += "@creator\(n),\(n % 2 == 0 ? "TikTok" : "Instagram"),micro,\"\(10_000 + n * 7 % 90_000)\",reel,\(n % 9).\(n % 10)%,"
                + "\(n % 7 + 1).2%,\"1,\(String(format: "%03d", n % 1000))\",\(n % 120),€\(n % 5 + 1)k,\(n % 3 == 0 ? "no" : "yes"),\(n % 4),\(n % 5 + 1),detailed\n"
        }
        let data = Data(text.utf8)
        var imported = 0
        let time = Measure.median(runs: runs) {
            imported = (try? DataImport.parse(data: data, file: "creators.csv").rows.count) ?? -1
        }
        benchmarkSink &+= imported
        guard imported == rows else {
            return [ReportRow(group: "core", measure: "import \(Self.count(rows)) creator rows", value: "FAILED: \(imported) rows read")]
        }
        return [ReportRow(group: "core", measure: "import \(Self.count(rows)) creator rows (\(Limits.size(data.count)) CSV)",
                          value: Self.milliseconds(time), goal: "< 200 ms")]
    }
}

import DebriefKit
import Foundation
import Testing

/// Each export of the fixed session, compared with its reviewed golden file.
@Suite("Exports: golden files from a fixed session")
struct ExportGoldenTests {
    let header = ExportFixtures.header
    let state = ExportFixtures.state
    let session = ExportFixtures.session

    @Test func internalBrief() throws {
        let brief = BriefWriter.markdown(header: header, state: state, timeZone: ExportFixtures.zone)
        #expect(brief == (try Golden.expected("brief.md", actual: brief)))
    }

    @Test func clientBrief() throws {
        let client = ClientBriefWriter.markdown(header: header, state: state, timeZone: ExportFixtures.zone)
        #expect(client == (try Golden.expected("client.md", actual: client)))
        let withOwners = ClientBriefWriter.markdown(header: header, state: state, withOwners: true, timeZone: ExportFixtures.zone)
        #expect(withOwners == (try Golden.expected("client-with-owners.md", actual: withOwners)))
    }

    @Test func json() throws {
        let json = JSONExporter.json(header: header, state: state, session: session)
        #expect(json == (try Golden.expected("session.json", actual: json)))
    }

    @Test func csv() throws {
        let csv = CSVExporter.csv(state: state, session: session)
        #expect(csv == (try Golden.expected("actions.csv", actual: csv)))
    }

    @Test func tableCSVs() throws {
        for table in RecordTable.allCases {
            let csv = TableCSVExporter.csv(table, state: state, session: session)
            #expect(csv == (try Golden.expected("\(table.rawValue).csv", actual: csv)))
        }
    }

    @Test func creatorDebrief() throws {
        let maya = try #require(CreatorDebriefWriter.markdown(header: header, state: state, handle: "@maya_eats",
                                                              timeZone: ExportFixtures.zone))
        #expect(maya == (try Golden.expected("creator-maya.md", actual: maya)))
    }

    @Test func ics() throws {
        let ics = ICSExporter.ics(header: header, state: state, session: session)
        #expect(ics == (try Golden.expected("actions.ics", actual: ics)))
    }

    @Test func show() throws {
        let text = SessionText.render(header: header, state: state, timeZone: ExportFixtures.zone)
        #expect(text == (try Golden.expected("show.txt", actual: text)))
    }
}

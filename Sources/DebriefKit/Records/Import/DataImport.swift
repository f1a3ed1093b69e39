#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads CSV and TSV files of KPIs, creators or content into typed rows, or reports every
/// problem with file, line and column. Used by `debrief check-data` and `debrief run --data`.
public enum DataImport {
    /// Reads every file named, a folder standing for the `.csv`, `.tsv` and `.txt` files
    /// in it. All or nothing: any problem in any file, and nothing is imported. KPIs and
    /// handles repeated across files are problems too.
    public static func load(paths: [String]) throws(DataImportError) -> [ImportedTable] {
        var problems: [DataProblem] = []
        var tables: [ImportedTable] = []
        for (url, shown) in files(paths, problems: &problems) {
            do {
                tables.append(try load(contentsOf: url, shownAs: shown))
            } catch {
                problems += error.problems
            }
        }
        problems += duplicates(across: tables)
        guard problems.isEmpty else { throw DataImportError(problems) }
        return tables
    }

    /// The files behind the paths given: a folder's data files in name order.
    static func files(_ paths: [String], problems: inout [DataProblem]) -> [(URL, String)] {
        var result: [(URL, String)] = []
        for path in paths {
            guard let isFolder = SecureFiles.isFolder(path) else {
                problems.append(DataProblem(file: path, "no such file or folder"))
                continue
            }
            guard isFolder else {
                result.append((URL(fileURLWithPath: path), path))
                continue
            }
            let names = (DirectoryListing.names(in: path) ?? [])
                .filter { ["csv", "tsv", "txt"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) && !$0.hasPrefix(".") }
                .sorted()
            if names.isEmpty {
                problems.append(DataProblem(file: path, "the folder holds no .csv, .tsv or .txt file"))
            }
            for name in names {
                let shown = path.hasSuffix("/") ? path + name : path + "/" + name
                result.append((URL(fileURLWithPath: shown), shown))
            }
        }
        return result
    }

    public static func load(contentsOf url: URL, shownAs: String? = nil) throws(DataImportError) -> ImportedTable {
        let file = shownAs ?? url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes.fileSize, size > Limits.dataFileBytes {
                throw DataImportError([DataProblem(file: file,
                    "the file is \(Limits.size(size)); a data file is at most \(Limits.size(Limits.dataFileBytes)). Split it, or export only the campaign's rows")])
            }
            data = try Data(contentsOf: url)
        } catch let error as DataImportError {
            throw error
        } catch {
            throw DataImportError([DataProblem(file: file, "cannot read the file: \(PlainError.reading(error, path: url.path))")])
        }
        return try parse(data: data, file: file)
    }

    /// Reads one file's bytes (as `load` does after reading the file).
    public static func parse(data: Data, file: String) throws(DataImportError) -> ImportedTable {
        guard data.count <= Limits.dataFileBytes else {
            throw DataImportError([DataProblem(file: file, "the file is \(Limits.size(data.count)); a data file is at most \(Limits.size(Limits.dataFileBytes))")])
        }
        let text: String
        switch TextEncodingCheck.text(of: Array(data), file: file) {
        case .success(let decoded): text = decoded
        case .failure(let problem): throw DataImportError([problem])
        }
        var reader = CSVReader(file: file)
        guard let rows = reader.rows(text) else { throw DataImportError(reader.problems) }
        guard let header = rows.first else {
            throw DataImportError([DataProblem(file: file, "the file is empty; it needs a header line and a row per KPI, creator or piece")])
        }
        guard header.cells.count <= Limits.dataColumns else {
            throw DataImportError([DataProblem(file: file, line: header.line,
                "the header has \(header.cells.count) columns; a data file has at most \(Limits.dataColumns)")])
        }
        let match: TableRecognizer.Match
        switch TableRecognizer.recognize(header.cells, file: file, line: header.line) {
        case .success(let found): match = found
        case .failure(let error): throw error
        }
        return try TableBuilder(file: file, header: header, match: match, decimalComma: reader.separator == 0x3B)
            .build(rows.dropFirst())
    }

    /// The table a block of text's first line names as a header (a paste copied from a
    /// spreadsheet), or nil when it is no header Debrief knows.
    public static func headerTable(of text: String) -> RecordTable? {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        var reader = CSVReader(file: "")
        guard let header = reader.rows(String(firstLine))?.first,
              case .success(let match) = TableRecognizer.recognize(header.cells, file: "", line: 1) else { return nil }
        return match.table
    }

    /// What names a row, folded so that `@Lena.Cooks` and `lena.cooks ` are the same creator.
    static func identity(_ name: String, in table: RecordTable) -> String {
        var folded = NumberSpelling.trimmed(name).lowercased()
        if table == .creators, folded.hasPrefix("@") { folded.removeFirst() }
        return folded
    }

    /// KPIs and creators named twice: asked about, never merged silently. Content pieces
    /// may share a title.
    static func duplicates(across tables: [ImportedTable]) -> [DataProblem] {
        var problems: [DataProblem] = []
        var first: [RecordTable: [String: (String, Int)]] = [:]
        for table in tables where table.table != .content {
            for row in table.rows {
                guard let name = row.fields[table.table.keyColumn.key]?.text else { continue }
                let key = identity(name, in: table.table)
                if let (file, line) = first[table.table]?[key] {
                    let place = file == table.file ? "line \(line)" : "\(file), line \(line)"
                    let what = table.table == .kpis ? "KPI" : "creator"
                    problems.append(DataProblem(file: table.file, line: row.line,
                        "\(what) '\(String(name.prefix(60)))' is already on \(place); keep one row, or name them apart"))
                } else {
                    first[table.table, default: [:]][key] = (table.file, row.line)
                }
            }
        }
        return problems
    }
}

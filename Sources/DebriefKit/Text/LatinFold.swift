/// Latin letters with accents folded to plain ASCII (é → e, ß → ss, ø → o, œ → oe), for
/// file names. A small table of the Latin-1 and Latin Extended-A letters, used after
/// lowercasing: file names need no more, and Foundation's ICU transforms cost far more
/// than they bring here.
public enum LatinFold {
    /// The ASCII spelling of a lowercase letter, or nil when the table does not know it.
    public static func ascii(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if let single = latin1[value] { return single }
        for (range, letters) in extendedA where range.contains(value) { return letters }
        return nil
    }

    /// Accents typed as separate combining marks (e + U+0301): dropped, the letter stays.
    public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    /// Latin-1 Supplement, lowercase letters (U+00DF … U+00FF).
    private static let latin1: [UInt32: String] = {
        let rows: [(String, String)] = [
            ("àáâãäå", "a"), ("æ", "ae"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ð", "d"),
            ("ñ", "n"), ("òóôõöø", "o"), ("ùúûü", "u"), ("ýÿ", "y"), ("þ", "th"), ("ß", "ss"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, ascii) in rows { for scalar in letters.unicodeScalars { table[scalar.value] = ascii } }
        return table
    }()

    /// Latin Extended-A (U+0100 … U+017F) runs of one base letter, capitals included.
    private static let extendedA: [(ClosedRange<UInt32>, String)] = [
        (0x100...0x105, "a"), (0x106...0x10D, "c"), (0x10E...0x111, "d"), (0x112...0x11B, "e"),
        (0x11C...0x123, "g"), (0x124...0x127, "h"), (0x128...0x131, "i"), (0x132...0x133, "ij"),
        (0x134...0x135, "j"), (0x136...0x138, "k"), (0x139...0x142, "l"), (0x143...0x14B, "n"),
        (0x14C...0x151, "o"), (0x152...0x153, "oe"), (0x154...0x159, "r"), (0x15A...0x161, "s"),
        (0x162...0x167, "t"), (0x168...0x173, "u"), (0x174...0x175, "w"), (0x176...0x178, "y"),
        (0x179...0x17E, "z"), (0x17F...0x17F, "s"),
    ]
}

/// Whether two client names, as typed at the start of two meetings, name the same client:
/// case, accents and spacing aside ("Lumen Skincare" = "lumen  skincare" = "Lümen Skincare").
/// The one place carry-forward decides this, so that a fuller matcher (aliases) can take
/// its place.
public enum ClientMatch {
    public static func isSame(_ a: String, _ b: String) -> Bool {
        let key = folded(a)
        return !key.isEmpty && key == folded(b)
    }

    /// Lowercased, accents folded to ASCII where known, runs of spaces made one.
    static func folded(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars where !LatinFold.isCombiningMark(scalar) {
            out += LatinFold.ascii(scalar) ?? String(scalar)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

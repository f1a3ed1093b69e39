/// Whether two client names, as typed at the start of two meetings, name the same client:
/// case, accents and spacing aside ("Lumen Skincare" = "lumen  skincare" = "Lümen Skincare").
/// The one place carry-forward decides this; the folding is `ClientName`'s, the same the
/// history commands use.
public enum ClientMatch {
    public static func isSame(_ a: String, _ b: String) -> Bool {
        let key = ClientName(a)
        return !key.isEmpty && key == ClientName(b)
    }
}

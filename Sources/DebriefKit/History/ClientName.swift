/// A client as typed in a meeting's header, compared the way people mean it: "Lumière",
/// "lumiere" and "LUMIERE " are one client. The key folds case and accents (the same
/// Latin table file names use) and treats any run of spaces or punctuation as one space.
public struct ClientName: Hashable, Comparable, Sendable {
    /// The folded spelling: what two names must share to be the same client.
    public let key: String

    public init(_ text: String) { key = Self.fold(text) }

    public static func < (a: ClientName, b: ClientName) -> Bool { a.key < b.key }

    public var isEmpty: Bool { key.isEmpty }

    static func fold(_ text: String) -> String {
        var folded = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            var letters: String?
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                letters = LatinFold.ascii(scalar) ?? String(scalar)
            } else if LatinFold.isCombiningMark(scalar) {
                continue
            }
            guard let letters else {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace { folded += " " }
            pendingSpace = false
            folded += letters
        }
        return folded
    }
}

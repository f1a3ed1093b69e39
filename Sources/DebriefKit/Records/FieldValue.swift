/// The value of one field of a record. A missing value is no entry at all, never 0.
public enum FieldValue: Equatable, Hashable, Sendable {
    case number(Double)
    case text(String)
    case bool(Bool)

    public var number: Double? {
        if case .number(let x) = self { x } else { nil }
    }

    public var text: String? {
        if case .text(let s) = self { s } else { nil }
    }

    public var bool: Bool? {
        if case .bool(let b) = self { b } else { nil }
    }
}

/// On disk a field is a plain JSON number, string or boolean.
extension FieldValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let x):
            // Whole numbers are written without ".0", as people wrote them.
            if x == x.rounded(), abs(x) < 1e15 { try c.encode(Int64(x)) } else { try c.encode(x) }
        case .text(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        }
    }
}

import ArgumentParser

/// An option's value named by its raw value (`--view projector`). ArgumentParser's own
/// defaults for such enums build their values' names through key paths and `"\(self)"`,
/// each making the runtime scan the binary's 4,300 protocol conformance records: about
/// 2 % of every start. Here they are read off the raw values directly: the same text.
protocol NamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    /// The names say it all: no value has a description of its own.
    public static var allValueDescriptions: [String: String] { [:] }
}

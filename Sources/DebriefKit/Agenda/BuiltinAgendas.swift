/// The agendas compiled into the binary from `Agendas/*.yaml` (see AgendaEmbedder), so
/// `debrief` runs with no files at hand.
public enum BuiltinAgendas {
    public static let defaultName = "influencer-postmortem"

    public static var names: [String] { sources.map(\.name) }

    /// A built-in agenda by name. The shipped files are validated by the test suite, so a
    /// failure here means a broken build, and is reported like any agenda error. The checks
    /// against hostile files (alias expansion, saved size) are among those
    /// (`everyShippedAgendaFileLoadsAndIsBuiltIn`): running them again at every start cost
    /// 7 % of the start-up.
    public static func agenda(named name: String) throws(AgendaError) -> Agenda? {
        guard let source = sources.first(where: { $0.name == name }) else { return nil }
        return try AgendaLoader.parse(yaml: source.yaml, file: "built-in agenda '\(name)'", checkingLimits: false)
    }

    public static func defaultAgenda() throws(AgendaError) -> Agenda {
        guard let agenda = try agenda(named: defaultName) else {
            throw AgendaError([AgendaProblem(file: "built-in agendas", line: nil, message: "the default agenda is missing from this build")])
        }
        return agenda
    }
}

/// The colours a terminal maps the semantic roles of `Style` to, chosen per terminal
/// (`--theme`, `DEBRIEF_THEME`). Meaning never rests on colour alone: every role that
/// carries meaning also has an attribute or a mark, so `NO_COLOR` loses nothing.
public enum Theme: String, CaseIterable, Sendable {
    case dark, light, contrast
}

/// F1: every key, generated from the key map, grouped.
public enum HelpOverlay {
    public static func draw(in canvas: inout Canvas) {
        var lines: [(String, Style)] = []
        for group in KeyBinding.Group.allCases {
            lines.append((group.rawValue, .title))
            for binding in KeyMap.bindings where binding.group == group {
                let keys = binding.keys.map(\.label).joined(separator: " / ")
                lines.append((keys.padding(toLength: 14, withPad: " ", startingAt: 0) + binding.help, .normal))
            }
            lines.append(("", .normal))
        }
        lines.append(("Esc or F1 closes this help.", .muted))
        Dialog.draw(title: "Keys", lines: lines, in: &canvas, width: 96)
    }
}

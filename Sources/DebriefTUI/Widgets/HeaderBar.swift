import DebriefKit

/// The top row: what this screen is, the meeting's title and client/campaign on the left,
/// a state on the right (saved, playing…) that always stays visible, and before it a
/// flag for what the room must not miss (the clock is paused), in words, not color alone.
public enum HeaderBar {
    public static func draw(_ label: String, info: MeetingInfo, state: String, style: Style,
                            flag: (text: String, style: Style)? = nil, in canvas: inout Canvas) {
        canvas.fill(x: 0, y: 0, width: canvas.width, height: 1, style: .bar)
        // Client and campaign added one by one: a generic join would be a start's first, and
        // have the runtime look up an associated type (a scan of every conformance record).
        var title = "\(label) · \(info.title)"
        var separator = " · "
        for part in [info.client, info.campaign] {
            guard let part, !part.isEmpty else { continue }
            title += separator + part
            separator = " / "
        }
        let stateWidth = min(canvas.width / 2, DisplayWidth.of(state))
        var right = canvas.width - stateWidth - 1
        if let flag {
            let flagWidth = min(canvas.width / 3, DisplayWidth.of(flag.text) + 2)
            right -= flagWidth + 1
            canvas.text(" " + flag.text + " ", x: right, y: 0, style: flag.style, maxWidth: flagWidth)
        }
        canvas.text(TextWrap.cut(title, width: right - 3), x: 1, y: 0, style: Style(.bar, bold: true, reverse: true), maxWidth: right - 3)
        canvas.text(state, x: canvas.width - stateWidth - 1, y: 0, style: style, maxWidth: stateWidth)
    }
}

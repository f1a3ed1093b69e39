import DebriefKit
#if canImport(Glibc)
import Glibc
#endif

/// How the loop waits: for a key, the link (other terminals, the host), or the moment a
/// shown clock or a timer is due, whichever comes first, without spinning.
extension MeetingLoop {
    /// What a wait brought: a key (or other input), word on the link, or nothing before the timeout.
    enum Waited { case input(Input), link, nothing }

    /// Waits until a shown clock or a timer is due (`millisecondsToWait`) for input or the link.
    /// When the links are quiet (a meeting alone, whose only link is the door for others to
    /// join; a joined terminal's line to its host) the terminal's own wait watches them,
    /// cut short when one stirs. A busy host's links, and a link with bytes still to send
    /// (a signal says little of room to write), are waited on beside the terminal.
    func waitForInputOrLink() -> Waited {
        let links = recorder.pollDescriptors
        let watchable = !links.isEmpty && recorder.linksAreQuiet && links.allSatisfy { $0.events == Int16(POLLIN) }
        if watchable, !linksAreWatched, terminal.watch(links) {
            linksAreWatched = true
            // What came before it was watched raised no signal: a look now.
            if linksHaveStirred(links) { return .link }
        }
        guard links.isEmpty || (watchable && linksAreWatched) else {
            switch waitForKeysOrLink(links, millisecondsToWait()) {
            case .link: return .link
            case .keys, .timeout:
                // An in-memory terminal has no descriptor: its wait returns at once.
                let wait = terminal.inputDescriptor == nil ? millisecondsToWait() : 0
                return terminal.nextInput(timeoutMilliseconds: wait).map(Waited.input) ?? .nothing
            }
        }
        if let input = terminal.nextInput(timeoutMilliseconds: millisecondsToWait()) { return .input(input) }
        return !links.isEmpty && linksHaveStirred(links) ? .link : .nothing
    }

    /// Whether a link has something now (a look, no wait).
    private func linksHaveStirred(_ links: [pollfd]) -> Bool {
        waitDescriptors.removeAll(keepingCapacity: true)
        waitDescriptors.append(contentsOf: links)
        return poll(&waitDescriptors, nfds_t(waitDescriptors.count), 0) > 0
    }

    /// What ended a wait for keys beside the link.
    private enum Wake { case link, keys, timeout }

    /// Waits, without spinning, for a key or the link (other terminals, the host), whichever
    /// comes first, or the timeout.
    private func waitForKeysOrLink(_ links: [pollfd], _ timeout: Int) -> Wake {
        if terminal.hasPendingInput { return .keys }
        waitDescriptors.removeAll(keepingCapacity: true)
        waitDescriptors.append(contentsOf: links)
        let keys = terminal.inputDescriptor
        if let keys { waitDescriptors.append(pollfd(fd: keys, events: Int16(POLLIN), revents: 0)) }
        // With nothing typed to wait on (a test's terminal), the link gets the whole wait.
        guard poll(&waitDescriptors, nfds_t(waitDescriptors.count), Int32(timeout)) > 0 else { return .timeout }
        for index in 0..<links.count where waitDescriptors[index].revents != 0 { return .link }
        return keys != nil && waitDescriptors[links.count].revents != 0 ? .keys : .timeout
    }
}

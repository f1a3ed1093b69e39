import ArgumentParser
import DebriefKit
import Foundation

/// `debrief-bench live`: the live link of `debrief join` under load, in one process over
/// real sockets. A host (its recorder journals and fsyncs, as in a meeting) serves on a
/// thread of its own; joined terminals read on theirs; typists send a request per key.
/// Prints each typist's round trip (key → its own event back), the fan-out (key → the
/// event at another terminal), the host's CPU per event, and whether every terminal got
/// every event in the host's order.
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Time the live link: joined terminals, typists, the host's CPU per event.")

    @Option(help: "Joined terminals, typists included.")
    var terminals = 10

    @Option(help: "How many of them type.")
    var typists = 2

    @Option(help: "Keys a second per typist (each key a request: a worst case; the app sends drafts at pauses).")
    var rate = 20

    @Option(help: "How long they type.")
    var seconds = 5.0

    func validate() throws {
        guard terminals >= 2, (1...terminals - 1).contains(typists), rate > 0, seconds > 0 else {
            throw ValidationError("need at least 2 terminals, 1 to terminals-1 typists, a rate and a time above 0")
        }
    }

    func run() throws {
        let agenda = try BuiltinAgendas.defaultAgenda()
        let sessions = FileManager.default.temporaryDirectory.appending(path: "debrief-live-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: sessions) }
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Live bench", startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: sessions), date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: agenda.sections[0].id)))
        let runtime = LiveFolder(path: "/tmp/dlb-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: runtime.path) }
        let host = try LiveHost(recorder: recorder, folder: runtime)
        let shared = Shared()

        let hostDone = DispatchSemaphore(value: 0)
        let hostBox = Unchecked((host, recorder))
        Thread {
            let (host, _) = hostBox.value
            let cpuStart = Self.threadCPU()
            let start = ContinuousClock.now
            while !shared.stopped {
                var descriptors = host.pollDescriptors
                _ = poll(&descriptors, nfds_t(descriptors.count), 20)
                let elapsed = ContinuousClock.now - start
                _ = host.service(now: { Int(elapsed.components.seconds * 1000) }, wall: Int(elapsed.components.seconds * 1000))
            }
            shared.hostCPU = Self.threadCPU() - cpuStart
            hostDone.signal()
        }.start()

        let socket = host.socketPath
        let clients = try (0..<terminals).map { try LiveClient.connect(socket: socket, name: "t\($0)") }
        let historyCount = recorder.events.count
        let done = DispatchGroup()
        for (index, client) in clients.enumerated() {
            let box = Unchecked(client)
            done.enter()
            Thread {
                if index < typists {
                    Self.type(box.value, rate: rate, seconds: seconds, section: agenda.sections[0].id, shared: shared)
                } else {
                    Self.read(box.value, shared: shared)
                }
                done.leave()
            }.start()
        }
        // Readers stop once the typists are done and every event has reached them.
        while shared.typistsDone < typists { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        shared.stopped = true
        done.wait()
        hostDone.wait()

        let events = Array(recorder.events.dropFirst(historyCount))
        let complete = shared.received.allSatisfy { $0 == events }
        let roundTrips = shared.roundTrips.sorted()
        let fanOut = shared.fanOut.sorted()
        func percentile(_ values: [Double], _ p: Double) -> String {
            values.isEmpty ? "–" : "\(Self.fixed(values[min(values.count - 1, Int(Double(values.count) * p))], 2)) ms"
        }
        print("\(terminals) joined terminals, \(typists) typing \(rate) keys/s for \(seconds) s: \(events.count) events")
        print("key → own event back (round trip, incl. journal fsync): p50 \(percentile(roundTrips, 0.5))  p99 \(percentile(roundTrips, 0.99))")
        print("key → event at another terminal (fan-out):              p50 \(percentile(fanOut, 0.5))  p99 \(percentile(fanOut, 0.99))")
        print("host CPU per event: \(Self.fixed(shared.hostCPU / Double(max(1, events.count)) * 1e6, 1)) µs (\(Self.fixed(shared.hostCPU * 1000, 0)) ms over the run)")
        print("every terminal got every event in the host's order: \(complete ? "yes" : "NO")")
        if !complete { throw ExitCode(1) }
    }

    /// Sends a draft per key and a note every 20 keys, each waiting for its own event back.
    private static func type(_ client: LiveClient, rate: Int, seconds: Double, section: String, shared: Shared) {
        let me = client.welcome.terminal
        var received: [Event] = []
        let keys = Int(Double(rate) * seconds)
        let start = ContinuousClock.now
        for key in 1...keys {
            let due = start + .milliseconds(key * 1000 / rate)
            if ContinuousClock.now < due { Thread.sleep(forTimeInterval: Double((due - ContinuousClock.now).components.attoseconds) / 1e18) }
            let request: Request = key % 20 == 0
                ? .addNote(section: section, content: NoteContent(text: "note \(me)-\(key)"))
                : .change(.draftChanged(text: "typing \(key)", section: section))
            let sent = ContinuousClock.now
            shared.sent(terminal: me, request: key, at: sent)
            client.send(.request(id: key, request))
            var answered = false
            while !answered, !client.isClosed {
                _ = client.wait(milliseconds: 1000)
                for message in client.receive() {
                    guard case .event(let event, let by, let id) = message else { continue }
                    received.append(event)
                    if by == me, id == key {
                        answered = true
                        shared.roundTrip(ContinuousClock.now - sent)
                    }
                }
            }
        }
        shared.typistDone()
        while !shared.stopped {
            _ = client.wait(milliseconds: 50)
            for case .event(let event, _, _) in client.receive() { received.append(event) }
        }
        shared.finished(received)
    }

    private static func read(_ client: LiveClient, shared: Shared) {
        var received: [Event] = []
        while !shared.stopped {
            _ = client.wait(milliseconds: 50)
            for message in client.receive() {
                guard case .event(let event, let by, let id) = message else { continue }
                received.append(event)
                if let by, let id { shared.arrived(terminal: by, request: id) }
            }
        }
        shared.finished(received)
    }

    /// `value` with `digits` decimals, rounded.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard digits > 0 else { return String(scaled) }
        let fraction = String(abs(scaled) % Int(scale))
        return "\(scaled / Int(scale)).\(String(repeating: "0", count: digits - fraction.count) + fraction)"
    }

    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// What the threads of the live benchmark share, behind one lock.
private final class Shared: @unchecked Sendable {
    private let lock = NSLock()
    private var _stopped = false
    private var _typistsDone = 0
    private var sentAt: [Int: ContinuousClock.Instant] = [:]
    private(set) var roundTrips: [Double] = []
    private(set) var fanOut: [Double] = []
    private(set) var received: [[Event]] = []
    var hostCPU = 0.0

    var stopped: Bool {
        get { lock.withLock { _stopped } }
        set { lock.withLock { _stopped = newValue } }
    }
    var typistsDone: Int { lock.withLock { _typistsDone } }
    func typistDone() { lock.withLock { _typistsDone += 1 } }
    func sent(terminal: Int, request: Int, at instant: ContinuousClock.Instant) {
        lock.withLock { sentAt[terminal << 32 | request] = instant }
    }
    func arrived(terminal: Int, request: Int) {
        let now = ContinuousClock.now
        lock.withLock {
            if let sent = sentAt[terminal << 32 | request] { fanOut.append(Self.milliseconds(now - sent)) }
        }
    }
    func roundTrip(_ duration: Duration) { lock.withLock { roundTrips.append(Self.milliseconds(duration)) } }
    func finished(_ events: [Event]) { lock.withLock { received.append(events) } }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}

/// A value handed to one other thread, which alone uses it from then on.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

#if canImport(Glibc)
import Glibc
#endif

/// Puts canvases on a screen and reads input. The ncurses terminal is one implementation;
/// the headless one, for tests, is another.
@MainActor
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    func present(_ canvas: Canvas)
    /// Waits up to `timeoutMilliseconds` for input; nil when none came (the clock's tick).
    func nextInput(timeoutMilliseconds: Int) -> Input?
    /// Gives the terminal back to the shell (Ctrl-Z) and takes it again on `fg`.
    func suspend()
    /// Rings the terminal's bell once (`--bell`, at a section's time up).
    func bell()
    /// The descriptor keys arrive on, for a loop that waits on other sources too (a live
    /// meeting's sockets); nil when input does not come from a descriptor.
    var inputDescriptor: Int32? { get }
    /// Input already read and waiting, which a wait on `inputDescriptor` would not see.
    var hasPendingInput: Bool { get }
    /// Whether another key may be waiting, asked after each key of a burst. A terminal
    /// that can tell cheaply says no when none is, and the key's frame goes out without a
    /// read for more first.
    var keysMayBeWaiting: Bool { get }
    /// Where the next key, if it types a character, may be shown before the loop handles it
    /// (nil: nowhere). The loop says so before it waits; the terminal draws the character
    /// the moment it reads the key, as an editor does, and the frame then finds it on
    /// screen. Forgotten at the next key or frame. A terminal may ignore it.
    func expectEcho(at place: EchoPlace?)
    /// The frames the next key brings if it types one of their keys, drawn ahead (see
    /// `IncrementalScreen.foreseenWraps`): the terminal may put the matching one on screen
    /// the moment it reads the key, as it does an echo, and the loop's frame then finds it
    /// there. Forgotten at the next key or frame. A terminal may ignore them.
    func expectFrames(_ frames: [ForeseenFrame])
    /// Makes whatever arrives on `links` (a live meeting's sockets) cut a wait in
    /// `nextInput` short, which then returns nil. True when the terminal can: the loop then
    /// waits for keys and links in `nextInput` alone. Asked again after each service of the
    /// links (a connection accepted there is a new descriptor).
    func watch(_ links: [pollfd]) -> Bool
}

/// Where a typed character may be drawn ahead of its frame (see `IncrementalScreen.echoPlace`),
/// and which characters: the printable ASCII ones that type text there.
public struct EchoPlace: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var style: Style
    public var keys: ASCIISet

    /// The echo of `value`, a character read from the terminal, if it is one of `keys`.
    public func echo(of value: UInt32) -> Echo? {
        keys.contains(value) ? Echo(byte: UInt8(value), x: x, y: y, style: style) : nil
    }
}

/// A frame drawn ahead for a key not yet typed: what the screen shows once the model has
/// taken any one of `keys`. Those keys type a character at cell `letterIndex`, drawn there
/// as the first of them; nil when there is one key (it is drawn as it is).
public struct ForeseenFrame: Sendable {
    public var canvas: Canvas
    public var letterIndex: Int?
    public var keys: ASCIISet

    /// The frame for `byte`, one of `keys`.
    public func frame(typing byte: UInt8) -> Canvas {
        guard let letterIndex else { return canvas }
        var frame = canvas
        frame.replaceLetter(at: letterIndex, with: byte)
        return frame
    }
}

/// A set of ASCII bytes, checked with two bit tests.
public struct ASCIISet: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    public func contains(_ value: UInt32) -> Bool {
        value < 64 ? low & (1 << UInt64(value)) != 0 : value < 128 && high & (1 << UInt64(value - 64)) != 0
    }
}

/// A typed character drawn ahead of its frame: one printable ASCII byte, at the cell where
/// the terminal's cursor stands, in the style the frame gives it.
public struct Echo: Equatable, Sendable {
    public var byte: UInt8
    public var x: Int
    public var y: Int
    public var style: Style
}

extension Terminal {
    public func suspend() {}
    public func bell() {}
    public var inputDescriptor: Int32? { nil }
    /// A terminal that reads ahead (and keeps what it read) must say so.
    public var hasPendingInput: Bool { false }
    /// Unknown: the loop reads with a zero timeout to find out.
    public var keysMayBeWaiting: Bool { true }
    /// The frame alone shows what was typed.
    public func expectEcho(at place: EchoPlace?) {}
    /// The frame alone shows what a key changed.
    public func expectFrames(_ frames: [ForeseenFrame]) {}
    /// The loop polls the links beside the terminal's descriptor.
    public func watch(_ links: [pollfd]) -> Bool { false }
}

public struct TerminalSize: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

import DebriefKit
@testable import DebriefTUI
import PropertyBased
import Testing

/// The key that wraps the note input moves the layout above it: its frame is drawn ahead
/// (`IncrementalScreen.foreseenWraps`), and the terminal puts it on screen as it reads the
/// key. Every such frame must be the frame the key then gets; and the encoder's bytes for
/// it, with the typed letter put in, must put that frame on screen.
@Suite("Foreseen wraps: the key that wraps the input is on screen as it is read")
struct ForeseenWrapTests {
    /// Types `text` key by key as the loop does (a frame, then the growth drawn ahead, then
    /// the frames foreseen); returns how many keys wrapped the input to a new row (growing
    /// it, or scrolling it at its tallest), and how many of them were foreseen with exactly
    /// the frame they got. Stops at the first foreseen frame that was wrong.
    @MainActor
    private static func type(_ text: String, size: TerminalSize) -> (wraps: Int, foreseen: Int, wrong: String?) {
        var driver = IncrementalScreenTests.meeting(notes: 12, section: 1, rows: 0)
        var screen = IncrementalScreen()
        _ = screen.render(driver.model, size: size)
        var (wraps, foreseen) = (0, 0)
        var rows = 1
        let width = MeetingScreen.frame(driver.model, size: size).input!.area.width
        var frames: [ForeseenFrame] = []
        for (index, character) in text.enumerated() {
            let byte = character.asciiValue!
            let match = frames.first { $0.keys.contains(UInt32(byte)) }
            driver.send(.key(.character(character)))
            let frame = screen.render(driver.model, size: size)
            let wrapped = NoteInput.wrap(driver.model.editor, width: width).count
            if wrapped > rows { wraps += 1 }
            rows = wrapped
            if let match {
                guard match.frame(typing: byte) == frame else {
                    return (wraps, foreseen, "key \(index) (\(character)) at \(size.width)×\(size.height):\n\(frame.text)")
                }
                foreseen += 1
            }
            screen.prepareGrowth(driver.model, size: size)
            frames = screen.echoPlace(driver.model, size: size) == nil ? screen.foreseenWraps(driver.model, size: size) : []
        }
        return (wraps, foreseen, nil)
    }

    @MainActor
    @Test(arguments: IncrementalScreenTests.sizes)
    func everyKeyThatWrapsTheInputWasForeseenAsItsFrameShowsIt(size: TerminalSize) {
        let text = String(repeating: "Reels beat static posts on engagement, and stories drove clicks. ", count: 10)
        let typed = Self.type(text, size: size)
        #expect(typed.wrong == nil, "\(typed.wrong ?? "")")
        #expect(typed.wraps >= NoteInput.maximumRows, "the input grew to its tallest and scrolled")
        #expect(typed.foreseen == typed.wraps, "only the keys that wrap: the others are echoed")
    }

    /// Rows that end in a letter, a space or a word's end, words longer than a row: whatever
    /// wraps, a letter carrying its word down or a space starting the row, was foreseen.
    @MainActor
    @Test func wordsOfEveryLengthAndSpacesWrapAsForeseen() async throws {
        let word = Gen.int(in: 1...70).map { String(repeating: "w", count: $0) }
        let separator = Gen.int(in: 1...2).map { String(repeating: " ", count: $0) }
        await propertyCheck(count: 40, input: zip(word, separator).array(of: 1...12)) { pieces in
            let text = String(pieces.map { $0 + $1 }.joined().prefix(200))
            let typed = Self.type(text, size: TerminalSize(width: 60, height: 16))
            #expect(typed.wrong == nil, "\(text.debugDescription): \(typed.wrong ?? "")")
            #expect(typed.foreseen == typed.wraps, "\(text.debugDescription)")
        }
    }

    /// The bytes prepared ahead, with the typed letter put in, draw the foreseen frame for
    /// that letter over the screen; the loop's frame for the key then writes nothing more.
    @MainActor
    @Test func theBytesPreparedAheadPutTheFrameForTheTypedLetterOnScreen() throws {
        let size = TerminalSize(width: 100, height: 30)
        var driver = IncrementalScreenTests.meeting(notes: 12, section: 1, rows: 0)
        var screen = IncrementalScreen()
        var encoder = FrameEncoderTests.encoder()
        var virtual = VirtualScreen(width: size.width, height: size.height)
        var bytes: [UInt8] = []
        var shown = screen.render(driver.model, size: size)
        encoder.encode(shown, since: nil, into: &bytes)
        virtual.feed(bytes)
        var (used, wraps) = (0, 0)
        let width = MeetingScreen.frame(driver.model, size: size).input!.area.width
        for character in String(repeating: "Reels beat static posts on engagement, and stories drove clicks. ", count: 6) {
            screen.prepareGrowth(driver.model, size: size)
            let frames = screen.echoPlace(driver.model, size: size) == nil ? screen.foreseenWraps(driver.model, size: size) : []
            let byte = character.asciiValue!
            bytes.removeAll()
            var foreseen = false
            if let prepared = frames.first(where: { $0.keys.contains(UInt32(byte)) }).flatMap({ encoder.prepare($0, over: shown) }) {
                virtual.feed(prepared.bytes(typing: byte))
                encoder = prepared.encoder
                shown = prepared.frame(typing: byte)
                #expect(virtual.cells == VirtualScreen.expected(shown, looks: FrameEncoderTests.looks, dimsText: true))
                foreseen = true
                used += 1
            }
            let rows = NoteInput.wrap(driver.model.editor, width: width).count
            driver.send(.key(.character(character)))
            if NoteInput.wrap(driver.model.editor, width: width).count > rows { wraps += 1 }
            let frame = screen.render(driver.model, size: size)
            encoder.encode(frame, since: shown, into: &bytes)
            if foreseen { #expect(bytes.isEmpty, "the foreseen frame is on screen: nothing more to write") }
            virtual.feed(bytes)
            shown = frame
            #expect(virtual.cells == VirtualScreen.expected(frame, looks: FrameEncoderTests.looks, dimsText: true))
        }
        #expect(wraps > 0 && used == wraps, "each key that wrapped the input: \(used) of \(wraps)")
    }
}

/// A frame drawn ahead for a key not yet typed (`ForeseenFrame`), encoded ahead too: when
/// the key comes, its bytes go out with the typed letter put in, and the encoder takes the
/// state it has once they are out. A terminal prepares it before it waits, as an echo
/// (`prepareEcho`), so the key that wraps the note input is written as soon as it is read.
extension FrameEncoder {
    /// Made while waiting and used once at most, by the key it is for: a class, so that
    /// taking it from the terminal's list copies nothing and the key's letter is put into
    /// its bytes and frame in place (a copy of either cost microseconds before the write).
    public final class PreparedFrame {
        /// The frame, with the letter typed last (`frame(typing:)`).
        private var foreseen: ForeseenFrame
        /// The bytes that turn the screen into `foreseen.canvas`.
        private var bytes: [UInt8]
        /// Where among them the letter's byte is; nil for a frame of one key.
        private let letterOffset: Int?
        /// The encoder once the bytes are out: it takes the place of the one that prepared them.
        public let encoder: FrameEncoder

        fileprivate init(foreseen: ForeseenFrame, bytes: [UInt8], letterOffset: Int?, encoder: FrameEncoder) {
            self.foreseen = foreseen
            self.bytes = bytes
            self.letterOffset = letterOffset
            self.encoder = encoder
        }

        public var keys: ASCIISet { foreseen.keys }

        /// The bytes for `byte`, one of `keys`.
        public func bytes(typing byte: UInt8) -> [UInt8] {
            if let letterOffset { bytes[letterOffset] = byte }
            return bytes
        }

        /// The frame on screen once `bytes(typing: byte)` are out.
        public func frame(typing byte: UInt8) -> Canvas {
            if let index = foreseen.letterIndex { foreseen.canvas.replaceLetter(at: index, with: byte) }
            return foreseen.canvas
        }
    }

    /// `foreseen` encoded over `shown`, the frame on screen; nil when its letter cannot be
    /// found as one byte in the bytes (then the key waits for its frame as before).
    public func prepare(_ foreseen: ForeseenFrame, over shown: Canvas) -> PreparedFrame? {
        var encoder = self
        var bytes: [UInt8] = []
        encoder.encode(foreseen.canvas, since: shown, into: &bytes)
        guard let letterIndex = foreseen.letterIndex else {
            return PreparedFrame(foreseen: foreseen, bytes: bytes, letterOffset: nil, encoder: encoder)
        }
        // The letter's byte is where the bytes for another letter differ, at one place only.
        let letter = foreseen.canvas.asciiByte(at: letterIndex)
        var other = self
        var otherBytes: [UInt8] = []
        other.encode(foreseen.frame(typing: letter == 0x78 ? 0x79 : 0x78), since: shown, into: &otherBytes)
        guard otherBytes.count == bytes.count else { return nil }
        let differing = bytes.indices.filter { bytes[$0] != otherBytes[$0] }
        guard differing.count == 1 else { return nil }
        return PreparedFrame(foreseen: foreseen, bytes: bytes, letterOffset: differing[0], encoder: encoder)
    }
}

import ContractModel
import ContractReport
import Testing

@Suite struct HighlightingTests {
    typealias Piece = Highlighting.Piece

    @Test func wholeWordsJoinedAcrossSpaces() {
        let pieces = Highlighting.pieces(
            "Vendor shall notify within 72 hours; no constraint to train.", phrases: ["shall", "notify", "train", "72 hours"])
        #expect(pieces == [
            Piece("Vendor ", highlighted: false), Piece("shall notify", highlighted: true), Piece(" within ", highlighted: false),
            Piece("72 hours", highlighted: true), Piece("; no constraint to ", highlighted: false), Piece("train", highlighted: true),
            Piece(".", highlighted: false),
        ])
    }

    @Test func noHighlightsIsOnePlainPiece() {
        let e = Evidence(clause: "1", page: nil, text: "Text.", role: "r")
        #expect(Highlighting.pieces(of: e) == [Piece("Text.", highlighted: false)])
        #expect(Highlighting.pieces("", phrases: ["x"]) == [Piece("", highlighted: false)])
    }
}

import Terminal
import Testing

/// Fitting text without cutting a token: words, titles from parts, folded sums.
@Suite struct TokenFittingTests {
    @Test func wordsAreCutAtASpace() {
        #expect(TextFitting.truncateWords("0.25 ← W[0,0,1,2] + dLdZ[0,0,1,1]", toWidth: 20) == "0.25 ← W[0,0,1,2] …")
        #expect(
            TextFitting.truncateWords("4 ← dLdZ[0,0,1,3]·A[0,0,1,7]", toWidth: 22) == "4 ← dLdZ[0,0,1,3]·…",
            "a product is cut after its dot")
        #expect(TextFitting.truncateWords("short", toWidth: 14) == "short", "text that fits is left alone")
        #expect(TextFitting.truncateWords("abcdefghij", toWidth: 5) == "abcd…", "one long word has to be cut")
    }

    @Test func titlesDropTheirLeastImportantParts() {
        let parts = ["A_pad[0,3]", "+1 more", "r0–7"]
        #expect(TextFitting.title(parts, toWidth: 30) == "A_pad[0,3] +1 more r0–7")
        #expect(TextFitting.title(parts, toWidth: 18) == "A_pad[0,3] +1 more")
        #expect(TextFitting.title(parts, toWidth: 17) == "A_pad[0,3]")
        #expect(TextFitting.title(["W[0,0]", "", "r0–0"], toWidth: 6) == "W[0,0]", "empty parts add no space")
    }

    /// Folding measures each character a bounded number of times, whatever the number of
    /// terms: trying each length by measuring its whole text was quadratic (minutes a frame
    /// for a taught dL/dA step with 20 000 output channels).
    @Test func foldingIsLinearInTheTerms() {
        let terms = ["1"] + Array(repeating: " + 1", count: 1999)
        var measured = 0
        let folded = TextFitting.foldedSum(
            lead: "Z = ", terms: terms, tail: " = 2000", width: 60,
            widthOf: {
                measured += 1
                return CharacterWidth.of($0)
            })
        #expect(folded.hasSuffix(" more terms = 2000") && folded.count <= 60, "\(folded)")
        let characters = terms.reduce(0) { $0 + $1.count }
        #expect(measured < 10 * characters, "\(measured) measurements for \(characters) characters")
    }

    /// A sum of 20 terms "+ 1" after "Z = 1": each later term takes 4 columns.
    @Test func longSumsFoldWithACountAndKeepTheirValue() {
        let terms = ["1"] + Array(repeating: " + 1", count: 19)
        let whole = TextFitting.foldedSum(lead: "Z = ", terms: terms, tail: " = 20", width: 200)
        #expect(whole == "Z = 1" + String(repeating: " + 1", count: 19) + " = 20")
        let folded = TextFitting.foldedSum(lead: "Z = ", terms: terms, tail: " = 20", width: 40)
        #expect(folded.count <= 40)
        #expect(folded.hasSuffix(" more terms = 20"), "the value stays: \(folded)")
        // The count and the terms written out add up to the 20 terms.
        let parts = folded.components(separatedBy: " … + ")
        #expect(parts.count == 2)
        let written = parts[0].split(separator: " ").filter { $0 == "1" }.count
        let more = Int(parts[1].split(separator: " ")[0]) ?? 0
        #expect(written + more == 20, "\(folded)")
        #expect(
            TextFitting.foldedSum(lead: "", terms: ["1", " + 1"], unlisted: 3, width: 80) == "1 + 1 … + 3 more terms",
            "terms not given are counted")
        #expect(
            TextFitting.foldedSum(lead: "", terms: ["1", " + 1"], width: 4) == "2 …",
            "too narrow even for a count: cut at a word")
    }
}

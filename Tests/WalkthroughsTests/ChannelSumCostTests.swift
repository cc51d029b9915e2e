import ConvScopeCore
import Testing
import Walkthroughs

/// The taught step's per-channel sums read each term once, so a step with many output
/// channels costs terms + channels, not channels × terms (issue 14 point 9: 20 000
/// channels took 18 s per frame). Counted through a sequence that counts its reads.
@Suite struct ChannelSumCostTests {
    /// Terms that count how many elements were read from them, across every iteration.
    final class CountingTerms: Sequence {
        let terms: [GradientTerm]
        private(set) var reads = 0

        init(_ terms: [GradientTerm]) { self.terms = terms }

        func makeIterator() -> AnyIterator<GradientTerm> {
            var index = 0
            return AnyIterator {
                guard index < self.terms.count else { return nil }
                defer { index += 1 }
                self.reads += 1
                return self.terms[index]
            }
        }
    }

    @Test func eachTermIsReadOnceWhateverTheChannelCount() {
        let channels = 300
        let terms = (0..<channels * 4).map { i in
            GradientTerm(
                output: [0, i % channels, 0, 0], upstream: Double(i), through: [i % channels, 0, 0, 0], factor: 0.5)
        }
        let counting = CountingTerms(terms)
        let sums = ConvBackwardWalkthrough.channelSums(counting, channels: channels)
        #expect(counting.reads == terms.count)
        // Channel o holds terms o, o+300, o+600, o+900: 0.5 · (4o + 1800).
        for o in 0..<channels { #expect(sums[o] == 0.5 * Double(4 * o + 1800)) }
    }
}

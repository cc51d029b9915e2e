import Terminal
import Testing

@testable import ConvScopeApp

/// The header's speed says what playback achieves (issue 14 point 14): the runner measures
/// steps per second and sends them as a message; update keeps them with their speed.
@Suite struct MeasuredRateTests {
    /// The demo playing at 256 steps per second.
    static func playingFast() throws -> AppModel {
        var model = try AppFixtures.demo()
        model.speedIndex = AppModel.speeds.firstIndex(of: 256)!
        return model.pressing(.character(" "))
    }

    @Test func aShortfallIsShownBesideTheAskedSpeed() throws {
        var model = try Self.playingFast()
        #expect(model.playbackRate == "256/s")
        model.update(.measuredRate(60.4))
        #expect(model.playbackRate == "256/s (actual 60/s)")
        #expect(model.render().plainText().contains("▶ 256/s (actual 60/s)"))
        model.update(.measuredRate(2.34))
        #expect(model.playbackRate == "256/s (actual 2.3/s)")
    }

    @Test func aRateWithinATenthOfTheSpeedIsNotMentioned() throws {
        var model = try Self.playingFast()
        model.update(.measuredRate(240))
        #expect(model.playbackRate == "256/s")
    }

    @Test func aRateBelongsToTheSpeedItWasMeasuredAt() throws {
        var model = try Self.playingFast()
        model.update(.measuredRate(60))
        model.press(.character("-"))
        #expect(model.playbackRate == "64/s")
        model.press(.character("+"))
        #expect(model.playbackRate == "256/s (actual 60/s)")
    }

    @Test func aRateArrivingWhilePausedIsDropped() throws {
        var model = try AppFixtures.demo()
        model.update(.measuredRate(1))
        #expect(model.measuredRate == nil)
    }

    @Test func theMeterCountsTicksOverAboutASecondAtOneSpeed() {
        var meter = RateMeter()
        #expect(meter.record(ticks: 1, playing: true, speed: 256, at: 10) == nil, "starts the window")
        for k in 1...59 { #expect(meter.record(ticks: 1, playing: true, speed: 256, at: 10 + Double(k) / 60) == nil) }
        #expect(meter.record(ticks: 1, playing: true, speed: 256, at: 11) == 60)
        // A speed change or a pause starts over.
        #expect(meter.record(ticks: 5, playing: true, speed: 64, at: 12.5) == nil)
        #expect(meter.record(ticks: 5, playing: true, speed: 64, at: 13.5) == 5)
        #expect(meter.record(ticks: 1, playing: false, speed: 64, at: 14) == nil)
        #expect(meter.record(ticks: 1, playing: true, speed: 64, at: 20) == nil)
        #expect(meter.record(ticks: 3, playing: true, speed: 64, at: 22) == 1.5)
    }
}

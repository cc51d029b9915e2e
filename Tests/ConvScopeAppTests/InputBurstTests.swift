import Terminal
import Testing

@testable import ConvScopeApp

/// Input drained in bursts (issue 14 point 8): every event already typed is applied, then
/// one frame is drawn; `q` and Ctrl-C quit at once, ahead of whatever was queued.
@Suite struct InputBurstTests {
    static let l = InputEvent.key(.character("l"))

    @Test func aBurstOfStepsIsOneJumpAndOneFrame() throws {
        let backend = Bursts([Array(repeating: Self.l, count: 20), [.key(.character("q"))]])
        var seen: [Int] = []
        AppRunner.run(try AppFixtures.demo(), on: backend) { seen.append($0.step) }
        #expect(seen == [0, 20])
        #expect(backend.frames.count == 2)
        #expect(backend.frames[1].plainText().contains("step 21/32"))
    }

    @Test func aBurstAppliesEveryEventInOrder() throws {
        let model = try AppFixtures.demo()
        let keys: [Key] = [.right, .right, .down, .character("c"), .left, .character("v")]
        #expect(AppRunner.process(keys.map(InputEvent.key), model) == model.pressing(keys))
    }

    @Test func quitNeverWaitsBehindQueuedKeys() throws {
        let model = try AppFixtures.demo()
        let queued = Array(repeating: Self.l, count: 500)
        for quit in [Key.character("q"), .control("c")] {
            let after = AppRunner.process(queued + [.key(quit)] + queued, model)
            #expect(after.wantsQuit)
            #expect(after.step == 0, "the queued steps were skipped")
        }
        // From help and from the screen list as well.
        for opened in [Key.character("?"), .character("m")] {
            #expect(AppRunner.process([.key(.control("c"))], model.pressing(opened)).wantsQuit)
        }
        let viaBackend = MemoryBackend(size: AppFixtures.small, events: queued + [.key(.character("q"))])
        viaBackend.arrivesAtOnce = true
        AppRunner.run(model, on: viaBackend)
        #expect(viaBackend.frames.count == 1)
    }

    @Test func escapeInABurstDoesNotJumpTheQueue() throws {
        // Esc closes the screen list opened earlier in the same burst; it does not quit.
        let after = AppRunner.process([.key(.character("m")), .key(.escape), Self.l], try AppFixtures.demo())
        #expect(!after.wantsQuit)
        #expect(after.menu == nil)
        #expect(after.step == 1)
    }

    @Test func noInputIsATick() throws {
        var model = try AppFixtures.demo()
        model.isPlaying = true
        #expect(AppRunner.process([], model).step == 1)
    }
}

/// A backend that delivers its events in the given bursts, one burst per read.
private final class Bursts: TerminalBackend {
    private var bursts: [[InputEvent]]
    private(set) var frames: [Buffer] = []
    let size = AppFixtures.small
    let capabilities = TerminalCapabilities.full

    init(_ bursts: [[InputEvent]]) { self.bursts = bursts }

    func draw(_ buffer: Buffer) { frames.append(buffer) }
    func shutdown() {}
    func readEvent(timeoutMs: Int?) -> InputEvent? { nil }

    func readEvents(timeoutMs: Int?) -> [InputEvent] {
        bursts.isEmpty ? [.key(.character("q"))] : bursts.removeFirst()
    }
}

import Terminal
import Testing

@testable import ConvScopeApp

/// The run loop on a `MemoryBackend`: one frame per event, the backend's size and
/// capabilities win over the model's, shutdown exactly once.
@Suite struct AppRunnerTests {
    @Test func scriptedSessionDrawsAFramePerEventAndShutsDownOnce() throws {
        let resized = Size(width: 100, height: 30)
        let backend = MemoryBackend(
            size: AppFixtures.small, capabilities: .minimal,
            events: [
                .key(.right), .key(.right), .key(.character("?")), .key(.character("x")), .resize(resized),
                .key(.character("q")),
            ])
        // QuitAfter only ends a run that ignored the scripted q (it would add a 7th frame).
        AppRunner.run(try AppFixtures.demo(size: AppFixtures.large), on: QuitAfter(reads: 6, of: backend))

        #expect(backend.pendingEvents.isEmpty)
        #expect(backend.shutdownCount == 1)
        let frames = backend.frames.map { $0.plainText() }
        try #require(frames.count == 6)
        #expect(backend.frames.prefix(5).allSatisfy { $0.size == AppFixtures.small })
        #expect(backend.frames[5].size == resized)
        for (frame, step) in zip(frames, [1, 2, 3, 3, 3, 3]) {
            #expect(frame.contains("step \(step)/32"))
        }
        #expect(frames[3].contains("ConvScope keys"))
        #expect(!frames[4].contains("ConvScope keys"))
        // Minimal capabilities: plain ASCII borders, no half blocks.
        #expect(frames.allSatisfy { !$0.contains("┌") && !$0.contains("▀") })
    }

    @Test func quitAsTheFirstEventDrawsOnceAndStops() throws {
        let backend = MemoryBackend(size: AppFixtures.small, events: [.key(.escape)])
        AppRunner.run(try AppFixtures.demo(), on: QuitAfter(reads: 1, of: backend))
        #expect(backend.frames.count == 1)
        #expect(backend.shutdownCount == 1)
    }

    @Test func aTimeoutWhilePlayingIsATick() throws {
        // MemoryBackend answers "no event" once its script is empty; the runner must treat
        // that as the next animation frame. `+` keeps playing; quit comes after two ticks.
        var model = try AppFixtures.demo()
        model.isPlaying = true
        let backend = MemoryBackend(size: AppFixtures.small, events: [.key(.character("+"))])
        AppRunner.run(model, on: QuitAfter(reads: 3, of: backend))
        #expect(backend.frames.count == 4)
        for (frame, step) in zip(backend.frames, [1, 1, 2, 3]) {
            #expect(frame.plainText().contains("step \(step)/32"))
        }
        #expect(backend.shutdownCount == 1)
    }
}

/// A backend that answers like `inner` for the first `reads` reads, then presses `q`, so
/// a run that would otherwise tick forever ends.
private final class QuitAfter: TerminalBackend {
    let inner: MemoryBackend
    var readsLeft: Int

    init(reads: Int, of inner: MemoryBackend) {
        self.inner = inner
        self.readsLeft = reads
    }

    var size: Size { inner.size }
    var capabilities: TerminalCapabilities { inner.capabilities }
    func draw(_ buffer: Buffer) { inner.draw(buffer) }
    func shutdown() { inner.shutdown() }

    func readEvent(timeoutMs: Int?) -> InputEvent? {
        readsLeft -= 1
        return readsLeft < 0 ? .key(.character("q")) : inner.readEvent(timeoutMs: timeoutMs)
    }
}

import Terminal
import Testing

@Suite struct MemoryBackendTests {
    @Test func recordsFramesAndTheCellsEachChanged() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        var buffer = backend.makeBuffer()
        buffer.write("ab", x: 0, y: 0)
        backend.draw(buffer)
        #expect(backend.lastChanges.count == 8)
        buffer.write("X", x: 1, y: 1)
        backend.draw(buffer)
        #expect(backend.lastChanges == [CellChange(x: 1, y: 1, cell: Cell("X"))])
        #expect(backend.frames.map { $0.plainText() } == ["ab\n", "ab\n X"])
    }

    @Test func replaysScriptedEventsThenReportsNone() {
        let backend = MemoryBackend(size: Size(width: 2, height: 2), events: [.key(.down), .key(.control("c"))])
        #expect(backend.readEvent(timeoutMs: 0) == .key(.down))
        #expect(backend.readEvent(timeoutMs: nil) == .key(.control("c")))
        #expect(backend.readEvent(timeoutMs: 0) == nil)
    }

    @Test func resizeChangesSizeAndQueuesAnEvent() {
        let backend = MemoryBackend(size: Size(width: 2, height: 2))
        backend.resize(to: Size(width: 5, height: 3))
        #expect(backend.size == Size(width: 5, height: 3))
        #expect(backend.makeBuffer().size == backend.size)
        #expect(backend.readEvent(timeoutMs: 0) == .resize(Size(width: 5, height: 3)))
    }

    @Test func shutdownIsCounted() {
        let backend = MemoryBackend(size: Size(width: 1, height: 1), capabilities: .minimal)
        backend.shutdown()
        backend.shutdown()
        #expect(backend.shutdownCount == 2)
        #expect(backend.glyphs == .ascii)
    }
}

import ConvScopeApp
import ConvScopeCore
import Terminal

/// Input and walkthrough-step timings from issue 14: how long `q` takes when keys are
/// queued on a big scene (input drained in bursts, quit ahead of the queue), one burst of
/// held `l` as one frame, and a taught dL/dA step with 20 000 output channels.
enum InputWorkloads {
    static let queued = 500

    static func run(minTime: Double) throws -> [Measurement] {
        // 1×8×512×512 → 16 maps of 510×510: a frame here costs milliseconds, not microseconds.
        let layer = Conv2d(inChannels: 8, outChannels: 16, kernelSize: HW(square: 3), seed: 3)
        let scene = try Scene.convolution(
            "512×512 image → 16 maps", layer: layer.function,
            input: .randomNormal(shape: [1, 8, 512, 512], seed: 4))
        let model = AppModel(scenes: [scene], size: FrameWorkloads.size)
        let held = [InputEvent](repeating: .key(.character("l")), count: queued)
        var results: [Measurement] = []

        let (render, renderRuns) = median(minTime: minTime) { _ = model.render() }
        results.append(
            Measurement(name: "input: one frame, 512x512 x16 scene", seconds: render, runs: renderRuns, flops: nil))

        let quit = (0..<5).map { _ in
            secondsAfterFirstFrame(model, events: held + [.key(.character("q"))], thenQuit: false)
        }
        results.append(
            Measurement(
                name: "input: q behind \(queued) queued l (time to quit)", seconds: middle(quit), runs: 5, flops: nil))

        let burst = (0..<5).map { _ in secondsAfterFirstFrame(model, events: held, thenQuit: true) }
        results.append(
            Measurement(
                name: "input: \(queued) queued l, one jump + one frame", seconds: middle(burst), runs: 5, flops: nil))

        results.append(try taughtStep(minTime: minTime))
        return results
    }

    /// The median of an odd number of times.
    static func middle(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

    /// Runs the app on a backend holding `events`, all typed before the first read, and
    /// returns the seconds from the first frame on screen to the app's return; with
    /// `thenQuit`, `q` is typed once the burst's frame is drawn.
    static func secondsAfterFirstFrame(_ model: AppModel, events: [InputEvent], thenQuit: Bool) -> Double {
        let backend = MemoryBackend(size: FrameWorkloads.size, events: events)
        backend.arrivesAtOnce = true
        var firstFrame: Double?
        AppRunner.run(model, on: backend) { _ in
            if firstFrame == nil {
                firstFrame = now()
            } else if thenQuit {
                backend.pendingEvents = [.key(.character("q"))]
            }
        }
        return now() - (firstFrame ?? now())
    }

    /// A frame of the taught dL/dA walk with 20 000 output channels, stepping (its per-channel
    /// sums were channels × terms: 18 s per frame).
    static func taughtStep(minTime: Double) throws -> Measurement {
        let layer = Conv2d(inChannels: 1, outChannels: 20_000, kernelSize: HW(square: 3), seed: 5)
        let scene = try Scene.convolution(
            "20 000 kernels", layer: layer.function,
            input: .randomNormal(shape: [1, 1, 6, 6], seed: 6))
        var model = AppModel(scenes: [scene], size: FrameWorkloads.size)
        model.switchPhase(to: .taught)
        let (seconds, runs) = median(minTime: minTime) {
            model = AppRunner.process(.key(.right), model)
            _ = model.render()
        }
        return Measurement(
            name: "frame: taught dLdA step, 20000 output channels", seconds: seconds, runs: runs, flops: nil)
    }
}

import ConvScopeApp
import ConvScopeCore
import Terminal

/// Screen timings: the first frame of the demo, frames of a 1×3×224×224 → 64-channel
/// convolution scene at 120×40, and key-to-screen latency in every phase.
enum FrameWorkloads {
    static let size = Size(width: 120, height: 40)

    static func run(minTime: Double) throws -> [Measurement] {
        var results: [Measurement] = []

        let start = now()
        let demo = AppModel(scenes: try Demo.scenes(), size: Size(width: 80, height: 24))
        _ = demo.render()
        results.append(
            Measurement(name: "frame: demo scenes + first frame", seconds: now() - start, runs: 1, flops: nil))

        let built = now()
        let layer = Conv2d(inChannels: 3, outChannels: 64, kernelSize: HW(square: 3), seed: 1)
        let scene = try Scene.convolution(
            "224×224 image → 64 maps", layer: layer.function,
            input: .randomNormal(shape: [1, 3, 224, 224], seed: 2))
        var model = AppModel(scenes: [scene], size: size)
        _ = model.render()
        results.append(
            Measurement(name: "frame: 224x224 conv scene + first frame", seconds: now() - built, runs: 1, flops: nil))

        let (render, renderRuns) = median(minTime: minTime) { _ = model.render() }
        results.append(
            Measurement(name: "frame: render 120x40, 224x224 heatmap", seconds: render, runs: renderRuns, flops: nil))

        var previous = model.render()
        let (flush, flushRuns) = median(minTime: minTime) { _ = previous.diff(from: Buffer(size: size)).count }
        results.append(
            Measurement(name: "frame: full-screen diff (flush) 120x40", seconds: flush, runs: flushRuns, flops: nil))

        // Key to screen: update, render, diff against the frame on screen. Stepping through
        // thousands of steps in every phase also shows whether memory grows with steps.
        for phase in scene.phases {
            model.switchPhase(to: phase)
            previous = model.render()
            let keys: [Key] = [.right, .right, .down, .left, .character("c")]
            var next = 0
            let (latency, runs) = median(minTime: minTime / 2, minRuns: 200) {
                model = AppRunner.process(.key(keys[next % keys.count]), model)
                next += 1
                let frame = model.render()
                _ = frame.diff(from: previous).count
                previous = frame
            }
            results.append(
                Measurement(name: "frame: key to screen, \(phase.rawValue)", seconds: latency, runs: runs, flops: nil))
        }
        return results
    }
}

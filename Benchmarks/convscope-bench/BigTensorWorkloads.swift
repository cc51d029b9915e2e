import ConvScopeApp
import ConvScopeCore
import Terminal

/// Issue 14's targets on a 1×64×1024×1024 input (512 MB) → 4 maps: a step (key to screen:
/// update, render, diff) under 50 ms in each pass, and `q` honoured within 100 ms behind
/// 500 queued `l`, measured from the first frame on screen.
enum BigTensorWorkloads {
    static func run(minTime: Double) throws -> [Measurement] {
        let built = now()
        let layer = Conv2d(inChannels: 64, outChannels: 4, kernelSize: HW(square: 3), seed: 7)
        let scene = try Scene.convolution(
            "1×64×1024×1024 → 4 maps", layer: layer.function,
            input: .randomNormal(shape: [1, 64, 1024, 1024], seed: 8))
        var model = AppModel(scenes: [scene], size: FrameWorkloads.size)
        var previous = model.render()
        var results = [
            Measurement(
                name: "big: 1x64x1024x1024 conv scene + first frame", seconds: now() - built, runs: 1,
                flops: nil)
        ]
        for phase in scene.phases {
            // The first frame of a phase pays once for what the walkthrough keeps: the backward
            // pass on the first backward phase, and the summaries of the maps it shows.
            let switched = now()
            model.switchPhase(to: phase)
            previous = model.render()
            results.append(
                Measurement(
                    name: "big: switch to \(phase.rawValue) + its first frame (once)", seconds: now() - switched,
                    runs: 1, flops: nil))
            let (step, runs) = median(minTime: minTime, minRuns: 5) {
                model = AppRunner.process(.key(.character("l")), model)
                let frame = model.render()
                _ = frame.diff(from: previous).count
                previous = frame
            }
            results.append(
                Measurement(
                    name: "big: step (l) 1x64x1024x1024, \(phase.rawValue)", seconds: step, runs: runs,
                    flops: nil))
        }
        model.switchPhase(to: .forward)
        let held = [InputEvent](repeating: .key(.character("l")), count: InputWorkloads.queued)
        let quit = (0..<5).map { _ in
            InputWorkloads.secondsAfterFirstFrame(model, events: held + [.key(.character("q"))], thenQuit: false)
        }
        results.append(
            Measurement(
                name: "big: q behind \(InputWorkloads.queued) queued l, 1x64x1024x1024 (time to quit)",
                seconds: InputWorkloads.middle(quit), runs: 5, flops: nil))
        return results
    }
}

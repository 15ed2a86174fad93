import LumenCore
import Testing

@testable import GIFMaking

/// The timeline's delays: rounded on the whole timeline, never below 2 cs, adding up to the
/// part taken divided by the speed, to the centisecond.
@Suite struct FrameTimelineTests {
  /// Runs pictures starting at `starts` (seconds) that end at `end` through a timeline;
  /// returns (source picture, delay) per GIF frame, extensions added to the last.
  static func run(
    starts: [Double], end: Double, start: Double = 0, stop: Double? = nil, speed: Double = 1,
    fps: Double?
  ) -> [(source: Int, delay: Int)] {
    var timeline = FrameTimeline(start: start, end: stop, speed: speed, fps: fps)
    var events: [FrameTimeline.Event] = []
    let picture = RGBAImage(width: 1, height: 1)
    for time in starts where timeline.push(picture, at: time, &events) {}
    timeline.finish(sourceEnd: end, &events)
    var frames: [(source: Int, delay: Int)] = []
    for event in events {
      switch event {
      case .frame(let source, _, let delay): frames.append((source, delay))
      case .extend(let extra): frames[frames.count - 1].delay += extra
      }
    }
    return frames
  }

  @Test func thirtyFramesASecondRoundsOnTheWholeTimeline() {
    let frames = Self.run(starts: (0..<30).map { Double($0) / 30 }, end: 1, fps: 30)
    #expect(frames.map(\.delay).prefix(6) == [3, 3, 4, 3, 3, 4])
    #expect(frames.map(\.delay).reduce(0, +) == 100)
    #expect(frames.map(\.source) == Array(0..<30))
  }

  @Test func fiftyFramesASecondIsTwoCentisecondsEach() {
    let frames = Self.run(starts: (0..<100).map { Double($0) / 100 }, end: 1, fps: 50)
    #expect(frames.count == 50)
    #expect(frames.allSatisfy { $0.delay == 2 })
  }

  /// 25 fps sampled at 15 fps: a sample takes the last picture starting before its midpoint
  /// (as ffmpeg's fps filter), 7/7/6 cs.
  @Test func resamplingTakesThePictureNearestEachSample() {
    let frames = Self.run(starts: (0..<50).map { Double($0) / 25 }, end: 2, fps: 15)
    #expect(frames.count == 30)
    #expect(frames.map(\.delay).reduce(0, +) == 200)
    #expect(Set(frames.map(\.delay)) == [6, 7])
    // Sample 1 is at 0.0667 s: pictures start at 0.04 and 0.08; 0.08 is before the midpoint
    // 0.1 s, so it is the one.
    #expect(frames[1].source == 2)
  }

  /// A source's own delays (a GIF's, in browser time) pass through; a frame under 2 cs gives
  /// way to the next, and the total stays exact.
  @Test func ownTimingKeepsDelaysAndMergesTooShortFrames() {
    let delays = [10, 3, 250, 2, 70, 1, 40]
    var starts: [Double] = []
    var time = 0
    for delay in delays {
      starts.append(Double(time) / 100)
      time += delay
    }
    let frames = Self.run(starts: starts, end: Double(time) / 100, fps: nil)
    // The 1 cs frame (picture 5) gives way to picture 6, which starts 1 cs early.
    #expect(frames.map(\.delay) == [10, 3, 250, 2, 70, 41])
    #expect(frames.map(\.delay).reduce(0, +) == 376)
    #expect(frames.map(\.source) == [0, 1, 2, 3, 4, 6])
  }

  @Test func speedDividesEveryDelay() {
    let frames = Self.run(starts: [0, 0.1, 0.3, 0.6], end: 1, speed: 2, fps: nil)
    #expect(frames.map(\.delay) == [5, 10, 15, 20])
  }

  /// A short last frame lengthens the one before: 1.01 s at 10 fps is 9 frames of 10 cs and
  /// one of 11.
  @Test func aShortLastFrameLengthensTheOneBefore() {
    let frames = Self.run(starts: (0..<101).map { Double($0) / 100 }, end: 1.01, fps: 10)
    #expect(frames.count == 10)
    #expect(frames.last?.delay == 11)
    #expect(frames.map(\.delay).reduce(0, +) == 101)
  }

  /// Start and end cut the source: the picture showing at the start opens the GIF.
  @Test func startAndEndCutThePart() {
    let frames = Self.run(
      starts: [0, 0.5, 1, 1.5, 2, 2.5], end: 3, start: 0.7, stop: 2.2, fps: nil)
    #expect(frames.map(\.source) == [1, 2, 3, 4])
    #expect(frames.map(\.delay) == [30, 50, 50, 20])
  }

  /// `uses(pictureAt:nextAt:)` says, for every picture, whether the timeline gives it a
  /// frame: checked against what a full run hands on, over rates, speeds, starts and ends,
  /// including irregular picture times.
  @Test(arguments: [
    (25.0, 15.0, 1.0, 0.0, nil as Double?), (30, 12, 1, 0.4, nil), (25, 10, 2, 0, 3.1),
    (24, 25, 1, 0, nil), (60, 7, 0.5, 1.3, 2.2), (0, 15, 1, 0, nil),
  ])
  func predictsWhichPicturesTheSamplingUses(
    rate: Double, fps: Double, speed: Double, start: Double, stop: Double?
  ) {
    var starts: [Double]
    if rate > 0 {
      starts = (0..<120).map { Double($0) / rate }
    } else {
      // Irregular: gaps of 10…90 ms from a fixed pattern.
      var time = 0.0
      starts = (0..<120).map { i in
        defer { time += Double(10 + (i * 37) % 81) / 1000 }
        return time
      }
    }
    let end = starts.last! + 0.04
    let used = Set(
      Self.run(starts: starts, end: end, start: start, stop: stop, speed: speed, fps: fps)
        .map(\.source))
    let timeline = FrameTimeline(start: start, end: stop, speed: speed, fps: fps)
    for (i, time) in starts.enumerated() {
      if let stop, time >= stop { break }
      let next = i + 1 < starts.count ? starts[i + 1] : nil
      let predicted = timeline.uses(pictureAt: time, nextAt: next)
      // A picture the timeline uses is always predicted; one predicted but unused is only
      // allowed where the sampling's end rule decides (the picture before `stop`).
      if used.contains(i) { #expect(predicted, "picture \(i) at \(time) is used") }
      if predicted && !used.contains(i) {
        #expect(next == nil || (stop.map { next! >= $0 } ?? false), "picture \(i) at \(time)")
      }
    }
    // Skipping the pictures predicted unused gives the same frames (sources renumbered).
    let kept = starts.indices.filter { i in
      timeline.uses(pictureAt: starts[i], nextAt: i + 1 < starts.count ? starts[i + 1] : nil)
    }
    let full = Self.run(starts: starts, end: end, start: start, stop: stop, speed: speed, fps: fps)
    let skipped = Self.run(
      starts: kept.map { starts[$0] }, end: end, start: start, stop: stop, speed: speed, fps: fps)
    #expect(skipped.map { kept[$0.source] } == full.map(\.source))
    #expect(skipped.map(\.delay) == full.map(\.delay))
  }
}

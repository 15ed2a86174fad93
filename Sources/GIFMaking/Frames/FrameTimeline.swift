internal import LumenCore

/// Turns source pictures, each shown from its start until the next one's, into GIF frames with
/// centisecond delays: the part between `start` and `end`, played at `speed`, sampled at
/// `fps` or one frame per picture.
///
/// Frame boundaries are rounded down on the whole timeline (30 fps gives 3, 3, 4, 3, 3, 4 cs), so
/// the delays add up to the output's length to the centisecond; no delay is below 2 cs (what
/// browsers play as written): a shorter frame gives way to the next, and a short last one
/// lengthens the frame before it.
struct FrameTimeline {
  /// What the timeline hands on.
  enum Event {
    /// A frame: the source picture's number and pixels, and its delay in centiseconds.
    case frame(source: Int, image: RGBAImage, delay: Int)
    /// The last frame handed on lasts this many centiseconds longer.
    case extend(Int)
  }

  let start: Double
  let end: Double?
  let speed: Double
  let fps: Double?

  private var current: (source: Int, image: RGBAImage)?
  private var pending: (source: Int, image: RGBAImage, boundary: Int)?
  private var nextSample = 0
  private var sources = 0
  private(set) var framesHanded = 0

  init(start: Double, end: Double?, speed: Double, fps: Double?) {
    self.start = start
    self.end = end
    self.speed = speed
    self.fps = fps
  }

  /// Takes the next source picture, starting at `time` source seconds. Returns false once
  /// `time` is past the end (the picture is not used; stop reading).
  mutating func push(_ image: RGBAImage, at time: Double, _ events: inout [Event]) -> Bool {
    if let end, time >= end { return false }
    let source = sources
    sources += 1
    let outputTime = (time - start) / speed
    if let fps {
      // A sample takes the last picture starting before its midpoint — as ffmpeg's `fps`
      // filter rounds times to the nearest sample.
      if let current { sample(current, before: outputTime, fps: fps, offset: 0.5, &events) }
      current = (source, image)
    } else {
      place(source, image, boundary: Self.centiseconds(max(0, outputTime)), &events)
    }
    return true
  }

  /// Whether a picture starting at `time` (source seconds) and followed by one starting at
  /// `next` (`nil`: the last) would be shown: with `fps`, one that no sample falls on is passed
  /// over by ``push(_:at:_:)``'s sampling, so a reader need not convert it. The test repeats
  /// the sampling's own arithmetic.
  func uses(pictureAt time: Double, nextAt next: Double?) -> Bool {
    guard let fps, let next, next > time else { return true }
    if let end, next >= end { return true }
    let (from, to) = ((time - start) / speed, (next - start) / speed)
    // The first sample the pictures before this one leave (`sample`'s loop, run to `from`).
    var n = max(0, Int((from * fps - 0.5).rounded(.down)) - 1)
    while (Double(n) + 0.5) / fps < from - 1e-9 { n += 1 }
    return (Double(n) + 0.5) / fps < to - 1e-9
  }

  /// Ends the timeline at `sourceEnd` (where the last picture ends, or `end` if sooner).
  mutating func finish(sourceEnd: Double, _ events: inout [Event]) {
    let endTime = (min(end ?? .infinity, sourceEnd) - start) / speed
    guard endTime > 0 else {
      // The part asked for starts at or after the end: nothing to show.
      pending = nil
      return
    }
    if let fps, let current { sample(current, before: endTime, fps: fps, offset: 0, &events) }
    guard let pending else { return }
    let last = Self.centiseconds(endTime) - pending.boundary
    if last >= 2 || framesHanded == 0 {
      events.append(.frame(source: pending.source, image: pending.image, delay: max(2, last)))
      framesHanded += 1
    } else if last > 0 {
      events.append(.extend(last))
    }
    self.pending = nil
  }

  /// Places every sample whose time plus `offset` samples is before `limit` (output
  /// seconds) on the current picture.
  private mutating func sample(
    _ current: (source: Int, image: RGBAImage), before limit: Double, fps: Double,
    offset: Double, _ events: inout [Event]
  ) {
    while (Double(nextSample) + offset) / fps < limit - 1e-9 {
      let boundary = Self.centiseconds(Double(nextSample) / fps)
      nextSample += 1
      place(current.source, current.image, boundary: boundary, &events)
    }
  }

  private mutating func place(
    _ source: Int, _ image: RGBAImage, boundary: Int, _ events: inout [Event]
  ) {
    guard let pending else {
      // The first frame starts the GIF, whenever its picture starts.
      self.pending = (source, image, 0)
      return
    }
    if boundary - pending.boundary < 2 {
      // Too short to be shown as written: the newer picture takes its place.
      self.pending = (source, image, pending.boundary)
      return
    }
    events.append(
      .frame(source: pending.source, image: pending.image, delay: boundary - pending.boundary))
    framesHanded += 1
    self.pending = (source, image, boundary)
  }

  /// The centisecond a time falls in (30 fps: 0, 3, 6, 10, 13, 16, 20 → 3, 3, 4, 3, 3, 4).
  static func centiseconds(_ seconds: Double) -> Int {
    Int((seconds * 100 + 1e-6).rounded(.down))
  }
}

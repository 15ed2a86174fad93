import Dispatch
import Locking
import Testing

@Suite struct LockedTests {
  /// Eight threads adding at once lose no update (run under `scripts/test-sanitizers thread`,
  /// ThreadSanitizer also sees the lock).
  @Test func serialisesUpdatesFromManyThreads() {
    let total = Locked(0)
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      for _ in 0..<10_000 { total.withLock { $0 += 1 } }
    }
    #expect(total.withLock { $0 } == 80_000)
  }
}

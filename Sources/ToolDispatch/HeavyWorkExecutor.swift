internal import Foundation
internal import Locking

/// Threads of their own for heavy tool calls, so a long conversion never occupies the
/// cooperative pool: timeouts, `tools/list` and every other light request keep answering while
/// heavy calls run, however few cores there are.
///
/// A task that prefers this executor (`withTaskExecutorPreference`) runs its synchronous work
/// on one of these threads, and stays a task: `Task.isCancelled` and cancellation work as
/// usual, so a conversion that checks between frames stops when its call times out.
public final class HeavyWorkExecutor: TaskExecutor, @unchecked Sendable {
  // @unchecked: the queue is only touched under `condition`.
  private let condition = NSCondition()
  private var queue: [UnownedJob] = []

  /// Starts `threads` worker threads (one per heavy call allowed at once).
  public init(threads: Int, name: String = "lumen-heavy") {
    for index in 0..<max(1, threads) {
      // The threads keep the executor alive: they wait for work for the life of the process.
      let thread = Thread { self.work() }
      thread.name = "\(name)-\(index + 1)"
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  private static let shared = Locked<[Int: HeavyWorkExecutor]>([:])

  /// The process's executor with this many threads (made on first use), so registries made
  /// again and again (tests, one per server) do not each start threads.
  public static func shared(threads: Int) -> HeavyWorkExecutor {
    shared.withLock { executors in
      if let existing = executors[threads] { return existing }
      let executor = HeavyWorkExecutor(threads: threads)
      executors[threads] = executor
      return executor
    }
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    condition.lock()
    queue.append(unowned)
    condition.signal()
    condition.unlock()
  }

  private func work() {
    while true {
      condition.lock()
      while queue.isEmpty { condition.wait() }
      let job = queue.removeFirst()
      condition.unlock()
      job.runSynchronously(on: asUnownedTaskExecutor())
    }
  }
}

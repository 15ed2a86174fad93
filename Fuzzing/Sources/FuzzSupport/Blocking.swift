internal import Dispatch
internal import Synchronization

/// Runs async work to completion from the synchronous fuzz entry point.
///
/// libFuzzer calls `LLVMFuzzerTestOneInput` on its own thread, outside any task; this waits on
/// a semaphore while the work runs on the cooperative pool.
public func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
  let done = DispatchSemaphore(value: 0)
  let box = Box<T>()
  Task {
    let value = await work()
    box.value.withLock { $0 = value }
    done.signal()
  }
  done.wait()
  return box.value.withLock { $0! }
}

/// Carries the result out of the task.
private final class Box<T: Sendable>: Sendable {
  let value = Mutex<T?>(nil)
}

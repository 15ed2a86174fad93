import Synchronization

/// Carries a result out of a task.
final class ResultBox<T: Sendable>: Sendable {
  private let result = Mutex<Result<T, any Error>?>(nil)
  func set(_ value: Result<T, any Error>) { result.withLock { $0 = value } }
  func get() throws -> T { try result.withLock { $0! }.get() }
}

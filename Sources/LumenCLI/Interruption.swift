import Dispatch
import Foundation
import LumenCore

/// Ctrl-C (SIGINT) and SIGTERM: remove the temporary outputs not yet committed, then end
/// with the signal's conventional status (130, 143), so an interrupted job leaves nothing.
public enum Interruption {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers; call once at start-up.
  ///
  /// Returns once Dispatch has registered both sources: it does so on its own thread, and a
  /// signal arriving between `signal(_:SIG_IGN)` and the registration is discarded. On a loaded
  /// machine that window outlasted the start of a job, and a Ctrl-C was lost.
  public static func install() {
    let registered = DispatchSemaphore(value: 0)
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        OutputFile.discardPending()
        exit(128 + signalNumber)
      }
      source.setRegistrationHandler { registered.signal() }
      source.resume()
      sources.append(source)
    }
    for _ in sources { registered.wait() }
  }
}

import Dispatch
import Foundation
import LumenCore

/// Ctrl-C (SIGINT) and SIGTERM: remove the temporary outputs not yet committed, then end
/// with the signal's conventional status (130, 143), so an interrupted job leaves nothing.
public enum Interruption {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers; call once at start-up.
  public static func install() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        OutputFile.discardPending()
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}

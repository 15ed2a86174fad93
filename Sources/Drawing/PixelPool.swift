internal import Foundation
internal import Locking

/// Pixel memory for image canvases, kept when a canvas ends for the next one of about its
/// size. A chart's 800 × 500 canvas is 1.6 MB: allocated anew, each one was mapped and its
/// every page faulted in by the first fill (an analysis of a small table drew twelve: 4,700
/// page faults, a sixth of its CPU). At most ``maxKept`` blocks of at most ``maxBytes`` each
/// are kept; canvases of other sizes are left to cairo.
final class PixelPool: Sendable {
  /// The pool canvases draw on.
  static let shared = PixelPool()
  static let maxKept = 2
  /// A chart's canvas at twice its size is 6.4 MB; a server keeps at most twice this.
  static let maxBytes = 8 << 20
  static let minBytes = 64 << 10

  private let kept = Locked<[(memory: UnsafeMutableRawPointer, bytes: Int)]>([])

  /// Memory for `bytes` (16-byte aligned, contents undefined) when that is a size the pool
  /// serves (``minBytes`` … ``maxBytes``): a kept block of at least that size and at most
  /// twice it, else a new one; `nil` for other sizes, or when none can be allocated.
  func take(_ bytes: Int) -> (memory: UnsafeMutableRawPointer, bytes: Int)? {
    guard bytes >= Self.minBytes, bytes <= Self.maxBytes else { return nil }
    let reused = kept.withLock { blocks -> (UnsafeMutableRawPointer, Int)? in
      guard let i = blocks.firstIndex(where: { $0.bytes >= bytes && $0.bytes <= 2 * bytes })
      else { return nil }
      return blocks.remove(at: i)
    }
    if let reused { return reused }
    guard let memory = malloc(bytes) else { return nil }
    return (memory, bytes)
  }

  /// Gives memory from ``take(_:)`` back: kept while there is room, else freed.
  func give(_ memory: UnsafeMutableRawPointer, bytes: Int) {
    if bytes >= Self.minBytes, bytes <= Self.maxBytes {
      let isKept = kept.withLock { blocks in
        guard blocks.count < Self.maxKept else { return false }
        blocks.append((memory, bytes))
        return true
      }
      if isKept { return }
    }
    free(memory)
  }
}

internal import CGif

/// Decodes a frame's LZW-compressed pixels row by row, reading the data sub-blocks through
/// giflib (`DGifGetCode`, `DGifGetCodeNext`): the mirror image of ``GIFLZWEncoder``.
///
/// It does what giflib 5.2.1's `DGifGetLine` does, damaged data included (a code past the
/// table, a table that is full, an end code or an empty block before the last pixel), with the
/// same error codes at the same rows and the same bytes read, so canvases and messages do not
/// change (`CorpusCanvasDigestTests`); it is faster because a code costs no function call per
/// byte and the bits come from a 64-bit buffer.
///
/// One owner of three 4 KB tables, reused frame after frame (``start(pixels:)``).
struct GIFLZWDecoder: ~Copyable {
  /// The largest code (12 bits) and the marker of an empty table entry (giflib's `LZ_MAX_CODE`,
  /// `NO_SUCH_CODE`).
  private static let maxCode = 4095
  private static let noSuchCode = 4098

  private let prefix: UnsafeMutablePointer<UInt16>
  /// Each entry's first pixel, when its prefix chain is known to be final (it only points to
  /// earlier entries): giflib walks the chain for every new entry, which is most of its time.
  /// `unknown` elsewhere, where the walk is done as giflib does it (damaged data).
  private let first: UnsafeMutablePointer<UInt16>
  /// Each entry's string length, where `first` is known: such a string is written straight into
  /// the row (last pixel first) instead of through the stack.
  private let length: UnsafeMutablePointer<UInt16>
  private static let unknown: UInt16 = 0xFFFF
  private let suffix: UnsafeMutablePointer<UInt8>
  private let stack: UnsafeMutablePointer<UInt8>
  private let block: UnsafeMutablePointer<UInt8>
  private var blockLength = 0
  private var blockPosition = 0
  private var bits: UInt64 = 0
  private var bitCount = 0
  private var stackPointer = 0
  private var started = false
  private var codeSize = 0
  private var clearCode = 0
  private var endCode = 0
  private var runningCode = 0
  private var runningBits = 0
  private var maxCode1 = 0
  private var lastCode = noSuchCode
  private var pixelsLeft = 0

  init() {
    prefix = .allocate(capacity: Self.maxCode + 1)
    first = .allocate(capacity: Self.maxCode + 1)
    length = .allocate(capacity: Self.maxCode + 1)
    length.initialize(repeating: 0, count: Self.maxCode + 1)
    suffix = .allocate(capacity: Self.maxCode + 1)
    stack = .allocate(capacity: Self.maxCode + 1)
    block = .allocate(capacity: 256)
    suffix.initialize(repeating: 0, count: Self.maxCode + 1)
    stack.initialize(repeating: 0, count: Self.maxCode + 1)
  }

  deinit {
    prefix.deallocate()
    first.deallocate()
    length.deallocate()
    suffix.deallocate()
    stack.deallocate()
    block.deallocate()
  }

  /// Prepares for a frame of `pixels` pixels whose image descriptor giflib has just read.
  mutating func start(pixels: Int) {
    started = false
    blockLength = 0
    blockPosition = 0
    bits = 0
    bitCount = 0
    stackPointer = 0
    lastCode = Self.noSuchCode
    pixelsLeft = pixels
  }

  /// Decodes the next `count` pixels into `line`; after the frame's last pixel, reads past its
  /// remaining blocks (as `DGifGetLine` does).
  ///
  /// - Returns: `GIF_OK`, or `GIF_ERROR` with giflib's error code set on `file`.
  mutating func decodeRow(
    into line: UnsafeMutablePointer<UInt8>, count: Int, file: UnsafeMutablePointer<GifFileType>
  ) -> Int32 {
    pixelsLeft -= count
    guard decompress(into: line, count: count, file: file) else { return GIF_ERROR }
    if pixelsLeft == 0 {
      var next: UnsafeMutablePointer<GifByteType>?
      repeat {
        guard DGifGetCodeNext(file, &next) == GIF_OK else { return GIF_ERROR }
      } while next != nil
    }
    return GIF_OK
  }

  private mutating func decompress(
    into line: UnsafeMutablePointer<UInt8>, count: Int, file: UnsafeMutablePointer<GifFileType>
  ) -> Bool {
    var written = 0
    if stackPointer > Self.maxCode { return false }
    while stackPointer != 0 && written < count {
      stackPointer -= 1
      line[written] = stack[stackPointer]
      written += 1
    }
    while written < count {
      guard let code = nextCode(file: file) else { return false }
      if code == endCode {
        file.pointee.Error = D_GIF_ERR_EOF_TOO_SOON
        return false
      }
      if code == clearCode {
        restart()
        continue
      }
      if code < clearCode {
        line[written] = UInt8(truncatingIfNeeded: code)
        written += 1
      } else if first[code] != Self.unknown && written + Int(length[code]) <= count {
        // A known string that fits: the same pixels the stack would give, written in place.
        var position = written + Int(length[code]) - 1
        var current = code
        while current > clearCode {
          line[position] = suffix[current]
          current = Int(prefix[current])
          position -= 1
        }
        line[position] = UInt8(truncatingIfNeeded: current)
        written += Int(length[code])
      } else {
        var current: Int
        if Int(prefix[code]) == Self.noSuchCode {
          current = lastCode
          // Only the code about to be added may be unknown (the KwKwK case); giflib takes any
          // other unknown code's own first character, which ends below as damage.
          let character = firstCharacter(of: code == runningCode - 2 ? lastCode : code)
          suffix[runningCode - 2] = UInt8(truncatingIfNeeded: character)
          stack[stackPointer] = UInt8(truncatingIfNeeded: character)
          stackPointer += 1
        } else {
          current = code
        }
        while stackPointer < Self.maxCode && current > clearCode && current <= Self.maxCode {
          stack[stackPointer] = suffix[current]
          stackPointer += 1
          current = Int(prefix[current])
        }
        if stackPointer >= Self.maxCode || current > Self.maxCode {
          file.pointee.Error = D_GIF_ERR_IMAGE_DEFECT
          return false
        }
        stack[stackPointer] = UInt8(truncatingIfNeeded: current)
        stackPointer += 1
        while stackPointer != 0 && written < count {
          stackPointer -= 1
          line[written] = stack[stackPointer]
          written += 1
        }
      }
      let free = runningCode - 2
      if lastCode != Self.noSuchCode && free < Self.maxCode + 1
        && Int(prefix[free]) == Self.noSuchCode
      {
        prefix[free] = UInt16(lastCode)
        if lastCode < clearCode {
          first[free] = UInt16(lastCode)
          length[free] = 2
        } else if lastCode > endCode && lastCode < free && first[lastCode] != Self.unknown {
          first[free] = first[lastCode]
          length[free] = length[lastCode] + 1
        }
        let character = firstCharacter(of: code == free ? lastCode : code)
        suffix[free] = UInt8(truncatingIfNeeded: character)
      }
      lastCode = code
    }
    return true
  }

  /// Empties the string table (every prefix and first pixel unknown) and goes back to the
  /// shortest codes: a frame's start and every clear code.
  private mutating func restart() {
    prefix.update(repeating: UInt16(Self.noSuchCode), count: Self.maxCode + 1)
    first.update(repeating: Self.unknown, count: Self.maxCode + 1)
    runningCode = endCode + 1
    runningBits = codeSize + 1
    maxCode1 = 1 << runningBits
    lastCode = Self.noSuchCode
  }

  /// Follows the prefixes of `code` down to a pixel value (giflib's `DGifGetPrefixChar`, with
  /// its loop limit and its answer for a code past the table), or reads it from `first`.
  private func firstCharacter(of code: Int) -> Int {
    if code <= clearCode { return code }
    if code <= Self.maxCode, first[code] != Self.unknown { return Int(first[code]) }
    var code = code
    var steps = 0
    while code > clearCode && steps <= Self.maxCode {
      steps += 1
      if code > Self.maxCode { return Self.noSuchCode }
      code = Int(prefix[code])
    }
    return code
  }

  /// The next code (giflib's `DGifDecompressInput`), or nil with the error set.
  private mutating func nextCode(file: UnsafeMutablePointer<GifFileType>) -> Int? {
    if !started {
      // The first block also tells the code size (the byte giflib read with the descriptor).
      var size: Int32 = 0
      var opening: UnsafeMutablePointer<GifByteType>?
      guard DGifGetCode(file, &size, &opening) == GIF_OK else { return nil }
      started = true
      codeSize = Int(size)
      clearCode = 1 << codeSize
      endCode = clearCode + 1
      restart()
      guard let opening else {
        file.pointee.Error = D_GIF_ERR_IMAGE_DEFECT
        return nil
      }
      take(opening)
    }
    if runningBits > 12 {
      file.pointee.Error = D_GIF_ERR_IMAGE_DEFECT
      return nil
    }
    while bitCount < runningBits {
      if blockPosition == blockLength {
        var next: UnsafeMutablePointer<GifByteType>?
        guard DGifGetCodeNext(file, &next) == GIF_OK else { return nil }
        guard let next else {
          // An empty block before the end code: giflib's "image defect".
          file.pointee.Error = D_GIF_ERR_IMAGE_DEFECT
          return nil
        }
        take(next)
      }
      bits |= UInt64(block[blockPosition]) << UInt64(bitCount)
      blockPosition += 1
      bitCount += 8
    }
    let code = Int(bits & ((1 << UInt64(runningBits)) - 1))
    bits >>= UInt64(runningBits)
    bitCount -= runningBits
    if runningCode < Self.maxCode + 2 {
      runningCode += 1
      if runningCode > maxCode1 && runningBits < 12 {
        maxCode1 <<= 1
        runningBits += 1
      }
    }
    return code
  }

  /// Copies a sub-block giflib returned (length byte first) into the decoder's buffer.
  private mutating func take(_ counted: UnsafeMutablePointer<GifByteType>) {
    blockLength = Int(counted[0])
    block.update(from: counted + 1, count: blockLength)
    blockPosition = 0
  }
}

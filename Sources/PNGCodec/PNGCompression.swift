/// How ``PNGFile/writeOpaque(bgrx:width:height:stride:to:compression:)`` deflates the rows.
public enum PNGCompression: Sendable, Hashable {
  /// Lumen's encoder for flat graphics (charts, maps, swatches): each byte matched against
  /// the row above, the pixel before, or the last place its next four bytes were seen, in one
  /// block of deflate's fixed Huffman code. On the twelve charts of an analysis a fifth of
  /// zlib level 1's time, for about 10 % more bytes; photographs compress poorly with it.
  case flatGraphics
  /// zlib at `level` (1 fastest … 9 smallest).
  case zlib(level: Int)
}

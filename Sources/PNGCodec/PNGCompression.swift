/// How ``PNGFile/writeOpaque(bgrx:width:height:stride:to:compression:)`` deflates the rows.
public enum PNGCompression: Sendable, Hashable {
  /// Lumen's encoder for flat graphics (charts, maps, swatches): each byte matched against
  /// the row above, the pixel before, or the last place its next four bytes were seen, in
  /// blocks of up to 32,768 matches and literals, each with Huffman codes made for it. On the
  /// twelve charts of an analysis about a third of zlib level 1's time, and 9 % fewer bytes
  /// (a 1000 × 1000 heatmap: 2 % fewer).
  case flatGraphics
  /// zlib at `level` (1 fastest … 9 smallest).
  case zlib(level: Int)
}

/// A text column's values: strings as given, or, as the delimited reader makes them, a code
/// per row into the column's distinct values (4 bytes a row instead of a string, and work
/// done per distinct value need not be done per row). Either way a collection of the rows'
/// texts, `nil` where missing; two are equal when their texts are.
public struct TextValues: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
  private enum Storage: Sendable {
    case strings([String?])
    case coded(codes: [Int32], labels: [String])
  }

  private let storage: Storage

  /// Texts as given.
  public init(_ strings: [String?]) { storage = .strings(strings) }

  /// Texts as codes: each row's index into `labels`, or `-1` when missing.
  public init(codes: [Int32], labels: [String]) {
    storage = .coded(codes: codes, labels: labels)
  }

  /// Texts from a literal.
  public init(arrayLiteral elements: String?...) { storage = .strings(elements) }

  /// The codes and their distinct values, when the texts are held as codes.
  public var codes: (codes: [Int32], labels: [String])? {
    if case .coded(let codes, let labels) = storage { (codes, labels) } else { nil }
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .strings(let strings): strings.count
    case .coded(let codes, _): codes.count
    }
  }

  public subscript(position: Int) -> String? {
    switch storage {
    case .strings(let strings): return strings[position]
    case .coded(let codes, let labels):
      let code = codes[position]
      return code < 0 ? nil : labels[Int(code)]
    }
  }

  public static func == (a: TextValues, b: TextValues) -> Bool { a.elementsEqual(b) }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for text in self { hasher.combine(text) }
  }
}

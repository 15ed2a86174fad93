internal import Foundation

/// The mergeable state of one shard (`lumen analyze --partial`): the profile of its rows, with
/// what the merge needs to check that shards belong together.
struct AnalysisState: Codable, Sendable {
  static let kind = "lumen-analysis-state"
  /// 2: a column's kept values stored apart from the sketch's levels (`exact`).
  /// 3: ids written as numbers kept as numbers are (in the sketch, not the plain tally), so a
  /// version-2 shard would count them twice when merged with a version-3 one.
  /// 4: the duplicate-row set lists the rows known distinct apart from its table.
  static let currentVersion = 4
  var kind = AnalysisState.kind
  var version = AnalysisState.currentVersion
  var sources: [String]
  var format: String
  var profile: TableProfile

  init(sources: [String], format: String, profile: TableProfile) {
    self.sources = sources
    self.format = format
    self.profile = profile
  }

  /// NaN marks missing numbers in the sample; an empty column's extremes are infinite.
  static let floats = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    // Sorted keys put `kind` before the large profile, so a file cut short still says what it is.
    encoder.outputFormatting = .sortedKeys
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: Self.floats.positiveInfinity,
      negativeInfinity: Self.floats.negativeInfinity, nan: Self.floats.nan)
    return try encoder.encode(self)
  }

  /// Reads a state file, refusing anything else in words.
  /// The largest state file read (states are read whole).
  static let maxFileBytes = 1 << 30

  static func read(_ path: String) throws -> AnalysisState {
    let data: Data
    do {
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      guard size <= maxFileBytes else {
        throw AnalysisError.mergeMismatch(
          "\(path) is \(size) bytes; a partial state is read whole and the limit is \(maxFileBytes) bytes (is it a partial state of lumen analyze?)"
        )
      }
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as AnalysisError {
      throw error
    } catch {
      throw AnalysisError.mergeMismatch(
        "cannot read the partial state \(path): \(error.localizedDescription)")
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: floats.positiveInfinity, negativeInfinity: floats.negativeInfinity,
      nan: floats.nan)
    // One parse for a good file; the header is looked at only to say what is wrong.
    if let state = try? decoder.decode(AnalysisState.self, from: data), state.kind == kind,
      state.version == currentVersion
    {
      guard state.profile.isWellFormed else {
        throw AnalysisError.mergeMismatch(
          "\(path) is a damaged partial state (analyse the shard again)")
      }
      return state
    }
    struct Header: Decodable {
      var kind: String?
      var version: Int?
    }
    guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
      throw AnalysisError.mergeMismatch(
        data.range(of: Data("\"\(kind)\"".utf8)) != nil
          ? "\(path) is a damaged partial state (cut short?); analyse the shard again"
          : "\(path) is not a partial state of lumen analyze (write one per shard with --partial)")
    }
    guard header.kind == kind else {
      throw AnalysisError.mergeMismatch(
        "\(path) is not a partial state of lumen analyze (write one per shard with --partial)")
    }
    guard header.version == currentVersion else {
      throw AnalysisError.mergeMismatch(
        "\(path) is a partial state of version \(header.version ?? 0); this lumen reads version \(currentVersion) (analyse the shard again)"
      )
    }
    throw AnalysisError.mergeMismatch(
      "\(path) is a damaged partial state (analyse the shard again)")
  }

  mutating func merge(_ other: AnalysisState) throws {
    guard other.profile.sizes == profile.sizes else {
      throw AnalysisError.mergeMismatch(
        "the partial states were made with different limits (exact_limit \(profile.sizes.exactLimit) vs \(other.profile.sizes.exactLimit)); use the same settings for every shard"
      )
    }
    try profile.merge(other.profile)
    sources += other.sources
    if other.format != format { format = "mixed" }
  }
}

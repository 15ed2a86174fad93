/// Reads the text of a light characteristic; see ``LightCharacteristic/parse(_:)``.
///
/// The grammar, case-insensitive, with spaces allowed between parts:
/// `[Al|Alt] [rhythm [(groups|letters)]] [colours…] [period] [, colour period …]`,
/// where the period is a number followed by `s`, `sec` or `seconds` (or by nothing).
struct CharacteristicParser {
  private let characters: [Character]
  private var position = 0

  init(_ text: String) {
    // Dots that are not decimal points separate words (`Fl.R.4s.`) and count as spaces, as do
    // tabs and line breaks.
    let raw = Array(text)
    characters = raw.indices.map { index in
      let character = raw[index]
      if character.isWhitespace { return " " }
      guard character == "." else { return character }
      let digitFollows = index + 1 < raw.count && Self.isDigit(raw[index + 1])
      let letterPrecedes = index > 0 && raw[index - 1].isLetter
      return digitFollows && !letterPrecedes ? "." : " "
    }
  }

  mutating func parse() throws(LightCharacteristicError) -> LightCharacteristic {
    skipSpaces()
    guard !isAtEnd else { throw .empty }

    // Al / Alt, then the rhythm class (none after Al means a steady light).
    var isAlternating = false
    var kind: RhythmKind
    let first = readWord()
    if ["AL", "ALT"].contains(first.uppercased()) {
      isAlternating = true
      let mark = position
      if let next = readRhythmKind() {
        kind = next
      } else {
        position = mark
        kind = .fixed
      }
    } else {
      position = 0
      skipSpaces()
      guard let next = readRhythmKind() else {
        position = 0
        let word = readWord()
        throw .unknownRhythm(word.isEmpty ? remainingText : word)
      }
      kind = next
    }

    let rhythm = try readGroup(for: kind)
    let colors = readColors()
    let period = try readPeriod()

    skipSpaces()
    if peek == ",", isAlternating, kind == .fixed, colors.count == 1, let period {
      let segments = try readAlternationSegments(first: (colors[0], period))
      return try LightCharacteristic(alternating: segments)
    }
    guard isAtEnd else { throw .unexpectedText(remainingText) }
    return try LightCharacteristic(
      rhythm: rhythm, colors: colors, periodSeconds: period, isAlternating: isAlternating)
  }

  // MARK: - Parts

  private enum RhythmKind {
    case fixed, flashing, longFlashing, quick, veryQuick, interruptedQuick, isophase
    case occulting, morse
  }

  /// The rhythm word at the position (`L Fl` counts as `LFl`), or `nil` with the position kept.
  private mutating func readRhythmKind() -> RhythmKind? {
    let start = position
    skipSpaces()
    var word = readWord().uppercased()
    if word == "L" {
      let mark = position
      skipSpaces()
      if readWord().uppercased() == "FL" { word = "LFL" } else { position = mark }
    }
    let kind: RhythmKind? =
      switch word {
      case "F": .fixed
      case "FL": .flashing
      case "LFL": .longFlashing
      case "Q": .quick
      case "VQ": .veryQuick
      case "IQ": .interruptedQuick
      case "ISO": .isophase
      case "OC": .occulting
      case "MO": .morse
      default: nil
      }
    if kind == nil { position = start }
    return kind
  }

  /// The parenthesised group after the rhythm word, if any, folded into the rhythm.
  private mutating func readGroup(for kind: RhythmKind) throws(LightCharacteristicError)
    -> LightRhythm
  {
    skipSpaces()
    var text: String?
    if peek == "(" {
      let open = position
      position += 1
      while !isAtEnd, characters[position] != ")" { position += 1 }
      guard !isAtEnd else {
        position = open
        throw .invalidGroup(remainingText)
      }
      text = String(characters[(open + 1)..<position]).trimmingSpaces
      position += 1
    }
    switch kind {
    case .morse:
      guard let text, !text.isEmpty else { throw .invalidMorse("") }
      let code = text.uppercased().filter { $0 != " " }
      guard code.allSatisfy({ MorseCode.elements(of: $0) != nil }) else {
        throw .invalidMorse(text)
      }
      return .morse(code)
    case .flashing: return .flashing(groups: try Self.groups(text))
    case .quick: return .quick(groups: try Self.groups(text))
    case .veryQuick: return .veryQuick(groups: try Self.groups(text))
    case .occulting: return .occulting(groups: try Self.groups(text))
    case .fixed, .longFlashing, .interruptedQuick, .isophase:
      let rhythm: LightRhythm =
        switch kind {
        case .fixed: .fixed
        case .longFlashing: .longFlashing
        case .interruptedQuick: .interruptedQuick
        default: .isophase
        }
      if text != nil { throw .groupNotAllowed(rhythm: rhythm.abbreviation) }
      return rhythm
    }
  }

  /// `2+1` → `[2, 1]`; `nil` → `[]`.
  private static func groups(_ text: String?) throws(LightCharacteristicError) -> [Int] {
    guard let text else { return [] }
    var groups: [Int] = []
    for part in text.split(separator: "+", omittingEmptySubsequences: false) {
      guard let count = Int(String(part).trimmingSpaces),
        (1...LightCharacteristic.maximumGroupCount).contains(count)
      else { throw .invalidGroup(text) }
      groups.append(count)
    }
    return groups
  }

  /// Colour words (`W`, `WR`, `W R`, `Bu`) until something else.
  private mutating func readColors() -> [LightColor] {
    var colors: [LightColor] = []
    while true {
      let mark = position
      skipSpaces()
      let word = readWord()
      guard let found = LightColor.colors(inWord: word[...]) else {
        position = mark
        return colors
      }
      colors += found
    }
  }

  /// A period such as `4s`, `2.5 s`, `4 sec`, or `nil` when none follows.
  private mutating func readPeriod() throws(LightCharacteristicError) -> Double? {
    skipSpaces()
    guard let first = peek, Self.isDigit(first) || "+-.".contains(first) else { return nil }
    let start = position
    while let character = peek, Self.isDigit(character) || "+-.".contains(character) {
      position += 1
    }
    let number = String(characters[start..<position])
    let mark = position
    skipSpaces()
    let unit = readWord()
    if unit.isEmpty { position = mark }
    let token = String(characters[start..<position])
    guard ["", "S", "SEC", "SECS", "SECOND", "SECONDS"].contains(unit.uppercased()),
      let seconds = Double(number), seconds.isFinite, seconds > 0
    else { throw .invalidPeriod(token) }
    guard seconds <= LightCharacteristic.maximumPeriodSeconds else {
      throw .periodOutOfRange(seconds: seconds)
    }
    return seconds
  }

  /// `, R 5s, G 5s` after `Alt W 5s`.
  private mutating func readAlternationSegments(first: (LightColor, Double))
    throws(LightCharacteristicError) -> [(color: LightColor, seconds: Double)]
  {
    var segments = [first]
    while peek == "," {
      let start = position
      position += 1
      let colors = readColors()
      guard colors.count == 1, let seconds = try readPeriod() else {
        position = start
        throw .unexpectedText(remainingText)
      }
      segments.append((colors[0], seconds))
      skipSpaces()
    }
    guard isAtEnd else { throw .unexpectedText(remainingText) }
    return segments
  }

  // MARK: - Scanning

  private var isAtEnd: Bool { position >= characters.count }

  private var peek: Character? { isAtEnd ? nil : characters[position] }

  private var remainingText: String {
    String(characters[min(position, characters.count)...]).trimmingSpaces
  }

  private mutating func skipSpaces() {
    while peek == " " { position += 1 }
  }

  private mutating func readWord() -> String {
    let start = position
    while let character = peek, character.isLetter { position += 1 }
    return String(characters[start..<position])
  }

  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }
}

extension String {
  /// The string without leading and trailing spaces (no Foundation needed).
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

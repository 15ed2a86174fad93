import ArgumentParser
import Foundation
import LumenCore

extension OptionField {
  /// The option's help as `--help` shows it, from the operation's one description; for an
  /// option without a parser default, what leaving it out means ("(default: none, keeping the
  /// size)").
  func help(statingDefault: Bool = false) -> ArgumentHelp {
    guard statingDefault else { return ArgumentHelp("\(commandHelp).") }
    let absent = self.absent.hasPrefix("null for ") ? String(absent.dropFirst(9)) : absent
    return ArgumentHelp("\(commandHelp) (default: \(absent)).")
  }
}

extension OperationOptions {
  /// An options error in the command's words: a message that starts with a field's key
  /// ("region \"mars\" is not …") starts with its flag instead ("--region \"mars\" is not …").
  ///
  /// - Parameter flags: Flags spelled otherwise than the key in kebab-case (`k` is `-k`).
  static func commandError(_ error: any Error, flags: [String: String] = [:]) -> ValidationError {
    let text = "\(error)"
    let word = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    guard fields.contains(where: { $0.key == word }) else { return ValidationError(text) }
    let flag = flags[word] ?? "--" + word.replacingOccurrences(of: "_", with: "-")
    return ValidationError(flag + text.dropFirst(word.count))
  }
}

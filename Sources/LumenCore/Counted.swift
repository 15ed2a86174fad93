/// A number with its noun in the right form: `counted(1, "frame")` is "1 frame",
/// `counted(3, "frame")` is "3 frames".
///
/// - Parameter plural: The plural when it is not the noun plus "s".
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
  "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// An exact fraction, used for time bases and frame rates (`1/100` s, `30000/1001` fps).
public struct Rational: Sendable, Hashable, CustomStringConvertible {
  public var numerator: Int
  public var denominator: Int

  /// Creates a fraction; the denominator must not be zero.
  public init(_ numerator: Int, _ denominator: Int) {
    precondition(denominator != 0, "a rational number needs a non-zero denominator")
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The value as a floating-point number.
  public var doubleValue: Double { Double(numerator) / Double(denominator) }

  /// One centisecond, the unit of GIF delays.
  public static let centisecond = Rational(1, 100)

  public var description: String { "\(numerator)/\(denominator)" }
}

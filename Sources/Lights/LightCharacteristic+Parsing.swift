extension LightCharacteristic {
  /// Reads a characteristic as written on charts and in the US Coast Guard Light List.
  ///
  /// Accepts the rhythm classes `F`, `Fl`, `LFl`, `Q`, `VQ`, `IQ`, `Iso`, `Oc` and `Mo`, groups
  /// (`Fl(2)`, `Fl(2+1)`, `Q(3)`, `Mo(A)`), `Al`/`Alt` for alternating colours, the colour
  /// letters `W`, `R`, `G`, `Y` and `Bu` (alone, run together as `WR`, or spaced), and a period
  /// such as `4s`, `2.5s` or `4 sec`. Case, extra spaces, dots between words (`Fl.R.4s`) and a
  /// trailing period are ignored. `Alt W 5s, R 3s` gives each colour its own time.
  ///
  /// ```swift
  /// try LightCharacteristic.parse("Fl(2) W 15s")   // two white flashes every 15 s
  /// try LightCharacteristic.parse("alt  wr 10 sec.")
  /// ```
  ///
  /// - Parameter text: The characteristic, such as `Fl(2) W 15s`.
  /// - Returns: The characteristic, with phases by the timing rules of ``LightCharacteristic``.
  /// - Throws: ``LightCharacteristicError``, saying what was wrong.
  public static func parse(_ text: String) throws(LightCharacteristicError)
    -> LightCharacteristic
  {
    var parser = CharacteristicParser(text)
    return try parser.parse()
  }
}

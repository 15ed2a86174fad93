/// Light characteristics as printed on nautical charts and in the US Light List
/// (`Fl W 4s`, `Fl(2) R 6s`, `Iso G 6s`, `Oc W 4s`, `Q G`, `F W`, …) and the blinking
/// schedule they describe. Pure Swift; knows nothing about drawing.
///
/// - ``LightCharacteristic/parse(_:)`` reads the text into a ``LightCharacteristic``, whose
///   ``LightCharacteristic/phases`` are one period of light and darkness.
/// - ``BlinkSchedule`` gives the brightness (with soft ramps) and colour at any time, shifted
///   by a per-light phase offset; ``LightCharacteristic/defaultBlink`` stands in for lights
///   whose characteristic is unknown.
public enum Lights {}

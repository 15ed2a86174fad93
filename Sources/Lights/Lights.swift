/// Light characteristics as printed on nautical charts and in the US Light List
/// (`Fl W 4s`, `Fl(2) R 6s`, `Iso G 6s`, `Oc W 4s`, `Q G`, `F W`, …) and the blinking
/// schedule they describe. Pure Swift; knows nothing about drawing.
public enum Lights {}

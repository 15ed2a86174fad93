/// The version `lumen --version` prints.
public enum LumenVersion {
  public static let current = "0.1.0"
}

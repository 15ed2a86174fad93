internal import Foundation

/// Who may talk to the HTTP endpoint: requests from a web page on another site are refused
/// (their `Origin` is not local), and when a token is configured every request must carry it
/// as `Authorization: Bearer <token>`.
///
/// The check runs before any session exists, so a refused request never reaches the MCP server.
struct HTTPAccessPolicy: Sendable {
  /// Why a request was refused: the HTTP status and a message for the client.
  struct Refusal: Sendable, Hashable {
    var status: Int
    var message: String
  }

  /// The bearer token required, or `nil` for none.
  let token: String?
  /// Host names accepted in the `Host` header besides this machine's (lower case).
  let extraHosts: Set<String>

  init(token: String?, allowedHosts: [String] = []) {
    self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    self.extraHosts = Set(allowedHosts.map { $0.lowercased() })
  }

  /// `nil` when the request may proceed, otherwise why not (403 for a foreign `Host` — a page
  /// that rebinds its own DNS name to 127.0.0.1 — or `Origin`, 401 for a missing or wrong
  /// token).
  func refusal(host: String? = nil, origin: String?, authorization: String?) -> Refusal? {
    if let host, !isAllowed(host: host) {
      return Refusal(
        status: 403,
        message: "Forbidden: Host \(host) is not this server (only localhost, 127.0.0.1 and [::1]; "
          + "others with --allow-host)")
    }
    if let origin, !Self.isLocal(origin: origin) {
      return Refusal(status: 403, message: "Forbidden: Origin \(origin) is not allowed (only localhost and 127.0.0.1)")
    }
    guard let token else { return nil }
    guard let authorization else {
      return Refusal(status: 401, message: "Unauthorized: send Authorization: Bearer <token> (LUMEN_MCP_TOKEN)")
    }
    let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
    guard parts.count == 2, parts[0].lowercased() == "bearer",
      Self.constantTimeEqual(Array(parts[1].trimmingCharacters(in: .whitespaces).utf8), Array(token.utf8))
    else {
      return Refusal(status: 401, message: "Unauthorized: wrong bearer token")
    }
    return nil
  }

  /// Whether a `Host` header (name and optional port) names this machine or an allowed host.
  func isAllowed(host: String) -> Bool {
    var name = host.lowercased()
    if name.hasPrefix("[") {
      guard let close = name.firstIndex(of: "]") else { return false }
      name = String(name[...close])
    } else if let colon = name.lastIndex(of: ":") {
      guard name[name.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
      name = String(name[..<colon])
    }
    return ["localhost", "127.0.0.1", "[::1]"].contains(name) || extraHosts.contains(name)
  }

  /// Whether an `Origin` header names this machine: `http(s)://localhost`, `127.0.0.1` or
  /// `[::1]`, with any port and no path.
  static func isLocal(origin: String) -> Bool {
    guard let url = URLComponents(string: origin), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = url.host?.lowercased(),
      url.path.isEmpty || url.path == "/", url.query == nil, url.user == nil
    else { return false }
    return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
  }

  /// Compares two byte strings in time that depends only on their lengths, not on where they
  /// first differ, so the token cannot be guessed byte by byte from response times.
  static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
    difference |= a.count == b.count ? 0 : 1
    for index in 0..<max(a.count, b.count) {
      let x = index < a.count ? a[index] : 0
      let y = index < b.count ? b[index] : 0
      difference |= x ^ y
    }
    return difference == 0
  }
}

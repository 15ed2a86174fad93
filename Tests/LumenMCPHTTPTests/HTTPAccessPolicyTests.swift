import Testing

@testable import LumenMCPHTTP

@Suite struct HTTPAccessPolicyTests {
  @Test(arguments: [
    "http://localhost", "http://localhost:8080", "http://127.0.0.1:3000", "https://LOCALHOST",
    "http://[::1]:9",
  ])
  func allowsLocalOrigins(origin: String) {
    #expect(HTTPAccessPolicy(token: nil).refusal(origin: origin, authorization: nil) == nil)
  }

  @Test(arguments: [
    "http://evil.example", "http://localhost.evil.example", "http://127.0.0.1.nip.io", "null",
    "file://",
    "http://localhost/path", "ftp://localhost", "http://user@localhost",
  ])
  func refusesForeignOrigins(origin: String) throws {
    let refusal = try #require(
      HTTPAccessPolicy(token: nil).refusal(origin: origin, authorization: nil))
    #expect(refusal.status == 403 && refusal.message.contains(origin))
  }

  @Test func allowsAnAbsentOrigin() {
    #expect(HTTPAccessPolicy(token: nil).refusal(origin: nil, authorization: nil) == nil)
  }

  @Test func requiresTheTokenWhenOneIsSet() {
    let policy = HTTPAccessPolicy(token: "s3cret-token")
    #expect(policy.refusal(origin: nil, authorization: "Bearer s3cret-token") == nil)
    #expect(policy.refusal(origin: nil, authorization: "bearer s3cret-token") == nil)
    for wrong in [
      nil, "", "Bearer", "Bearer s3cret", "Bearer s3cret-token2", "Basic s3cret-token",
      "s3cret-token",
    ] {
      #expect(policy.refusal(origin: nil, authorization: wrong)?.status == 401, "\(wrong ?? "nil")")
    }
    #expect(
      policy.refusal(origin: "http://evil.example", authorization: "Bearer s3cret-token")?.status
        == 403)
  }

  @Test func anEmptyTokenMeansNone() {
    #expect(HTTPAccessPolicy(token: "").refusal(origin: nil, authorization: nil) == nil)
  }

  @Test func comparesBytesWhateverTheirLengths() {
    #expect(HTTPAccessPolicy.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
    #expect(!HTTPAccessPolicy.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
    #expect(!HTTPAccessPolicy.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
    #expect(!HTTPAccessPolicy.constantTimeEqual([], Array("a".utf8)))
    #expect(HTTPAccessPolicy.constantTimeEqual([], []))
  }
}

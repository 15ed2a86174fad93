import Lights
import Testing

@Suite struct LightsTests {
  @Test func namespaceExists() {
    _ = Lights.self
  }
}

/// What a ``Recorder`` has seen so far (shared by its containers).
final class RecordingState {
  var properties: [JSONSchema.Property] = []
}

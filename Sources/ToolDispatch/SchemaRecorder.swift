/// Derives a ``JSONSchema`` by running a type's `init(from:)` against a decoder that records
/// every key it asks for, the type it asks for, and whether it used `decodeIfPresent`.
enum SchemaRecorder {
  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  static func schema<T: ToolArguments>(of type: T.Type) throws -> JSONSchema {
    try describe(T.self, description: nil, bounds: nil).schema
  }

  /// The schema of `type` and a placeholder value of it.
  static func describe<T: Decodable>(_ type: T.Type, description: String?, bounds: ClosedRange<Double>?)
    throws -> (schema: JSONSchema, value: T)
  {
    switch type {
    case is String.Type: return (.string(description: description, allowed: nil), "" as! T)
    case is Bool.Type: return (.boolean(description: description), false as! T)
    case is Int.Type: return (.integer(description: description, bounds: bounds), Int(bounds?.lowerBound ?? 0) as! T)
    case is Double.Type: return (.number(description: description, bounds: bounds), (bounds?.lowerBound ?? 0) as! T)
    default: break
    }
    if let enumeration = type as? any SchemaEnum.Type {
      let (values, first) = Self.cases(of: enumeration)
      return (.string(description: description, allowed: values), first as! T)
    }
    if let array = type as? any DecodableArray.Type {
      let items = try array.itemSchema()
      return (.array(items: items, description: description), array.empty as! T)
    }
    if let arguments = type as? any ToolArguments.Type {
      let recorder = Recorder(descriptions: arguments.fieldDescriptions, bounds: arguments.fieldBounds)
      let value = try T(from: recorder)
      return (.object(properties: recorder.state.properties, description: description), value)
    }
    throw Unsupported(description: "\(type) cannot appear in tool arguments")
  }

  private static func cases<E: SchemaEnum>(of type: E.Type) -> ([String], E) {
    let all = Array(E.allCases)
    return (all.map(\.rawValue), all[0])
  }

}

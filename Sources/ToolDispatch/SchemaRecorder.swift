/// Derives a ``JSONSchema`` by running a type's `init(from:)` against a decoder that records
/// every key it asks for, the type it asks for, and whether it used `decodeIfPresent`.
enum SchemaRecorder {
  struct Unsupported: Error, CustomStringConvertible {
    var description: String
  }

  /// What the schema describes.
  enum Mode {
    /// Tool arguments: the strict subset (every key required, optional values nullable), and
    /// only ``ToolArguments`` structs nested.
    case arguments
    /// A tool's report: any `Decodable` struct nested; optional values may be absent, because
    /// `JSONEncoder` leaves `nil` out.
    case output
  }

  static func schema<T: ToolArguments>(of type: T.Type) throws -> JSONSchema {
    try describe(T.self, description: nil, bounds: nil, mode: .arguments).schema
  }

  static func outputSchema<T: Decodable>(of type: T.Type) throws -> JSONSchema {
    let schema = try describe(T.self, description: nil, bounds: nil, mode: .output).schema
    guard case .object = schema else {
      throw Unsupported(description: "a tool's output must be an object, not \(type)")
    }
    return schema
  }

  /// The schema of `type` and a placeholder value of it.
  static func describe<T: Decodable>(
    _ type: T.Type, description: String?, bounds: ClosedRange<Double>?, mode: Mode
  ) throws -> (schema: JSONSchema, value: T) {
    switch type {
    case is String.Type: return (.string(description: description, allowed: nil), "" as! T)
    case is Bool.Type: return (.boolean(description: description), false as! T)
    case is Int.Type:
      return (
        .integer(description: description, bounds: bounds), Int(bounds?.lowerBound ?? 0) as! T
      )
    case is Double.Type:
      return (.number(description: description, bounds: bounds), (bounds?.lowerBound ?? 0) as! T)
    default: break
    }
    if let enumeration = type as? any SchemaEnum.Type {
      let (values, first) = Self.cases(of: enumeration)
      return (.string(description: description, allowed: values), first as! T)
    }
    if let array = type as? any DecodableArray.Type {
      let items = try array.itemSchema(mode: mode)
      return (.array(items: items, description: description), array.empty as! T)
    }
    if let arguments = type as? any ToolArguments.Type {
      let recorder = Recorder(
        descriptions: arguments.fieldDescriptions, bounds: arguments.fieldBounds, mode: mode)
      let value = try T(from: recorder)
      return (.object(properties: recorder.state.properties, description: description), value)
    }
    guard mode == .output else {
      throw Unsupported(description: "\(type) cannot appear in tool arguments")
    }
    // Reports use a few more types than arguments do.
    if let optional = type as? any DecodableOptional.Type {
      return (try optional.wrappedSchema(mode: mode), optional.nothing as! T)
    }
    if let scalar = type as? any SchemaNumberOrString.Type {
      return (.numberOrString(description: description), placeholder(of: scalar) as! T)
    }
    if let integer = type as? any FixedWidthInteger.Type {
      return (.integer(description: description, bounds: nil), zero(of: integer) as! T)
    }
    if type is Float.Type {
      return (.number(description: description, bounds: nil), Float(0) as! T)
    }
    if let dictionary = type as? any DecodableDictionary.Type {
      return (
        .dictionary(values: try dictionary.valueSchema(), description: description),
        dictionary.empty as! T
      )
    }
    let recorder = Recorder(descriptions: [:], bounds: [:], mode: mode)
    let value = try T(from: recorder)
    return (.object(properties: recorder.state.properties, description: description), value)
  }

  private static func cases<E: SchemaEnum>(of type: E.Type) -> ([String], E) {
    let all = Array(E.allCases)
    return (all.map(\.rawValue), all[0])
  }

  private static func placeholder<S: SchemaNumberOrString>(of type: S.Type) -> S {
    S.schemaPlaceholder
  }

  private static func zero<I: FixedWidthInteger>(of type: I.Type) -> I { 0 }
}

public import Charting
public import FFmpegIO
public import GIFMaking
public import Heatmaps
public import ImageIO
public import MapRendering
public import PaletteExtraction
public import TableAnalysis
public import Tables
public import ToolDispatch

// The library's own enums, offered to models as they are: their cases become the schema's
// `enum` (the operations' options decode them directly; no tool re-declares them).

extension VideoCodec: SchemaEnum {}
extension EncoderPreset: SchemaEnum {}
extension ClusteringOptions.Space: SchemaEnum {}
extension ClusteringOptions.Order: SchemaEnum {}
extension ClusteringOptions.Exclusion: SchemaEnum {}
extension ImageSource.Frames: SchemaEnum {}
extension PaletteSwatch.Layout: SchemaEnum {}
extension MapTheme.Name: SchemaEnum {}
extension MapLabel: SchemaEnum {}
extension ChartKind: SchemaEnum {}
extension ChartAggregation: SchemaEnum {}
extension TimeUnit: SchemaEnum {}
extension ChartSort: SchemaEnum {}
extension ChartTheme: SchemaEnum {}
extension ChartOutputFormat: SchemaEnum {}
extension HeatmapShape: SchemaEnum {}
extension HeatmapAggregation: SchemaEnum {}
extension HeatmapScale: SchemaEnum {}
extension HeatmapOrder: SchemaEnum {}
extension HeatmapAnnotation: SchemaEnum {}
extension ColumnKind: SchemaEnum {}
extension AnalysisWarning.Kind: SchemaEnum {}
extension PaletteMode: SchemaEnum {}
extension DitherMethod: SchemaEnum {}
extension CaptionPosition: SchemaEnum {}
extension StatValue: SchemaNumberOrString {
  public static var schemaPlaceholder: StatValue { .number(0) }
}

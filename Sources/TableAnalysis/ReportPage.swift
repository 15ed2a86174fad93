internal import Charting
internal import Foundation
internal import LumenCore
internal import Tables

/// `report.html`: one self-contained page (no URL) — the overview, the warnings, the charts as
/// inline SVG with tooltips, and a table of statistics with a small chart per column. It holds
/// summaries only: no row of the data beyond the top-value lists.
enum ReportPage {
  static func html(_ stats: TableStatistics, charts: [(ChartChoice, String)]) -> String {
    var out = ""
    out.reserveCapacity(64 << 10 + charts.reduce(0) { $0 + $1.1.utf8.count })
    let name = escape(PathName(stats.source).name)
    out += """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Analysis of \(name)</title>
      <style>
      body{margin:0;padding:24px 32px;background:#f6f7f9;color:#1f2329;font:14px/1.45 'DejaVu Sans','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;}
      h1{font-size:22px;margin:0 0 4px;}h2{font-size:17px;margin:28px 0 10px;}h3{font-size:15px;margin:0;}
      .muted{color:#667085;}
      #overview{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0;}
      .fact{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:8px 12px;}
      .fact b{display:block;font-size:18px;}
      ul.warnings{background:#fff8e6;border:1px solid #f0d58c;border-radius:6px;padding:10px 12px 10px 30px;margin:0;}
      ul.warnings li{margin:2px 0;}
      .charts{display:flex;flex-wrap:wrap;gap:16px;}
      figure.chart{position:relative;margin:0;background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:8px;max-width:100%;}
      figure.chart svg{display:block;width:560px;max-width:100%;height:auto;}
      figcaption{max-width:560px;color:#475467;font-size:12.5px;padding:4px 4px 0;}
      [role=graphics-symbol]:hover{opacity:.75;}
      figure.chart svg text{pointer-events:none;}
      .columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px;}
      section.column{background:#fff;border:1px solid #e3e6ea;border-radius:6px;padding:10px 12px;}
      .kind{display:inline-block;font-size:11.5px;border-radius:10px;padding:1px 8px;margin-left:6px;background:#e8eefc;color:#2947a3;vertical-align:2px;}
      .reason{font-size:12px;color:#667085;margin:2px 0 6px;}
      table.stats{border-collapse:collapse;width:100%;font-size:12.5px;}
      table.stats th{text-align:left;font-weight:normal;color:#667085;padding:1px 8px 1px 0;width:40%;}
      table.stats td{text-align:right;font-variant-numeric:tabular-nums;padding:1px 0;}
      svg.mini{display:block;margin:6px 0 2px;}
      table.corr{border-collapse:collapse;font-size:12px;background:#fff;}
      table.corr th,table.corr td{border:1px solid #e3e6ea;padding:3px 7px;text-align:right;}
      table.corr th{background:#f0f2f5;}
      #tip{position:absolute;pointer-events:none;visibility:hidden;background:#fff;color:#222;border:1px solid #ccc;border-radius:4px;padding:6px 8px;font-size:12px;line-height:1.4;box-shadow:0 2px 6px rgba(0,0,0,.15);white-space:nowrap;z-index:2;}
      </style>
      </head>
      <body>
      <h1>Analysis of \(name)</h1>
      <div class="muted">\(escape(stats.format)) · made by lumen analyze</div>
      <div id="overview">
      <div class="fact"><b>\(NumberFormat.grouped(Int64(stats.rows)))</b>rows</div>
      <div class="fact"><b>\(stats.columnCount)</b>columns</div>
      <div class="fact"><b>\(NumberFormat.grouped(Int64(stats.duplicateRows)))</b>duplicated rows</div>
      <div class="fact"><b>\(stats.charts.count)</b>charts</div>
      </div>

      """
    if !stats.warnings.isEmpty {
      out += "<h2>Warnings</h2>\n<ul class=\"warnings\">\n"
      for warning in stats.warnings {
        out += "<li data-kind=\"\(warning.kind.rawValue)\">\(escape(warning.message))</li>\n"
      }
      out += "</ul>\n"
    }
    if !charts.isEmpty {
      out += "<h2>Charts</h2>\n<div class=\"charts\">\n"
      for (choice, svg) in charts {
        out += "<figure class=\"chart\" data-chart=\"\(escape(choice.id))\">\n\(svg)"
        out += "<figcaption>\(escape(choice.why))</figcaption>\n</figure>\n"
      }
      out += "</div>\n"
    }
    out += "<h2>Columns</h2>\n<div class=\"columns\">\n"
    for column in stats.columns { out += section(column) }
    out += "</div>\n"
    if let correlations = stats.correlations {
      out += "<h2>Correlations (Pearson)</h2>\n<table class=\"corr\">\n<tr><th></th>"
      for c in correlations.columns { out += "<th>\(escape(c))</th>" }
      out += "</tr>\n"
      for (i, row) in correlations.pearson.enumerated() {
        out += "<tr><th>\(escape(correlations.columns[i]))</th>"
        for r in row {
          let shade =
            r.map {
              String(
                format: "rgba(%@,%.2f)", $0 < 0 ? "214,96,77" : "67,147,195", min(abs($0), 1) * 0.6)
            } ?? "transparent"
          out +=
            "<td style=\"background:\(shade)\">\(r.map { String(format: "%.2f", $0) } ?? "–")</td>"
        }
        out += "</tr>\n"
      }
      out += "</table>\n"
    }
    out += """
      <div id="tip" role="tooltip"></div>
      <script>
      (function(){
      var tip=document.getElementById('tip');
      function show(m,e){
        tip.textContent='';
        m.getAttribute('aria-label').split('; ').forEach(function(part){var d=document.createElement('div');d.textContent=part;tip.appendChild(d);});
        tip.style.left=(e.pageX+12)+'px';tip.style.top=(e.pageY+12)+'px';
        tip.style.visibility='visible';
      }
      function hide(){tip.style.visibility='hidden';}
      Array.prototype.forEach.call(document.querySelectorAll('[role=graphics-symbol][aria-label]'),function(m){
        m.addEventListener('mousemove',function(e){show(m,e);});
        m.addEventListener('mouseleave',hide);
      });
      })();
      </script>
      </body>
      </html>

      """
    return out
  }

  private static func section(_ column: ColumnStatistics) -> String {
    var out =
      "<section class=\"column\" data-column=\"\(escape(column.name))\">\n<h3>\(escape(column.name))<span class=\"kind\">\(column.kind.rawValue)</span></h3>\n"
    out += "<div class=\"reason\">\(escape(column.kindReason))</div>\n"
    out += mini(column)
    out += "<table class=\"stats\">\n"
    var rows: [(key: String, label: String, value: String?)] = []
    rows.append(("count", "count", NumberFormat.grouped(Int64(column.count))))
    rows.append(("missing", "missing", NumberFormat.grouped(Int64(column.missing))))
    rows.append(
      (
        "distinct", "distinct",
        NumberFormat.grouped(Int64(column.distinct)) + (column.distinctExact ? "" : " (≈)")
      ))
    rows.append(("mean", column.kind == .boolean ? "share true" : "mean", column.mean?.shown))
    rows.append(("std", "std", column.std.map { NumberFormat.short($0) }))
    rows.append(("min", "min", column.min?.shown))
    rows.append(("p25", "25 %", column.p25?.shown))
    rows.append(("p50", "median", column.p50?.shown))
    rows.append(("p75", "75 %", column.p75?.shown))
    rows.append(("max", "max", column.max?.shown))
    rows.append(("skew", "skew", column.skew.map { NumberFormat.short($0, digits: 3) }))
    rows.append(
      ("outliers", "outliers (1.5 IQR)", column.outliers.map { NumberFormat.grouped(Int64($0)) }))
    rows.append(("zeros", "zeros", column.zeros.map { NumberFormat.grouped(Int64($0)) }))
    rows.append(
      ("negatives", "negatives", column.negatives.map { NumberFormat.grouped(Int64($0)) }))
    rows.append(("granularity", "step", column.granularity))
    rows.append(("gaps", "gaps", column.gaps.map(String.init)))
    if let top = column.top, let freq = column.freq {
      rows.append(("top", "most frequent", "\(top) (\(NumberFormat.grouped(Int64(freq))))"))
    }
    rows.append(
      ("length_mean", "mean length", column.lengthMean.map { NumberFormat.short($0, digits: 3) }))
    rows.append(("unit", "unit", column.unit))
    for (key, label, value) in rows {
      guard let value else { continue }
      out += "<tr data-key=\"\(key)\"><th>\(label)</th><td>\(escape(value))</td></tr>\n"
    }
    out += "</table>\n</section>\n"
    return out
  }

  /// A small chart: the histogram of numbers, or bars of the top values.
  private static func mini(_ column: ColumnStatistics) -> String {
    let width = 300.0
    let height = 54.0
    var bars: [(Double, String)] = []
    let label: (Double) -> String =
      column.kind.isTemporal
      ? { CivilDate.text(seconds: $0, withTime: column.kind == .datetime) }
      : { NumberFormat.short($0) }
    var what = "distribution"
    if let histogram = column.histogram {
      for (i, count) in histogram.counts.enumerated() {
        bars.append(
          (
            count,
            "\(label(histogram.edges[i]))–\(label(histogram.edges[i + 1])): \(NumberFormat.short(count))"
          ))
      }
    } else if let top = column.topValues, top.count > 1 {
      what = "top values"
      for value in top.prefix(10) {
        bars.append((Double(value.count), "\(value.value): \(value.count)"))
      }
    } else {
      // Ids and one-value columns: what is present and what is missing.
      what = "present and missing values"
      bars = [
        (Double(column.count), "present: \(column.count)"),
        (Double(column.missing), "missing: \(column.missing)"),
      ]
    }
    guard let highest = bars.map(\.0).max(), highest > 0 else { return "" }
    let band = width / Double(bars.count)
    var out =
      "<svg class=\"mini\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(what) of \(escape(column.name))\">"
    for (i, bar) in bars.enumerated() {
      let h = max(bar.0 / highest * (height - 2), bar.0 > 0 ? 1 : 0)
      out += String(
        format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4c78a8\">",
        Double(i) * band + 0.5, height - h, max(band - 1, 0.5), h)
      out += "<title>\(escape(bar.1))</title></rect>"
    }
    out += "</svg>\n"
    return out
  }

  static func escape(_ text: String) -> String { SVGWriter.escape(text) }
}

internal import Charting
internal import Deflate
internal import Foundation
internal import LumenCore
internal import Tables

/// One self-contained HTML file: the cells painted on a canvas from the values (as decimal
/// fixed point, or as text, base64; deflated unless they are many, inflated by the browser's
/// `DecompressionStream`) and a 256-colour table; labels,
/// titles and the colour bar as HTML; hover tooltips, wheel/drag zoom and pan with a reset
/// button, arrow keys moving a focus cell. No external URL.
enum HeatmapPage {
  /// Largest deflated text of the values before they are stored as float32 instead.
  static let textBudget = 3_600_000

  /// The page, and whether the values were rounded to float32 to stay small.
  static func html(_ grid: HeatmapGrid, coloring: HeatmapColoring, title: String?) throws
    -> (html: String, rounded: Bool)
  {
    let page = try parts(grid, coloring: coloring, title: title)
    return (page.head + String(decoding: page.values, as: UTF8.self) + page.tail, page.rounded)
  }

  /// Writes the page to `path` in its three parts, so a million cells' base64 is never copied
  /// into one string; whether the values were rounded to float32.
  static func write(
    _ grid: HeatmapGrid, coloring: HeatmapColoring, title: String?, to path: String
  ) throws -> Bool {
    let page = try parts(grid, coloring: coloring, title: title)
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let file = FileHandle(forWritingAtPath: path)
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? file.close() }
    try file.write(contentsOf: Data(page.head.utf8))
    try file.write(contentsOf: page.values)
    try file.write(contentsOf: Data(page.tail.utf8))
    return page.rounded
  }

  /// The page before the values, the values (base64), the page after them, and whether the
  /// values were rounded to float32.
  static func parts(_ grid: HeatmapGrid, coloring: HeatmapColoring, title: String?) throws
    -> (head: String, values: [UInt8], tail: String, rounded: Bool)
  {
    let (values, encoding) = try encodedValues(grid)
    let decimals = encoding.decimals.map { MetaJSON.number(Double($0)) } ?? .null
    let cell = min(960 / Double(grid.columnCount), 640 / Double(grid.rowCount), 40)
    let width = max(1, (cell * Double(grid.columnCount)).rounded())
    let height = max(1, (cell * Double(grid.rowCount)).rounded())
    let clippedRows = grid.rowLabels.map(clip)
    let longestRow = clippedRows.map(\.count).max() ?? 0
    let longestColumn = grid.columnLabels.map { clip($0).count }.max() ?? 0
    let left = Double(min(longestRow, 24)) * 7 + 40
    let bottom = Double(min(longestColumn, 24)) * 5.5 + 44
    let json = MetaJSON.object([
      ("rows", .strings(grid.rowLabels)), ("cols", .strings(grid.columnLabels)),
      ("rowTitle", .string(grid.rowTitle)), ("colTitle", .string(grid.columnTitle)),
      ("valueTitle", .string(grid.valueTitle)),
      ("table", .string(coloring.table.map { $0.hex.dropFirst() }.joined())),
      ("low", .number(coloring.low)), ("high", .number(coloring.high)),
      ("center", coloring.center.map(MetaJSON.number) ?? .null), ("log", .bool(coloring.log)),
      ("encoding", .string(encoding.name)), ("decimals", decimals),
      ("deflated", .bool(encoding.deflated)),
      ("year0", grid.calendarFirstYear.map { .number(Double($0)) } ?? .null),
      ("xticks", monthTicks(grid).map(MetaJSON.ticks) ?? .null),
      ("axes", .bool(grid.basemap == nil)),
    ])
    let heading = title.map { "<h1>\(escape($0))</h1>\n" } ?? ""
    let page = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title ?? "\(grid.valueTitle) by \(grid.rowTitle) and \(grid.columnTitle)"))</title>
      <style>
      body{margin:0;padding:16px;background:#fff;color:#222;font:13px/1.3 "Noto Sans","DejaVu Sans","WenQuanYi Micro Hei",sans-serif;}
      h1{font-size:17px;margin:0 0 12px;}
      .hm{position:relative;display:inline-block;padding:22px 96px \(Int(bottom))px \(Int(left))px;}
      .grid{position:relative;width:\(Int(width))px;height:\(Int(height))px;}
      canvas.lumen-heatmap-cells{position:absolute;left:0;top:0;width:100%;height:100%;cursor:crosshair;outline:none;touch-action:none;}
      canvas.lumen-heatmap-cells:focus-visible{box-shadow:0 0 0 2px #2b6cb0;}
      svg.basemap{position:absolute;left:0;top:0;width:100%;height:100%;}
      svg.basemap path{fill:#eceff3;stroke:#8c96a3;stroke-width:.7;vector-effect:non-scaling-stroke;fill-rule:evenodd;}
      .yl,.xl{position:absolute;color:#444;font-size:11px;white-space:nowrap;pointer-events:none;}
      .yl{right:100%;top:0;height:100%;margin-right:6px;}
      .yl div{position:absolute;right:0;transform:translateY(-50%);}
      .xl{top:100%;left:0;width:100%;margin-top:4px;}
      .xl div{position:absolute;top:0;transform:translateX(-50%);}
      .xl.rot div{transform:translateX(-100%) rotate(-45deg);transform-origin:right top;}
      .xt,.yt{position:absolute;font-weight:600;color:#333;}
      .xt{left:0;width:100%;text-align:center;bottom:\(-Int(bottom) + 6)px;}
      .yt{left:\(-Int(left) + 10)px;top:50%;transform:translate(-50%,-50%) rotate(-90deg);white-space:nowrap;}
      .bar{position:absolute;left:100%;top:0;margin-left:18px;width:14px;height:\(Int(min(height, 320)))px;}
      .bar canvas{width:14px;height:100%;display:block;border:1px solid #ccc;}
      .bar .tick{position:absolute;left:20px;font-size:11px;color:#555;transform:translateY(-50%);white-space:nowrap;}
      .bar .mark{position:absolute;left:-6px;width:26px;height:0;border-top:2px solid #111;visibility:hidden;}
      .bar .bt{position:absolute;bottom:100%;left:0;margin-bottom:4px;font-size:11px;font-weight:600;white-space:nowrap;}
      .tools{margin-top:8px;font-size:12px;color:#666;}
      button.lumen-heatmap-reset{font:inherit;padding:2px 10px;margin-right:8px;}
      #lumen-heatmap-tip{position:absolute;pointer-events:none;visibility:hidden;background:#fff;color:#222;border:1px solid #ccc;border-radius:4px;padding:6px 8px;font-size:12px;line-height:1.4;box-shadow:0 2px 6px rgba(0,0,0,.15);white-space:nowrap;z-index:2;}
      </style>
      </head>
      <body>
      \(heading)<div class="hm">
      <div class="grid">
      \(basemapSVG(grid))<canvas class="lumen-heatmap-cells" data-rows="\(grid.rowCount)" data-cols="\(grid.columnCount)" data-view="0,0,\(grid.rowCount),\(grid.columnCount)" tabindex="0" role="img" aria-label="\(escape(grid.valueTitle)) by \(escape(grid.rowTitle)) and \(escape(grid.columnTitle)): \(grid.rowCount) rows, \(grid.columnCount) columns; arrow keys move between cells"></canvas>
      <div class="yl"></div><div class="xl"></div>
      \(grid.basemap == nil ? "<div class=\"xt\">\(escape(grid.columnTitle))</div><div class=\"yt\">\(escape(grid.rowTitle))</div>" : "")
      <div class="bar"><div class="bt">\(escape(grid.valueTitle))</div><canvas width="1" height="256"></canvas><div class="mark"></div></div>
      </div>
      <div id="lumen-heatmap-tip" role="tooltip"></div>
      </div>
      <div class="tools"><button type="button" class="lumen-heatmap-reset">Reset view</button>wheel to zoom, drag to pan, arrow keys to move</div>
      <script type="application/json" id="lumen-heatmap-data">\(json)</script>
      <script type="application/octet-stream" id="lumen-heatmap-values">\(valuesMarker)</script>
      <script>
      \(script)
      </script>
      </body>
      </html>

      """
    // The last one: only the page's own script follows the values (a title comes before).
    let split = page.range(of: valuesMarker, options: .backwards)!
    return (
      String(page[..<split.lowerBound]), values, String(page[split.upperBound...]),
      encoding.name == "f32"
    )
  }

  /// Where the values go in the page's text.
  private static let valuesMarker = "\u{0}lumen-values\u{0}"

  /// How the values are stored in the page.
  struct Encoding: Equatable {
    /// `fixed` (3-byte integers over 10^decimals), `text` (shortest decimals, comma
    /// separated) or `f32`.
    var name: String
    var decimals: Int?
    var deflated: Bool
  }

  /// Cells above this count are stored without deflate: zlib at its fastest level cost more
  /// than all the rest of a million-cell page (66 ms of ~0.29 s) for ~10 % fewer bytes of
  /// fixed-point values.
  static let deflateLimit = 262_144

  /// The largest |integer| the fixed-point encoding stores; the two codes above it mark a
  /// missing cell and a blank (not a cell).
  static let fixedLimit = (1 << 23) - 3

  /// The values as base64: decimal fixed point when every value is an integer over one power
  /// of ten (what a table of decimals holds; decoded exactly, `m / 10^k` being the double the
  /// decimal reads as), else the shortest decimal of each (`""` no data, `_` not a cell), or
  /// float32 when that text is too large.
  static func encodedValues(_ grid: HeatmapGrid) throws -> ([UInt8], Encoding) {
    let deflates = grid.values.count <= deflateLimit
    // Undeflated, each cell's 3 bytes are 4 base64 characters of their own: written at once.
    if let (decimals, codes) = fixedPoint(grid, base64: !deflates) {
      return (
        deflates ? [UInt8](try deflate(codes).base64EncodedData()) : codes,
        Encoding(name: "fixed", decimals: decimals, deflated: deflates)
      )
    }
    var text: [UInt8] = []
    text.reserveCapacity(grid.values.count * 6)
    let hasBlanks = !grid.blankCells.isEmpty
    for (i, v) in grid.values.enumerated() {
      if i > 0 { text.append(UInt8(ascii: ",")) }
      if hasBlanks, grid.blankCells.contains(i) {
        text.append(UInt8(ascii: "_"))
      } else if v.isFinite {
        text.append(contentsOf: ValueText.shortest(v).utf8)
      }
    }
    let deflated = try deflate(text)
    if deflated.count <= textBudget {
      return ([UInt8](deflated.base64EncodedData()), Encoding(name: "text", deflated: true))
    }
    var floats: [UInt8] = []
    floats.reserveCapacity(grid.values.count * 4)
    for v in grid.values {
      let bits = Float(v).bitPattern.littleEndian
      withUnsafeBytes(of: bits) { floats.append(contentsOf: $0) }
    }
    return (
      [UInt8](try deflate(floats, level: 6).base64EncodedData()),
      Encoding(name: "f32", deflated: true)
    )
  }

  /// The values as 3-byte little-endian codes (`m + 2²³`; `2²⁴−1` no data, `2²⁴−2` not a
  /// cell) with the number of decimals, when every finite value `v` is `m / 10^k` exactly
  /// (as doubles) for one `k` ≤ 9 and |m| ≤ ``fixedLimit``; nil otherwise. With `base64`, the
  /// codes come as their base64 text (4 characters a cell).
  static func fixedPoint(_ grid: HeatmapGrid, base64: Bool = false) -> (
    decimals: Int, codes: [UInt8]
  )? {
    let powers = (0...9).map { pow(10, Double($0)) }
    // Every byte is written before it is read (a failed pass is written again whole).
    let count = grid.values.count * (base64 ? 4 : 3)
    var codes = [UInt8](unsafeUninitializedCapacity: count) { _, initialized in
      initialized = count
    }
    // One pass with the fewest decimals seen so far; a value that needs more starts it again
    // with them (a value that fits at k fits at any larger k, so this ends by k = 9).
    var decimals = 0
    while true {
      let fits = codes.withUnsafeMutableBufferPointer { out in
        writeCodes(grid, scale: powers[decimals], base64: base64, into: out.baseAddress!)
      }
      if fits { return (decimals, codes) }
      guard let needed = neededDecimals(grid, from: decimals + 1, powers: powers) else {
        return nil
      }
      decimals = needed
    }
  }

  private static let base64Digits = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Writes each cell's code at `scale` (10^decimals) into `out`, as 3 bytes or as their 4
  /// base64 characters; false when a value does not fit.
  private static func writeCodes(
    _ grid: HeatmapGrid, scale: Double, base64: Bool, into out: UnsafeMutablePointer<UInt8>
  ) -> Bool {
    let hasBlanks = !grid.blankCells.isEmpty
    return grid.values.withUnsafeBufferPointer { values in
      base64Digits.withUnsafeBufferPointer { digits in
        for i in 0..<values.count {
          let v = values[i]
          let code: Int
          if hasBlanks, grid.blankCells.contains(i) {
            code = (1 << 24) - 2
          } else if !v.isFinite {
            code = (1 << 24) - 1
          } else {
            guard let m = fixedInteger(v, scale: scale) else { return false }
            code = m + (1 << 23)
          }
          let b0 = code & 0xFF
          let b1 = (code >> 8) & 0xFF
          let b2 = code >> 16
          if base64 {
            let o = out + 4 * i
            o[0] = digits[b0 >> 2]
            o[1] = digits[(b0 & 3) << 4 | b1 >> 4]
            o[2] = digits[(b1 & 15) << 2 | b2 >> 6]
            o[3] = digits[b2 & 63]
          } else {
            let o = out + 3 * i
            o[0] = UInt8(truncatingIfNeeded: b0)
            o[1] = UInt8(truncatingIfNeeded: b1)
            o[2] = UInt8(truncatingIfNeeded: b2)
          }
        }
        return true
      }
    }
  }

  /// The fewest decimals, `from` or more, at which every value is `m / 10^k` with |m| within
  /// ``fixedLimit``; `nil` when there is none up to 9.
  private static func neededDecimals(_ grid: HeatmapGrid, from first: Int, powers: [Double])
    -> Int?
  {
    var decimals = first
    guard decimals <= 9 else { return nil }
    for v in grid.values where v.isFinite {
      while fixedInteger(v, scale: powers[decimals]) == nil {
        decimals += 1
        if decimals > 9 { return nil }
      }
    }
    return decimals
  }

  /// The integer `m` with `m / scale == v` exactly (as doubles) and |m| ≤ ``fixedLimit``, or
  /// `nil` (`v` finite).
  @inline(__always)
  private static func fixedInteger(_ v: Double, scale: Double) -> Int? {
    let scaled = v * scale
    guard abs(scaled) <= Double(fixedLimit) + 1 else { return nil }
    // Nearest integer (a value halfway between two never fits either).
    let m = Int(scaled < 0 ? scaled - 0.5 : scaled + 0.5)
    guard abs(m) <= fixedLimit, Double(m) / scale == v else { return nil }
    return m
  }

  /// Raw deflate (what `DecompressionStream("deflate-raw")` reads): the text at zlib's fastest
  /// level (on a million values level 6 took 75 % of the whole run for ~15 % fewer bytes), the
  /// float32 fallback, which exists to be small, at the default.
  static func deflate(_ bytes: [UInt8], level: Int32 = 1) throws -> Data {
    Data(try Deflate.raw(bytes, level: level))
  }

  /// A density map's basemap under the canvas, in grid units (the script keeps its viewBox on
  /// the visible window).
  static func basemapSVG(_ grid: HeatmapGrid) -> String {
    guard let rings = grid.basemap else { return "" }
    var d = ""
    d.reserveCapacity(rings.count * 64)
    func number(_ v: Double) -> String { ValueText.shortest((v * 100).rounded() / 100) }
    for ring in rings {
      for (k, p) in ring.enumerated() {
        d += (k == 0 ? "M" : "L") + number(p.x) + " " + number(p.y)
      }
      d += "Z"
    }
    return
      "<svg class=\"basemap\" viewBox=\"0 0 \(grid.columnCount) \(grid.rowCount)\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><path d=\"\(d)\"/></svg>"
  }

  /// A calendar's month names at the week each month starts (of the first year), for the axis.
  static func monthTicks(_ grid: HeatmapGrid) -> [(Int, String)]? {
    guard let year = grid.calendarFirstYear else { return nil }
    let start = CivilDate.days(year: year, month: 1, day: 1)
    let offset = CivilDate.weekday(days: start)
    return (1...12).map { month in
      (
        (CivilDate.days(year: year, month: month, day: 1) - start + offset) / 7,
        CivilDate.monthNames[month - 1]
      )
    }
  }

  static func clip(_ label: String) -> String {
    label.count > 24 ? String(label.prefix(23)) + "…" : label
  }

  static func escape(_ text: String) -> String { SVGWriter.escape(text) }

  /// The page's script: decode, paint, label, tooltip, zoom, pan, keys.
  static let script = """
    (function(){
    var M=JSON.parse(document.getElementById('lumen-heatmap-data').textContent);
    var R=M.rows.length,C=M.cols.length,cv=document.querySelector('canvas.lumen-heatmap-cells');
    var ctx=cv.getContext('2d'),tip=document.getElementById('lumen-heatmap-tip'),hm=document.querySelector('.hm');
    var yl=document.querySelector('.yl'),xl=document.querySelector('.xl'),bar=document.querySelector('.bar');
    var mark=bar.querySelector('.mark'),vals=new Float64Array(R*C),blank=null,src=null;
    var view={r0:0,c0:0,nr:R,nc:C},focus=null,drag=null;
    var cols=[];for(var i=0;i<256;i++)cols.push(parseInt(M.table.substr(i*6,6),16));
    function pos(v){if(!isFinite(v))return -1;var t;
    if(M.log){if(v<=0)return -1;var a=Math.log10(M.low),b=Math.log10(M.high);t=b>a?(Math.log10(v)-a)/(b-a):.5;}
    else if(M.center!==null){var s=Math.max(Math.abs(M.high-M.center),Math.abs(M.low-M.center));t=s>0?.5+.5*(v-M.center)/s:.5;}
    else t=M.high>M.low?(v-M.low)/(M.high-M.low):.5;return Math.min(Math.max(t,0),1);}
    function fmt(v){if(M.encoding==='f32'){for(var p=1;p<=9;p++){var s=+v.toPrecision(p);if(Math.fround(s)===v)return String(s);}}return String(v);}
    function b64(s){var b=atob(s),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);return u;}
    var raw=b64(document.getElementById('lumen-heatmap-values').textContent);
    (M.deflated?new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer():Promise.resolve(raw.buffer)).then(function(buf){
    if(M.encoding==='fixed'){var u=new Uint8Array(buf),sc=Math.pow(10,M.decimals);for(var i=0;i<R*C;i++){var c=u[3*i]|u[3*i+1]<<8|u[3*i+2]<<16;
    if(c===16777215)vals[i]=NaN;else if(c===16777214){vals[i]=NaN;(blank||(blank=new Uint8Array(R*C)))[i]=1;}else vals[i]=(c-8388608)/sc;}}
    else if(M.encoding==='f32'){vals=Float64Array.from(new Float32Array(buf));}
    else{var t=new TextDecoder().decode(buf).split(',');for(var i=0;i<t.length;i++){var s=t[i];
    if(s===''){vals[i]=NaN;}else if(s==='_'){vals[i]=NaN;(blank||(blank=new Uint8Array(R*C)))[i]=1;}else vals[i]=+s;}}
    paint();scaleBar();draw();cv.setAttribute('data-ready','1');});
    function paint(){src=document.createElement('canvas');src.width=C;src.height=R;var sx=src.getContext('2d'),im=sx.createImageData(C,R),d=im.data;
    for(var i=0;i<R*C;i++){var v=vals[i],k=i*4;if(blank&&blank[i]){d[k+3]=0;continue;}var t=pos(v),c=t<0?0xdddddd:cols[Math.min(255,Math.floor(t*256))];
    d[k]=c>>16;d[k+1]=c>>8&255;d[k+2]=c&255;d[k+3]=255;}sx.putImageData(im,0,0);}
    function nice(lo,hi){var span=hi-lo;if(!(span>0))return[lo];var step=Math.pow(10,Math.floor(Math.log10(span/5))),e=span/5/step;
    step*=e>5?10:e>2?5:e>1?2:1;var out=[];for(var v=Math.ceil(lo/step)*step;v<=hi+step*1e-9;v+=step)out.push(+v.toPrecision(12));return out;}
    function scaleBar(){var c=bar.querySelector('canvas'),x=c.getContext('2d'),im=x.createImageData(1,256);
    for(var i=0;i<256;i++){var k=(255-i)*4,v=cols[i];im.data[k]=v>>16;im.data[k+1]=v>>8&255;im.data[k+2]=v&255;im.data[k+3]=255;}x.putImageData(im,0,0);
    var ticks=M.log?[]:nice(M.low,M.high);if(M.log){for(var p=Math.ceil(Math.log10(M.low));p<=Math.floor(Math.log10(M.high));p++)ticks.push(Math.pow(10,p));}
    if(ticks.length<2)ticks=[M.low,M.high];var h=bar.clientHeight;
    ticks.forEach(function(v){var t=pos(v);if(t<0)return;var d=document.createElement('div');d.className='tick';d.textContent=String(+v.toPrecision(6));d.style.top=((1-t)*h)+'px';bar.appendChild(d);});}
    function draw(){var W=cv.clientWidth,H=cv.clientHeight,dp=window.devicePixelRatio||1,w=Math.round(W*dp),h=Math.round(H*dp);
    if(cv.width!==w||cv.height!==h){cv.width=w;cv.height=h;}
    ctx.imageSmoothingEnabled=false;ctx.clearRect(0,0,w,h);if(src)ctx.drawImage(src,view.c0,view.r0,view.nc,view.nr,0,0,w,h);
    var cw=w/view.nc,ch=h/view.nr,r1=Math.min(R,Math.ceil(view.r0+view.nr)),c1=Math.min(C,Math.ceil(view.c0+view.nc));
    if(cw>=6&&ch>=6){ctx.strokeStyle='rgba(0,0,0,.28)';ctx.lineWidth=dp;ctx.beginPath();
    for(var r=Math.floor(view.r0);r<r1;r++)for(var c=Math.floor(view.c0);c<c1;c++){var i=r*C+c;if(!isNaN(vals[i])||(blank&&blank[i]))continue;
    var x=(c-view.c0)*cw,y=(r-view.r0)*ch;for(var s=ch/3;s<cw+ch;s+=Math.max(4*dp,ch/3)){var ax=x+Math.max(0,s-ch),ay=y+Math.min(ch,s),bx=x+Math.min(cw,s),by=y+Math.max(0,s-cw);ctx.moveTo(ax,ay);ctx.lineTo(bx,by);}}ctx.stroke();}
    if(focus){ctx.strokeStyle='#111';ctx.lineWidth=2*dp;ctx.strokeRect((focus.c-view.c0)*cw+dp,(focus.r-view.r0)*ch+dp,cw-2*dp,ch-2*dp);}
    var bm=document.querySelector('svg.basemap');if(bm)bm.setAttribute('viewBox',[view.c0,view.r0,view.nc,view.nr].join(' '));
    cv.setAttribute('data-view',[view.r0,view.c0,view.nr,view.nc].map(function(v){return +v.toFixed(4);}).join(','));labels();}
    function labels(){var W=cv.clientWidth,H=cv.clientHeight,ch=H/view.nr,cw=W/view.nc;yl.textContent='';xl.textContent='';if(!M.axes)return;
    var step=Math.max(1,Math.ceil(13/ch));for(var r=Math.ceil(view.r0-.5);r<Math.min(R,view.r0+view.nr);r++){if(r<0||r%step)continue;
    var d=document.createElement('div');d.textContent=clip(M.rows[r]);d.style.top=((r+.5-view.r0)*ch)+'px';yl.appendChild(d);}
    var longest=0;for(var c=Math.max(0,Math.floor(view.c0));c<Math.min(C,view.c0+view.nc);c++)longest=Math.max(longest,clip(M.cols[c]).length);
    if(M.xticks){xl.classList.remove('rot');M.xticks.forEach(function(t){if(t[0]<view.c0-.5||t[0]>=view.c0+view.nc)return;var d=document.createElement('div');d.textContent=t[1];d.style.left=((t[0]-view.c0)*cw)+'px';d.style.transform='none';xl.appendChild(d);});return;}
    var rot=longest*6.5+6>cw;xl.classList.toggle('rot',rot);step=Math.max(1,Math.ceil((rot?13:longest*6.5+8)/cw));
    for(var c=Math.ceil(view.c0-.5);c<Math.min(C,view.c0+view.nc);c++){if(c<0||c%step)continue;var d=document.createElement('div');d.textContent=clip(M.cols[c]);d.style.left=((c+.5-view.c0)*cw)+'px';xl.appendChild(d);}}
    function clip(s){return s.length>24?s.slice(0,23)+'\\u2026':s;}
    function cellAt(e){var b=cv.getBoundingClientRect(),x=(e.clientX-b.left)/b.width,y=(e.clientY-b.top)/b.height;
    if(x<0||y<0||x>=1||y>=1)return null;return{r:Math.min(R-1,Math.floor(view.r0+y*view.nr)),c:Math.min(C-1,Math.floor(view.c0+x*view.nc))};}
    function dateOf(r,c){var y=M.year0+Math.floor(r/7),j=Date.UTC(y,0,1),w=(new Date(j).getUTCDay()+6)%7;return new Date(j+(c*7+r%7-w)*864e5).toISOString().slice(0,10);}
    function show(cell,px,py){var i=cell.r*C+cell.c;if(blank&&blank[i]){hide();return;}var v=vals[i];tip.textContent='';
    var lines=[M.rowTitle+': '+M.rows[cell.r],M.colTitle+': '+M.cols[cell.c],M.valueTitle+': '+(isNaN(v)?'no data':fmt(v))];
    if(M.year0!==null)lines.push('date: '+dateOf(cell.r,cell.c));
    lines.forEach(function(s){var d=document.createElement('div');d.textContent=s;tip.appendChild(d);});
    var hb=hm.getBoundingClientRect();tip.style.left=(px-hb.left+14)+'px';tip.style.top=(py-hb.top+14)+'px';tip.style.visibility='visible';
    var t=pos(v);if(t>=0){mark.style.top=((1-t)*bar.clientHeight)+'px';mark.style.visibility='visible';}else mark.style.visibility='hidden';}
    function hide(){tip.style.visibility='hidden';mark.style.visibility='hidden';}
    cv.addEventListener('mousemove',function(e){if(drag){var b=cv.getBoundingClientRect();
    view.c0=clamp(drag.c0-(e.clientX-drag.x)/b.width*view.nc,0,C-view.nc);view.r0=clamp(drag.r0-(e.clientY-drag.y)/b.height*view.nr,0,R-view.nr);draw();}
    var cell=cellAt(e);if(cell)show(cell,e.clientX,e.clientY);else hide();});
    cv.addEventListener('mouseleave',function(){hide();drag=null;});
    cv.addEventListener('mousedown',function(e){drag={x:e.clientX,y:e.clientY,r0:view.r0,c0:view.c0};});
    window.addEventListener('mouseup',function(){drag=null;});
    function clamp(v,lo,hi){return Math.max(lo,Math.min(hi,v));}
    function zoom(f,fx,fy){var nr=clamp(view.nr*f,Math.min(R,2),R),nc=clamp(view.nc*f,Math.min(C,2),C);
    var pr=view.r0+fy*view.nr,pc=view.c0+fx*view.nc;view.r0=clamp(pr-fy*nr,0,R-nr);view.c0=clamp(pc-fx*nc,0,C-nc);view.nr=nr;view.nc=nc;draw();}
    cv.addEventListener('wheel',function(e){e.preventDefault();var b=cv.getBoundingClientRect();zoom(e.deltaY<0?0.8:1.25,(e.clientX-b.left)/b.width,(e.clientY-b.top)/b.height);},{passive:false});
    function reset(){view={r0:0,c0:0,nr:R,nc:C};draw();}
    document.querySelector('.lumen-heatmap-reset').addEventListener('click',reset);
    cv.addEventListener('focus',function(){if(!focus)focus={r:0,c:0};draw();showFocus();});
    cv.addEventListener('blur',function(){hide();});
    function showFocus(){var b=cv.getBoundingClientRect();show(focus,b.left+(focus.c+.5-view.c0)*b.width/view.nc,b.top+(focus.r+.5-view.r0)*b.height/view.nr);}
    cv.addEventListener('keydown',function(e){var k=e.key,d={ArrowLeft:[0,-1],ArrowRight:[0,1],ArrowUp:[-1,0],ArrowDown:[1,0]}[k];
    if(k==='+'||k==='='){zoom(0.8,.5,.5);}else if(k==='-'){zoom(1.25,.5,.5);}else if(k==='0'||k==='Escape'){reset();}else if(!d)return;
    e.preventDefault();focus=focus||{r:0,c:0};if(d){focus={r:clamp(focus.r+d[0],0,R-1),c:clamp(focus.c+d[1],0,C-1)};
    if(focus.r<view.r0)view.r0=focus.r;if(focus.r+1>view.r0+view.nr)view.r0=focus.r+1-view.nr;if(focus.c<view.c0)view.c0=focus.c;if(focus.c+1>view.c0+view.nc)view.c0=focus.c+1-view.nc;}
    draw();showFocus();});
    window.addEventListener('resize',draw);
    })();
    """
}

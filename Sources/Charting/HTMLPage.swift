/// One self-contained HTML file: the chart's SVG inline and a few KB of script for tooltips
/// (the hovered mark, or the nearest point on lines) and legend clicks that hide a series. No
/// external URL.
enum HTMLPage {
  static func html(_ scene: ChartScene, theme: ChartTheme) -> String {
    let svg = SVGWriter.svg(scene, standalone: false)
    let dark = theme == .dark
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(SVGWriter.escape(scene.title))</title>
      <style>
      body{margin:0;padding:16px;background:\(scene.background.hex);font-family:\(SVGWriter.fonts);}
      .chart{position:relative;display:inline-block;}
      [role=graphics-symbol]{transition:opacity .15s;}
      [role=graphics-symbol]:hover{opacity:.75;}
      .hidden{display:none;}
      .legend .off{opacity:.35;}
      #tip{position:absolute;pointer-events:none;visibility:hidden;background:\(dark ? "#2b2e36" : "#ffffff");color:\(dark ? "#eee" : "#222");border:1px solid \(dark ? "#555" : "#ccc");border-radius:4px;padding:6px 8px;font-size:12px;line-height:1.4;box-shadow:0 2px 6px rgba(0,0,0,.15);white-space:nowrap;z-index:2;}
      </style>
      </head>
      <body>
      <div class="chart">
      \(svg)<div id="tip" role="tooltip"></div>
      </div>
      <script>
      (function(){
      var svg=document.querySelector('.chart svg'),tip=document.getElementById('tip'),box=document.querySelector('.chart');
      var marks=Array.prototype.slice.call(svg.querySelectorAll('[role=graphics-symbol]'));
      function show(m,e){
        tip.textContent='';
        m.getAttribute('aria-label').split('; ').forEach(function(part){var d=document.createElement('div');d.textContent=part;tip.appendChild(d);});
        var r=box.getBoundingClientRect();
        tip.style.left=(e.clientX-r.left+12)+'px';tip.style.top=(e.clientY-r.top+12)+'px';
        tip.style.visibility='visible';
      }
      function hide(){tip.style.visibility='hidden';}
      marks.forEach(function(m){
        m.addEventListener('mousemove',function(e){show(m,e);});
        m.addEventListener('mouseleave',hide);
      });
      var points=marks.filter(function(m){return m.tagName==='circle';});
      var lines=svg.querySelector('polyline[data-series]')!==null;
      if(lines&&points.length){
        svg.addEventListener('mousemove',function(e){
          if(e.target.getAttribute&&e.target.getAttribute('role')==='graphics-symbol')return;
          var p=svg.createSVGPoint();p.x=e.clientX;p.y=e.clientY;var q=p.matrixTransform(svg.getScreenCTM().inverse());
          var best=null,bd=1e9;
          points.forEach(function(m){if(m.closest('.hidden')||m.classList.contains('hidden'))return;var dx=m.cx.baseVal.value-q.x,dy=m.cy.baseVal.value-q.y,d=dx*dx*4+dy*dy;if(d<bd){bd=d;best=m;}});
          if(best&&bd<2500)show(best,e);else hide();
        });
        svg.addEventListener('mouseleave',hide);
      }
      Array.prototype.forEach.call(svg.querySelectorAll('.legend [data-series]'),function(entry){
        function toggle(){
          var name=entry.getAttribute('data-series'),off=!entry.classList.contains('off');
          entry.classList.toggle('off',off);
          Array.prototype.forEach.call(svg.querySelectorAll('[data-series]'),function(el){
            if(el.closest('.legend'))return;
            if(el.getAttribute('data-series')===name)el.classList.toggle('hidden',off);
          });
        }
        entry.addEventListener('click',toggle);
        entry.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();toggle();}});
      });
      })();
      </script>
      </body>
      </html>

      """
  }
}

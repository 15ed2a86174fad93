"""Opens the report of `lumen analyze` in headless Chromium and checks what a viewer gets.

    python test_analyze_report.py LUMEN [WORKDIR]

Writes its own table into WORKDIR (default: a new temporary folder), the same bytes on every run
(random.Random(11)): orders.csv, 3,000 rows of

  order_id  unique integers 5,000,000 + 37 i
  placed    datetimes in order over 2024
  region    5 categories, unequal counts
  paid      true/false
  amount    floats with 2 decimals, skewed to the right
  qty       integers 1..12
  score     floats with 1 decimal, about 10 % missing (empty)
  ref       unique codes RZQ-NNNNN-xxxxxxxx (a sentinel in every row)
  note      free text in about 30 % of rows, each note unique (with the sentinel NQXNNNNN)

runs `lumen analyze orders.csv -o WORKDIR/report -y` and opens report.html from file:// in
Debian's Chromium through Playwright (no browser download). Every request that is not a local
file is aborted and recorded. The expected values are computed here with Python's statistics
module, from the table as written. Checks:

  - no request tried to leave the page, no console error and no page error
  - #overview shows the row count (3,000, with or without a separator) and the column count
  - one section.column[data-column=NAME] per column of the table, no other, each with a
    table.stats and a small inline <svg>
  - amount, qty and score: tr[data-key=count|mean|p50] of their table.stats shows the count, the
    mean (statistics.mean) and the median (statistics.median, the same as the linear p25/p50/p75
    of pandas) to the precision shown (half a unit of the last digit shown), and stats.json holds
    the same values (relative 1e-9)
  - stats.json: rows 3000, column_count 9, the columns in the table's order
  - one figure.chart[data-chart=ID] per chart of stats.json (and no other), each with an inline
    <svg> with a non-zero box and at least one mark (role="graphics-symbol", non-empty
    aria-label); hovering a mark of each chart makes the single #tip[role=tooltip] visible, and
    its lines are the parts of that mark's aria-label ("field: value; field: value")
  - as many `ul.warnings li` as stats.json has warnings
  - report.html holds no raw row: no order id, ref or note sentinel appears in its bytes unless
    stats.json shows that value (min/max/quantiles/top/top_values of its column)
  - every chart of stats.json exists as PNG (PNG signature) and SVG (an <svg element) files

Prints one line per check; exits 1 when any check fails.
"""

import csv
import datetime as dt
import json
import math
import pathlib
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 900}
ROWS = 3000
MARKS = '[role="graphics-symbol"]'
CHECKED = ["amount", "qty", "score"]
RELATIVE = 1e-9
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REF = re.compile(rb"RZQ-\d{5}-[0-9a-f]{8}")
NOTE = re.compile(rb"NQX\d{5}")
INTEGER = re.compile(rb"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)|(?<![\d.,])\d+(?![\d,]|\.\d)")
REGIONS = ["Harbour", "Uplands", "Riverside", "Old Town", "Airport"]
WORDS = ["parcel", "signed", "porch", "courier", "gate", "reception", "neighbour", "locker"]

# Whether #tip is seen: not display:none up the tree, not visibility hidden, a box, and an
# effective opacity above 0.05. Returns its innerText or null.
TIP_JS = """() => {
  const el = document.getElementById('tip');
  if (!el) return null;
  const own = getComputedStyle(el);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return null;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  let opacity = 1;
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none') return null;
    opacity *= parseFloat(s.opacity);
  }
  return opacity > 0.05 ? el.innerText : null;
}"""

# A mark of the figure and a point inside it where it is the topmost element (so hovering there
# hovers it), scrolled into view: {x, y, label, index, covered} or null. Tries the first, middle
# and last mark, then the first 200; in each its centre first, then four points around it.
# `covered` names what lies on top of a tried mark's centre when that is not a mark (a value
# label drawn over a heatmap cell, say), or is null.
FIND_MARK_JS = """(fig) => {
  const marks = [...fig.querySelectorAll('svg [role="graphics-symbol"]')];
  const order = [0, marks.length >> 1, marks.length - 1, ...[...marks.keys()].slice(0, 200)];
  const spots = [[0.5, 0.5], [0.25, 0.25], [0.75, 0.75], [0.25, 0.75], [0.75, 0.25]];
  let covered = null;
  for (const i of order) {
    const m = marks[i];
    if (!m) continue;
    m.scrollIntoView({block: 'center', inline: 'center'});
    const b = m.getBoundingClientRect();
    if (b.width <= 0 && b.height <= 0) continue;
    for (const [fx, fy] of spots) {
      const x = b.left + b.width * fx, y = b.top + b.height * fy;
      const hit = document.elementFromPoint(x, y);
      const mark = hit && hit.closest('[role="graphics-symbol"]');
      if (mark === m) return {x, y, label: m.getAttribute('aria-label') || '', index: i, covered};
      if (fx === 0.5 && hit && !mark && covered === null) covered = '<' + hit.tagName.toLowerCase() + '>';
    }
  }
  return null;
}"""

SVG_BOX_JS = """(fig) => {
  const svg = fig.querySelector('svg');
  if (!svg) return null;
  const b = svg.getBoundingClientRect();
  const marks = [...svg.querySelectorAll('[role="graphics-symbol"]')];
  return {width: b.width, height: b.height, marks: marks.length,
          unlabelled: marks.filter(m => !(m.getAttribute('aria-label') || '').trim()).length};
}"""


# ---- the table --------------------------------------------------------------------------------

def write_table(path):
    """orders.csv (see the docstring). Returns the columns as lists of strings (empty: missing)."""
    rng = random.Random(11)
    header = ["order_id", "placed", "region", "paid", "amount", "qty", "score", "ref", "note"]
    columns = {name: [] for name in header}
    start = dt.datetime(2024, 1, 1)
    step = 366 * 86400 / ROWS
    for i in range(ROWS):
        placed = start + dt.timedelta(seconds=int(i * step + rng.random() * step))
        row = {
            "order_id": str(5_000_000 + 37 * i),
            "placed": placed.strftime("%Y-%m-%d %H:%M:%S"),
            "region": rng.choices(REGIONS, [40, 25, 18, 12, 5])[0],
            "paid": "true" if rng.random() < 0.7 else "false",
            "amount": f"{rng.lognormvariate(3.5, 0.6):.2f}",
            "qty": str(rng.randint(1, 12)),
            "score": "" if rng.random() < 0.1 else f"{rng.gauss(70, 12):.1f}",
            "ref": f"RZQ-{i:05d}-{rng.getrandbits(32):08x}",
            "note": (f"{rng.choice(WORDS)} {rng.choice(WORDS)} NQX{i:05d}" if rng.random() < 0.3 else ""),
        }
        for name in header:
            columns[name].append(row[name])
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(zip(*(columns[name] for name in header)))
    return header, columns


def numbers(values):
    return [float(v) for v in values if v != ""]


def expected_stats(values):
    present = numbers(values)
    return {"count": len(present), "mean": statistics.mean(present), "p50": statistics.median(present)}


# ---- lumen ------------------------------------------------------------------------------------

def run_lumen(lumen, work, table):
    out = work / "report"
    command = [lumen, "analyze", str(table), "-o", str(out), "-y"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = out / "report.html"
    if run.returncode != 0 or not report.is_file() or report.stat().st_size == 0:
        raise RuntimeError(f"`lumen analyze {table.name} -o {out} -y` failed "
                           f"(exit {run.returncode}): {run.stderr.strip()[:500]}")
    return out


# ---- shown numbers ----------------------------------------------------------------------------

SHOWN = re.compile(r"^([-+]?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?\s*([kKMGB]?)$")
SUFFIX = {"": 0, "k": 3, "K": 3, "M": 6, "G": 9, "B": 9}


def shown_number(text):
    """(value, half a unit of the last digit shown) of a number as a page shows it (thousands
    separators, a Unicode minus, an exponent or a k/M/G suffix allowed), or None."""
    clean = (text.strip().replace("\u2212", "-").replace(",", "").replace("\u202f", "")
             .replace("\u00a0", "").replace("\u2009", "").replace(" ", ""))
    match = SHOWN.match(clean)
    if not match:
        return None
    sign, whole, fraction, exponent, suffix = match.groups()
    fraction = fraction or ""
    power = int(exponent or 0) + SUFFIX[suffix]
    value = float(f"{sign}{whole}.{fraction or '0'}") * 10.0 ** power
    return value, 0.5 * 10.0 ** (power - len(fraction))


def close(a, b):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + 1e-12


# ---- the page ---------------------------------------------------------------------------------

class Page:
    """The report page with its error and request records."""

    def __init__(self, context, path):
        self.errors, self.outside = [], []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("websocket", lambda ws: self.outside.append(ws.url))
        self.page.on("request", self._request)
        self.page.goto(path.as_uri(), wait_until="load")

    def _request(self, request):
        url = request.url
        if not url.startswith(("file:", "data:", "blob:", "about:")) and url not in self.outside:
            self.outside.append(url)

    def tip_lines(self):
        text = self.page.evaluate(TIP_JS)
        if text is None:
            return None
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    def wait_tip(self, want, timeout=2.0):
        """Polls until #tip is visible with the lines `want`; returns (last lines seen, matched)."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            lines = self.tip_lines()
            if lines is not None:
                last = lines
                if lines == want:
                    return lines, True
            if time.monotonic() > deadline:
                return last, False
            self.page.wait_for_timeout(20)


# ---- checks -----------------------------------------------------------------------------------

def check_overview(page, header):
    overview = page.page.locator("#overview")
    if overview.count() != 1:
        return [f"{overview.count()} #overview elements, expected 1"]
    text = overview.inner_text()
    problems = []
    if not re.search(r"(?<![\d.,])3[,.\u202f\u00a0\u2009 ]?000(?![\d])", text):
        problems.append(f"#overview does not show the row count 3,000: {text[:300]!r}")
    if not re.search(rf"(?<![\d.,]){len(header)}(?![\d.,])", text):
        problems.append(f"#overview does not show the column count {len(header)}: {text[:300]!r}")
    return problems


def check_sections(page, header):
    problems = []
    sections = page.page.locator("section.column")
    names = [sections.nth(i).get_attribute("data-column") for i in range(sections.count())]
    if sorted(names) != sorted(header):
        problems.append(f"section.column data-column values {names}, expected one per column {header}")
    for name in header:
        section = page.page.locator(f'section.column[data-column="{name}"]')
        if section.count() != 1:
            continue
        if section.locator("table.stats").count() != 1:
            problems.append(f"{name}: {section.locator('table.stats').count()} table.stats, expected 1")
        if section.locator("svg").count() < 1:
            problems.append(f"{name}: no inline <svg>")
    return problems


def check_numbers(page, stats, columns):
    problems = []
    notes = []
    by_name = {c.get("name"): c for c in stats.get("columns", [])}
    for name in CHECKED:
        want = expected_stats(columns[name])
        json_column = by_name.get(name) or {}
        for key, value in want.items():
            stored = json_column.get(key)
            if not isinstance(stored, (int, float)) or not close(float(stored), value):
                problems.append(f"{name}: stats.json {key} {stored!r}, expected {value!r}")
            cell = page.page.locator(f'section.column[data-column="{name}"] table.stats tr[data-key="{key}"] td')
            if cell.count() < 1:
                problems.append(f"{name}: no tr[data-key={key}] td in its table.stats")
                continue
            text = cell.first.inner_text()
            shown = shown_number(text)
            if shown is None:
                problems.append(f"{name}: {key} shows {text!r}, not a number")
                continue
            number, half_unit = shown
            if abs(number - value) > half_unit * (1 + 1e-9) + 1e-12:
                problems.append(f"{name}: {key} shows {text!r}, expected {value!r} to that precision")
            else:
                notes.append(f"{name}.{key} {text.strip()}")
    return problems, ", ".join(notes)


def check_stats_json(stats, header):
    problems = []
    if stats.get("rows") != ROWS:
        problems.append(f"rows {stats.get('rows')!r}, expected {ROWS}")
    if stats.get("column_count") != len(header):
        problems.append(f"column_count {stats.get('column_count')!r}, expected {len(header)}")
    names = [c.get("name") for c in stats.get("columns", [])]
    if names != header:
        problems.append(f"columns {names}, expected {header}")
    if not stats.get("charts"):
        problems.append("no charts listed")
    return problems


def check_charts(page, stats):
    problems = []
    figures = page.page.locator("figure.chart")
    ids = [figures.nth(i).get_attribute("data-chart") for i in range(figures.count())]
    listed = [c.get("id") for c in stats.get("charts", [])]
    if sorted(ids, key=str) != sorted(listed, key=str):
        problems.append(f"figure.chart data-chart values {ids}, stats.json lists {listed}")
    marks_total = 0
    for index, chart in enumerate(ids):
        figure = figures.nth(index)
        box = figure.evaluate(SVG_BOX_JS)
        if box is None:
            problems.append(f"chart {chart}: no inline <svg>")
            continue
        if box["width"] <= 0 or box["height"] <= 0:
            problems.append(f"chart {chart}: the <svg> box is {box['width']}x{box['height']}")
        if box["marks"] < 1:
            problems.append(f"chart {chart}: no marks ({MARKS})")
        if box["unlabelled"]:
            problems.append(f"chart {chart}: {box['unlabelled']} of {box['marks']} marks have no aria-label")
        marks_total += box["marks"]
    return problems, f"{len(ids)} charts, {marks_total} marks"


def check_hover(page):
    problems = []
    tips = page.page.locator("#tip")
    if tips.count() != 1 or tips.first.get_attribute("role") != "tooltip":
        return [f"{tips.count()} #tip elements (role {tips.first.get_attribute('role') if tips.count() else None!r}), "
                "expected one with role=tooltip"]
    if page.page.locator('[role="tooltip"]').count() != 1:
        problems.append(f"{page.page.locator('[role=tooltip]').count()} [role=tooltip] elements, expected 1")
    figures = page.page.locator("figure.chart")
    hovered = 0
    covered = []
    for index in range(figures.count()):
        chart = figures.nth(index).get_attribute("data-chart")
        page.page.mouse.move(1, 1)
        mark = figures.nth(index).evaluate(FIND_MARK_JS)
        if mark is None:
            problems.append(f"chart {chart}: no mark is the topmost element at its centre or around it")
            continue
        parts = [" ".join(p.split()) for p in mark["label"].split(";") if p.strip()]
        page.page.mouse.move(mark["x"], mark["y"])
        lines, ok = page.wait_tip(parts)
        if lines is None:
            problems.append(f"chart {chart}: hovering mark {mark['index']} ({mark['label']!r}) leaves #tip hidden")
        elif not ok:
            problems.append(f"chart {chart}: hovering mark {mark['index']}: #tip shows {lines!r}, "
                            f"expected the aria-label parts {parts!r}")
        else:
            hovered += 1
        if mark["covered"]:
            covered.append(f"{chart}: {mark['covered']} over a mark's centre")
    page.page.mouse.move(1, 1)
    return problems, f"{hovered} charts hovered" + (f"; {', '.join(covered)}" if covered else "")


def check_warnings(page, stats):
    shown = page.page.locator("ul.warnings li").count()
    listed = len(stats.get("warnings") or [])
    if shown != listed:
        return [f"{shown} ul.warnings li, stats.json has {listed} warnings"]
    return [], f"{listed} warnings"


def shown_values(stats, name):
    """The values of column `name` that stats.json shows (and the page may therefore show)."""
    column = next((c for c in stats.get("columns", []) if c.get("name") == name), {})
    values = set()
    for key in ("min", "max", "p25", "p50", "p75", "mean", "top"):
        if column.get(key) is not None:
            values.add(column[key])
    for item in column.get("top_values") or []:
        values.add(item.get("value"))
    texts = set()
    for value in values:
        if isinstance(value, float) and math.isfinite(value):
            texts.add(str(round(value)))       # a statistic shown without decimals
            if value.is_integer():
                value = int(value)
        texts.add(str(value))
    return texts


def check_no_raw_rows(report_bytes, stats, columns):
    problems = []
    ids = set(columns["order_id"])
    allowed_ids = shown_values(stats, "order_id")
    found = {m.group(0).replace(b",", b"").decode() for m in INTEGER.finditer(report_bytes)}
    leaked = sorted((found & ids) - allowed_ids)
    if leaked:
        problems.append(f"{len(leaked)} order ids in report.html that stats.json does not show, e.g. {leaked[:5]}")
    for name, pattern in (("ref", REF), ("note", NOTE)):
        allowed = shown_values(stats, name)
        tokens = {m.group(0).decode() for m in pattern.finditer(report_bytes)}
        leaked = sorted(t for t in tokens if not any(t in value for value in allowed))
        if leaked:
            problems.append(f"{len(leaked)} {name} sentinels in report.html that are not in its top values, "
                            f"e.g. {leaked[:5]}")
    return problems


def check_files(out, stats):
    problems = []
    charts = stats.get("charts") or []
    for chart in charts:
        for key in ("png", "svg"):
            value = chart.get(key)
            if not value:
                problems.append(f"chart {chart.get('id')}: no {key} path in stats.json")
                continue
            path = pathlib.Path(value)
            path = path if path.is_absolute() else out / path
            if not path.is_file():
                problems.append(f"chart {chart.get('id')}: {key} {value} does not exist")
                continue
            head = path.read_bytes()[:4096]
            if key == "png" and not head.startswith(PNG_SIGNATURE):
                problems.append(f"chart {chart.get('id')}: {value} has no PNG signature")
            if key == "svg" and b"<svg" not in head:
                problems.append(f"chart {chart.get('id')}: {value} has no <svg element in its first 4 KB")
    return problems, f"{len(charts)} charts x PNG + SVG"


# ---- main -------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.failures, self.passed = [], 0

    def check(self, name, function, *args):
        try:
            result = function(*args)
        except Exception as error:  # noqa: BLE001 - reported, and the other checks still run
            text = " | ".join(line.strip() for line in str(error).splitlines()[:4] if line.strip())
            result = [f"{type(error).__name__}: {text}"]
        problems, note = (result if isinstance(result, tuple) else (result, ""))
        if problems:
            print(f"FAIL {name}: " + "; ".join(problems), flush=True)
            self.failures += [f"{name}: {p}" for p in problems]
        else:
            self.passed += 1
            print(f"ok   {name}" + (f" ({note})" if note else ""), flush=True)
        return not problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    lumen = sys.argv[1]
    work = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(tempfile.mkdtemp(prefix="lumen-analyze-report."))
    work.mkdir(parents=True, exist_ok=True)
    table = work / "orders.csv"
    header, columns = write_table(table)

    report = Report()
    holder = {}

    def make():
        holder["out"] = run_lumen(lumen, work, table)
        return []
    report.check(f"lumen analyze {table.name} -o report -y", make)
    if "out" in holder:
        out = holder["out"]
        stats = {}

        def load():
            stats.update(json.loads((out / "stats.json").read_text(encoding="utf-8")))
            return check_stats_json(stats, header)
        report.check("stats.json: rows, column_count, columns in order, charts listed", load)
        report_bytes = (out / "report.html").read_bytes()
        report.check("report.html: no raw rows (order ids, ref and note sentinels)",
                     check_no_raw_rows, report_bytes, stats, columns)
        report.check("charts of stats.json exist as PNG and SVG files", check_files, out, stats)

        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            context = browser.new_context(viewport=VIEWPORT)
            context.set_default_timeout(15000)
            outside_context = []

            def route(request_route):
                url = request_route.request.url
                if url.startswith("file:"):
                    request_route.continue_()
                else:
                    outside_context.append(url)
                    request_route.abort()

            context.route("**/*", route)
            pages = {}

            def open_page():
                pages["report"] = Page(context, out / "report.html")
                return [], f"{len(report_bytes):,} bytes"
            if report.check("report.html opens", open_page):
                page = pages["report"]
                report.check("#overview shows the row and column counts", check_overview, page, header)
                report.check(f"one section.column per column ({len(header)}), each with table.stats and an <svg>",
                             check_sections, page, header)
                report.check(f"{', '.join(CHECKED)}: count, mean and p50 shown and in stats.json agree with "
                             "Python's statistics", check_numbers, page, stats, columns)
                report.check("figure.chart per chart of stats.json, each an <svg> with a box and labelled marks",
                             check_charts, page, stats)
                report.check("hovering a mark of each chart shows #tip with its aria-label parts", check_hover, page)
                report.check("ul.warnings li per warning of stats.json", check_warnings, page, stats)

                def records():
                    problems = list(page.errors)
                    if page.outside:
                        problems.append(f"requests that tried to leave the page (blocked): {page.outside}")
                    if outside_context:
                        problems.append(f"requests that tried to leave (blocked): {sorted(set(outside_context))}")
                    return problems
                report.check("report.html: no console error, no request leaves the page", records)
                page.page.close()
            browser.close()

    print(f"browser test (analyze report): {report.passed} checks passed, {len(report.failures)} problem(s)")
    for failure in report.failures:
        print("  " + failure)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Opens the HTML heatmaps of `lumen heatmap` in headless Chromium and checks what a viewer gets.

    python test_heatmap_html.py LUMEN [WORKDIR]

Writes its own tables into WORKDIR (default: a new temporary folder), the same bytes on every run
(random.Random(7)), runs `lumen heatmap … -o NAME.html` on them and opens each page from file://
in Debian's Chromium through Playwright (no browser download). Every request that is not a local
file is aborted and recorded. The expected labels and values are computed here from the tables.

  m.html        m.csv: header name,c1..c12, rows r1..r8, values with 2 decimals, one cell empty.
                Default order (given): rows and columns in file order. Tooltip titles `name`,
                `column`, `value`; the empty cell reads `value: no data`. Every cell is hovered.
  shuffled.html shuffled.csv: the same shape with rows and columns in no sorted order, run with
  given.html    the default order and with `--order given`: both keep file order.
  p.html        events.csv (time,amount; 2,000 datetimes of 2024, none at 03:xx) with
                --x hour:time --y weekday:time: count per (weekday, hour); rows Mon..Sun,
                columns the hours present (23, no "3"); titles weekday(time), hour(time), count.
  pm.html       the same with --value amount --agg mean: title mean(amount).
  c.html        daily.csv (day,sales; every day of 2024 but six, five days twice) with
                --calendar day --value sales: rows "2024 Mon".."2024 Sun", columns weeks 1..53
                (week index = (day of year, 0-based, + weekday of 1 January, Monday 0) // 7),
                titles weekday, week, sales (the sum per day) and a fourth line date: YYYY-MM-DD;
                a removed day reads `sales: no data`.
  c2.html       the same for 2024-2025 (two year blocks, 14 rows; 1 January 2025 is a Wednesday).
  m100.html     100x100 matrix (2 decimals): at most 60 KB (60,000 bytes).
  m1000.html    1000x1000 matrix (3 decimals): at most 5 MB (5,000,000 bytes), grid painted
                (canvas data-ready="1") within 2 s of navigation; one hovered cell's value.

On every page: one canvas.lumen-heatmap-cells with data-rows, data-cols, data-view "0,0,R,C"
at first, tabindex 0; no console or page error; no request that leaves the page. On m.html
also: the mouse wheel zooms around the pointer (data-view nr < R and nc < C, the cell under
the pointer stays under it, a cell of the zoomed window is where data-view says) and
.lumen-heatmap-reset restores 0,0,R,C; the keyboard (focus, ArrowRight twice, ArrowDown once)
puts the tooltip on r2 / c3.

Values are compared numerically with a relative tolerance of 1e-6 (the page writes the shortest
decimal that round-trips, from float32 for big grids). Prints one line per check; exits 1 when
any check fails.
"""

import datetime as dt
import math
import pathlib
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

CHROMIUM = "/usr/bin/chromium"
CANVAS = "canvas.lumen-heatmap-cells"
READY = CANVAS + '[data-ready="1"]'
RESET = ".lumen-heatmap-reset"
RELATIVE = 1e-6
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
VIEWPORT = {"width": 1280, "height": 900}
SMALL_PAGE_BYTES = 60_000
BIG_PAGE_BYTES = 5_000_000
BIG_PAINT_SECONDS = 2.0

# The text of the first [role=tooltip] a viewer sees (display, visibility and the effective
# opacity up the tree), or null when none is shown.
TOOLTIP_JS = """() => {
  const shown = el => {
    const own = getComputedStyle(el);
    if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    let opacity = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none') return false;
      opacity *= parseFloat(s.opacity);
    }
    return opacity > 0.05;
  };
  for (const el of document.querySelectorAll('[role="tooltip"]')) {
    if (shown(el)) return el.innerText;
  }
  return null;
}"""


# ---- the tables and what the page must show ---------------------------------------------------

class Grid:
    """What a heatmap page must show: labels in display order, titles and the cell values."""

    def __init__(self, rows, cols, titles, values, dates=None):
        self.rows, self.cols = rows, cols
        self.row_title, self.col_title, self.value_title = titles
        self._values = values      # list of lists (None: missing) or dict (i, j) -> value
        self.dates = dates or {}   # (i, j) -> "YYYY-MM-DD" for calendars

    def value(self, i, j):
        if isinstance(self._values, dict):
            return self._values.get((i, j))
        return self._values[i][j]

    def cells(self):
        if isinstance(self._values, dict):
            return sorted(self._values)
        return [(i, j) for i in range(len(self.rows)) for j in range(len(self.cols))]


def write_matrix(path, rng, row_labels, col_labels, decimals, low, high, missing=()):
    values = []
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("name," + ",".join(col_labels) + "\n")
        for i, row in enumerate(row_labels):
            texts, numbers = [], []
            for j in range(len(col_labels)):
                if (i, j) in missing:
                    texts.append("")
                    numbers.append(None)
                else:
                    text = f"{rng.uniform(low, high):.{decimals}f}"
                    texts.append(text)
                    numbers.append(float(text))
            f.write(row + "," + ",".join(texts) + "\n")
            values.append(numbers)
    return Grid(list(row_labels), list(col_labels), ("name", "column", "value"), values)


def write_events(path, rng):
    """2,000 rows of time,amount in 2024; no event at 03:xx; every other (weekday, hour) once
    at least. Returns the count grid and the mean(amount) grid."""
    start = dt.datetime(2024, 1, 1)
    hours = [h for h in range(24) if h != 3]
    stamps = []
    for weekday in range(7):          # 1 January 2024 is a Monday
        for hour in hours:
            day = start + dt.timedelta(days=weekday + 7 * rng.randrange(52))
            stamps.append(day + dt.timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60)))
    while len(stamps) < 2000:
        stamp = start + dt.timedelta(seconds=rng.randrange(366 * 86400))
        if stamp.hour != 3:
            stamps.append(stamp)
    rng.shuffle(stamps)
    counts, sums = defaultdict(int), defaultdict(float)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("time,amount\n")
        for stamp in stamps:
            amount = f"{rng.uniform(1, 500):.2f}"
            f.write(f"{stamp:%Y-%m-%d %H:%M:%S},{amount}\n")
            key = (stamp.weekday(), stamp.hour)
            counts[key] += 1
            sums[key] += float(amount)
    weekdays = sorted({w for w, _ in counts})
    present_hours = sorted({h for _, h in counts})
    rows = [WEEKDAYS[w] for w in weekdays]
    cols = [str(h) for h in present_hours]
    count_cells, mean_cells = {}, {}
    for (w, h), n in counts.items():
        key = (weekdays.index(w), present_hours.index(h))
        count_cells[key] = float(n)
        mean_cells[key] = sums[(w, h)] / n
    return (Grid(rows, cols, ("weekday(time)", "hour(time)", "count"), count_cells),
            Grid(rows, cols, ("weekday(time)", "hour(time)", "mean(amount)"), mean_cells))


def week_index(day):
    jan1 = dt.date(day.year, 1, 1)
    return (day.timetuple().tm_yday - 1 + jan1.weekday()) // 7


def write_daily(path, rng, first, last, removed, doubled):
    """day,sales for every day from first to last but `removed`; the `doubled` days have two
    rows (the page shows their sum). Returns the calendar grid and the dates that were hovered
    for: (date, expected value or None)."""
    sums = {}
    days = []
    day = first
    while day <= last:
        days.append(day)
        day += dt.timedelta(days=1)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("day,sales\n")
        for day in days:
            if day in removed:
                continue
            for _ in range(2 if day in doubled else 1):
                sales = f"{rng.uniform(0, 900):.2f}"
                f.write(f"{day.isoformat()},{sales}\n")
                sums[day] = sums.get(day, 0.0) + float(sales)
    years = sorted({d.year for d in days})
    rows = [f"{year} {name}" for year in years for name in WEEKDAYS]
    weeks = max(week_index(d) for d in days) + 1
    cols = [str(w + 1) for w in range(weeks)]
    cells, dates = {}, {}
    for day in days:
        key = (years.index(day.year) * 7 + day.weekday(), week_index(day))
        dates[key] = day.isoformat()
        cells[key] = sums.get(day)
    return Grid(rows, cols, ("weekday", "week", "sales"), cells, dates)


# ---- lumen ------------------------------------------------------------------------------------

def run_lumen(lumen, work, table, options, name):
    output = work / f"{name}.html"
    output.unlink(missing_ok=True)
    command = [lumen, "heatmap", str(work / table), *options, "-o", str(output)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if run.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        raise RuntimeError(f"`lumen heatmap {table} {' '.join(options)} -o {output.name}` failed "
                           f"(exit {run.returncode}): {run.stderr.strip()[:500]}")
    return output


# ---- the page ---------------------------------------------------------------------------------

class Page:
    """One heatmap page with its error and request records."""

    def __init__(self, context, path):
        self.path = path
        self.errors, self.outside = [], []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("websocket", lambda ws: self.outside.append(ws.url))
        self.page.on("request", self._request)

    def _request(self, request):
        url = request.url
        if not url.startswith(("file:", "data:", "blob:", "about:")) and url not in self.outside:
            self.outside.append(url)

    def open(self):
        self.page.goto(self.path.as_uri(), wait_until="load")
        self.page.wait_for_selector(READY, state="attached", timeout=15000)
        return self

    @property
    def canvas(self):
        return self.page.locator(CANVAS).first

    def view(self):
        text = self.canvas.get_attribute("data-view") or ""
        try:
            parts = [float(p) for p in text.split(",")]
        except ValueError:
            parts = []
        if len(parts) != 4:
            raise AssertionError(f"data-view {text!r} is not four numbers r0,c0,nr,nc")
        return parts

    def box(self):
        box = self.canvas.bounding_box()
        if not box or box["width"] <= 0 or box["height"] <= 0:
            raise AssertionError(f"the canvas has no box on screen ({box})")
        return box

    def tooltip(self):
        """The lines of the visible tooltip (stripped, empty ones left out) or None."""
        text = self.page.evaluate(TOOLTIP_JS)
        if text is None:
            return None
        return [line.strip() for line in text.splitlines() if line.strip()]

    def point_of(self, i, j):
        """Viewport point of the centre of cell (i, j) (display order), scrolled into view."""
        for _ in range(2):
            box, (r0, c0, nr, nc) = self.box(), self.view()
            x = box["x"] + (j + 0.5 - c0) * box["width"] / nc
            y = box["y"] + (i + 0.5 - r0) * box["height"] / nr
            dx = x - VIEWPORT["width"] / 2 if not 1 <= x <= VIEWPORT["width"] - 2 else 0
            dy = y - VIEWPORT["height"] / 2 if not 1 <= y <= VIEWPORT["height"] - 2 else 0
            if not dx and not dy:
                return x, y
            self.page.evaluate("([dx, dy]) => window.scrollBy(dx, dy)", [dx, dy])
        return x, y

    def wait_tooltip(self, want, timeout=2.0):
        """Polls until the visible tooltip starts with the lines `want` (or, with want=None,
        until one is visible). Returns (lines, matched); lines is the last text seen or None."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            lines = self.tooltip()
            if lines is not None:
                last = lines
                if want is None or lines[:len(want)] == want:
                    return lines, True
            if time.monotonic() > deadline:
                return last, False
            self.page.wait_for_timeout(20)


def close(a, b):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + 1e-12


def parse_number(text):
    try:
        value = float(text.replace("\u2212", "-"))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def label_lines(grid, i, j):
    return [f"{grid.row_title}: {grid.rows[i]}", f"{grid.col_title}: {grid.cols[j]}"]


def tooltip_problems(grid, i, j, lines):
    """What is wrong with the tooltip lines of cell (i, j), as a list (empty: right)."""
    where = f"cell ({grid.rows[i]}, {grid.cols[j]})"
    want = label_lines(grid, i, j)
    if lines is None:
        return [f"{where}: no visible [role=tooltip] when hovered"]
    if lines[:2] != want:
        return [f"{where}: tooltip {lines!r}, expected it to start with {want!r}"]
    expected_count = 4 if grid.dates else 3
    if len(lines) != expected_count:
        return [f"{where}: tooltip has {len(lines)} lines {lines!r}, expected {expected_count}"]
    problems = []
    title, sep, text = lines[2].partition(": ")
    if not sep and lines[2] == grid.value_title + ":":   # "value:" with nothing after it
        title, sep, text = grid.value_title, ": ", ""
    expected = grid.value(i, j)
    if not sep or title != grid.value_title:
        problems.append(f"{where}: third line {lines[2]!r}, expected '{grid.value_title}: …'")
    elif expected is None:
        if text != "no data":
            problems.append(f"{where}: {lines[2]!r}, expected '{grid.value_title}: no data'")
    else:
        shown = parse_number(text)
        if shown is None or not close(shown, expected):
            problems.append(f"{where}: {lines[2]!r}, expected {expected!r} (relative 1e-6)")
    if grid.dates:
        want_date = f"date: {grid.dates[(i, j)]}"
        if lines[3] != want_date:
            problems.append(f"{where}: fourth line {lines[3]!r}, expected {want_date!r}")
    return problems


def hover_cells(page, grid, cells):
    problems = []
    for n, (i, j) in enumerate(cells):
        page.page.mouse.move(*page.point_of(i, j))
        lines, _ = page.wait_tooltip(label_lines(grid, i, j))
        problems += tooltip_problems(grid, i, j, lines)
        if len(problems) >= 6 and n + 1 < len(cells):   # each wrong cell waits 2 s: stop early
            problems.append(f"stopped after {n + 1} of {len(cells)} cells")
            break
    return problems


# ---- checks -----------------------------------------------------------------------------------

def structure(page, grid):
    """One canvas with data-rows/data-cols/data-view/tabindex as the contract says."""
    problems = []
    count = page.page.locator(CANVAS).count()
    if count != 1:
        problems.append(f"{count} {CANVAS} elements, expected 1")
    canvas = page.canvas
    rows, cols = canvas.get_attribute("data-rows"), canvas.get_attribute("data-cols")
    if rows != str(len(grid.rows)) or cols != str(len(grid.cols)):
        problems.append(f"data-rows={rows!r} data-cols={cols!r}, expected {len(grid.rows)} and {len(grid.cols)}")
    view = page.view()
    if view != [0, 0, len(grid.rows), len(grid.cols)]:
        problems.append(f"initial data-view {canvas.get_attribute('data-view')!r}, expected "
                        f"0,0,{len(grid.rows)},{len(grid.cols)}")
    if canvas.get_attribute("tabindex") != "0":
        problems.append(f"canvas tabindex={canvas.get_attribute('tabindex')!r}, expected '0'")
    page.box()
    return problems


def wait_view_settled(page, before, timeout=3.0):
    """Waits until data-view differs from `before` and then holds still for 200 ms (a zoom may
    be animated). Returns the last view."""
    deadline = time.monotonic() + timeout
    last, since = page.view(), time.monotonic()
    while time.monotonic() < deadline:
        page.page.wait_for_timeout(40)
        view = page.view()
        if view != last:
            last, since = view, time.monotonic()
        elif last != before and time.monotonic() - since >= 0.2:
            break
    return last


def zoom_and_reset(page, grid):
    problems = []
    R, C = len(grid.rows), len(grid.cols)
    i, j = R // 2 - 1, C // 2 - 1     # a cell near the middle, pointer on its centre (not a border)
    x, y = page.point_of(i, j)
    page.page.mouse.move(x, y)
    lines, ok = page.wait_tooltip(label_lines(grid, i, j))
    if not ok:
        return [f"before the zoom, the tooltip at the centre of ({grid.rows[i]}, {grid.cols[j]}) reads {lines!r}"]
    box0, view0 = page.box(), page.view()
    under0 = (view0[0] + (y - box0["y"]) / box0["height"] * view0[2],
              view0[1] + (x - box0["x"]) / box0["width"] * view0[3])
    page.page.mouse.wheel(0, -240)
    view1 = wait_view_settled(page, view0)
    r0, c0, nr, nc = view1
    if view1 == view0:
        return [f"data-view still {view0} after a wheel up over the canvas"]
    if not (nr < R and nc < C):
        problems.append(f"after a wheel up data-view is {view1}: expected nr < {R} and nc < {C}")
    box1 = page.box()
    under1 = (r0 + (y - box1["y"]) / box1["height"] * nr, c0 + (x - box1["x"]) / box1["width"] * nc)
    if abs(under1[0] - under0[0]) > 0.5 or abs(under1[1] - under0[1]) > 0.5:
        problems.append(f"the zoom is not around the pointer: the grid point under it moved from "
                        f"({under0[0]:.2f}, {under0[1]:.2f}) to ({under1[0]:.2f}, {under1[1]:.2f}) (row, column)")
    page.page.mouse.move(x + 1, y)
    page.page.mouse.move(x, y)
    lines, ok = page.wait_tooltip(label_lines(grid, i, j))
    if not ok:
        problems.append(f"after the zoom the pointer's cell should still be ({grid.rows[i]}, {grid.cols[j]}); tooltip {lines!r}")
    # a cell of the zoomed window, away from the pointer, is where data-view says
    zi = min(R - 1, max(0, int(math.floor(r0 + nr * 0.25))))
    zj = min(C - 1, max(0, int(math.floor(c0 + nc * 0.75))))
    if (zi, zj) != (i, j):
        problems += hover_cells(page, grid, [(zi, zj)])
    page.page.mouse.move(1, 1)
    page.page.locator(RESET).first.click()
    view2 = wait_view_settled(page, view1)
    if view2 != [0, 0, R, C]:
        problems.append(f"after clicking {RESET} data-view is {view2}, expected 0,0,{R},{C}")
    return problems


def keyboard(page, grid):
    page.page.mouse.move(VIEWPORT["width"] - 2, VIEWPORT["height"] - 2)
    page.canvas.focus()
    if not page.page.evaluate(f"() => document.activeElement === document.querySelector('{CANVAS}')"):
        return ["the canvas does not take the focus"]
    for key in ("ArrowRight", "ArrowRight", "ArrowDown"):
        page.page.keyboard.press(key)
    lines, _ = page.wait_tooltip(label_lines(grid, 1, 2))
    problems = tooltip_problems(grid, 1, 2, lines)
    return [f"focus, ArrowRight x2, ArrowDown: {p}" for p in problems]


def order_cells(grid):
    """Row 0 across and column 0 down: enough to see the order of both label lists."""
    return sorted({(0, j) for j in range(len(grid.cols))} | {(i, 0) for i in range(len(grid.rows))})


def big_grid(context, path, grid):
    problems = []
    size = path.stat().st_size
    if size > BIG_PAGE_BYTES:
        problems.append(f"{path.name} is {size:,} bytes, more than {BIG_PAGE_BYTES:,}")
    page = Page(context, path)
    start = time.perf_counter()
    page.page.goto(path.as_uri(), wait_until="load")
    page.page.wait_for_selector(READY, state="attached", timeout=60000)
    seconds = time.perf_counter() - start
    if seconds > BIG_PAINT_SECONDS:
        problems.append(f"grid painted {seconds:.2f} s after navigation, more than {BIG_PAINT_SECONDS} s")
    problems += structure(page, grid)
    # One cell near the middle. A cell is under a pixel here, so the cell is read from the
    # tooltip's labels: it must be within 2 of the one aimed at and show its own value.
    i, j = 499, 499
    page.page.mouse.move(*page.point_of(i, j))
    lines, _ = page.wait_tooltip(None)
    if lines is None or len(lines) < 3:
        problems.append(f"hovering near cell (r500, c500) shows tooltip {lines!r}")
    else:
        row = lines[0].partition(": ")[2]
        col = lines[1].partition(": ")[2]
        if row not in grid.rows or col not in grid.cols:
            problems.append(f"hovering near (r500, c500): tooltip {lines!r} names no row and column of the grid")
        else:
            hi, hj = grid.rows.index(row), grid.cols.index(col)
            if abs(hi - i) > 2 or abs(hj - j) > 2:
                problems.append(f"hovering the centre of (r500, c500) shows ({row}, {col})")
            problems += tooltip_problems(grid, hi, hj, lines)
    return page, problems, f"{size:,} bytes, painted in {seconds:.2f} s"


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

    def page_records(self, name, page):
        def records():
            problems = list(page.errors)
            if page.outside:
                problems.append(f"requests that tried to leave the page (blocked): {page.outside}")
            return problems
        self.check(f"{name}: no console error, no request leaves the page", records)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    lumen = sys.argv[1]
    work = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(tempfile.mkdtemp(prefix="lumen-heatmap-html."))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)

    # tables (the same bytes every run: one generator, always in this order)
    matrix = write_matrix(work / "m.csv", rng, [f"r{i}" for i in range(1, 9)],
                          [f"c{j}" for j in range(1, 13)], 2, -50, 500, missing={(2, 6)})
    shuffled_rows = [f"r{i}" for i in (5, 2, 8, 1, 7, 3, 6, 4)]
    shuffled_cols = [f"c{j}" for j in (10, 3, 12, 1, 7, 5, 11, 2, 9, 4, 8, 6)]
    shuffled = write_matrix(work / "shuffled.csv", rng, shuffled_rows, shuffled_cols, 2, -50, 500)
    counts, means = write_events(work / "events.csv", rng)
    removed = {dt.date(2024, 1, 2), dt.date(2024, 2, 29), dt.date(2024, 6, 15), dt.date(2024, 7, 4),
               dt.date(2024, 11, 30), dt.date(2024, 12, 31)}
    doubled = {dt.date(2024, 1, 1), dt.date(2024, 3, 10), dt.date(2024, 8, 20), dt.date(2024, 12, 30),
               dt.date(2024, 10, 5)}
    calendar = write_daily(work / "daily.csv", rng, dt.date(2024, 1, 1), dt.date(2024, 12, 31), removed, doubled)
    removed2 = {dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2025, 9, 9)}
    doubled2 = {dt.date(2025, 1, 2), dt.date(2025, 12, 31)}
    calendar2 = write_daily(work / "daily2.csv", rng, dt.date(2024, 1, 1), dt.date(2025, 12, 31), removed2, doubled2)
    m100 = write_matrix(work / "m100.csv", rng, [f"r{i}" for i in range(1, 101)],
                        [f"c{j}" for j in range(1, 101)], 2, 0, 100)
    m1000 = write_matrix(work / "m1000.csv", rng, [f"r{i}" for i in range(1, 1001)],
                         [f"c{j}" for j in range(1, 1001)], 3, 0, 100)

    # the cells hovered on the calendars: every 5th day, the removed and doubled days, the ends
    def calendar_cells(grid, removed_days, doubled_days):
        special = {d.isoformat() for d in removed_days | doubled_days}
        keys = sorted(grid.dates, key=lambda k: grid.dates[k])
        return [k for n, k in enumerate(keys)
                if n % 5 == 0 or grid.dates[k] in special or n in (0, len(keys) - 1)]

    every_fourth = lambda grid: [c for n, c in enumerate(grid.cells()) if n % 4 == 0]  # noqa: E731
    few_m100 = [(0, 0), (0, 99), (37, 61), (99, 0), (99, 99)]
    pages = [
        # name, table, options, grid, cells to hover, extra checks
        ("m", "m.csv", [], matrix, matrix.cells(), True),
        ("shuffled", "shuffled.csv", [], shuffled, order_cells(shuffled), False),
        ("given", "shuffled.csv", ["--order", "given"], shuffled, order_cells(shuffled), False),
        ("p", "events.csv", ["--x", "hour:time", "--y", "weekday:time"], counts, counts.cells(), False),
        ("pm", "events.csv", ["--x", "hour:time", "--y", "weekday:time", "--value", "amount", "--agg", "mean"],
         means, every_fourth(means), False),
        ("c", "daily.csv", ["--calendar", "day", "--value", "sales"], calendar,
         calendar_cells(calendar, removed, doubled), False),
        ("c2", "daily2.csv", ["--calendar", "day", "--value", "sales"], calendar2,
         calendar_cells(calendar2, removed2, doubled2), False),
        ("m100", "m100.csv", [], m100, few_m100, False),
    ]

    report = Report()
    outputs = {}
    for name, table, options, *_ in pages + [("m1000", "m1000.csv", [])]:
        def make(name=name, table=table, options=options):
            outputs[name] = run_lumen(lumen, work, table, options, name)
            return []
        report.check(f"lumen heatmap {table} {' '.join(options)} -o {name}.html".replace("  ", " "), make)

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

        for name, _, _, grid, cells, extra in pages:
            if name not in outputs:
                continue
            page = Page(context, outputs[name])
            if not report.check(f"{name}.html: opens, canvas data-ready=\"1\"", lambda: (page.open(), [])[1]):
                report.page_records(f"{name}.html", page)
                page.page.close()
                continue
            report.check(f"{name}.html: canvas {len(grid.rows)}x{len(grid.cols)}, data-view 0,0,R,C, tabindex 0",
                         structure, page, grid)
            report.check(f"{name}.html: {len(cells)} cells hovered: labels, order, values"
                         + (", dates" if grid.dates else ""), hover_cells, page, grid, cells)
            if name == "m100":
                size = outputs[name].stat().st_size
                report.check(f"m100.html: at most {SMALL_PAGE_BYTES:,} bytes",
                             lambda: ([] if size <= SMALL_PAGE_BYTES else
                                      [f"{size:,} bytes"], f"{size:,} bytes"))
            if extra:
                report.check(f"{name}.html: wheel zooms around the pointer, reset restores 0,0,R,C",
                             zoom_and_reset, page, grid)
                report.page_records(f"{name}.html", page)
                page.page.close()
                page = Page(context, outputs[name]).open()
                report.check(f"{name}.html: focus, ArrowRight x2, ArrowDown -> tooltip r2 / c3", keyboard, page, grid)
            report.page_records(f"{name}.html", page)
            page.page.close()

        if "m1000" in outputs:
            holder = {}

            def big():
                page, problems, note = big_grid(context, outputs["m1000"], m1000)
                holder["page"] = page
                return problems, note
            report.check(f"m1000.html: at most {BIG_PAGE_BYTES:,} bytes, painted within "
                         f"{BIG_PAINT_SECONDS:g} s, a hovered cell's value", big)
            if "page" in holder:
                report.page_records("m1000.html", holder["page"])
                holder["page"].page.close()

        if outside_context:
            report.failures.append(f"requests that tried to leave the pages (blocked): {sorted(set(outside_context))}")
        browser.close()

    print(f"browser test (heatmap html): {report.passed} checks passed, {len(report.failures)} problem(s)")
    for failure in report.failures:
        print("  " + failure)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())

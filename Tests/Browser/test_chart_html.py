"""Opens the HTML charts of `lumen chart` in headless Chromium and checks what a viewer gets.

    python test_chart_html.py LUMEN [WORKDIR]

Makes three charts from Fixtures/tables/tips.csv with `lumen chart … -o NAME.html` into WORKDIR
(default: a new temporary folder):

  bar      --kind bar --x day --y tip --agg mean
  line     --kind line --x size --y tip --agg mean --color sex
  scatter  --kind scatter --x total_bill --y tip

and opens each in Debian's Chromium through Playwright (no browser download), with every
request that is not a local file aborted and recorded. Asserts, per page: no request tried to
leave the page, no console error and no page error, exactly one <svg>, and every data mark is an
element with role="graphics-symbol" and a non-empty aria-label. Then:

  bar      4 marks, one per day; each aria-label names its day, and the number after its last
           ': ' is the mean tip of that day computed here from the CSV (within 0.005), as in
           `day: Sun; tip (mean): 3.22`. Hovering the first bar shows a visible role="tooltip"
           element whose text has that bar's day and mean tip.
  line     the legend (class "legend") has one [data-series] entry per sex; clicking one hides
           that series' marks (the marks that carry the same data-series, or sit inside an
           element that does: display none, visibility hidden, or an effective opacity near 0)
           and leaves the other series shown; clicking it again shows them again.
  scatter  one mark per row of the CSV (120).

"""

import csv
import pathlib
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

CHROMIUM = "/usr/bin/chromium"
REPO = pathlib.Path(__file__).resolve().parents[2]
TIPS = REPO / "Fixtures" / "tables" / "tips.csv"
TOLERANCE = 0.005

CHARTS = {
    "bar": ["--kind", "bar", "--x", "day", "--y", "tip", "--agg", "mean"],
    "line": ["--kind", "line", "--x", "size", "--y", "tip", "--agg", "mean", "--color", "sex"],
    "scatter": ["--kind", "scatter", "--x", "total_bill", "--y", "tip"],
}

MARKS = '[role="graphics-symbol"]'
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?|-?\.\d+")

# Whether an element is shown: not display:none (itself or an ancestor), not visibility
# hidden/collapse, effective opacity (the product up the tree) above 0.05, and not both fill and
# stroke fully transparent.
SHOWN_JS = """el => {
  const own = getComputedStyle(el);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return false;
  if (parseFloat(own.fillOpacity) === 0 && parseFloat(own.strokeOpacity) === 0) return false;
  let opacity = 1;
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none') return false;
    opacity *= parseFloat(s.opacity);
  }
  return opacity > 0.05;
}"""


def tips_rows():
    with open(TIPS, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def mean_tip_by_day(rows):
    sums, counts = defaultdict(float), defaultdict(int)
    for row in rows:
        sums[row["day"]] += float(row["tip"])
        counts[row["day"]] += 1
    return {day: sums[day] / counts[day] for day in sums}


def last_number(label):
    """The number after the last ': ' of an aria-label (thousands commas allowed)."""
    if ": " not in label:
        return None
    match = NUMBER.search(label.rsplit(": ", 1)[1])
    return float(match.group(0).replace(",", "")) if match else None


def has_word(text, word):
    return re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text) is not None


def make_chart(lumen, work, name, options):
    output = work / f"{name}.html"
    run = subprocess.run([lumen, "chart", str(TIPS), *options, "-o", str(output)],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        raise RuntimeError(f"lumen chart {' '.join(options)} -o {output.name} failed "
                           f"(exit {run.returncode}): {run.stderr.strip()[:500]}")
    return output


class Page:
    """One chart page with its request and error records."""

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


def common_checks(page):
    problems = []
    svgs = page.page.locator("svg").count()
    if svgs != 1:
        problems.append(f"{svgs} <svg> elements, expected exactly 1")
    marks = page.page.locator(MARKS)
    labels = [marks.nth(i).get_attribute("aria-label") for i in range(marks.count())]
    if not labels:
        problems.append(f"no data marks ({MARKS})")
    unlabelled = sum(1 for label in labels if not (label or "").strip())
    if unlabelled:
        problems.append(f"{unlabelled} of {len(labels)} marks have no aria-label")
    return problems, [label or "" for label in labels]


def check_bar(page, labels, rows):
    problems = []
    means = mean_tip_by_day(rows)
    if len(labels) != len(means):
        problems.append(f"{len(labels)} bars, expected {len(means)} (one per day: {sorted(means)})")
    seen = set()
    for label in labels:
        days = [day for day in means if has_word(label, day)]
        if len(days) != 1:
            problems.append(f"bar label {label!r} names {len(days)} days, expected exactly one")
            continue
        day = days[0]
        if day in seen:
            problems.append(f"two bars for {day}")
        seen.add(day)
        value = last_number(label)
        if value is None or abs(value - means[day]) > TOLERANCE:
            problems.append(f"bar {day}: label {label!r}, expected mean tip {means[day]:.4f}")
    if seen != set(means) and len(labels) == len(means):
        problems.append(f"days with no bar: {sorted(set(means) - seen)}")

    # tooltip on hover of the first bar
    if labels:
        first_label = labels[0]
        days = [day for day in means if has_word(first_label, day)]
        page.page.hover(f"{MARKS} >> nth=0")
        tooltip = page.page.locator('[role="tooltip"]:visible')
        try:
            tooltip.first.wait_for(state="visible", timeout=3000)
        except Exception:  # noqa: BLE001 - reported as a problem
            problems.append("hovering the first bar shows no visible [role=tooltip]")
        else:
            text = tooltip.first.inner_text()
            if len(days) == 1:
                day = days[0]
                numbers = [float(n.replace(",", "")) for n in NUMBER.findall(text)]
                if not has_word(text, day):
                    problems.append(f"tooltip {text!r} does not name the bar's day {day}")
                if not any(abs(n - means[day]) <= TOLERANCE for n in numbers):
                    problems.append(f"tooltip {text!r} does not show the mean tip {means[day]:.4f}")
        page.page.mouse.move(0, 0)
    return problems


SERIES_MARKS_JS = """(series) => {
  const legend = el => el.closest('.legend') !== null;
  const all = [...document.querySelectorAll('[role="graphics-symbol"]')].filter(m => !legend(m));
  const of = m => { const s = m.closest('[data-series]'); return s && !legend(s) ? s.getAttribute('data-series') : null; };
  return all.filter(m => of(m) === series).length;
}"""

SERIES_SHOWN_JS = """([series, shown]) => {
  const isShown = %s;
  const legend = el => el.closest('.legend') !== null;
  const all = [...document.querySelectorAll('[role="graphics-symbol"]')].filter(m => !legend(m));
  const of = m => { const s = m.closest('[data-series]'); return s && !legend(s) ? s.getAttribute('data-series') : null; };
  const marks = all.filter(m => of(m) === series);
  return marks.length > 0 && marks.every(m => isShown(m) === shown);
}""" % SHOWN_JS


def wait_series(page, series, shown, timeout=3000):
    """True when every mark of `series` is shown (or hidden) within `timeout` ms (transitions)."""
    try:
        page.page.wait_for_function(SERIES_SHOWN_JS, arg=[series, shown], timeout=timeout)
        return True
    except Exception:  # noqa: BLE001 - the caller reports it
        return False


def check_line(page, labels, rows):
    problems = []
    expected = sorted({row["sex"] for row in rows})
    entries = page.page.locator(".legend [data-series]")
    names = [entries.nth(i).get_attribute("data-series") for i in range(entries.count())]
    if sorted(names) != expected:
        problems.append(f"legend entries {names}, expected one per sex {expected}")
    for series in expected:
        if page.page.evaluate(SERIES_MARKS_JS, series) == 0:
            problems.append(f"no marks carry data-series={series!r} (on themselves or an ancestor)")
    if problems:
        return problems
    for index, series in enumerate(names):
        others = [s for s in names if s != series]
        if not wait_series(page, series, True):
            problems.append(f"{series}: marks not all shown before any click")
            continue
        entries.nth(index).click()
        if not wait_series(page, series, False):
            problems.append(f"clicking legend entry {series!r} does not hide its marks")
        for other in others:
            if not wait_series(page, other, True, timeout=500):
                problems.append(f"clicking legend entry {series!r} hides {other!r} too")
        entries.nth(index).click()
        if not wait_series(page, series, True):
            problems.append(f"clicking legend entry {series!r} again does not show its marks again")
    return problems


def check_scatter(page, labels, rows):
    if len(labels) != len(rows):
        return [f"{len(labels)} points, expected one per row ({len(rows)})"]
    return []


CHECKS = {"bar": check_bar, "line": check_line, "scatter": check_scatter}


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    lumen = sys.argv[1]
    work = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(tempfile.mkdtemp(prefix="lumen-chart-html."))
    work.mkdir(parents=True, exist_ok=True)
    rows = tips_rows()

    from playwright.sync_api import sync_playwright

    failures = []
    pages = {}
    for name, options in CHARTS.items():
        try:
            pages[name] = make_chart(lumen, work, name, options)
        except RuntimeError as error:
            failures.append(f"{name}: {error}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        context = browser.new_context(viewport={"width": 1000, "height": 700})
        outside_context = []

        def route(request_route):
            url = request_route.request.url
            if url.startswith("file:"):
                request_route.continue_()
            else:
                outside_context.append(url)
                request_route.abort()

        context.route("**/*", route)
        for name, path in pages.items():
            try:
                page = Page(context, path)
                problems, labels = common_checks(page)
                problems += CHECKS[name](page, labels, rows)
            except Exception as error:  # noqa: BLE001 - report every page, then fail
                problems, labels, page = [f"{type(error).__name__}: {str(error).splitlines()[0]}"], [], None
            if page is not None:
                problems += page.errors
                if page.outside:
                    problems.append(f"requests that tried to leave the page (blocked): {page.outside}")
                page.page.close()
            status = "ok" if not problems else "FAIL " + "; ".join(problems)
            print(f"{path.name:14} {len(labels):4d} marks  {status}")
            failures += [f"{path.name}: {p}" for p in problems]
        if outside_context:
            failures.append(f"requests that tried to leave the pages (blocked): {sorted(set(outside_context))}")
        browser.close()
    print(f"browser test (chart html): {len(pages)} of {len(CHARTS)} charts opened in Chromium, "
          f"{len(failures)} problem(s)")
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

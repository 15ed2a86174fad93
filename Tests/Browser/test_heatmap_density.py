"""A density heatmap page (`lumen heatmap --lat --lon`) in headless Chromium (Debian's
`chromium`, driven by Playwright, network blocked).

Usage: python test_heatmap_density.py LUMEN WORKDIR

Points are drawn at random in a box and binned here independently, from the documented rule:
region W,S,E,N is an equirectangular projection at the box's middle latitude (x = lon·cos φ0,
y = lat), fitted into 960 × 600 pixels keeping the aspect ratio and centred; a bin is RADIUS
pixels square. Every non-empty bin is hovered and its count read from the tooltip; an empty
bin shows no tooltip; the basemap is an SVG under the canvas and follows the zoom; no request
leaves the page and the console stays clean.
"""
import math
import pathlib
import random
import subprocess
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
W, S, E, N = -100.0, 30.0, -80.0, 45.0
RADIUS = 12
AREA = (960, 600)


def expected_bins(points):
    cos0 = math.cos(math.radians((S + N) / 2))
    width, height = (E - W) * cos0, (N - S)
    scale = min(AREA[0] / width, AREA[1] / height)
    off_x = (AREA[0] - width * scale) / 2
    off_y = (AREA[1] - height * scale) / 2
    bins = {}
    for lat, lon in points:
        px = off_x + (lon - W) * cos0 * scale
        py = off_y + (N - lat) * scale
        if 0 <= px < AREA[0] and 0 <= py < AREA[1]:
            key = (int(py // RADIUS), int(px // RADIUS))
            bins[key] = bins.get(key, 0) + 1
    rows = math.ceil(AREA[1] / RADIUS)
    cols = math.ceil(AREA[0] / RADIUS)
    return bins, rows, cols


def main():
    lumen, work = sys.argv[1], pathlib.Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    # Clusters, so bins hold several points.
    points = []
    for _ in range(12):
        lat0, lon0 = rng.uniform(S + 1, N - 1), rng.uniform(W + 1, E - 1)
        for _ in range(rng.randint(1, 25)):
            points.append((round(lat0 + rng.gauss(0, 0.4), 4), round(lon0 + rng.gauss(0, 0.4), 4)))
    csv = work / "points.csv"
    csv.write_text("lat,lon\n" + "".join(f"{a},{b}\n" for a, b in points))
    out = work / "density.html"
    out.unlink(missing_ok=True)
    run = subprocess.run([lumen, "heatmap", str(csv), "--lat", "lat", "--lon", "lon",
                          f"--region={W},{S},{E},{N}", "--radius", str(RADIUS), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        print(f"FAIL lumen heatmap: {run.stderr.strip()}")
        return 1
    bins, rows, cols = expected_bins(points)
    problems, checks = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        outside, errors = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(out.as_uri())
        page.wait_for_selector('canvas.lumen-heatmap-cells[data-ready="1"]')
        canvas = page.locator("canvas.lumen-heatmap-cells")
        if (canvas.get_attribute("data-rows"), canvas.get_attribute("data-cols")) != (str(rows), str(cols)):
            problems.append(f"grid {canvas.get_attribute('data-rows')}x{canvas.get_attribute('data-cols')}, want {rows}x{cols}")
        if page.locator("svg.basemap path").count() != 1:
            problems.append("no basemap path under the canvas")
        box = canvas.bounding_box()
        tip = page.locator("[role=tooltip]")
        for (r, c), count in sorted(bins.items()):
            page.mouse.move(box["x"] + (c + 0.5) * box["width"] / cols,
                            box["y"] + (r + 0.5) * box["height"] / rows)
            lines = tip.inner_text().strip().split("\n") if tip.is_visible() else []
            want = f"count: {count}"
            if len(lines) < 3 or lines[2] != want:
                problems.append(f"bin row {r + 1} col {c + 1}: tooltip {lines}, want {want}")
            checks += 1
        empty = next((r, c) for r in range(rows) for c in range(cols) if (r, c) not in bins)
        page.mouse.move(box["x"] + (empty[1] + 0.5) * box["width"] / cols,
                        box["y"] + (empty[0] + 0.5) * box["height"] / rows)
        if tip.is_visible():
            problems.append(f"an empty bin {empty} shows a tooltip: {tip.inner_text()!r}")
        before = page.locator("svg.basemap").get_attribute("viewBox")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(200)
        after = page.locator("svg.basemap").get_attribute("viewBox")
        view = canvas.get_attribute("data-view")
        if after == before:
            problems.append(f"the basemap did not follow the zoom (viewBox {before})")
        else:
            vb = [float(v) for v in after.split()]
            dv = [float(v) for v in view.split(",")]
            if any(abs(a - b) > 1e-3 for a, b in zip(vb, [dv[1], dv[0], dv[3], dv[2]])):
                problems.append(f"basemap viewBox {after} is not the view {view}")
        if outside:
            problems.append(f"requests left the page: {outside}")
        if errors:
            problems.append(f"console errors: {errors}")
        browser.close()
    for problem in problems:
        print(f"FAIL {problem}")
    print(f"browser test (heatmap density): {checks} bins hovered, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

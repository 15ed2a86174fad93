"""The Python reference for `lumen analyze`: pandas + matplotlib, statistics and charts of a table.

This is the program a Code Interpreter session would typically write for "analyse this table":
pandas reads the CSV (dates parsed), `describe(include="all")` and a few more per-column numbers
(missing, distinct, skew, zeros, negatives, 1.5 IQR outliers, top values, text lengths), the
Pearson and Spearman correlation matrices, the count of duplicated rows, then matplotlib (Agg
backend) draws the charts `lumen analyze` chooses, by the same rules (below), each saved as PNG
and SVG, and a stats JSON is written. One process per table, imports included: that is what each
new job pays. Nothing is tuned for speed, and nothing is made slow on purpose.

Run it through `Benchmarks/compare/analyze`, which creates the venv (numpy, pandas, matplotlib,
plotly, vega_datasets), prepares the data, times one process of this per table from outside and
compares it with one `lumen analyze` process per table. On its own:

    .venv/bin/python analyze_pandas.py --prepare CACHE [--big]   # write the data files into CACHE
    .venv/bin/python analyze_pandas.py --lumen-args CACHE [--big] # the cases and their data (TSV)
    .venv/bin/python analyze_pandas.py --data CACHE --case orders-200k --out DIR
        [--max-charts 12] [--report phases.json]

`--prepare` and `--lumen-args` use the standard library only (no pandas or matplotlib import).
The data (`--prepare`), all outside the repository:
  seattle-weather.csv  vega_datasets' seattle-weather (1,461 days of 2012-2015), copied from the
                       wheel (the file `local_datasets.json` names)
  gapminder.csv        plotly's `package_data/datasets/gapminder.csv.gz`, gunzipped (1,704 rows)
  orders-200k.csv      200,000 made-up orders (random.Random(2024), the same bytes everywhere):
                       order_id (unique integer), date (datetime, in order over 2023-2024),
                       region (6 values), product (40 values, a few much more frequent),
                       quantity (integer), unit_price (float, skewed to the right), discount
                       (fraction 0-0.25, empty in about 5 % of rows), revenue (quantity x price x
                       (1 - discount) with 2 % noise), returned (true/false, about 4 % true),
                       note (free text, empty in about 85 % of rows, some notes unique)
  orders-5m.csv        the same generator for 5,000,000 rows (about 370 MB; only with --big)

The job (`--case NAME`): read the CSV with `pd.read_csv(path, parse_dates=[the date column])`,
then sort the columns into kinds as `lumen analyze` does (Sources/TableAnalysis): dates
(parsed), booleans, integers, floats, identifiers (integers named like an id and unique; text
unique with no spaces), categories (at most 60 distinct values and at most half the rows) or
text. Measures are the numbers not named like an id (`id`, `key`, `code`, `…_id`, `…Id`, …); a
numeric column named like an id whose values repeat, or integers counting min..max without a gap
(a row number), is left out of the correlations and charts. Statistics:
`describe(include="all")`, missing, distinct, skew, zeros, negatives, 1.5 IQR outliers, the 10
most frequent values, text lengths, `corr` (Pearson and Spearman) of the measures,
`duplicated().sum()`. The charts, lumen's rules in lumen's order
(Sources/TableAnalysis/Charts/ChartRules.swift), at most --max-charts (default 12):
  1. a line of the mean of each of the first 2 measures per period of the first date column
     (rows per period when there is no measure); the period is the finest of minute, hour, day,
     week (from Monday), month, quarter, year with at most 400 of them over the span
  2. a scatter of the most correlated pair of measures when |Pearson| >= 0.3 (a seeded sample of
     3,000 points when there are more)
  3. a correlation heatmap of the measures (when there are 3 or more)
  4. a bar of a measure's mean by a category (sorted, descending) for the 2 best pairs of the
     first 6 categories (booleans too) x the first 6 measures whose groups explain at least 2 %
     of the measure's variance (eta squared), one per measure
  5. bars of rows per value of each category (its 10 most frequent values and "other") and
     histograms of each numeric column (Sturges' bins, 5 to 30, from min to max), alternating
Each chart is one 8 x 5 inch figure (800 x 500 pixels at 100 dpi), saved as
`charts/NN-kind-columns.png` and `.svg` under --out, and the statistics go to `stats.json` there.

The report (`--report`) has CPU (process time) and wall seconds for the imports (pandas,
matplotlib, pyplot), the read, the statistics, the charts and the total since the interpreter
reached this file, and the number of charts made.
"""

from __future__ import annotations

import time

T0_PROCESS = time.process_time()
T0_WALL = time.perf_counter()

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import pathlib  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import datetime as dt  # noqa: E402

# name -> (data file, the columns parsed as dates)
CASES = {
    "seattle-weather": ("seattle-weather.csv", ["date"]),
    "gapminder": ("gapminder.csv", []),
    "orders-200k": ("orders-200k.csv", ["date"]),
}
BIG_CASES = {"orders-5m": ("orders-5m.csv", ["date"])}
ORDER_ROWS = {"orders-200k.csv": 200_000, "orders-5m.csv": 5_000_000}

TOP_N = 10                 # top values kept per category (the rest is "other")
MAX_CATEGORY_VALUES = 60   # a text column is a category with at most this many values (and half the rows)
LINE_MEASURES = 2
SCATTER_MIN_R = 0.3
SCATTER_POINTS = 3_000     # the scatter's points when there are more rows (a seeded sample)
GROUP_CATEGORIES = 6
GROUP_MEASURES = 6
GROUP_BARS = 2
MIN_ETA_SQUARED = 0.02
MAX_GROUPS = 60
MAX_PERIODS = 400
# (name, seconds, pandas period): the finest with at most MAX_PERIODS over the span is drawn
PERIODS = [("minute", 60, "min"), ("hour", 3_600, "h"), ("day", 86_400, "D"),
           ("week", 604_800, "W-SUN"), ("month", 2_629_746, "M"), ("quarter", 7_889_238, "Q"),
           ("year", 31_556_952, "Y")]
IDENTIFIER_NAMES = {"id", "key", "uuid", "guid", "code", "index"}

REGIONS = ["North", "South", "East", "West", "Central", "Online"]
REGION_WEIGHTS = [22, 18, 17, 15, 8, 20]
ADJECTIVES = ["Alpine", "Coastal", "Urban", "Rustic", "Nordic", "Solar", "Velvet", "Granite"]
NOUNS = ["Lamp", "Kettle", "Backpack", "Chair", "Blanket"]
NOTES = ["gift wrap", "leave at the door", "call before delivery", "fragile", "second attempt",
         "customer asked for an invoice", "deliver after 5 pm", "use the side entrance",
         "birthday present", "address changed by phone", "paid in advance", "priority shipping",
         "box damaged on arrival", "replacement order", "bulk order for an office"]


# ---- data (standard library only) -----------------------------------------------------------------

def _site_packages_file(module: str, *parts: str) -> pathlib.Path:
    import importlib.util
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"analyze_pandas.py: the package {module} is not installed")
    return pathlib.Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _write_orders(path: pathlib.Path, rows: int) -> None:
    """`rows` made-up orders; the same bytes on every machine (one generator, fixed seed)."""
    rng = random.Random(2024)
    products = [f"{a} {n}" for a in ADJECTIVES for n in NOUNS]              # 40
    product_weights = [1.0 / (k + 1) for k in range(len(products))]         # a few frequent ones
    base_price = [round(3.5 * 1.11 ** k, 2) for k in range(len(products))]  # 3.50 .. 203.53
    discounts = ["0", "0", "0", "0.05", "0.1", "0.15", "0.2", "0.25"]
    start = dt.datetime(2023, 1, 1)
    span = 731 * 86400                     # 2023-01-01 .. 2024-12-31 (2024 is a leap year)
    step = span / rows
    days = [(start + dt.timedelta(days=d)).strftime("%Y-%m-%d") for d in range(732)]
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("order_id,date,region,product,quantity,unit_price,discount,revenue,returned,note\n")
        lines = []
        for i in range(rows):
            second = int(i * step + rng.random() * step)
            day, rest = divmod(second, 86400)
            stamp = f"{days[day]} {rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"
            region = rng.choices(REGIONS, REGION_WEIGHTS)[0]
            k = rng.choices(range(len(products)), product_weights)[0]
            quantity = 1 + min(49, int(rng.expovariate(0.35)))
            price = round(base_price[k] * rng.lognormvariate(0.0, 0.15), 2)
            if rng.random() < 0.05:
                discount, factor = "", 1.0
            else:
                discount = rng.choice(discounts)
                factor = 1.0 - float(discount)
            revenue = quantity * price * factor * (1.0 + rng.gauss(0.0, 0.02))
            returned = "true" if rng.random() < 0.04 else "false"
            note = ""
            if rng.random() < 0.15:
                note = rng.choice(NOTES)
                if rng.random() < 0.3:
                    note += f" (ref {rng.randrange(10**7):07d})"
            lines.append(f"{100000 + i},{stamp},{region},{products[k]},{quantity},{price:.2f},"
                         f"{discount},{revenue:.2f},{returned},{note}\n")
            if len(lines) == 10000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)
    tmp.replace(path)


def prepare(cache: pathlib.Path, big: bool) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    seattle = cache / "seattle-weather.csv"
    if not seattle.exists():
        index = json.loads(_site_packages_file("vega_datasets", "local_datasets.json").read_text())
        shutil.copyfile(_site_packages_file("vega_datasets", index["seattle-weather"]), seattle)
    gapminder = cache / "gapminder.csv"
    if not gapminder.exists():
        gz = _site_packages_file("plotly", "package_data", "datasets", "gapminder.csv.gz")
        gapminder.write_bytes(gzip.decompress(gz.read_bytes()))
    for name, rows in ORDER_ROWS.items():
        if (big or rows <= 200_000) and not (cache / name).exists():
            print(f"analyze_pandas.py: writing {cache / name} ({rows:,} rows)…", file=sys.stderr)
            _write_orders(cache / name, rows)


def lumen_args(cache: pathlib.Path, big: bool) -> None:
    """One TSV line per case: name, then the data file (lumen's only argument before -o)."""
    for name, (data, _) in {**CASES, **(BIG_CASES if big else {})}.items():
        print("\t".join([name, str(cache / data)]))


# ---- the job (pandas + matplotlib) ------------------------------------------------------------------

def looks_like_identifier(name):
    """`id`, `key`, `uuid`, `guid`, `code`, `index`, or ending in _id, ` id`, -id, Id, ID."""
    lower = name.lower()
    return (lower in IDENTIFIER_NAMES or lower.endswith(("_id", " id", "-id"))
            or name.endswith(("Id", "ID")))


def kinds(df):
    """column -> date | boolean | integer | float | identifier | category | text."""
    out = {}
    for name in df.columns:
        s = df[name]
        count = int(s.count())
        if pd.api.types.is_datetime64_any_dtype(s):
            out[name] = "date"
        elif pd.api.types.is_bool_dtype(s):
            out[name] = "boolean"
        elif pd.api.types.is_numeric_dtype(s):
            whole = pd.api.types.is_integer_dtype(s) or bool((s.dropna() % 1 == 0).all())
            if whole and looks_like_identifier(name) and count and s.nunique() == count:
                out[name] = "identifier"
            else:
                out[name] = "integer" if whole else "float"
        else:
            distinct = s.nunique()
            if count and distinct == count and not s.dropna().str.contains(" ", regex=False).any():
                out[name] = "identifier"
            elif distinct <= min(MAX_CATEGORY_VALUES, max(2, count // 2)):
                out[name] = "category"
            else:
                out[name] = "text"
    return out


def row_numbers(df, kind):
    """Numeric columns named like an id whose values repeat, or integers counting min..max
    without a gap (a row number): left out of the correlations and charts."""
    out = set()
    for name, k in kind.items():
        if k not in ("integer", "float"):
            continue
        s = df[name].dropna()
        if looks_like_identifier(name) and s.nunique() < len(s):
            out.add(name)
        elif k == "integer" and len(s) >= 20 and s.nunique() == len(s) and s.max() - s.min() + 1 == len(s):
            out.add(name)
    return out


def measures_of(kind, skipped):
    return [c for c, k in kind.items() if k in ("integer", "float")
            and not looks_like_identifier(c) and c not in skipped]


def statistics(df, kind, source):
    skipped = row_numbers(df, kind)
    measures = measures_of(kind, skipped)
    describe = json.loads(df.describe(include="all").to_json(date_format="iso", default_handler=str))
    columns = []
    for name in df.columns:
        s = df[name]
        column = {"name": name, "kind": kind[name], "count": int(s.count()),
                  "missing": int(s.isna().sum()), "distinct": int(s.nunique()),
                  "describe": describe.get(name)}
        if kind[name] in ("integer", "float"):
            present = s.dropna()
            q1, q3 = present.quantile(0.25), present.quantile(0.75)
            low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
            column.update(skew=float(present.skew()), zeros=int((present == 0).sum()),
                          negatives=int((present < 0).sum()),
                          outliers=int(((present < low) | (present > high)).sum()))
        elif kind[name] != "date":
            top = s.value_counts().head(TOP_N)
            column["top_values"] = [{"value": str(v), "count": int(n)} for v, n in top.items()]
            if kind[name] in ("text", "category", "identifier") and not pd.api.types.is_numeric_dtype(s):
                lengths = s.dropna().str.len()
                column.update(length_min=int(lengths.min()), length_mean=float(lengths.mean()),
                              length_max=int(lengths.max()))
        columns.append(column)
    pearson = df[measures].corr(method="pearson")
    spearman = df[measures].corr(method="spearman")
    pairs = []
    for i, a in enumerate(measures):
        for b in measures[i + 1:]:
            r = float(pearson.loc[a, b])
            if r == r:
                pairs.append({"a": a, "b": b, "pearson": r, "spearman": float(spearman.loc[a, b])})
    pairs.sort(key=lambda p: -abs(p["pearson"]))
    return {
        "source": str(source), "format": "csv", "rows": int(len(df)), "column_count": int(len(df.columns)),
        "columns": columns,
        "correlations": {"columns": measures, "pearson": pearson.values.tolist(),
                         "spearman": spearman.values.tolist()},
        "strongest_pairs": pairs[:5],
        "duplicate_rows": int(df.duplicated().sum()),
        "row_numbers": sorted(skipped),
    }


def eta_squared(df, category, measure):
    """The share of the measure's variance between the category's groups (0..1)."""
    both = df[[category, measure]].dropna()
    values = both[measure]
    total = ((values - values.mean()) ** 2).sum()
    if len(both) < 2 or total <= 0:
        return 0.0
    within = ((values - both.groupby(category)[measure].transform("mean")) ** 2).sum()
    return max(0.0, min(1.0, 1.0 - within / total))


def plan(df, kind, stats, max_charts):
    """The charts as (kind, title, columns, draw function), in lumen's order (the docstring)."""
    skipped = set(stats["row_numbers"])
    measures = measures_of(kind, skipped)
    dates = [c for c, k in kind.items() if k == "date"]
    categories = [c for c, k in kind.items() if k in ("category", "boolean")]
    charts = []
    if dates:
        with_values = [m for m in measures[:4] if df[m].count() > 0]
        for m in with_values[:LINE_MEASURES]:
            charts.append(("line", f"Mean {m} per period", [dates[0], m], draw_line))
        if not with_values:
            charts.append(("line", "Rows per period", [dates[0]], draw_line))
    pairs = stats["strongest_pairs"]
    if pairs and abs(pairs[0]["pearson"]) >= SCATTER_MIN_R:
        a, b = pairs[0]["a"], pairs[0]["b"]
        charts.append(("scatter", f"{b} against {a}", [a, b], draw_scatter))
    if len(measures) >= 3:
        charts.append(("heatmap", "Correlations (Pearson)", measures, draw_heatmap))
    ranked = []
    for c in categories[:GROUP_CATEGORIES]:
        if df[c].nunique() < 2:
            continue
        for m in measures[:GROUP_MEASURES]:
            eta = eta_squared(df, c, m)
            if eta >= MIN_ETA_SQUARED:
                ranked.append((eta, c, m))
    used = set()
    for eta, c, m in sorted(ranked, key=lambda x: -x[0]):
        if m in used or len(used) == GROUP_BARS:
            continue
        used.add(m)
        charts.append(("bar", f"Mean {m} by {c}", [c, m], draw_means))
    counts, histograms = [], []
    for name, k in kind.items():
        if name in skipped or df[name].nunique() < 2:
            continue
        if k in ("category", "boolean"):
            counts.append(("bar", f"Rows per {name}", [name], draw_counts))
        elif k in ("integer", "float"):
            histograms.append(("histogram", f"Distribution of {name}", [name], draw_histogram))
    for i in range(max(len(counts), len(histograms))):
        charts += counts[i:i + 1] + histograms[i:i + 1]
    return charts[:max_charts]


def _figure():
    return plt.subplots(figsize=(8, 5), dpi=100)


def draw_heatmap(df, columns, ax, fig):
    corr = df[columns].corr()
    image = ax.imshow(corr.values, vmin=-1, vmax=1, cmap="RdBu_r")
    ax.set_xticks(range(len(columns)), columns, rotation=45, ha="right")
    ax.set_yticks(range(len(columns)), columns)
    for i in range(len(columns)):
        for j in range(len(columns)):
            ax.text(j, i, f"{corr.values[i, j]:.2f}", ha="center", va="center", fontsize=8)
    fig.colorbar(image, ax=ax)


def draw_scatter(df, columns, ax, fig):
    a, b = columns
    points = df[[a, b]].dropna()
    if len(points) > SCATTER_POINTS:
        points = points.sample(n=SCATTER_POINTS, random_state=42)
    ax.scatter(points[a], points[b], s=6, alpha=0.5)
    ax.set(xlabel=a, ylabel=b)
    ax.grid(alpha=0.3)


def _unit(dates):
    span = (dates.max() - dates.min()).total_seconds() + 1
    for name, seconds, period in PERIODS:
        if span / seconds <= MAX_PERIODS:
            return name, period
    return PERIODS[-1][0], PERIODS[-1][2]


def draw_line(df, columns, ax, fig):
    date = columns[0]
    times = df[date].dropna()
    unit, period = _unit(times)
    starts = df[date].dt.to_period(period).dt.start_time
    if len(columns) == 2:
        series = df.groupby(starts)[columns[1]].mean()
        ylabel = f"mean {columns[1]}"
    else:
        series = df.groupby(starts).size()
        ylabel = "rows"
    ax.plot(series.index, series.values, marker="o", markersize=2)
    ax.set(xlabel=f"{date} ({unit})", ylabel=ylabel)
    ax.grid(alpha=0.3)


def draw_counts(df, columns, ax, fig):
    s = df[columns[0]]
    counts = s.value_counts()
    top = counts.head(TOP_N)
    labels, values = [str(v) for v in top.index], list(top.values)
    if counts.sum() > top.sum():
        labels.append("other")
        values.append(counts.sum() - top.sum())
    ax.bar(labels, values, color="tab:blue")
    ax.set(xlabel=columns[0], ylabel="rows")
    ax.tick_params(axis="x", labelrotation=30)


def draw_histogram(df, columns, ax, fig):
    values = df[columns[0]].dropna()
    bins = max(5, min(30, math.ceil(math.log2(max(len(values), 1)) + 1)))   # Sturges, 5..30
    ax.hist(values, bins=bins, range=(values.min(), values.max()), color="tab:blue",
            edgecolor="white", linewidth=0.5)
    ax.set(xlabel=columns[0], ylabel="rows")


def draw_means(df, columns, ax, fig):
    category, measure = columns
    groups = df[category].value_counts().head(MAX_GROUPS).index
    means = df[df[category].isin(groups)].groupby(category)[measure].mean().sort_values(ascending=False)
    ax.bar([str(v) for v in means.index], means.values, color="tab:orange")
    ax.set(xlabel=category, ylabel=f"mean {measure}")
    ax.tick_params(axis="x", labelrotation=30)


def draw_charts(df, charts, out):
    folder = out / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n, (kind, title, columns, draw) in enumerate(charts, 1):
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join([kind, *columns]).lower()).strip("-")
        stem = f"{n:02d}-{slug}"
        fig, ax = _figure()
        draw(df, columns, ax, fig)
        ax.set_title(title)
        fig.tight_layout()
        fig.savefig(folder / f"{stem}.png")
        fig.savefig(folder / f"{stem}.svg")
        plt.close(fig)
        made.append({"id": stem, "kind": kind, "title": title, "columns": columns,
                     "png": f"charts/{stem}.png", "svg": f"charts/{stem}.svg"})
    return made


def _since(p0, w0):
    return [round(time.process_time() - p0, 4), round(time.perf_counter() - w0, 4)]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--prepare", metavar="CACHE", type=pathlib.Path, help="write the data files and exit")
    p.add_argument("--lumen-args", metavar="CACHE", type=pathlib.Path,
                   help="print each case and its data file (TSV) and exit")
    p.add_argument("--big", action="store_true", help="with --prepare/--lumen-args: the 5M-row table too")
    p.add_argument("--data", metavar="CACHE", type=pathlib.Path, help="folder written by --prepare")
    p.add_argument("--case", choices=[*CASES, *BIG_CASES], help="the table to analyse")
    p.add_argument("--out", type=pathlib.Path, help="folder for stats.json and charts/")
    p.add_argument("--max-charts", type=int, default=12, help="at most this many charts (default 12)")
    p.add_argument("--report", help="write the phase timings (CPU and wall seconds) as JSON here")
    a = p.parse_args(argv)
    if a.prepare:
        prepare(a.prepare, a.big)
        return 0
    if a.lumen_args:
        lumen_args(a.lumen_args, a.big)
        return 0
    if not (a.data and a.case and a.out):
        p.error("--data CACHE, --case NAME and --out DIR are needed (write the data with --prepare CACHE)")
    data, date_columns = {**CASES, **BIG_CASES}[a.case]

    # The imports are timed here, not at the top, so --prepare/--lumen-args stay light.
    global pd, plt
    p0, w0 = time.process_time(), time.perf_counter()
    import pandas as pd
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    phases = {"import": _since(p0, w0)}

    p0, w0 = time.process_time(), time.perf_counter()
    df = pd.read_csv(a.data / data, parse_dates=date_columns)
    phases["read"] = _since(p0, w0)

    p0, w0 = time.process_time(), time.perf_counter()
    kind = kinds(df)
    stats = statistics(df, kind, a.data / data)
    phases["statistics"] = _since(p0, w0)

    p0, w0 = time.process_time(), time.perf_counter()
    a.out.mkdir(parents=True, exist_ok=True)
    stats["charts"] = draw_charts(df, plan(df, kind, stats, a.max_charts), a.out)
    phases["charts"] = _since(p0, w0)

    with open(a.out / "stats.json", "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, default=str)
    phases["total_after_interpreter_start"] = _since(T0_PROCESS, T0_WALL)
    print(f"{a.case}: {len(df):,} rows, {len(stats['charts'])} charts; "
          + ", ".join(f"{k} {v[0]:.3f} s CPU" for k, v in phases.items()), file=sys.stderr)
    if a.report:
        versions = {"python": sys.version.split()[0], "pandas": pd.__version__,
                    "matplotlib": matplotlib.__version__}
        with open(a.report, "w") as f:
            json.dump({"phases_cpu_wall_s": phases, "charts": len(stats["charts"]),
                       "rows": len(df), "versions": versions}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

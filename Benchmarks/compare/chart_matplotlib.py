"""The Python reference for `lumen chart`: ten everyday charts with pandas + matplotlib, as PNGs.

This is the program a Code Interpreter session would typically write for "make these ten charts
from these CSV files": pandas reads and aggregates each table, matplotlib (Agg backend) draws one
figure of 8 x 5 inches at 100 dpi (800 x 500 pixels) per chart, `savefig` writes the PNG, and the
figure is closed. Each chart is a job of its own (read the CSV, aggregate, draw, save), as each
`lumen chart` run is, so the CSV is read again for every chart. Nothing is tuned for speed, and
nothing is made slow on purpose.

Run it through `Benchmarks/compare/chart`, which creates the venv (numpy, pandas, matplotlib,
Pillow, plotly, vega_datasets), prepares the data, times this whole process and compares it with
one `lumen chart` process per chart. On its own:

    .venv/bin/python chart_matplotlib.py --prepare CACHE     # write the data files into CACHE
    .venv/bin/python chart_matplotlib.py --lumen-args CACHE  # the lumen command of each chart (TSV)
    .venv/bin/python chart_matplotlib.py --data CACHE --out DIR [--size 800x500]
        [--only 01-bar-weather,...] [--report phases.json]

`--prepare` and `--lumen-args` use the standard library only (no pandas or matplotlib import).
The data (`--prepare`), all outside the repository:
  seattle-weather.csv   vega_datasets' seattle-weather (1,461 days of 2012-2015), copied from the
                        wheel (`vega_datasets/_data/seattle-weather.csv`)
  gapminder.csv         plotly's `package_data/datasets/gapminder.csv.gz`, gunzipped (1,704 rows)
  gapminder-2007.csv    its rows of 2007 (142); neither tool has a filter option, so both read
                        this file
  synthetic-200k.csv    200,000 rows made here with Python's `random.Random(2023)`: ts (ISO
                        datetime, increasing over 2023), category (8 strings), value (float),
                        count (int); the same bytes on every machine

The report (`--report`) has CPU (process time) and wall seconds for: the imports (pandas,
matplotlib, pyplot), each chart, `pandas.read_csv` of the 200k file alone ("read-200k", done
last, after the charts) and the total since the interpreter reached this file.
"""

from __future__ import annotations

import time

T0_PROCESS = time.process_time()
T0_WALL = time.perf_counter()

import argparse  # noqa: E402
import csv  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pathlib  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import datetime as dt  # noqa: E402

SYNTHETIC_ROWS = 200_000
CATEGORIES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]

# name -> (data file, title, lumen arguments after DATA). The matplotlib code of each is below,
# in CHART_CODE. Months are calendar months in sequence (one point per month of each year: 48
# for 2012-2015), which is how `--time-unit month` is read here.
CHARTS = {
    "01-bar-weather": ("seattle-weather.csv", "Seattle: days by weather",
                       ["--kind", "bar", "--x", "weather", "--agg", "count"]),
    "02-bar-gdp-continent": ("gapminder-2007.csv", "GDP per capita by continent, 2007 (mean)",
                             ["--kind", "bar", "--x", "continent", "--y", "gdpPercap", "--agg", "mean"]),
    "03-line-temp-month": ("seattle-weather.csv", "Seattle: mean daily high by month",
                           ["--kind", "line", "--x", "date", "--y", "temp_max", "--agg", "mean",
                            "--time-unit", "month"]),
    "04-line-lifeexp-year": ("gapminder.csv", "Life expectancy by continent (mean)",
                             ["--kind", "line", "--x", "year", "--y", "lifeExp", "--agg", "mean",
                              "--color", "continent"]),
    "05-scatter-gdp-lifeexp": ("gapminder-2007.csv", "GDP per capita vs life expectancy, 2007",
                               ["--kind", "scatter", "--x", "gdpPercap", "--y", "lifeExp", "--log-x"]),
    "06-histogram-value": ("synthetic-200k.csv", "200k rows: value",
                           ["--kind", "histogram", "--x", "value", "--bins", "40"]),
    "07-box-temp-weather": ("seattle-weather.csv", "Seattle: daily high by weather",
                            ["--kind", "box", "--x", "weather", "--y", "temp_max"]),
    "08-pie-weather": ("seattle-weather.csv", "Seattle: share of days by weather",
                       ["--kind", "pie", "--x", "weather", "--agg", "count"]),
    "09-area-value-month": ("synthetic-200k.csv", "200k rows: value by month (sum)",
                            ["--kind", "area", "--x", "ts", "--y", "value", "--agg", "sum",
                             "--time-unit", "month"]),
    "10-heatmap-month-weather": ("seattle-weather.csv", "Seattle: days by month and weather",
                                 ["--kind", "heatmap", "--x", "date", "--time-unit", "month",
                                  "--y", "weather", "--agg", "count"]),
}
READ_ONLY = ("read-200k", "synthetic-200k.csv")


# ---- data (standard library only) -----------------------------------------------------------------

def _site_packages_file(module: str, *parts: str) -> pathlib.Path:
    import importlib.util
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"chart_matplotlib.py: the package {module} is not installed")
    return pathlib.Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _write_synthetic(path: pathlib.Path) -> None:
    rng = random.Random(2023)
    start = dt.datetime(2023, 1, 1)
    step = 365 * 86400 / SYNTHETIC_ROWS  # 157.68 s: the rows cover 2023 in order
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        f.write("ts,category,value,count\n")
        for i in range(SYNTHETIC_ROWS):
            ts = start + dt.timedelta(seconds=int(i * step + rng.random() * step))
            c = rng.randrange(len(CATEGORIES))
            value = rng.gauss(50.0 + 5.0 * c, 12.0)
            count = rng.randrange(0, 100)
            f.write(f"{ts.isoformat()},{CATEGORIES[c]},{value:.3f},{count}\n")
    tmp.replace(path)


def prepare(cache: pathlib.Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    seattle = cache / "seattle-weather.csv"
    if not seattle.exists():
        index = json.loads(_site_packages_file("vega_datasets", "local_datasets.json").read_text())
        shutil.copyfile(_site_packages_file("vega_datasets", index["seattle-weather"]), seattle)
    gapminder = cache / "gapminder.csv"
    if not gapminder.exists():
        gz = _site_packages_file("plotly", "package_data", "datasets", "gapminder.csv.gz")
        gapminder.write_bytes(gzip.decompress(gz.read_bytes()))
    g2007 = cache / "gapminder-2007.csv"
    if not g2007.exists():
        with open(gapminder, newline="", encoding="utf-8") as src, \
             open(g2007, "w", newline="", encoding="utf-8") as dst:
            reader = csv.reader(src)
            writer = csv.writer(dst, lineterminator="\n")
            header = next(reader)
            writer.writerow(header)
            year = header.index("year")
            writer.writerows(row for row in reader if row[year] == "2007")
    synthetic = cache / "synthetic-200k.csv"
    if not synthetic.exists():
        _write_synthetic(synthetic)


def lumen_args(cache: pathlib.Path) -> None:
    """One TSV line per chart: name, then the lumen arguments (DATA first; no -o, no --size)."""
    for name, (data, title, args) in CHARTS.items():
        print("\t".join([name, str(cache / data), *args, "--title", title]))
    print("\t".join([READ_ONLY[0], str(cache / READ_ONLY[1]), "--kind", "histogram", "--x", "value"]))


# ---- the charts (pandas + matplotlib) ---------------------------------------------------------------

def _figure(size):
    fig, ax = plt.subplots(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    return fig, ax


def _save(fig, out):
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def bar_weather(path, title, out, size):
    df = pd.read_csv(path)
    counts = df["weather"].value_counts()
    fig, ax = _figure(size)
    ax.bar(counts.index, counts.values, color="tab:blue")
    ax.set(title=title, xlabel="weather", ylabel="count")
    _save(fig, out)


def bar_gdp_continent(path, title, out, size):
    df = pd.read_csv(path)
    means = df.groupby("continent")["gdpPercap"].mean()
    fig, ax = _figure(size)
    ax.bar(means.index, means.values, color="tab:blue")
    ax.set(title=title, xlabel="continent", ylabel="gdpPercap (mean)")
    _save(fig, out)


def line_temp_month(path, title, out, size):
    df = pd.read_csv(path, parse_dates=["date"])
    monthly = df.set_index("date")["temp_max"].resample("MS").mean()
    fig, ax = _figure(size)
    ax.plot(monthly.index, monthly.values, marker="o", markersize=3)
    ax.set(title=title, xlabel="month", ylabel="temp_max (mean)")
    ax.grid(alpha=0.3)
    _save(fig, out)


def line_lifeexp_year(path, title, out, size):
    df = pd.read_csv(path)
    table = df.groupby(["year", "continent"])["lifeExp"].mean().unstack("continent")
    fig, ax = _figure(size)
    for continent in table.columns:
        ax.plot(table.index, table[continent], marker="o", markersize=3, label=continent)
    ax.set(title=title, xlabel="year", ylabel="lifeExp (mean)")
    ax.legend(title="continent")
    ax.grid(alpha=0.3)
    _save(fig, out)


def scatter_gdp_lifeexp(path, title, out, size):
    df = pd.read_csv(path)
    fig, ax = _figure(size)
    ax.scatter(df["gdpPercap"], df["lifeExp"], s=18, alpha=0.8)
    ax.set_xscale("log")
    ax.set(title=title, xlabel="gdpPercap", ylabel="lifeExp")
    ax.grid(alpha=0.3)
    _save(fig, out)


def histogram_value(path, title, out, size):
    df = pd.read_csv(path)
    fig, ax = _figure(size)
    ax.hist(df["value"], bins=40, color="tab:blue", edgecolor="white", linewidth=0.5)
    ax.set(title=title, xlabel="value", ylabel="count")
    _save(fig, out)


def box_temp_weather(path, title, out, size):
    df = pd.read_csv(path)
    groups = df.groupby("weather")["temp_max"]
    names = list(groups.groups)
    fig, ax = _figure(size)
    ax.boxplot([groups.get_group(n).values for n in names], tick_labels=names)
    ax.set(title=title, xlabel="weather", ylabel="temp_max")
    _save(fig, out)


def pie_weather(path, title, out, size):
    df = pd.read_csv(path)
    counts = df["weather"].value_counts()
    fig, ax = _figure(size)
    ax.pie(counts.values, labels=counts.index, autopct="%1.1f%%", startangle=90)
    ax.set(title=title)
    ax.axis("equal")
    _save(fig, out)


def area_value_month(path, title, out, size):
    df = pd.read_csv(path, parse_dates=["ts"])
    monthly = df.set_index("ts")["value"].resample("MS").sum()
    fig, ax = _figure(size)
    ax.fill_between(monthly.index, monthly.values, alpha=0.5)
    ax.plot(monthly.index, monthly.values)
    ax.set(title=title, xlabel="month", ylabel="value (sum)")
    ax.set_ylim(bottom=0)
    _save(fig, out)


def heatmap_month_weather(path, title, out, size):
    df = pd.read_csv(path, parse_dates=["date"])
    table = pd.crosstab(df["weather"], df["date"].dt.to_period("M"))
    fig, ax = _figure(size)
    image = ax.imshow(table.values, aspect="auto", cmap="viridis")
    ax.set_yticks(range(len(table.index)), table.index)
    ticks = range(0, len(table.columns), 6)
    ax.set_xticks(ticks, [str(table.columns[i]) for i in ticks], rotation=45, ha="right")
    ax.set(title=title, xlabel="month", ylabel="weather")
    fig.colorbar(image, ax=ax, label="count")
    _save(fig, out)


CHART_CODE = {
    "01-bar-weather": bar_weather,
    "02-bar-gdp-continent": bar_gdp_continent,
    "03-line-temp-month": line_temp_month,
    "04-line-lifeexp-year": line_lifeexp_year,
    "05-scatter-gdp-lifeexp": scatter_gdp_lifeexp,
    "06-histogram-value": histogram_value,
    "07-box-temp-weather": box_temp_weather,
    "08-pie-weather": pie_weather,
    "09-area-value-month": area_value_month,
    "10-heatmap-month-weather": heatmap_month_weather,
}


def _since(p0, w0):
    return [round(time.process_time() - p0, 4), round(time.perf_counter() - w0, 4)]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--prepare", metavar="CACHE", type=pathlib.Path, help="write the data files and exit")
    p.add_argument("--lumen-args", metavar="CACHE", type=pathlib.Path,
                   help="print the lumen arguments of each chart (TSV) and exit")
    p.add_argument("--data", metavar="CACHE", type=pathlib.Path, help="folder written by --prepare")
    p.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/chart-compare"),
                   help="folder for the PNGs (NN-name.matplotlib.png)")
    p.add_argument("--size", default="800x500", help="WxH in pixels (default 800x500)")
    p.add_argument("--only", help="comma-separated chart names (default: all ten)")
    p.add_argument("--no-read", action="store_true", help="skip the read-200k timing")
    p.add_argument("--report", help="write the phase timings (CPU and wall seconds) as JSON here")
    a = p.parse_args(argv)
    if a.prepare:
        prepare(a.prepare)
        return 0
    if a.lumen_args:
        lumen_args(a.lumen_args)
        return 0
    if not a.data:
        p.error("--data CACHE is needed (write it first with --prepare CACHE)")
    names = a.only.split(",") if a.only else list(CHARTS)
    unknown = [n for n in names if n not in CHARTS]
    if unknown:
        p.error(f"unknown chart(s): {', '.join(unknown)}")
    size = tuple(int(v) for v in a.size.lower().split("x"))
    a.out.mkdir(parents=True, exist_ok=True)

    # The imports are timed here, not at the top, so --prepare/--lumen-args stay light.
    global pd, plt
    p0, w0 = time.process_time(), time.perf_counter()
    import pandas as pd
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    phases = {"import": _since(p0, w0)}

    charts = {}
    for name in names:
        data, title, _ = CHARTS[name]
        p0, w0 = time.process_time(), time.perf_counter()
        CHART_CODE[name](a.data / data, title, a.out / f"{name}.matplotlib.png", size)
        charts[name] = _since(p0, w0)
        print(f"{name}: CPU {charts[name][0]:.3f} s, wall {charts[name][1]:.3f} s", file=sys.stderr)
    phases["charts"] = charts

    if not a.no_read:
        p0, w0 = time.process_time(), time.perf_counter()
        df = pd.read_csv(a.data / READ_ONLY[1])
        phases[READ_ONLY[0]] = _since(p0, w0)
        assert len(df) == SYNTHETIC_ROWS, len(df)
        del df
    phases["total_after_interpreter_start"] = _since(T0_PROCESS, T0_WALL)
    if a.report:
        versions = {"python": sys.version.split()[0], "pandas": pd.__version__,
                    "matplotlib": matplotlib.__version__}
        with open(a.report, "w") as f:
            json.dump({"phases_cpu_wall_s": phases, "versions": versions}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

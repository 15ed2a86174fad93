"""The Python reference for `lumen heatmap`: pandas + plotly, one interactive HTML page per case.

This is the program a Code Interpreter session would typically write for "make an interactive
heatmap of this table": pandas reads (and for a long table pivots) the CSV, `plotly.express.imshow`
draws it, and `fig.write_html(path, include_plotlyjs=True)` writes one self-contained page (no
network, like lumen's). One process makes one heatmap, imports included: that is what each new
job pays. Nothing is tuned for speed, and nothing is made slow on purpose.

Run it through `Benchmarks/compare/heatmap`, which creates the venv (numpy, pandas, plotly),
prepares the data, times one process of this per case from outside and compares it with one
`lumen heatmap` process per case. On its own:

    .venv/bin/python heatmap_plotly.py --prepare CACHE      # write the data files into CACHE
    .venv/bin/python heatmap_plotly.py --lumen-args CACHE   # the cases and lumen's arguments (TSV)
    .venv/bin/python heatmap_plotly.py --data CACHE --case m100 --out m100.plotly.html
        [--report phases.json]

`--prepare` and `--lumen-args` use the standard library only (no pandas or plotly import).
The data (`--prepare`), all outside the repository and the same bytes on every machine:
  m100.csv     100 x 100 matrix: header name,c1..c100, rows r1..r100, values in [0, 100) with
               2 decimals (random.Random(100))
  m1000.csv    1000 x 1000 matrix, the same layout, values with 3 decimals (random.Random(1000))
  hourly.csv   8,760 rows of time,temp: every hour of 2023 (YYYY-MM-DD HH:MM:SS), a made-up
               temperature with a yearly and a daily cycle plus noise, 1 decimal
               (random.Random(2023))

The cases (plotly side; lumen's arguments in CASES):
  m100, m1000         pd.read_csv(path, index_col=0); px.imshow(df)
  pivot-month-hour    pd.read_csv(path, parse_dates=["time"]); pivot_table(index=month,
                      columns=hour, values="temp", aggfunc="mean"); px.imshow(table)
each followed by fig.write_html(out, include_plotlyjs=True).

The report (`--report`) has CPU (process time) and wall seconds for the imports (pandas,
plotly.express), the job (read, pivot, figure, write) and the total since the interpreter reached
this file.
"""

from __future__ import annotations

import time

T0_PROCESS = time.process_time()
T0_WALL = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import pathlib  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import datetime as dt  # noqa: E402

# name -> (data file, lumen arguments after DATA; -o is added by the wrapper)
CASES = {
    "m100": ("m100.csv", []),
    "m1000": ("m1000.csv", []),
    "pivot-month-hour": ("hourly.csv", ["--x", "hour:time", "--y", "month:time", "--value", "temp",
                                        "--agg", "mean"]),
}


# ---- data (standard library only) -----------------------------------------------------------------

def _write_matrix(path: pathlib.Path, size: int, decimals: int, seed: int) -> None:
    rng = random.Random(seed)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("name," + ",".join(f"c{j}" for j in range(1, size + 1)) + "\n")
        for i in range(1, size + 1):
            f.write(f"r{i}," + ",".join(f"{rng.random() * 100:.{decimals}f}" for _ in range(size)) + "\n")
    tmp.replace(path)


def _write_hourly(path: pathlib.Path) -> None:
    rng = random.Random(2023)
    start = dt.datetime(2023, 1, 1)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write("time,temp\n")
        for h in range(365 * 24):
            t = start + dt.timedelta(hours=h)
            day = t.timetuple().tm_yday
            temp = (11.0 - 9.0 * math.cos(2 * math.pi * (day - 20) / 365)
                    - 4.0 * math.cos(2 * math.pi * (t.hour - 3) / 24) + rng.gauss(0.0, 1.5))
            f.write(f"{t:%Y-%m-%d %H:%M:%S},{temp:.1f}\n")
    tmp.replace(path)


def prepare(cache: pathlib.Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "m100.csv").exists():
        _write_matrix(cache / "m100.csv", 100, 2, 100)
    if not (cache / "m1000.csv").exists():
        _write_matrix(cache / "m1000.csv", 1000, 3, 1000)
    if not (cache / "hourly.csv").exists():
        _write_hourly(cache / "hourly.csv")


def lumen_args(cache: pathlib.Path) -> None:
    """One TSV line per case: name, then the lumen arguments (DATA first; no -o)."""
    for name, (data, args) in CASES.items():
        print("\t".join([name, str(cache / data), *args]))


# ---- the heatmaps (pandas + plotly) -----------------------------------------------------------------

def matrix(path, out):
    df = pd.read_csv(path, index_col=0)
    fig = px.imshow(df, aspect="auto", color_continuous_scale="Viridis",
                    labels=dict(x="column", y=df.index.name, color="value"))
    fig.write_html(out, include_plotlyjs=True)


def pivot_month_hour(path, out):
    df = pd.read_csv(path, parse_dates=["time"])
    table = df.pivot_table(index=df["time"].dt.month, columns=df["time"].dt.hour, values="temp",
                           aggfunc="mean")
    fig = px.imshow(table, aspect="auto", color_continuous_scale="Viridis",
                    labels=dict(x="hour(time)", y="month(time)", color="mean(temp)"))
    fig.write_html(out, include_plotlyjs=True)


CASE_CODE = {"m100": matrix, "m1000": matrix, "pivot-month-hour": pivot_month_hour}


def _since(p0, w0):
    return [round(time.process_time() - p0, 4), round(time.perf_counter() - w0, 4)]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--prepare", metavar="CACHE", type=pathlib.Path, help="write the data files and exit")
    p.add_argument("--lumen-args", metavar="CACHE", type=pathlib.Path,
                   help="print the lumen arguments of each case (TSV) and exit")
    p.add_argument("--data", metavar="CACHE", type=pathlib.Path, help="folder written by --prepare")
    p.add_argument("--case", choices=list(CASES), help="the heatmap to make")
    p.add_argument("--out", type=pathlib.Path, help="the HTML page to write")
    p.add_argument("--report", help="write the phase timings (CPU and wall seconds) as JSON here")
    a = p.parse_args(argv)
    if a.prepare:
        prepare(a.prepare)
        return 0
    if a.lumen_args:
        lumen_args(a.lumen_args)
        return 0
    if not (a.data and a.case and a.out):
        p.error("--data CACHE, --case NAME and --out FILE are needed (write the data with --prepare CACHE)")

    # The imports are timed here, not at the top, so --prepare/--lumen-args stay light.
    global pd, px
    p0, w0 = time.process_time(), time.perf_counter()
    import pandas as pd
    import plotly
    import plotly.express as px
    phases = {"import": _since(p0, w0)}

    p0, w0 = time.process_time(), time.perf_counter()
    CASE_CODE[a.case](a.data / CASES[a.case][0], a.out)
    phases["job"] = _since(p0, w0)
    phases["total_after_interpreter_start"] = _since(T0_PROCESS, T0_WALL)
    if a.report:
        versions = {"python": sys.version.split()[0], "pandas": pd.__version__, "plotly": plotly.__version__}
        with open(a.report, "w") as f:
            json.dump({"phases_cpu_wall_s": phases, "versions": versions}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Writes Fixtures/analyze-small.expected.json: what pandas says about Fixtures/analyze-small.csv.

    Benchmarks/compare/.venv/bin/python Fixtures/make_analyze_expected.py          # (re)write it
    Benchmarks/compare/.venv/bin/python Fixtures/make_analyze_expected.py --check  # compare only

(any Python with pandas will do; the venv of Benchmarks/compare has it). The JSON was made once
with this script and is kept beside the CSV, so the tests of `lumen analyze` compare against
pandas without needing Python. `--check` recomputes and exits 1 when a value differs by more
than 1e-12 relative (a newer pandas may move the last bit of a float).

The CSV is written by hand (48 rows, 9 columns, every value chosen; see Fixtures/README.md):
  id        unique integers 1001..1048 without a gap: named like an id and unique, so an
            identifier (pandas' numbers for it are kept, for reference)
  day       ISO dates 2024-03-01..2024-04-18, daily, with one gap (2024-03-20 is absent)
  region    4 categories: north 19, south 12, east 9, west 8 rows
  units     integers with 3 missing cells, one spelling each: empty, NA, N/A
  delta     floats: negatives, zeros (written 0 and 0.0), two outliers (96.5 and -71.25)
  discount  percentages ("12.5%"): read as the numbers in front of the sign (12.5, not 0.125)
  active    booleans true/false (32 true, 16 false)
  note      free text, 17 of 48 filled (more than half missing), "left at door" 4 times, the
            rest unique
  source    the same word ("import") in every row: a constant column

How each value is computed (pandas, default read_csv missing markers, which cover the three
spellings above; none of the other cells is one):
  count      non-missing cells (Series.count, as describe)
  missing    missing cells (isna().sum())
  distinct   distinct non-missing values (nunique)
  mean, std  Series.mean, Series.std (sample, ddof=1)
  min, p25, p50, p75, max   Series.quantile with linear interpolation (describe's default)
  skew       Series.skew() (the adjusted Fisher-Pearson coefficient, as pandas)
  zeros, negatives          cells == 0 and cells < 0
  outliers   cells outside [p25 - 1.5 IQR, p75 + 1.5 IQR] (IQR = p75 - p25; on a fence is inside)
  top, freq  the most frequent value and its count (describe's; every top here is unique);
             booleans written as the file writes them ("true")
  top_values value_counts(): every value with its count, most frequent first
  length_*   characters of the non-missing text cells (all ASCII): min, mean, max
  min/max of the dates as ISO dates; granularity "day"; gaps = days between min and max that
             have no row
  correlations  DataFrame.corr(method="pearson"/"spearman") of units, delta and discount
             (id is left out): pairwise complete observations, so a pair with units uses the
             45 rows where units is present; Spearman ranks ties by their average rank
  duplicate_rows  DataFrame.duplicated().sum()

Floats are written with Python's repr (the shortest text that reads back to the same double).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CSV = HERE / "analyze-small.csv"
EXPECTED = HERE / "analyze-small.expected.json"
NUMERIC = ["id", "units", "delta", "discount"]
CORRELATED = ["units", "delta", "discount"]
# The reading each column was designed for (not computed by pandas; for the reader of the JSON).
INTENDED_KIND = {"id": "identifier", "day": "date", "region": "category", "units": "integer",
                 "delta": "float", "discount": "float", "active": "boolean", "note": "text",
                 "source": "category"}
RELATIVE = 1e-12


def counts(series):
    """value_counts as [{"value", "count"}], most frequent first, ties by value."""
    present = series.dropna()
    if present.dtype.kind == "b":
        present = present.map({True: "true", False: "false"})
    vc = present.astype(str).value_counts()
    items = sorted(vc.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"value": value, "count": int(n)} for value, n in items]


def numeric_column(name, s):
    present = s.dropna()
    q1, q3 = present.quantile(0.25), present.quantile(0.75)
    iqr = q3 - q1
    low, high = q1 - 1.5 * iqr, q3 + 1.5 * iqr
    return {
        "name": name, "intended_kind": INTENDED_KIND[name],
        "count": int(s.count()), "missing": int(s.isna().sum()), "distinct": int(s.nunique()),
        "mean": float(s.mean()), "std": float(s.std()),
        "min": float(present.min()), "p25": float(q1), "p50": float(present.quantile(0.5)),
        "p75": float(q3), "max": float(present.max()), "skew": float(s.skew()),
        "zeros": int((present == 0).sum()), "negatives": int((present < 0).sum()),
        "outliers": int(((present < low) | (present > high)).sum()),
        "outlier_fences": [float(low), float(high)],
    }


def label_column(name, s):
    top_values = counts(s)
    column = {
        "name": name, "intended_kind": INTENDED_KIND[name],
        "count": int(s.count()), "missing": int(s.isna().sum()), "distinct": int(s.nunique()),
        "top": top_values[0]["value"], "freq": top_values[0]["count"], "top_values": top_values,
    }
    if top_values[1:] and top_values[1]["count"] == top_values[0]["count"]:
        raise SystemExit(f"make_analyze_expected.py: {name} has a tie for top: {top_values[:2]}")
    return column


def compute(pd):
    df = pd.read_csv(CSV, parse_dates=["day"])
    # The percent column: the number in front of the sign, as lumen reads "12.5%" (12.5).
    df["discount"] = pd.to_numeric(df["discount"].str.rstrip("%"))
    expected_types = {"id": "int", "units": "float", "delta": "float", "discount": "float", "active": "bool"}
    for name, kind in expected_types.items():
        assert df[name].dtype.kind == kind[0], (name, df[name].dtype)

    columns = []
    for name in df.columns:
        s = df[name]
        if name in NUMERIC:
            columns.append(numeric_column(name, s))
        elif name == "day":
            present = s.dropna()
            every_day = pd.date_range(present.min(), present.max(), freq="D")
            columns.append({
                "name": name, "intended_kind": INTENDED_KIND[name],
                "count": int(s.count()), "missing": int(s.isna().sum()), "distinct": int(s.nunique()),
                "min": present.min().date().isoformat(), "max": present.max().date().isoformat(),
                "granularity": "day", "gaps": int(len(every_day.difference(pd.DatetimeIndex(present)))),
            })
        else:
            column = label_column(name, s)
            if name == "note":
                lengths = s.dropna().str.len()
                column.update(length_min=int(lengths.min()), length_mean=float(lengths.mean()),
                              length_max=int(lengths.max()))
            columns.append(column)

    numeric = df[CORRELATED]
    matrix = lambda method: [[float(v) for v in row] for row in numeric.corr(method=method).values]  # noqa: E731
    return {
        "source": CSV.name,
        "format": "csv",
        "rows": int(len(df)),
        "column_count": int(len(df.columns)),
        "columns": columns,
        "correlations": {"columns": CORRELATED, "pearson": matrix("pearson"), "spearman": matrix("spearman")},
        "duplicate_rows": int(df.duplicated().sum()),
    }


def differences(want, got, where="$"):
    """Paths where two JSON values differ (floats: relative 1e-12)."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = [f"{where}.{k}: missing" for k in want if k not in got]
        out += [f"{where}.{k}: not expected" for k in got if k not in want]
        for k in want:
            if k in got:
                out += differences(want[k], got[k], f"{where}.{k}")
        return out
    if isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return [f"{where}: {len(got)} items, expected {len(want)}"]
        return [d for i, (a, b) in enumerate(zip(want, got)) for d in differences(a, b, f"{where}[{i}]")]
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        if abs(want - got) <= RELATIVE * max(abs(want), abs(got)):
            return []
    return [] if want == got else [f"{where}: {got!r}, expected {want!r}"]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="compare with the file on disk, write nothing")
    a = p.parse_args(argv)
    import pandas as pd

    result = compute(pd)
    made_with = {"python": sys.version.split()[0], "pandas": pd.__version__,
                 "script": "Fixtures/make_analyze_expected.py"}
    if a.check:
        stored = json.loads(EXPECTED.read_text(encoding="utf-8"))
        stored.pop("made_with", None)
        problems = differences(stored, result)
        for problem in problems:
            print(problem)
        print(f"{EXPECTED.name}: {'matches' if not problems else f'{len(problems)} difference(s)'} "
              f"(pandas {pd.__version__})")
        return 1 if problems else 0
    text = json.dumps({"made_with": made_with, **result}, indent=1, ensure_ascii=False) + "\n"
    EXPECTED.write_text(text, encoding="utf-8")
    print(f"wrote {EXPECTED} ({len(text):,} bytes, pandas {pd.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Writes the table fixtures of this folder (see README.md beside it).

    python3 -m venv /tmp/chartvenv
    /tmp/chartvenv/bin/pip install plotly pandas matplotlib vega_datasets openpyxl
    /tmp/chartvenv/bin/python Fixtures/tables/make_fixtures.py            # (re)write them
    /tmp/chartvenv/bin/python Fixtures/tables/make_fixtures.py --check    # compare, write nothing

Only plotly, vega_datasets and openpyxl are imported (pandas is not needed). The two public
datasets are read from the files that ship inside those wheels, so nothing is downloaded:
plotly's `package_data/datasets/tips.csv.gz` and vega_datasets' `_data/seattle-weather.csv`
(the file that `local_datasets.json` names for "seattle-weather"). Their lines are copied
unchanged. The other files are made here from fixed values, so every run writes the same bytes
(the .xlsx too: fixed document times and fixed zip entry times).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import json
import pathlib
import re
import sys
import zipfile

HERE = pathlib.Path(__file__).resolve().parent


# ---- public datasets shipped in wheels ------------------------------------------------------------

def _package_dir(name: str) -> pathlib.Path:
    module = __import__(name)
    return pathlib.Path(module.__file__).resolve().parent


def tips_csv() -> bytes:
    """Header + the first 120 rows of plotly's tips dataset, lines unchanged."""
    path = _package_dir("plotly") / "package_data" / "datasets" / "tips.csv.gz"
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert lines[0] == "total_bill,tip,sex,smoker,day,time,size", lines[0]
    return ("\n".join(lines[:121]) + "\n").encode("utf-8")


def seattle_2012_csv() -> bytes:
    """Header + every 2012 row of vega_datasets' seattle-weather, lines unchanged
    (dates stay in the file's own YYYY/MM/DD form)."""
    root = _package_dir("vega_datasets")
    index = json.loads((root / "local_datasets.json").read_text())
    path = root / index["seattle-weather"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,precipitation,temp_max,temp_min,wind,weather", lines[0]
    rows = [line for line in lines[1:] if line.startswith("2012/")]
    assert len(rows) == 366, len(rows)  # 2012 is a leap year
    return ("\n".join([lines[0], *rows]) + "\n").encode("utf-8")


# ---- sales.xlsx and its expected values -------------------------------------------------------------

REGIONS = ["North", "South", "East", "West"]
PRICES = [19.99, 24.5, 9.75, 14.25]  # unit price per region
MONTHS = 6  # January to June 2024
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def sales_rows():
    """(region, month date, units, revenue, active), 4 regions x 6 months, region-major."""
    rows = []
    for ri, region in enumerate(REGIONS):
        for m in range(1, MONTHS + 1):
            units = 10 * (ri + 1) + m
            revenue = round(units * PRICES[ri], 2)
            active = (ri + m) % 3 != 0
            rows.append((region, dt.date(2024, m, 1), units, revenue, active))
    return rows


def sales_csv() -> bytes:
    out = ["region,month,units,revenue,active"]
    for region, month, units, revenue, active in sales_rows():
        out.append(f"{region},{month.isoformat()},{units},{revenue:.2f},{'true' if active else 'false'}")
    return ("\n".join(out) + "\n").encode("utf-8")


_INLINE_CELL = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t[^>]*>(.*?)</t></is></c>', re.S)


def _shared_strings(sheet: bytes):
    """Rewrites a sheet's inline-string cells (openpyxl 3.1 writes only those) as shared-string
    cells, as Excel writes them. Returns the new sheet XML and the sst part."""
    table, index, refs = [], {}, 0

    def to_shared(m):
        nonlocal refs
        text = m.group(3)  # already XML-escaped; stored escaped the same way in the table
        if text not in index:
            index[text] = len(table)
            table.append(text)
        refs += 1
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % index[text]

    sheet = _INLINE_CELL.sub(to_shared, sheet)
    sst = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           b'count="%d" uniqueCount="%d">' % (refs, len(table))
           + b"".join(b"<si><t>" + t + b"</t></si>" for t in table) + b"</sst>")
    return sheet, sst


def _finish_xlsx(data: bytes) -> bytes:
    """openpyxl's workbook, with: the first sheet's strings as shared strings
    (xl/sharedStrings.xml; the Notes sheet keeps openpyxl's inline strings, so both kinds occur),
    docProps/core.xml's created and modified times pinned (openpyxl stamps 'now' whatever the
    workbook says), and every zip entry's time set to FIXED_TIME."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: src.read(info.filename) for info in src.infolist()}
    order = [info.filename for info in src.infolist()]

    parts["xl/worksheets/sheet1.xml"], sst = _shared_strings(parts["xl/worksheets/sheet1.xml"])
    parts["xl/sharedStrings.xml"] = sst
    order.insert(order.index("xl/worksheets/sheet1.xml") + 1, "xl/sharedStrings.xml")
    ctype = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + ctype + b'"/>'
    assert b"sharedStrings" not in parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override + b"</Types>")
    rels = parts["xl/_rels/workbook.xml.rels"]
    rel = (b'<Relationship Id="rIdSharedStrings" Target="sharedStrings.xml" Type="'
           b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>')
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", rel + b"</Relationships>")

    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    for tag in (b"dcterms:created", b"dcterms:modified"):
        parts["docProps/core.xml"] = re.sub(
            rb"(<" + tag + rb"[^>]*>)[^<]*(</" + tag + rb">)",
            lambda m: m.group(1) + stamp + m.group(2), parts["docProps/core.xml"])

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            fixed = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, parts[name])
    return buffer.getvalue()


def sales_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = "Fixtures/tables/make_fixtures.py"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "Sales"
    ws.append(["region", "month", "units", "revenue", "active"])
    for region, month, units, revenue, active in sales_rows():
        ws.append([region, month, units, float(revenue), bool(active)])
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = "yyyy-mm-dd"   # a real date cell (serial number + date format)
        row[3].number_format = "#,##0.00"
    ws.column_dimensions["B"].width = 12
    notes = wb.create_sheet("Notes")
    notes.append(["Generated by Fixtures/tables/make_fixtures.py; the same values are in sales.csv."])
    notes.append(["Revenue is units times a fixed unit price per region, in US dollars."])
    buffer = io.BytesIO()
    wb.save(buffer)
    return _finish_xlsx(buffer.getvalue())


# ---- small hand-made tables -----------------------------------------------------------------------

def cjk_csv() -> bytes:
    # 2020 census resident population, in units of 10,000 (万), rounded to 0.01.
    rows = [
        ("上海", "2487.09"),
        ("北京", "2189.31"),
        ("重庆", "3205.42"),
        ("广州", "1867.66"),
        ("深圳", "1756.01"),
        ("成都", "2093.78"),
    ]
    out = ["城市,人口(万)"] + [f"{city},{pop}" for city, pop in rows]
    return ("\n".join(out) + "\n").encode("utf-8")


# Semicolon-delimited; every missing-value spelling appears at least once: NA, N/A, empty, -, null.
# Intended reading: price "$1,234.50" -> 1234.5 (dollar sign and thousands commas dropped),
# share "12.5%" -> 12.5 percent (0.125 as a fraction), when "31.01.2024" -> 2024-01-31 (DD.MM.YYYY),
# flag true/false -> booleans.
MESSY = """id;name;price;share;when;flag
1;Widget;$1,234.50;12.5%;31.01.2024;true
2;Gadget;$99.99;3%;15.02.2024;false
3;Sprocket;NA;7.25%;01.03.2024;true
4;Gizmo;$12,000.00;N/A;29.02.2024;false
5;;$5.00;50%;10.04.2024;true
6;Doohickey;$0.75;-;;false
7;Thingamajig;$2,500.10;0.5%;null;NA
8;Whatsit;-;100%;30.06.2024;true
9;Contraption;$310.00;;05.07.2024;N/A
10;Café Crème;$7.40;22.75%;31.12.2024;
"""


def messy_csv() -> bytes:
    return MESSY.encode("utf-8")


# ---- main -----------------------------------------------------------------------------------------

FILES = {
    "tips.csv": tips_csv,
    "seattle-weather-2012.csv": seattle_2012_csv,
    "sales.xlsx": sales_xlsx,
    "sales.csv": sales_csv,
    "cjk.csv": cjk_csv,
    "messy.csv": messy_csv,
}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="compare with the files here; write nothing")
    p.add_argument("--out", type=pathlib.Path, default=HERE, help="folder to write (default: this one)")
    a = p.parse_args(argv)
    bad = 0
    for name, make in FILES.items():
        data = make()
        target = a.out / name
        if a.check:
            same = target.exists() and target.read_bytes() == data
            print(f"{name:28} {'same' if same else 'DIFFERENT'}")
            bad += not same
        else:
            target.write_bytes(data)
            print(f"{name:28} {len(data):7d} bytes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

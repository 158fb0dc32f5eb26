#!/usr/bin/env python3
"""Converts the Markdown table of Công văn 1027/CTK-CSCL (Phụ lục I, as transcribed by dvhcvn/20250701)
into communes-2025-1027-CTK-CSCL.csv: code,name,kind,province_code, in the order of the list.

The province of a row is taken from the heading row above it (the 34 headings are in the order of
provinces-2025-915-CTK-CSCL.csv); the table's own province column is not used because its
spelling varies ("Tp Hải Phòng", split by <br>, sometimes empty).

Usage: python3 convert_communes.py communes-2025-1027-CTK-CSCL.md > communes-2025-1027-CTK-CSCL.csv
"""
import csv, re, sys

KINDS = {"Xã": "commune", "Phường": "ward", "Đặc khu": "special-zone"}

provinces = list(csv.reader(open("provinces-2025-915-CTK-CSCL.csv", encoding="utf-8")))[1:]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "name", "kind", "province_code"])
heading = -1
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("|"):
        continue
    cells = [re.sub(r"\s+", " ", c.replace("<br>", " ")).strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 3:
        continue
    stt, code, name = cells[0], cells[1], cells[2]
    if not stt and not code and name:
        heading += 1
        expected = provinces[heading][2].upper()
        want = expected if expected.startswith("THÀNH PHỐ") else "TỈNH " + expected
        assert name == want, (name, want)
        continue
    if not stt.isdigit():
        continue
    assert re.fullmatch(r"\d{5}", code), code
    assert code not in seen, code
    seen.add(code)
    kind = next(k for p, k in KINDS.items() if name.startswith(p + " "))
    out.writerow([code, name, kind, provinces[heading][1]])
assert heading == 33 and len(seen) == 3321, (heading, len(seen))

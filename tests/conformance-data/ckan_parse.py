"""Reads the DCAT catalog with CKAN's own parser, as a CKAN portal harvesting it would.

Usage: python ckan_parse.py SITE_DIR

Parses SITE_DIR/data/catalog.jsonld (format json-ld) and SITE_DIR/data/catalog.ttl (format turtle)
with ckanext.dcat.processors.RDFParser (profile euro_dcat_ap_3, no CKAN server or database) and
checks that each gives one CKAN dataset per resource of SITE_DIR/data/datapackage.json, with its
title, and with one CKAN resource per distribution whose URL, size and SHA-256 match the file
written in SITE_DIR. Both serialisations must give the same datasets. The catalog is bilingual
(dct:title "…"@vi, "…"@en): a portal whose default locale is Vietnamese reads the Vietnamese
title, one whose default locale is English the English title (`title_translated` in
datapackage.json). Exit 0 = all good.
"""

import hashlib
import json
import sys
from pathlib import Path

from ckantoolkit import config
from ckanext.dcat.processors import RDFParser

FORMATS = 4  # CSV, JSON, CSV for Excel, XLSX


def extras(dataset):
    return {e["key"]: e["value"] for e in dataset.get("extras", [])}


def parse(path, fmt):
    parser = RDFParser()
    parser.parse(path.read_text(encoding="utf-8"), _format=fmt)
    datasets = list(parser.datasets())
    return sorted(datasets, key=lambda d: extras(d).get("uri", ""))


def check(site, path, fmt, package, problems, lang="vi"):
    config["ckan.locale_default"] = lang
    datasets = parse(path, fmt)
    names = [r["name"] for r in package["resources"]]
    titles = {
        r["name"]: r.get("title_translated", {}).get(lang, r["title"])
        for r in package["resources"]
    }
    print(f"{path.name} ({fmt}): {len(datasets)} CKAN datasets")
    if len(datasets) != len(names):
        problems.append(f"{path.name}: {len(datasets)} datasets, expected {len(names)}")
    seen = set()
    for d in datasets:
        uri = extras(d).get("uri", "")
        name = uri.rsplit("/data/", 1)[-1]
        seen.add(name)
        where = f"{path.name}: dataset {uri!r}"
        if name not in titles:
            problems.append(f"{where} is not a resource of datapackage.json")
            continue
        if d.get("title") != titles[name]:
            problems.append(f"{where}: title {d.get('title')!r} != {titles[name]!r}")
        if not d.get("notes"):
            problems.append(f"{where}: no description")
        if not extras(d).get("publisher_name"):
            problems.append(f"{where}: no publisher")
        resources = d.get("resources", [])
        if len(resources) != FORMATS:
            problems.append(f"{where}: {len(resources)} resources, expected {FORMATS}")
        for r in resources:
            url = r.get("download_url") or r.get("url") or ""
            if "/data/" not in url:
                problems.append(f"{where}: resource without a download URL: {r}")
                continue
            local = site / "data" / url.split("/data/", 1)[1]
            if not local.is_file():
                problems.append(f"{where}: {url} is not a file of the site ({local})")
                continue
            data = local.read_bytes()
            if int(r.get("size", -1)) != len(data):
                problems.append(f"{where}: {url} size {r.get('size')} != {len(data)}")
            if r.get("hash") != hashlib.sha256(data).hexdigest():
                problems.append(f"{where}: {url} hash does not match the file")
            for key in ("name", "format", "mimetype", "access_url", "license"):
                if not r.get(key):
                    problems.append(f"{where}: {url} has no {key}")
        print(f"  {name:14} {d.get('title')!r}: {len(resources)} resources "
              f"({', '.join(sorted(r.get('format', '?') for r in resources))})")
    missing = set(names) - seen
    if missing:
        problems.append(f"{path.name}: no dataset for {sorted(missing)}")
    return datasets


def comparable(datasets):
    def norm(d):
        d = dict(d)
        d["extras"] = sorted((e["key"], e["value"]) for e in d.get("extras", []))
        d["tags"] = sorted(t["name"] for t in d.get("tags", []))
        d["resources"] = sorted(json.dumps(r, sort_keys=True) for r in d.get("resources", []))
        return json.dumps(d, sort_keys=True, ensure_ascii=False)
    return [norm(d) for d in datasets]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = Path(sys.argv[1])
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    problems = []
    from_jsonld = check(site, site / "data" / "catalog.jsonld", "json-ld", package, problems)
    from_turtle = check(site, site / "data" / "catalog.ttl", "turtle", package, problems)
    if comparable(from_jsonld) != comparable(from_turtle):
        problems.append("catalog.jsonld and catalog.ttl give different CKAN datasets")
    # The same catalog read by a portal whose default language is English.
    english = check(site, site / "data" / "catalog.jsonld", "json-ld", package, problems, "en")
    if [d.get("title") for d in english] == [d.get("title") for d in from_jsonld]:
        problems.append("an English portal reads the same titles as a Vietnamese one")
    for p in problems:
        print("PROBLEM:", p)
    print("ckanext-dcat:", "OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

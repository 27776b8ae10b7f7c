#!/usr/bin/env python3
"""Counts the test cases of one `bazel test` run from its build event file.

Usage: test_summary.py BEP_JSON

Reads the Build Event Protocol JSON that `bazel test --build_event_json_file`
wrote, finds each test target's test.xml for this run, and counts its
<testcase> elements. A target that failed without a failing case in its XML
(a crash, a timeout, a build failure) counts as one failure. Prints one line
per failing target, then "N passed, N failed" as the last line.
"""

import json
import sys
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlparse

GOOD = {"PASSED", "FLAKY"}


def cases(xml_path):
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError):
        return None
    passed = failed = skipped = 0
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.get("status") == "notrun" or case.get("result") == "skipped" or case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def main(path):
    status, xml, tests = {}, {}, set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            ev = json.loads(line)
            eid = ev.get("id", {})
            if "testSummary" in eid:
                status[eid["testSummary"]["label"]] = ev.get("testSummary", {}).get("overallStatus", "NO_STATUS")
            elif "testResult" in eid:
                label = eid["testResult"]["label"]
                for out in ev.get("testResult", {}).get("testActionOutput", []):
                    if out.get("name") == "test.xml" and out.get("uri", "").startswith("file://"):
                        xml.setdefault(label, []).append(unquote(urlparse(out["uri"]).path))
            elif "targetConfigured" in eid and "testSize" in ev.get("configured", {}):
                tests.add(eid["targetConfigured"]["label"])
            elif "targetCompleted" in eid:
                label = eid["targetCompleted"]["label"]
                if label in tests and not ev.get("completed", {}).get("success", False):
                    status.setdefault(label, "FAILED_TO_BUILD")
    total_p = total_f = total_s = 0
    for label in sorted(set(status) | set(xml) | tests):
        st = status.get(label, "NO_STATUS")
        p = f = s = 0
        parsed = False
        for x in xml.get(label, []):
            c = cases(x)
            if c:
                parsed = True
                p, f, s = p + c[0], f + c[1], s + c[2]
        if st in GOOD:
            if not parsed:
                p += 1
        else:
            f = max(f, 1)
            print(f"FAILED  {label}  ({st})")
        total_p, total_f, total_s = total_p + p, total_f + f, total_s + s
    print(f"skipped cases: {total_s}")
    print(f"{total_p} passed, {total_f} failed")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Print a gold file's mentions compactly, for review: chain, P (proper) or -, text | head."""
import json, sys
for path in sys.argv[1:]:
    d = json.load(open(path, encoding="utf-8"))
    print("; ".join("%s %s %r|%s" % (m["entity"], "P" if m["proper"] else "-", m["text"], m["head"]) for m in d["mentions"]))

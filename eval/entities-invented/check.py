#!/usr/bin/env python3
"""Check the entity gold in this folder; exit 1 on any problem.

For every NAME.json: its text equals NAME.txt and the acts set's NAME.txt (when there is one); every
mention's text equals its slice (code points, end exclusive); its head lies inside
it; types are person, organization or place and one per chain; mentions do not
cross (they nest or are disjoint); the entity list agrees with the mentions; and
the JSON is what build.py makes from src/NAME.ann.
Usage: python3 check.py [SET_FOLDER]   (default: this folder)
"""
import json, os, subprocess, sys

# The set's folder: this script's own, or the one given on the command line.
HERE = next((os.path.abspath(a) for a in sys.argv[1:] if not a.startswith("--")),
            os.path.dirname(os.path.abspath(__file__)))
TEXTS = os.path.join(HERE, "..", os.path.basename(HERE).replace("entities", "acts"))
KINDS = {"person", "organization", "place"}
FIELDS = ("start", "end", "text", "type", "entity", "proper", "wiki", "head_start", "head_end")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check_doc(name):
    problems = []
    doc = json.loads(read(os.path.join(HERE, name + ".json")))
    text = doc.get("text")
    if not isinstance(text, str):
        return ["no text"]
    acts_text = os.path.join(TEXTS, name + ".txt")
    others = [os.path.join(HERE, name + ".txt")]
    if os.path.isdir(TEXTS) and os.path.exists(acts_text):  # a set of entities alone has no acts twin
        others.append(acts_text)
    for other in others:
        if not os.path.exists(other) or read(other) != text:
            problems.append("text differs from %s" % os.path.relpath(other, HERE))
    chain_type = {}
    spans = []
    for i, m in enumerate(doc.get("mentions", [])):
        missing = [f for f in FIELDS if f not in m]
        if missing:
            problems.append("mention %d lacks %s" % (i, ", ".join(missing)))
            continue
        s, e, hs, he = m["start"], m["end"], m["head_start"], m["head_end"]
        if not (0 <= s < e <= len(text)):
            problems.append("mention %d: bad span %d..%d" % (i, s, e))
            continue
        if text[s:e] != m["text"]:
            problems.append("mention %d: text %r is not its slice %r" % (i, m["text"], text[s:e]))
        if not (s <= hs < he <= e):
            problems.append("mention %d %r: head %d..%d outside it" % (i, m["text"], hs, he))
        if m["type"] not in KINDS:
            problems.append("mention %d %r: type %r" % (i, m["text"], m["type"]))
        if chain_type.setdefault(m["entity"], m["type"]) != m["type"]:
            problems.append("chain %s has two types" % m["entity"])
        if not isinstance(m["proper"], bool):
            problems.append("mention %d: proper is not a boolean" % i)
        spans.append((s, e))
    for a in spans:
        for b in spans:
            if a[0] < b[0] < a[1] < b[1]:
                problems.append("mentions %r and %r cross" % (text[a[0]:a[1]], text[b[0]:b[1]]))
    counted = {}
    for m in doc.get("mentions", []):
        counted[m["entity"]] = counted.get(m["entity"], 0) + 1
    listed = {e["entity"]: e["mentions"] for e in doc.get("entities", [])}
    if listed != counted:
        problems.append("entity list does not agree with the mentions")
    return problems


def main():
    names = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".json"))
    if not names:
        sys.exit("check: no NAME.json here")
    bad = 0
    for name in names:
        for p in check_doc(name):
            print("check: %s: %s" % (name, p))
            bad += 1
    built = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "build.py"), "--check", HERE], capture_output=True, text=True)
    if built.returncode != 0:
        print(built.stdout.strip() or built.stderr.strip())
        bad += 1
    print("check: %d documents, %d problems" % (len(names), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

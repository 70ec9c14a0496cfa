#!/usr/bin/env python3
"""Check the invented acts gold: every NAME.json against its NAME.txt.

Checks the acts-gold/1 shape (see ../../../shared/data/acts-dev/GUIDELINES.md
for the rules the gold follows), that every span's text equals its slice of
the article (offsets are Python code points, end exclusive), that spans carry
no outer spaces, that a trigger lies inside its sentence, and that each article
is 350 to 700 words long. Prints one line per problem and exits 1 if any.

    python3 eval/acts-invented/check.py [SET_FOLDER]   (default: this folder)
"""
import json, os, sys

# The set's folder: this script's own, or the one given on the command line.
HERE = next((os.path.abspath(a) for a in sys.argv[1:] if not a.startswith("--")),
            os.path.dirname(os.path.abspath(__file__)))
COMMIT_KINDS = {"pledge", "intent", "demand"}
QUOTE_KINDS = {"direct", "indirect"}


def check_span(text, sp, where, problems):
    if not isinstance(sp, dict) or set(sp) != {"start", "end", "text"}:
        problems.append(f"{where}: not a span object: {sp!r}")
        return False
    a, b = sp["start"], sp["end"]
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
        problems.append(f"{where}: bad offsets {a}..{b}")
        return False
    if text[a:b] != sp["text"]:
        problems.append(f"{where}: text {sp['text']!r} != slice {text[a:b]!r}")
        return False
    if sp["text"] != sp["text"].strip():
        problems.append(f"{where}: outer spaces in {sp['text']!r}")
    return True


def check_names(item, key, where, problems):
    if not isinstance(item.get(key), str) or not item[key].strip():
        problems.append(f"{where}: {key} missing")
    alt = item.get(key + "_alt")
    if alt is not None and not (isinstance(alt, list) and all(isinstance(x, str) and x for x in alt)):
        problems.append(f"{where}: {key}_alt must be a list of names")


def check_doc(name, problems):
    text = open(os.path.join(HERE, name + ".txt"), encoding="utf-8").read()
    gold = json.load(open(os.path.join(HERE, name + ".json"), encoding="utf-8"))
    if gold.get("doc") != name:
        problems.append(f"{name}: doc is {gold.get('doc')!r}")
    if gold.get("text_length") != len(text):
        problems.append(f"{name}: text_length {gold.get('text_length')} != {len(text)}")
    words = len(text.split())
    if not 350 <= words <= 700:
        problems.append(f"{name}: {words} words, not 350-700")
    for i, c in enumerate(gold.get("commitments", [])):
        where = f"{name} commitment {i} ({c.get('trigger', {}).get('text')!r})"
        if c.get("kind") not in COMMIT_KINDS:
            problems.append(f"{where}: kind {c.get('kind')!r}")
        check_names(c, "actor", where, problems)
        if "counterpart" not in c or not (c["counterpart"] is None or isinstance(c["counterpart"], str)):
            problems.append(f"{where}: counterpart must be a name or null")
        ok = all([check_span(text, c.get(k), f"{where} {k}", problems) for k in ("trigger", "content", "sentence")])
        if ok:
            s, t = c["sentence"], c["trigger"]
            if not (s["start"] <= t["start"] and t["end"] <= s["end"]):
                problems.append(f"{where}: trigger outside its sentence")
        if "optional" in c and c["optional"] is not True:
            problems.append(f"{where}: optional must be true or absent")
    for i, q in enumerate(gold.get("quotes", [])):
        where = f"{name} quote {i} ({q.get('span', {}).get('text', '')[:30]!r})"
        if q.get("kind") not in QUOTE_KINDS:
            problems.append(f"{where}: kind {q.get('kind')!r}")
        check_names(q, "speaker", where, problems)
        if "cue" not in q:
            problems.append(f"{where}: cue missing (null when only a caption names the speaker)")
        elif q["cue"] is not None:
            check_span(text, q["cue"], f"{where} cue", problems)
        check_span(text, q.get("span"), f"{where} span", problems)
        if "optional" in q and q["optional"] is not True:
            problems.append(f"{where}: optional must be true or absent")


def main():
    names = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".json"))
    problems = []
    for name in names:
        if not os.path.exists(os.path.join(HERE, name + ".txt")):
            problems.append(f"{name}: no {name}.txt")
            continue
        check_doc(name, problems)
    for p in problems:
        print(p)
    print(f"{len(names)} documents, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the acts gold NAME.json (acts-gold/1) from spec/NAME.acts, and NAME.txt.

NAME.txt is the article text of the entity set's src/NAME.ann with the entity
markup removed (the markup file is the one place the text is written). The
entity set is the acts folder's sibling named with "entities" for "acts"
(acts-invented-2 -> entities-invented-2, genres-acts -> genres-entities).
A set with no entity sibling for an article (acts-invented-6) keeps the
article as written in its own NAME.txt, which is read and left as it is.

spec/NAME.acts has one item a line, fields split by " | ":
  C kind | actor | actor_alt (";"-separated, or -) | counterpart (or -) | trigger | content | opt | note
  Q kind | speaker | speaker_alt (or -) | cue (or -) | span | opt | note
`opt` is "opt" or empty; note may be empty. Lines starting with # are comments.
trigger, content, cue and span are locators: a string that occurs exactly once
in the article, or `left[[text]]right` where `lefttextright` occurs once and
the span is `text`. A commitment's sentence is the article sentence holding its
trigger (sentences: lines, split after . ! ? and a closing quote before a capital
or an opening quote).

Usage: python3 eval/acts-invented-2/build.py [ACTS_FOLDER]
(rewrites every NAME.txt and NAME.json of ACTS_FOLDER, by default this one)
"""
import json, os, re, sys

HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ANN = os.path.join(os.path.dirname(HERE), os.path.basename(HERE).replace("acts", "entities"), "src")
ABBREV = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "No.")


class SpecError(Exception):
    pass


def strip_markup(markup):
    body = markup.partition("\n%%\n")[2]
    body = re.sub(r"\[[a-z0-9_]+(?:/[pn])? ", "", body)
    return body.replace("]", "").replace("^", "")


def sentences(text):
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in re.finditer(r"[.!?][\"”’]?(?= +[\"“A-Z0-9])", line):
            end = m.end()
            if any(line[:end].endswith(a) for a in ABBREV):
                continue
            seg = line[start - pos:end]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                out.append((start + lead, pos + end))
            start = pos + end
        seg = line[start - pos:]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((start + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def locate(text, loc, name):
    if "[[" in loc:
        left, rest = loc.split("[[", 1)
        mid, right = rest.split("]]", 1)
    else:
        left, mid, right = "", loc, ""
    whole = left + mid + right
    hits = [m.start() for m in re.finditer(re.escape(whole), text)]
    if len(hits) != 1:
        raise SpecError("%s: locator %r found %d times" % (name, loc, len(hits)))
    s = hits[0] + len(left)
    return {"start": s, "end": s + len(mid), "text": mid}


def names_list(field):
    return [] if field in ("-", "") else [x.strip() for x in field.split(";")]


def build(name):
    ann = os.path.join(ANN, name + ".ann")
    if os.path.exists(ann):
        with open(ann, encoding="utf-8") as f:
            text = strip_markup(f.read())
    else:
        with open(os.path.join(HERE, name + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
    sents = sentences(text)
    commitments, quotes = [], []
    with open(os.path.join(HERE, "spec", name + ".acts"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ")]
            where = "%s line %d" % (name, n)
            tag, kind = parts[0].split()
            if tag == "C":
                if len(parts) < 6:
                    raise SpecError("%s: too few fields" % where)
                item = {"kind": kind, "actor": parts[1]}
                if names_list(parts[2]):
                    item["actor_alt"] = names_list(parts[2])
                item["counterpart"] = None if parts[3] == "-" else parts[3]
                item["trigger"] = locate(text, parts[4], where)
                item["content"] = locate(text, parts[5], where)
                t = item["trigger"]
                sent = [s for s in sents if s[0] <= t["start"] and t["end"] <= s[1]]
                if len(sent) != 1:
                    raise SpecError("%s: trigger in %d sentences" % (where, len(sent)))
                a, b = sent[0]
                item["sentence"] = {"start": a, "end": b, "text": text[a:b]}
                rest = parts[6:]
                out = commitments
            elif tag == "Q":
                if len(parts) < 5:
                    raise SpecError("%s: too few fields" % where)
                item = {"kind": kind, "speaker": parts[1]}
                if names_list(parts[2]):
                    item["speaker_alt"] = names_list(parts[2])
                item["cue"] = None if parts[3] == "-" else locate(text, parts[3], where)
                item["span"] = locate(text, parts[4], where)
                rest = parts[5:]
                out = quotes
            else:
                raise SpecError("%s: tag %r" % (where, tag))
            if rest and rest[0] == "opt":
                item["optional"] = True
            if len(rest) > 1 and rest[1]:
                item["note"] = " | ".join(rest[1:])
            out.append(item)
    gold = {"doc": name, "text_length": len(text), "commitments": commitments, "quotes": quotes}
    return text, gold


def main():
    bad = 0
    for f in sorted(os.listdir(os.path.join(HERE, "spec"))):
        if not f.endswith(".acts"):
            continue
        name = f[:-5]
        try:
            text, gold = build(name)
        except (SpecError, OSError, ValueError) as e:
            print("build: %s" % e)
            bad += 1
            continue
        with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="") as out:
            out.write(text)
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as out:
            out.write(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the entity gold NAME.json (and NAME.txt) from the inline markup src/NAME.ann.

Markup (see README.md):
  header lines  `@chain type` (person, organization or place), then a line `%%`;
  after it, the article text exactly, with each mention written `[chain text]`,
  nested freely; `[chain/p text]` or `[chain/n text]` forces proper / not proper;
  `^` before a word marks the mention's head (default: the last word before the
  first comma, preposition or relative pronoun; proper = head capitalised and
  not a pronoun).
The text with the markup removed must equal the acts set's NAME.txt exactly, when the
acts set of the same name has one (a set of entities alone has no acts twin).

Usage: python3 build.py [SET_FOLDER]          (rebuilds every NAME.json and NAME.txt)
       python3 build.py --check [SET_FOLDER]  (exit 1 if a NAME.json differs from what the markup gives)
SET_FOLDER defaults to this folder; its articles are in the acts set of the same name.
"""
import json, os, re, sys

# The set's folder: this script's own, or the one given on the command line.
HERE = next((os.path.abspath(a) for a in sys.argv[1:] if not a.startswith("--")),
            os.path.dirname(os.path.abspath(__file__)))
# The articles: the acts set of the same name ("entities-invented-2" -> "acts-invented-2").
TEXTS = os.path.join(HERE, "..", os.path.basename(HERE).replace("entities", "acts"))
KINDS = {"person", "organization", "place"}
PRONOUNS = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
            "yours", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
            "itself", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose",
            "which", "that", "this", "these", "those", "here", "there",
            "nobody", "anybody", "anyone", "everybody", "everyone", "somebody", "someone"}
CUT = re.compile(r",\s|;|\s\(|\s(?:of|in|at|for|from|on|with|to|who|whom|whose|which|that|where|when|under|near|by|about|across|along|between|into)\s")
EDGE = "\"'“”‘’(),.;:!?"


class MarkupError(Exception):
    pass


def word_span(text, s, e):
    """The span of the word starting at s (within e), without edge punctuation or a possessive."""
    j = s
    while j < e and not text[j].isspace():
        j += 1
    while j > s and text[j - 1] in EDGE and not (text[j - 1] == "." and j - s > 1 and text[s:j].count(".") > 1):
        j -= 1
    for p in ("'s", "’s", "'", "’"):
        if text[s:j].endswith(p) and j - s > len(p):
            j -= len(p)
            break
    while s < j and text[s] in EDGE:
        s += 1
    return s, j


def default_head(text, s, e):
    m = CUT.search(text, s, e)
    cut = m.start() if m and m.start() > s else e
    words = [w for w in re.finditer(r"\S+", text[s:cut])]
    w = words[-1] if words else re.search(r"\S+", text[s:e])
    return word_span(text, s + w.start(), e)


def parse(name, markup):
    head_part, sep, body = markup.partition("\n%%\n")
    if not sep:
        raise MarkupError("%s: no `%%%%` line after the header" % name)
    types = {}
    for line in head_part.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"@([a-z0-9_]+)\s+(\w+)", line)
        if not m or m.group(2) not in KINDS:
            raise MarkupError("%s: bad header line %r" % (name, line))
        if m.group(1) in types:
            raise MarkupError("%s: chain %s declared twice" % (name, m.group(1)))
        types[m.group(1)] = m.group(2)
    out, stack, mentions = [], [], []
    pos = 0  # code points written
    i = 0
    while i < len(body):
        c = body[i]
        if c == "[":
            m = re.match(r"\[([a-z0-9_]+)(?:/([pn]))? ", body[i:])
            if not m:
                raise MarkupError("%s: bad mention opening at %r" % (name, body[i:i + 30]))
            if m.group(1) not in types:
                raise MarkupError("%s: chain %s not declared" % (name, m.group(1)))
            stack.append({"chain": m.group(1), "flag": m.group(2), "start": pos, "head": None})
            i += m.end()
            continue
        if c == "]":
            if not stack:
                raise MarkupError("%s: `]` without `[` near %r" % (name, body[max(0, i - 30):i + 1]))
            top = stack.pop()
            top["end"] = pos
            mentions.append(top)
        elif c == "^":
            if not stack:
                raise MarkupError("%s: `^` outside a mention near %r" % (name, body[max(0, i - 30):i + 1]))
            stack[-1]["head"] = pos
        else:
            out.append(c)
            pos += 1
        i += 1
    if stack:
        raise MarkupError("%s: unclosed mention of %s" % (name, stack[-1]["chain"]))
    text = "".join(out)
    result = []
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        s, e = m["start"], m["end"]
        if s >= e or text[s].isspace() or text[e - 1].isspace():
            raise MarkupError("%s: empty or space-edged mention %r" % (name, text[s:e]))
        hs, he = word_span(text, m["head"], e) if m["head"] is not None else default_head(text, s, e)
        head = text[hs:he]
        proper = head[:1].isupper() and head.lower() not in PRONOUNS
        if m["flag"]:
            proper = m["flag"] == "p"
        result.append({"start": s, "end": e, "text": text[s:e], "type": types[m["chain"]],
                       "entity": m["chain"], "proper": proper, "wiki": None, "head": head,
                       "head_start": hs, "head_end": he})
    used = {m["entity"] for m in result}
    unused = set(types) - used
    if unused:
        raise MarkupError("%s: declared chains without mentions: %s" % (name, ", ".join(sorted(unused))))
    return text, result


def entities(mentions):
    out = {}
    for m in mentions:
        e = out.setdefault(m["entity"], {"entity": m["entity"], "type": m["type"], "name": None,
                                           "wiki": None, "mentions": 0, "proper_mentions": 0})
        e["mentions"] += 1
        if m["proper"]:
            e["proper_mentions"] += 1
            if e["name"] is None or len(m["text"]) > len(e["name"]):
                e["name"] = m["text"]
    for m in mentions:
        if out[m["entity"]]["name"] is None:
            out[m["entity"]]["name"] = m["text"]
    return list(out.values())


def build(name):
    with open(os.path.join(HERE, "src", name + ".ann"), encoding="utf-8") as f:
        markup = f.read()
    text, mentions = parse(name, markup)
    acts_text = os.path.join(TEXTS, name + ".txt")
    if not os.path.exists(acts_text):  # an entities-only set: the markup is the text
        acts_text = None
    original = text
    if acts_text:
        with open(acts_text, encoding="utf-8", newline="") as f:
            original = f.read()
    if text != original:
        k = next((i for i, (a, b) in enumerate(zip(text, original)) if a != b), min(len(text), len(original)))
        raise MarkupError("%s: text without markup differs from %s/%s.txt at %d: %r vs %r"
                          % (name, os.path.basename(TEXTS), name, k, text[k - 20:k + 20], original[k - 20:k + 20]))
    return {"doc": name, "source": "invented by the gloss team (eval/%s); gold: entities-invented/1, CC0"
            % os.path.basename(TEXTS),
            "text": text, "mentions": mentions, "entities": entities(mentions)}


def names():
    return sorted(f[:-4] for f in os.listdir(os.path.join(HERE, "src")) if f.endswith(".ann"))


def main():
    check = "--check" in sys.argv[1:]
    bad = 0
    for name in names():
        try:
            doc = build(name)
        except MarkupError as e:
            print("build: %s" % e)
            bad += 1
            continue
        js = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        path = os.path.join(HERE, name + ".json")
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == js
            except OSError:
                same = False
            if not same:
                print("build: %s.json is not what src/%s.ann gives (run build.py)" % (name, name))
                bad += 1
            continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(js)
        with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(doc["text"])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

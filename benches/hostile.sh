#!/bin/sh
# Hostile inputs: about 5 MB each of the nesting and the note counts that
# once made gloss's parsers quadratic. Generates them in a temporary folder
# and prints the wall time and peak memory of `gloss text`, `gloss annotate`
# and `gloss render` on each (GNU time's "%e s %M KB"). Not a test: it
# prints numbers, to be compared with benches/README.md.
#
#   benches/hostile.sh [path/to/gloss]   # default: target/release/gloss
#
# Needs python3 (to generate the inputs) and /usr/bin/time.
set -eu
gloss=$(realpath "${1:-target/release/gloss}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

python3 - <<'EOF'
size = 5 << 20

def fill(unit, head="", tail=""):
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail

def nested(open_, close, middle):
    n = (size - len(middle)) // (len(open_) + len(close))
    return open_ * n + middle + close * n

pages = {
    "html-deep.html": nested("<div>", "</div>", "deep text"),
    "html-unclosed.html": fill("<div><p><b>", "<!doctype html><body>", "text"),
    "html-formatting.html": "".join(
        f"<p><b id={i}>x" for i in range(size // 16)),
    "html-links.html": fill("<a href=x>y"),
    "html-tables.html": fill("<table><tr><td>"),
    "md-lists.md": fill("- ", "", "x\n"),
    "md-ordered.md": fill("1. ", "", "x\n"),
    "md-quotes.md": fill("> ", "", "x\n"),
    "md-quotes-lazy.md": ">" * 100_000 + " x\n" + fill("lazy\n")[100_004:],
    "md-lists-breaks.md": "- " * 1_000 + "x\\\n" + fill("y\\\n")[2_004:],
    "md-emphasis.md": nested("*", "*", "x"),
    "md-strong.md": nested("**", "**", "x"),
    "md-links.md": nested("[", "](u)", "x"),
    "md-brackets.md": nested("[", "]", "x"),
}
for name, text in pages.items():
    with open(name, "w") as f:
        f.write(text)

# A short article for the sidecar below.
article = "The minister met the envoy in Paris. " * 2_000
with open("notes.txt", "w") as f:
    f.write(article)
EOF

# A sidecar of 100,000 notes beside it, on the article's own text.
python3 - <<'EOF'
text = open("notes.txt", encoding="utf-8").read()
# FNV-1a 64 over the UTF-8 bytes, as core/src/store/hash.rs computes it.
h = 0xcbf29ce484222325
for b in text.encode():
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
with open("notes.txt.gloss.toml", "w") as f:
    f.write('schema = "gloss.sidecar/1"\n')
    f.write(f'text_hash = "fnv1a64:{h:016x}"\n')
    step = len("The minister met the envoy in Paris. ")
    for i in range(100_000):
        start = (i % 2_000) * step + 4
        f.write(f'\n[[notes]]\nid = "n{i + 1}"\nbody = "Note {i}."\n\n'
                f'[notes.target]\ntype = "span"\nstart = {start}\nend = {start + 8}\n'
                f'exact = "minister"\n')
EOF
# The same notes on an edited article: each must be placed again. Recorded
# without context, every one becomes an orphan (a short quote needs its
# context to agree); with context as gloss writes it, every one is placed.
sed 's/Paris/Rome/' notes.txt >edited.txt
cp notes.txt.gloss.toml edited.txt.gloss.toml
python3 - <<'EOF'
text = open("notes.txt", encoding="utf-8").read()
with open("context.txt.gloss.toml", "w") as f:
    for line in open("notes.txt.gloss.toml", encoding="utf-8"):
        f.write(line)
        if line.startswith("start = "):
            start = int(line.split("=")[1])
        if line.startswith("exact = "):
            end = start + 8
            f.write(f'prefix = "{text[max(0, start - 32):start]}"\n'
                    f'suffix = "{text[end:end + 32]}"\n')
EOF
cp edited.txt context.txt

measure() {
    label=$1
    shift
    /usr/bin/time -f "%e s %M KB" -o time.out "$@" >/dev/null 2>&1 || true
    printf '%-26s %-9s %s\n' "$label" "$(du -k "$file" | cut -f1) KB" "$(cat time.out)"
}

for file in *.html *.md; do
    measure "text $file" "$gloss" text "$file"
    measure "annotate $file" "$gloss" annotate --no-sidecar "$file"
    measure "render $file" "$gloss" render --no-sidecar "$file" --keys 'G'
done
for file in notes.txt edited.txt context.txt; do
    side="$file.gloss.toml"
    file=$side measure "annotate $side" "$gloss" annotate "$file"
    file=$side measure "render $side" "$gloss" render "$file" --keys 'G'
done

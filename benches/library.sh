#!/bin/sh
# The library at corpus size: builds a folder of N articles (default
# 10,000: the GUM dev texts beside the repository, else sample/*.txt, each
# copy numbered so that no two are the same), then prints the wall time and
# peak memory (GNU time's "%e s %M KB") of
#   1. `gloss index DIR` on a fresh index (every article annotated, in
#      parallel, one job per core);
#   2. `gloss index DIR` again (nothing changed: nothing is annotated);
#   3. opening the library on it, as `gloss render DIR` (the index brought
#      up to date, then the list drawn), three times;
#   4. `gloss actors DIR --format csv` and `gloss actor NAME DIR`.
# Not a test: it prints numbers, to be compared with benches/README.md.
#
#   benches/library.sh [path/to/gloss] [N]   # default: target/release/gloss 10000
#
# Needs /usr/bin/time.
set -eu
gloss=$(realpath "${1:-target/release/gloss}")
n=${2:-10000}
repo=$(pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/news" "$dir/data"
set -- "$repo"/../shared/data/gum-news-dev/*.txt
[ -e "$1" ] || set -- "$repo"/sample/*.txt
i=0
while [ "$i" -lt "$n" ]; do
    for f in "$@"; do
        [ "$i" -lt "$n" ] || break
        { echo "Report $i"; echo; cat "$f"; } > "$dir/news/$(printf 'a%05d' "$i").txt"
        i=$((i + 1))
    done
done
echo "$n articles, $(du -sh "$dir/news" | cut -f1) in $dir/news"
export GLOSS_DATA_DIR="$dir/data"
run() {
    label=$1
    shift
    /usr/bin/time -f "$label: %e s %M KB" "$@" > /dev/null 2> "$dir/err" || { cat "$dir/err"; exit 1; }
    tail -n 1 "$dir/err"
}
run "index (fresh)" "$gloss" index "$dir/news"
run "index (unchanged)" "$gloss" index "$dir/news"
for k in 1 2 3; do
    run "open the library ($k)" "$gloss" render "$dir/news" --size 120x40
done
run "actors --format csv" "$gloss" actors "$dir/news" --format csv
run "actor \"United States\"" "$gloss" actor "United States" "$dir/news" --format markdown
echo "index: $(du -h "$dir/data/gloss.sqlite" | cut -f1)"

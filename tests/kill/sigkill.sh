#!/usr/bin/env bash
# SIGKILL during saves, through the real binary: starts `gloss render --keys`
# processes that add one note after another (each note is saved at once) and
# kills each with SIGKILL at a random moment, KILLS times (default 1000).
# After every kill the sidecar must parse (as TOML and for gloss itself), and
# every note it ever held must still be there, whole. Not part of `cargo test`
# or CI (it takes minutes); run it by hand after touching the store:
#
#   tests/kill/sigkill.sh [KILLS]
#
# Prints the kills made, the notes committed and the temporary files left.
set -euo pipefail
cd "$(dirname "$0")/../.."
kills="${1:-1000}"
cargo build --quiet
exec python3 - "$kills" "$PWD/target/debug/gloss" "$PWD/sample/trump-kim-letter.txt" <<'PY'
import json, os, random, re, shutil, signal, subprocess, sys, tempfile, time, tomllib

kills, gloss, article = int(sys.argv[1]), sys.argv[2], sys.argv[3]
NOTES_PER_RUN = 30   # notes each process tries to add
RUNS_PER_FOLDER = 50 # a fresh sidecar every so many runs, so it stays small
BODY = re.compile(r"r\d+n\d+( tail)+ end")

def keys(run, fresh):
    # `v` selects at the cursor, `a` adds a note on it (`n`: a new one, once
    # a note is there), <C-s> saves it.
    body = lambda j: f"r{run}n{j}" + " tail" * 40 + " end"
    new = lambda j: "va" if fresh and j == 0 else "van"
    return "".join(f"{new(j)}{body(j)}<C-s>" for j in range(NOTES_PER_RUN))

def read_notes(sidecar):
    """The note bodies in the sidecar, checking it is complete TOML."""
    if not os.path.exists(sidecar):
        return set()
    with open(sidecar, "rb") as f:
        raw = f.read()
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except Exception as e:
        sys.exit(f"FAIL: torn sidecar ({e}):\n{raw[-300:]!r}")
    assert doc["schema"] == "gloss.sidecar/1", doc.get("schema")
    bodies = [n["body"] for n in doc.get("notes", [])]
    ids = [n["id"] for n in doc.get("notes", [])]
    if len(set(ids)) != len(ids):
        sys.exit(f"FAIL: duplicate note ids {ids}")
    for b in bodies:
        if not BODY.fullmatch(b):
            sys.exit(f"FAIL: a note is cut off: {b!r}")
    return set(bodies)

def gloss_reads(folder, expected):
    """gloss itself reads the sidecar without complaint, with every note."""
    out = subprocess.run([gloss, "annotate", "a.txt", "--format", "json"], cwd=folder,
                         capture_output=True, text=True)
    if out.returncode != 0 or out.stderr:
        sys.exit(f"FAIL: gloss annotate: {out.returncode} {out.stderr}")
    notes = {n["body"] for n in json.loads(out.stdout).get("notes", [])}
    if notes != expected:
        sys.exit(f"FAIL: gloss reads {len(notes)} notes, the TOML holds {len(expected)}")

env = dict(os.environ, GLOSS_DATA_DIR=tempfile.mkdtemp())
root = tempfile.mkdtemp(prefix="gloss-sigkill-")
rng = random.Random(int(os.environ.get("SEED", time.time_ns())))
made = runs = committed = finished = temps = 0
folder = None
while made < kills:
    if runs % RUNS_PER_FOLDER == 0:
        if folder:
            gloss_reads(folder, seen)
            temps += sum(n.endswith(".tmp") for n in os.listdir(folder))
        folder = os.path.join(root, f"f{runs}")
        os.mkdir(folder)
        shutil.copy(article, os.path.join(folder, "a.txt"))
        sidecar = os.path.join(folder, "a.txt.gloss.toml")
        seen = set()
        start = time.monotonic()
        subprocess.run([gloss, "render", "a.txt", "--keys", keys(0, True)], cwd=folder, env=env,
                       stdout=subprocess.DEVNULL, check=True)
        span = time.monotonic() - start
        seen = read_notes(sidecar)
        assert len(seen) == NOTES_PER_RUN, len(seen)
    runs += 1
    p = subprocess.Popen([gloss, "render", "a.txt", "--keys", keys(runs, False)], cwd=folder, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, span))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        made += 1
    else:
        finished += 1
    p.wait()
    now = read_notes(sidecar)
    lost = seen - now
    if lost:
        sys.exit(f"FAIL: run {runs} lost {len(lost)} committed notes, e.g. {sorted(lost)[:3]}")
    committed += len(now - seen)
    seen = now
gloss_reads(folder, seen)
temps += sum(n.endswith(".tmp") for n in os.listdir(folder))
print(f"{made} SIGKILLs in {runs} runs ({finished} finished before their kill), "
      f"{committed} notes committed, none lost, every sidecar whole; "
      f"{temps} temporary files left behind (swept by the next save after an hour)")
shutil.rmtree(root)
PY

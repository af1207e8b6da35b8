#!/usr/bin/env bash
# Benchmarks thidua against Hugo + Pagefind on generated portals, in one run,
# alternating the tools. Writes bench/out/ (git-ignored): results.tsv (builds),
# stages.jsonl (where thidua's build time goes), search-*.json (browser), and
# report.md (the tables for BENCHMARKS.md).
#
#   bench/run.sh                 N = 1,000, 10,000, 50,000
#   bench/run.sh --quick         N = 1,000 and 5,000
#   bench/run.sh --sizes "1000 10000" [--reps 2] [--no-browser] [--thidua-only-above 10000] [--one-rep-above 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/out
SIZES="1000 10000 50000"
REPS=2
BROWSER=1
HUGO_MAX=1000000000   # above this N, only thidua runs (Hugo + Pagefind too slow for the time box)
REPS_MAX=1000000000   # above this N, one repetition only
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SIZES="1000 5000"; REPS=1 ;;
    --sizes) SIZES="$2"; shift ;;
    --reps) REPS="$2"; shift ;;
    --no-browser) BROWSER=0 ;;
    --thidua-only-above) HUGO_MAX="$2"; shift ;;
    --one-rep-above) REPS_MAX="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

# ---- tools, installed by name when missing -----------------------------------
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
need_apt=()
command -v hugo >/dev/null || need_apt+=(hugo)
[ -x /usr/bin/time ] || need_apt+=(time)
[ "$BROWSER" = 0 ] || command -v chromium >/dev/null || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ! -x bench/node_modules/.bin/pagefind ] || [ ! -d bench/node_modules/playwright-core ]; then
  (cd bench && npm install --no-audit --no-fund)
fi
PAGEFIND=$ROOT/bench/node_modules/.bin/pagefind
cargo build --release --quiet --bin thidua --example gen_site --example bench_stages
THIDUA=$ROOT/target/release/thidua
GEN=$ROOT/target/release/examples/gen_site
STAGES=$ROOT/target/release/examples/bench_stages

mkdir -p "$OUT"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "thidua: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src themes || echo ' (+ uncommitted changes)')"
  echo "rustc: $(rustc --version)"
  echo "hugo: $(hugo version)"
  echo "pagefind: $($PAGEFIND --version 2>&1 | tail -1)"
  echo "chromium: $(chromium --version 2>/dev/null || echo none)"
  echo "node: $(node --version)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/Mem:/ {print $2}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
} > "$OUT/versions.txt"
cat "$OUT/versions.txt"

RESULTS=$OUT/results.tsv
echo -e "n\trep\tstep\twall_s\tcpu_s\trss_mb\tout_mb\tindex_mb\tfiles" > "$RESULTS"
: > "$OUT/stages.jsonl"

# measure N REP STEP OUTDIR INDEXDIR -- command...
measure() {
  local n=$1 rep=$2 step=$3 outdir=$4 indexdir=$5; shift 6
  local tv; tv=$(mktemp)
  local t0 t1; t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tv" "$@" > "$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  local user sys rss wall out idx files
  user=$(awk -F': ' '/User time/ {print $2}' "$tv"); sys=$(awk -F': ' '/System time/ {print $2}' "$tv")
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$tv"); rm -f "$tv"
  wall=$(echo "$t1 - $t0" | bc -l)
  out=$(du -sb "$outdir" | cut -f1); idx=$(du -sb "$indexdir" 2>/dev/null | cut -f1 || echo 0)
  files=$(find "$outdir" -type f | wc -l)
  printf "%s\t%s\t%s\t%.3f\t%.3f\t%.1f\t%.1f\t%.2f\t%s\n" "$n" "$rep" "$step" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)" "$(echo "$out / 1048576" | bc -l)" "$(echo "${idx:-0} / 1048576" | bc -l)" "$files" | tee -a "$RESULTS"
}

# Outputs are moved out of the way, not deleted, between measurements, and
# deleted once the measurements are over. On an ext4 file system without a
# journal (this machine's), the inode allocator skips inodes deleted in the
# last 60-300 s one by one (`recently_deleted` in `find_inode_bit`): a build
# started right after `rm -rf` of 20,000+ files spent more than half of its
# CPU there (perf), whichever tool it was, and more the more files it wrote.
TRASH=$OUT/trash
retire() { mkdir -p "$TRASH"; for d in "$@"; do [ ! -e "$d" ] || mv "$d" "$(mktemp -d "$TRASH/XXXXXX")/"; done; }
# After deleting many files (a previous run's trash, a regenerated site), wait
# until the allocator reuses their inodes again.
settle() { sync; sleep "${SETTLE_S:-75}"; }

thidua_cold() { retire "$1/public" "$1/.thidua-cache"; measure "$2" "$3" thidua_cold "$1/public" "$1/public/_search" -- "$THIDUA" build --root "$1"; }
thidua_warm() { measure "$2" "$3" thidua_warm "$1/public" "$1/public/_search" -- "$THIDUA" build --root "$1"; }
hugo_cold() { retire "$1/public" "$1/resources" "$OUT/hugo-cache"; measure "$2" "$3" hugo "$1/public" "$1/public/pagefind" -- hugo --source "$1" --cacheDir "$OUT/hugo-cache" --quiet; }
pagefind_run() { retire "$1/public/pagefind"; measure "$2" "$3" pagefind "$1/public" "$1/public/pagefind" -- "$PAGEFIND" --site "$1/public"; }

if [ "$BROWSER" = 1 ]; then
  echo "== browser: first query, bytes and rounds"
  "$THIDUA" build --root "$ROOT" --output "$OUT/demo/public" > /dev/null
  small=$OUT/sites/small; mid=$OUT/sites/5000
  "$GEN" --records 70 --out "$small/thidua" --hugo "$small/hugo" > /dev/null
  [ -d "$mid/hugo/public/pagefind" ] || {
    "$GEN" --records 5000 --out "$mid/thidua" --hugo "$mid/hugo" > /dev/null
    "$THIDUA" build --root "$mid/thidua" > /dev/null
    hugo --source "$mid/hugo" --quiet && "$PAGEFIND" --site "$mid/hugo/public" > /dev/null
  }
  "$THIDUA" build --root "$small/thidua" > /dev/null
  hugo --source "$small/hugo" --quiet && "$PAGEFIND" --site "$small/hugo/public" > /dev/null
  : > "$OUT/search.jsonl"
  for t in "" "--throttle"; do
    for spec in "thidua demo $OUT/demo/public" "thidua small-70 $small/thidua/public" "pagefind small-70 $small/hugo/public" \
                "thidua n5000 $mid/thidua/public" "pagefind n5000 $mid/hugo/public"; do
      read -r tool label dir <<< "$spec"
      ev=""; [ -n "$t" ] || [ "$label" != n5000 ] || ev="--eval"
      node bench/search.mjs --tool "$tool" --site "$dir" --label "$label" $t $ev | tee -a "$OUT/search.jsonl"
    done
  done
  # A rarer query (a document number) on the 5,000-record site.
  for spec in "thidua $mid/thidua/public" "pagefind $mid/hugo/public"; do
    read -r tool dir <<< "$spec"
    node bench/search.mjs --tool "$tool" --site "$dir" --label n5000 --query "263/KH-UBND" | tee -a "$OUT/search.jsonl"
  done
  # Client JS alone, gzip -6, as published (minified at build).
  client_js=0
  for f in search-text search-query search-engine search; do
    client_js=$(( client_js + $(gzip -6 -c "$OUT/demo/public/js/$f.js" | wc -c) ))
  done
  echo "{\"client_js_gzip\": $client_js, \"pagefind_ui_js_gzip\": $(gzip -6 -c "$mid/hugo/public/pagefind/pagefind-ui.js" | wc -c), \"pagefind_js_gzip\": $(gzip -6 -c "$mid/hugo/public/pagefind/pagefind.js" | wc -c)}" | tee "$OUT/clientjs.json"
fi


for n in $SIZES; do
  site=$OUT/sites/$n/thidua; hsite=$OUT/sites/$n/hugo
  with_hugo=1; [ "$n" -le "$HUGO_MAX" ] || with_hugo=0
  echo "== N=$n: generating"
  if [ "$with_hugo" = 1 ]; then "$GEN" --records "$n" --out "$site" --hugo "$hsite"; else "$GEN" --records "$n" --out "$site"; fi
  "$THIDUA" check --root "$site" > "$OUT/check-$n.log" 2>&1 || { cat "$OUT/check-$n.log"; exit 1; }
  rm -rf "$TRASH"; settle
  reps=$REPS; [ "$n" -le "$REPS_MAX" ] || reps=1
  for rep in $(seq 1 "$reps"); do
    # Alternate which tool goes first, so neither always gets the quieter slot.
    if [ $((rep % 2)) = 1 ]; then
      thidua_cold "$site" "$n" "$rep"; thidua_warm "$site" "$n" "$rep"
      [ "$with_hugo" = 0 ] || { hugo_cold "$hsite" "$n" "$rep"; pagefind_run "$hsite" "$n" "$rep"; }
    else
      [ "$with_hugo" = 0 ] || { hugo_cold "$hsite" "$n" "$rep"; pagefind_run "$hsite" "$n" "$rep"; }
      thidua_cold "$site" "$n" "$rep"; thidua_warm "$site" "$n" "$rep"
    fi
  done
  "$STAGES" "$site" "$OUT/stages-public" | sed "s/^{/{\"n\": $n, /" | tee -a "$OUT/stages.jsonl"
  retire "$OUT/stages-public" "$OUT/.thidua-cache"
done
rm -rf "$TRASH"

# serve: from saving one record to the reload message, on the largest site up to 10,000 records.
: > "$OUT/serve.jsonl"
for n in $SIZES; do [ "$n" -le 10000 ] && serve_n=$n; done
if [ -n "${serve_n:-}" ]; then
  echo "== serve: save -> reload, N=$serve_n"
  python3 bench/serve_latency.py "$THIDUA" "$OUT/sites/$serve_n/thidua" 15 | sed "s/^{/{\"n\": $serve_n, /" | tee -a "$OUT/serve.jsonl"
fi

node bench/report.mjs "$OUT" > "$OUT/report.md"
cat "$OUT/report.md"

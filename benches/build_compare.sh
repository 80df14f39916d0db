#!/usr/bin/env bash
# Full builds of generated programmes by samling and by Hugo, side by side: wall time, CPU
# time (user + system) and peak memory (maximum resident set size) from /usr/bin/time, the
# median of --runs runs, the two tools alternating (and taking turns to go first) so that a
# change of load on the machine falls on both. Prints a Markdown table for BENCHMARKS.md.
#
#   benches/build_compare.sh [--runs 5] [--sizes "1000 10000 50000"] [--hugo-sizes "1000 10000"]
#                            [--work DIR] [--live]
#
# --sizes: numbers of sessions samling builds; --hugo-sizes: those Hugo builds too (Hugo
# takes minutes at 50,000). Sites are generated into --work (default /tmp/samling-bench) by
# gen-programme with seed 1 and kept for later runs. --live also runs the incremental
# rebuild benchmark (benches/live_rebuild.rs) at 10,000 sessions. Needs hugo (apt-get install
# hugo) and GNU time (apt-get install time).
set -euo pipefail

runs=5
sizes="1000 10000 50000"
hugo_sizes="1000 10000"
work=/tmp/samling-bench
live=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --hugo-sizes) hugo_sizes=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --live) live=true; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)" >&2; exit 1; }
(cd "$repo" && cargo build --quiet --release --bin samling --example gen-programme)
samling=$repo/target/release/samling
generate=$repo/target/release/examples/gen-programme
mkdir -p "$work"
results=$work/results.txt
: > "$results"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "samling $(git -C "$repo" rev-parse --short HEAD), $(hugo version | cut -d' ' -f1-2)"

# One timed build: appends "size tool wall cpu rss_kb load" to the results.
measure() {
  local size=$1 tool=$2 out=$work/out-$tool-$size
  rm -rf "$out"
  sync
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  local cmd
  if [ "$tool" = samling ]; then
    cmd=("$samling" build --root "$work/samling-$size" --output-dir "$out")
  else
    cmd=(hugo --quiet --source "$work/hugo-$size" --destination "$out")
  fi
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${cmd[@]}" >/dev/null
  read -r wall user sys rss < "$work/time.txt"
  echo "$size $tool $wall $(echo "$user + $sys" | bc) $rss $load" >> "$results"
  echo "  $tool $size: ${wall} s wall, ${user}+${sys} s CPU, $((rss / 1024)) MiB, load $load" >&2
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for size in $sizes; do
  for tool in samling hugo; do
    [ "$tool" = hugo ] && [[ " $hugo_sizes " != *" $size "* ]] && continue
    if [ ! -d "$work/$tool-$size" ]; then
      "$generate" --sessions "$size" --seed 1 --format "$tool" --out "$work/$tool-$size" >&2
    fi
  done
  for run in $(seq 1 "$runs"); do
    tools="samling hugo"
    [ $((run % 2)) = 0 ] && tools="hugo samling"
    for tool in $tools; do
      [ "$tool" = hugo ] && [[ " $hugo_sizes " != *" $size "* ]] && continue
      measure "$size" "$tool"
    done
  done
done

echo
echo "| sessions | tool | pages | output | wall (median) | CPU (median) | peak RSS (median) | per page (wall) | load (1 min) during runs |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for size in $sizes; do
  for tool in samling hugo; do
    out=$work/out-$tool-$size
    grep -q "^$size $tool " "$results" || continue
    pages=$(find "$out" -name '*.html' | wc -l)
    bytes=$(du -sb --apparent-size "$out" | cut -f1)
    col() { grep "^$size $tool " "$results" | cut -d' ' -f"$1"; }
    wall=$(col 3 | median); cpu=$(col 4 | median); rss=$(col 5 | median)
    loads=$(col 6 | sort -g | sed -n '1p;$p' | paste -sd- -)
    per_page=$(echo "scale=3; $wall * 1000 / $pages" | bc)
    printf "| %s | %s | %s | %.1f MB | %.2f s | %.2f s | %.0f MiB | %s ms | %s |\n" \
      "$size" "$tool" "$pages" "$(echo "$bytes / 1000000" | bc -l)" "$wall" "$cpu" \
      "$(echo "$rss / 1024" | bc -l)" "$per_page" "$loads"
  done
done
echo
for size in $hugo_sizes; do
  [[ " $sizes " == *" $size "* ]] || continue
  s=$(grep "^$size samling " "$results" | cut -d' ' -f3 | median)
  h=$(grep "^$size hugo " "$results" | cut -d' ' -f3 | median)
  sm=$(grep "^$size samling " "$results" | cut -d' ' -f5 | median)
  hm=$(grep "^$size hugo " "$results" | cut -d' ' -f5 | median)
  printf "%s sessions: samling/Hugo wall time %.3f, peak memory %.3f\n" \
    "$size" "$(echo "$s / $h" | bc -l)" "$(echo "$sm / $hm" | bc -l)"
done

if $live; then
  echo
  (cd "$repo" && cargo bench --quiet --bench live_rebuild -- --sessions 10000 --site "$work/samling-10000")
fi

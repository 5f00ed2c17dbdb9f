#!/usr/bin/env bash
# The external benchmark of docs/evaluation.md ("SQuAD 2.0"): `eval --squad` on a group of titles, with each
# answerer, one report per run (text and JSON) and a summary table of them at the end.
# Usage, from the repository root: src/bench/squad.sh [tuning|frozen|own] [OUT_DIR]
#   tuning  the titles to look at while changing the code (the default)
#   frozen  the titles kept for when the work is done; run once, and only with SQUAD_FROZEN=run
#   own     the project's own question sets (src/test/resources/eval/), each with the articles it is about
# OUT_DIR defaults to target/squad. Environment:
#   SQUAD_FILE   the SQuAD 2.0 dev set; default ../shared/squad/dev-v2.0.json, beside the repository. It is data
#                only: it is read where it lies, never copied into the repository.
#   PROVIDERS    the answerers, as --model-provider takes them; default "local extractive" (local is the default
#                model, fetched with fetch-model into models/)
#   PARAGRAPHS   how many first paragraphs of each title make its article; default 10
set -euo pipefail
cd "$(dirname "$0")/../.."

# Chosen once, before any run, from the titles that are not held out for review; both have mixed subjects, and
# every article of ten paragraphs fits the default model's context whole (under ~9,700 characters).
TUNING=Normans,Southern_California,Immune_system
FROZEN=Black_Death,Prime_number,Harvard_University

group="${1:-tuning}"
out="${2:-target/squad}"
squad="${SQUAD_FILE:-../shared/squad/dev-v2.0.json}"
read -r -a providers <<< "${PROVIDERS:-local extractive}"
paragraphs="${PARAGRAPHS:-10}"

case "$group" in
  tuning) titles="$TUNING" ;;
  frozen)
    if [ "${SQUAD_FROZEN:-}" != run ]; then
      echo "squad.sh: the frozen titles are run once, when the work is done: SQUAD_FROZEN=run $0 frozen" >&2
      exit 2
    fi
    titles="$FROZEN" ;;
  own) titles="" ;;
  *) echo "usage: $0 [tuning|frozen|own] [OUT_DIR]" >&2; exit 2 ;;
esac

[ -f target/article-chat.jar ] || mvn -q -B -DskipTests package
mkdir -p "$out"

if [ "$group" != own ]; then
  [ -f "$squad" ] || { echo "squad.sh: no SQuAD file at $squad (set SQUAD_FILE)" >&2; exit 1; }
  for provider in "${providers[@]}"; do
    echo "== $group, $provider: $titles" >&2
    java -jar target/article-chat.jar eval --squad "$squad" --titles "$titles" --paragraphs "$paragraphs" \
      --model-provider "$provider" --json-file "$out/$group-$provider.json" 2>"$out/$group-$provider.log" \
      | tee "$out/$group-$provider.txt"
  done
else
  # Each set with the articles it asks about, as docs/evaluation.md reruns them; an empty data directory, so
  # that articles added to a local server are not served beside them.
  harbour=(--article src/test/resources/articles/harbour-flood.txt)
  vaccine=(--article src/test/resources/articles/vaccine-trial.txt)
  three=(--article src/main/resources/article.txt "${harbour[@]}" "${vaccine[@]}")
  injected=(--article src/test/resources/articles/injected-barrier.txt)
  run_own() {
    local name="$1" provider="$2"; shift 2
    echo "== own $name, $provider" >&2
    java -jar target/article-chat.jar eval "src/test/resources/eval/$name.jsonl" --model-provider "$provider" \
      --index-dir "$out/index-$name" --data-dir "$out/no-data" "$@" \
      --json-file "$out/own-$name-$provider.json" 2>"$out/own-$name-$provider.log" \
      | tee "$out/own-$name-$provider.txt"
  }
  for provider in "${providers[@]}"; do
    for name in dev-questions extra-questions follow-up-questions false-premise-questions; do
      run_own "$name" "$provider"
    done
    for name in harbour-flood-questions harbour-flood-yes-no-questions; do run_own "$name" "$provider" "${harbour[@]}"; done
    for name in vaccine-trial-questions vaccine-trial-yes-no-questions; do run_own "$name" "$provider" "${vaccine[@]}"; done
    run_own scoped-questions "$provider" "${three[@]}"
    run_own injected-article-questions "$provider" "${injected[@]}"
  done
fi

# One line per report of this group: each rate with its 95% interval.
python3 - "$out" "$group" <<'PY'
import glob, json, os, sys
from decimal import Decimal, ROUND_HALF_UP
out, group = sys.argv[1], sys.argv[2]
def two(x):  # rounded half up, as the text report rounds
    return str(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
def rate(r):
    return "-" if r["total"] == 0 else f'{two(r["share"])} ({two(r["low"])}-{two(r["high"])})'
print()
print("| run | questions | correct | wrong shown | false refusals | refusal | impossible answered | citations valid | own text | p50 / p95 | fallbacks |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob(os.path.join(out, group + "-*.json"))):
    r = json.load(open(path, encoding="utf-8"))
    x = r["rates"]
    own = "-" if r["model"] == "extractive" else rate(x["ownText"])
    print(f'| {os.path.basename(path)[:-5]} | {r["answerable"]} + {r["outOfScope"]} | {rate(x["correct"])} | '
          f'{rate(x["wrongShown"])} | {rate(x["falseRefusals"])} | {rate(x["refusal"])} | '
          f'{rate(x["impossibleAnswered"])} | {rate(x["citationsValid"])} | {own} | '
          f'{r["latencyP50Ms"]} / {r["latencyP95Ms"]} ms | {x["fellBack"]["count"]} |')
PY

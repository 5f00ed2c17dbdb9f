#!/usr/bin/env bash
# Writes one POST /api/ask body per question of the dev and extra question files (history included) to stdout.
# Sourced by load.sh and soak.sh; run from the repository root.
python3 - src/test/resources/eval/dev-questions.jsonl src/test/resources/eval/extra-questions.jsonl <<'PY'
import json, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        q = json.loads(line)
        body = {"question": q["q"]}
        if q.get("history"):
            body["history"] = q["history"]
        print(json.dumps(body, ensure_ascii=False))
PY

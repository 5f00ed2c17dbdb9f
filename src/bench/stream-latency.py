#!/usr/bin/env python3
"""Time to the first `token` event and to the final `answer` event of POST /api/ask/stream.

Asks each question of the given files once (a fresh server has cached nothing), one at a time, and prints
the median and 95th percentile. Usage: stream-latency.py BASE_URL FILE.jsonl [FILE.jsonl ...]
"""
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse


def ask(base, question, history):
    url = urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    body = json.dumps({"question": question, "history": history or []})
    started = time.perf_counter()
    connection.request("POST", "/api/ask/stream", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    first_token = None
    event = None
    answer = None
    for raw in response:
        line = raw.decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            event = line[len("event: "):]
        elif line.startswith("data: "):
            if event == "token" and first_token is None:
                first_token = time.perf_counter() - started
            if event in ("answer", "error"):
                answer = json.loads(line[len("data: "):])
                break
    connection.close()
    return first_token, time.perf_counter() - started, answer


def summary(label, seconds):
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    print(f"{label}: p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, max {ms[-1]:.0f} ms (n={len(ms)})")


def main():
    base, files = sys.argv[1], sys.argv[2:]
    firsts, wholes, fallbacks = [], [], 0
    for path in files:
        for line in open(path, encoding="utf-8"):
            q = json.loads(line)
            first, whole, answer = ask(base, q["q"], q.get("history"))
            firsts.append(first)
            wholes.append(whole)
            fallbacks += 1 if answer and answer.get("fallback") else 0
    summary("time to first token event", firsts)
    summary("time to answer event", wholes)
    print(f"answers that fell back to the extractive answer: {fallbacks} of {len(wholes)}")


if __name__ == "__main__":
    main()

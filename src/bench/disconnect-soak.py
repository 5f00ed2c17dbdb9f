#!/usr/bin/env python3
"""Closed tabs must not cost the next user: CUTS streamed questions (/api/ask/stream and streamed
/v1/chat/completions, BURST at a time) are each cut at a random moment, then NORMAL questions are asked one at a
time on /api/ask. Prints how long the model stayed busy after the cuts, each normal question's time and fallback,
and their p50 / p95. Run it against a server with the default local model, its cache warm:

  java -jar target/article-chat.jar serve &    # wait for "has read the articles" in its log
  src/bench/disconnect-soak.py http://localhost:7070 50 20
"""
import json
import random
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request

QUESTIONS = [
    "Who did Carney meet in Beijing?",
    "On which day did Carney's visit to China begin?",
    "Which minister echoed Carney's message in Beijing?",
    "How many years had passed since a Canadian leader last went to China?",
    "What term does Chinese state media use for a Canadian foreign policy independent of Washington?",
    "What did Carney call the partnership with China?",
]


def cut_stream(host, port, path, body, after):
    data = json.dumps(body).encode()
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                   f"Content-Length: {len(data)}\r\n\r\n").encode() + data)
        s.settimeout(0.05)
        deadline = time.time() + after
        while time.time() < deadline:
            try:
                if not s.recv(4096):
                    return
            except socket.timeout:
                pass


def gauge(base, name):
    with urllib.request.urlopen(base + "/metrics", timeout=10) as r:
        for line in r.read().decode().splitlines():
            if line.startswith(name) and not line.startswith("#"):
                return float(line.split()[-1])
    return None


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:7070"
    cuts = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    normal = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    burst = 5
    url = urllib.parse.urlparse(base)
    rng = random.Random(22)
    for start in range(0, cuts, burst):
        threads = []
        for i in range(start, min(cuts, start + burst)):
            question = rng.choice(QUESTIONS) + " " + str(i)  # not answered from the cache
            if i % 2 == 0:
                path, body = "/api/ask/stream", {"question": question}
            else:
                path, body = "/v1/chat/completions", {"stream": True,
                                                      "messages": [{"role": "user", "content": question}]}
            t = threading.Thread(target=cut_stream, args=(url.hostname, url.port, path, body, rng.uniform(0.2, 5)))
            t.start()
            threads.append(t)
        for t in threads:
            t.join()
    cut_done = time.time()
    busy = None
    while time.time() - cut_done < 60:
        active = gauge(base, "articlechat_generations_active")
        waiting = gauge(base, "articlechat_generations_waiting")
        if not active and not waiting:
            busy = time.time() - cut_done
            break
        time.sleep(0.05)
    print(f"{cuts} streams cut; the model was idle {busy:.2f} s after the last cut" if busy is not None
          else f"{cuts} streams cut; the model still busy 60 s after the last cut")
    times = []
    for i in range(normal):
        question = QUESTIONS[i % len(QUESTIONS)] + (" (again)" * (i // len(QUESTIONS)))
        request = urllib.request.Request(base + "/api/ask", json.dumps({"question": question}).encode(),
                                         {"Content-Type": "application/json"})
        started = time.time()
        with urllib.request.urlopen(request, timeout=120) as r:
            answer = json.loads(r.read())
        took = time.time() - started
        times.append(took)
        print(f"{took:6.2f} s  fallback={answer.get('fallback', '-')!s:12.12}  {question}")
    times.sort()
    p50 = times[len(times) // 2]
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"{normal} questions: p50 {p50:.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s")


if __name__ == "__main__":
    main()

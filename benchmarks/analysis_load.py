"""Reads while analyses run: p50/p99 latency of `GET /api/quotes` while slow `POST
/api/analyze` requests keep the server's analysis workers busy (target: p99 < 500 ms).

    python benchmarks/analysis_load.py [--articles 100] [--analyses 4] [--requests 300]

The sample corpus (benchmarks.sample_corpus) is ingested into a fresh SQLite store, then
`dateline serve` runs on a free loopback port (127.0.0.1 only) with its default pool of
analysis workers. --analyses threads each post one large article (about 100 kB, the size that
took 72 s of server CPU in issue 13) while --clients threads ask for quotes, --requests in
all, bounded by --seconds. It prints the quote latencies and what each analysis answered
(200, 503 when the pool was full, 504 past the time limit); the server is stopped at the end.
This is a measurement, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
from benchmarks.api_load import build_store, free_port, serve

PARAGRAPH = (
    "Harbour officials in the port town said on Tuesday that the new breakwater would be "
    "finished before the winter, and the mayor told reporters that “the fishing fleet has "
    "waited long enough” for the work to begin.\n\n"
)


def analyses(base: str, count: int, statuses: list[int]) -> list[threading.Thread]:
    body = PARAGRAPH * (100_000 // len(PARAGRAPH))

    def post() -> None:
        response = httpx.post(f"{base}/api/analyze", json={"text": body}, timeout=600)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads


def reads(base: str, clients: int, total: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < deadline:
                with lock:
                    if len(latencies) >= total:
                        return
                start = time.perf_counter()
                response = http.get("/api/quotes", params={"about": "harbour", "limit": 20})
                took = time.perf_counter() - start
                if response.status_code != 200:
                    raise SystemExit(f"/api/quotes answered {response.status_code}")
                with lock:
                    latencies.append(took)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--analyses", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-analysis-load-") as folder:
        db, _ = build_store(Path(folder), args.articles)
        port = free_port()
        server = serve(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            statuses: list[int] = []
            posting = analyses(base, args.analyses, statuses)
            latencies = reads(base, args.clients, args.requests, args.seconds)
            for thread in posting:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"command: python benchmarks/analysis_load.py --analyses {args.analyses} "
          f"--clients {args.clients} --requests {args.requests}")  # fmt: skip
    print(f"/api/quotes while {args.analyses} analyses ran: {len(ordered)} requests, "
          f"p50 {statistics.median(ordered) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms "
          f"(target p99 < 500 ms)")  # fmt: skip
    print(f"/api/analyze answers: {sorted(statuses)}")


if __name__ == "__main__":
    main()

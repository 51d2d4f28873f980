"""Load on the REST API: requests per second and p50/p99 latency of
`GET /api/quotes?speaker=…` with 16 concurrent clients, on the generated sample corpus.

    python benchmarks/api_load.py [--articles 300] [--clients 16] [--requests 2000]

The corpus (benchmarks.sample_corpus, --articles articles) is ingested into a fresh SQLite
store through `dateline.scale.ingestion`, then `dateline serve` runs it in its own process
on a free loopback port (127.0.0.1 only). Each client is a thread with one keep-alive
connection (httpx) asking for one speaker's quotes at a time, the speakers taken in turn
from the sample's people; the run is bounded by --requests in all and by --seconds, and
every answer must be 200 with quotes in it (any other counts as an error, and the script
exits 1). The server process is stopped at the end.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from benchmarks.sample_corpus import PEOPLE, generate, write

from dateline.scale import InProcessRunner
from dateline.scale.ingestion import ingest
from dateline.settings import Settings
from dateline.store import open_store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def build_store(folder: Path, articles: int) -> tuple[str, int]:
    corpus = folder / "sample.jsonl"
    write(generate(articles, seed=5), corpus)
    db = str(folder / "sample.db")
    settings = Settings()
    with open_store(db) as store:
        runner = InProcessRunner(settings)
        try:
            ingest([str(corpus)], store, runner, settings, shard_size=32)
        finally:
            runner.close()
        return db, store.count("quotes")


def serve(db: str, port: int) -> subprocess.Popen[bytes]:
    entry = "from dateline.cli import app; app()"  # `dateline serve`, by this interpreter
    command = [sys.executable, "-c", entry, "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/places", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
        if server.poll() is not None:
            break
    server.kill()
    _, stderr = server.communicate()
    raise SystemExit(f"the server did not start: {stderr.decode(errors='replace')[-2000:]}")


def load(base: str, clients: int, total: int, seconds: float) -> tuple[list[float], int, float]:
    """Latencies (s) of the successful requests, the error count, and the wall time."""
    speakers = itertools.cycle(sorted({p.last for p in PEOPLE}))
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    issued = 0
    stop_at = time.monotonic() + seconds

    def next_speaker() -> str | None:
        nonlocal issued
        with lock:
            if issued >= total or time.monotonic() > stop_at:
                return None
            issued += 1
            return next(speakers)

    def client() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as http:
            while (speaker := next_speaker()) is not None:
                started = time.perf_counter()
                try:
                    answer = http.get("/api/quotes", params={"speaker": speaker, "limit": 20})
                    ok = answer.status_code == 200 and bool(answer.json()["items"])
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-api-load-") as tmp:
        db, quotes = build_store(Path(tmp), args.articles)
        port = free_port()
        server = serve(db, port)
        try:
            warm = httpx.get(f"http://127.0.0.1:{port}/api/quotes?speaker=Korhonen", timeout=30)
            warm.raise_for_status()
            latencies, errors, wall = load(
                f"http://127.0.0.1:{port}", args.clients, args.requests, args.seconds
            )
        finally:
            server.terminate()
            server.wait(10)
    done = len(latencies)
    ordered = sorted(latencies)
    p99 = ordered[min(done - 1, int(done * 0.99))] if done else float("nan")
    print(
        f"GET /api/quotes?speaker=… on {args.articles} sample articles ({quotes} quotes, "
        f"SQLite), {args.clients} concurrent clients, one server process, {os.cpu_count()} cores:"
    )
    print(f"  requests     {done} ok, {errors} errors in {wall:.1f} s")
    print(f"  throughput   {done / wall:7.1f} requests/s")
    median = statistics.median(ordered) * 1000 if done else float("nan")
    print(f"  latency      p50 {median:6.1f} ms   p99 {p99 * 1000:6.1f} ms")
    print("  command:     python benchmarks/api_load.py " + " ".join(sys.argv[1:]))
    if errors or not done:
        raise SystemExit(1)


if __name__ == "__main__":
    main()

"""8. The local proxy: latency and throughput through ``msauth proxy``, and its memory.

Three processes: the demo server (token style rfc6749), ``msauth proxy`` (``--port 0``, its
access log on and sent to /dev/null, as a user would run it) and this one, the client. Every
request is ``GET /api/v1/DocTypes`` (protected, 145 bytes) on a kept-alive connection; the
baseline sends it to the server directly with ``requests.Session`` and the token in the header.

- latency: one client, request after request, direct and through the proxy in interleaved
  rounds; p50 and p99 of each request's time.
- upstream library: the same direct request with ``requests``, urllib3 and ``http.client``:
  the cost the proxy pays per request towards the server, which is why it uses ``http.client``.
- throughput: 20 threads, each with its own ``requests.Session`` (keep-alive), for a few
  seconds, direct and through the proxy; requests per second. Then the same with bare
  ``http.client`` connections, whose small cost leaves the server and the proxy to set the
  pace.
- memory: the proxy process's RSS after 1,000 warm-up requests and after 10,000 more.
"""

from __future__ import annotations

import http.client
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .common import (
    CLIENT_ID,
    CLIENT_SECRET,
    LOGIN,
    PASSWORD,
    ROOT,
    Result,
    Row,
    ServerProcess,
    Skipped,
    median,
    mib,
    ms,
    qt_env,
)

TITLE = "Local proxy (`msauth proxy`)"
PATH = "/api/v1/DocTypes"
CLIENTS = 20


class ProxyProcess:
    """``msauth proxy`` in a child process; ``url`` once it listens."""

    def __init__(self, server: str) -> None:
        self.server = server
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> ProxyProcess:
        cmd = [sys.executable, "-m", "msauth_gui.cli", "proxy", "--server", self.server]
        cmd += ["--login", LOGIN, "--password-stdin", "--port", "0"]
        self._proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=qt_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(PASSWORD + "\n")
        self._proc.stdin.flush()
        self.url = self._proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self._proc.kill()
            raise RuntimeError(f"msauth proxy did not start: {self.url!r}")
        return self

    def rss_kib(self) -> float:
        assert self._proc is not None
        for line in Path(f"/proc/{self._proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return float(line.split()[1])
        raise Skipped("no /proc/PID/status here")

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()


def _token(server: str) -> str:
    import requests

    form = {"grant_type": "password", "username": LOGIN, "password": PASSWORD}
    form.update(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    answer = requests.post(server + "/oauth/token", data=form, timeout=15)
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def _getter(base: str, token: str | None) -> Callable[[], int]:
    import requests

    session = requests.Session()
    if token:
        session.headers["Authorization"] = "Bearer " + token

    def get() -> int:
        answer = session.get(base + PATH, timeout=15)
        if answer.status_code != 200:
            raise RuntimeError(f"{base}: HTTP {answer.status_code}")
        return len(answer.content)

    return get


def _libraries(server: str, token: str) -> dict[str, Callable[[], object]]:
    import urllib3

    host, port = server.split("//", 1)[1].rsplit(":", 1)
    headers = {"Authorization": "Bearer " + token, "Host": f"{host}:{port}"}
    pool = urllib3.HTTPConnectionPool(host, int(port), maxsize=1)
    conn = http.client.HTTPConnection(host, int(port))

    def with_urllib3() -> object:
        answer = pool.urlopen("GET", PATH, headers=headers, preload_content=False, retries=False)
        data = answer.read()
        answer.release_conn()
        return data

    def with_http_client() -> object:
        conn.request("GET", PATH, headers=headers)
        return conn.getresponse().read()

    return {
        "requests.Session": _getter(server, token),
        "urllib3 pool": with_urllib3,
        "http.client": with_http_client,
    }


def _interleaved(cases: dict[str, Callable[[], object]], rounds: int, calls: int) -> dict:
    times: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            call = cases[name]
            for _ in range(calls):
                start = time.perf_counter()
                call()
                times[name].append(time.perf_counter() - start)
    return times


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _light_getter(base: str, token: str | None) -> Callable[[], int]:
    """The same request with a bare ``http.client`` connection: a client that costs little."""
    host, port = base.split("//", 1)[1].rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port))
    headers = {"Authorization": "Bearer " + token} if token else {}

    def get() -> int:
        conn.request("GET", PATH, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        if answer.status != 200:
            raise RuntimeError(f"{base}: HTTP {answer.status}")
        return len(data)

    return get


def _throughput(base: str, token: str | None, seconds: float, light: bool = False) -> float:
    """Requests per second of :data:`CLIENTS` threads with a kept-alive connection each."""
    make = _light_getter if light else _getter
    getters = [make(base, token) for _ in range(CLIENTS)]
    for get in getters:
        get()  # connected before the clock starts
    counts = [0] * CLIENTS
    start, stop = threading.Barrier(CLIENTS + 1), threading.Event()

    def client(i: int) -> None:
        start.wait()
        while not stop.is_set():
            getters[i]()
            counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    time.sleep(seconds)  # a benchmark, not a test: it measures what happens meanwhile
    stop.set()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - began)


def _memory(proxy: ProxyProcess, total: int) -> tuple[float, float]:
    """RSS after 1,000 warm-up requests and after ``total`` more, from 4 clients."""
    warm = [_getter(proxy.url, None) for _ in range(4)]

    def spend(n: int) -> None:
        threads = [
            threading.Thread(target=lambda g=get: [g() for _ in range(n // 4)]) for get in warm
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    spend(1000)
    before = proxy.rss_kib()
    spend(total)
    return before, proxy.rss_kib()


def run(quick: bool) -> Result:
    if not Path("/proc/self/status").exists():
        raise Skipped("needs /proc (Linux) for the proxy's memory")
    result = Result("proxy", TITLE)
    rounds, calls, seconds, total = (4, 50, 2.0, 2000) if quick else (10, 200, 6.0, 10_000)
    with ServerProcess("--style", "rfc6749") as server, ProxyProcess(server.url) as proxy:
        token = _token(server.url)
        latency = {"direct": _getter(server.url, token), "proxy": _getter(proxy.url, None)}
        libraries = _libraries(server.url, token)
        for call in (*latency.values(), *libraries.values()):
            for _ in range(50):
                call()
        times = _interleaved({**latency, **libraries}, rounds, calls)
        direct_rate = _throughput(server.url, token, seconds)
        proxy_rate = _throughput(proxy.url, None, seconds)
        again = _throughput(server.url, token, seconds)  # the machine's drift, both ways
        light_direct = _throughput(server.url, token, seconds, light=True)
        light_proxy = _throughput(proxy.url, None, seconds, light=True)
        before, after = _memory(proxy, total)
    direct, through = times["direct"], times["proxy"]
    p50_ratio = median(through) / median(direct)
    result.rows += [
        Row("latency, direct requests.Session", ms(median(direct)), is_baseline=True,
            detail=f"p99 {ms(_p99(direct))}, n={len(direct)}"),
        Row("latency through the proxy", ms(median(through)), p50_ratio, "of direct p50",
            goal="≤ 1.30× p50", met=p50_ratio <= 1.30,
            detail=f"p99 {ms(_p99(through))} ({_p99(through) / _p99(direct):.2f}× direct p99)"),
    ]  # fmt: skip
    base = median(times["requests.Session"])
    for name in libraries:
        ratio = median(times[name]) / base
        result.rows.append(
            Row(f"upstream library: {name}", ms(median(times[name])),
                None if name == "requests.Session" else ratio,
                "" if name == "requests.Session" else "of requests.Session",
                is_baseline=name == "requests.Session", detail=f"p99 {ms(_p99(times[name]))}")
        )  # fmt: skip
    direct_mean = (direct_rate + again) / 2
    share = proxy_rate / direct_mean
    result.rows += [
        Row(f"throughput, {CLIENTS} keep-alive clients, direct", f"{direct_mean:,.0f} req/s",
            is_baseline=True, detail=f"{direct_rate:,.0f} before, {again:,.0f} after"),
        Row(f"throughput, {CLIENTS} keep-alive clients, through the proxy",
            f"{proxy_rate:,.0f} req/s", share, "of direct", goal="≥ 0.70×", met=share >= 0.70),
        Row(f"throughput, {CLIENTS} light http.client clients, direct",
            f"{light_direct:,.0f} req/s", is_baseline=True),
        Row(f"throughput, {CLIENTS} light http.client clients, through the proxy",
            f"{light_proxy:,.0f} req/s", light_proxy / light_direct, "of direct",
            detail="the server and the proxy, not the client, set the pace here"),
        Row(f"proxy RSS over {total:,} requests", f"{mib(after - before)} growth",
            goal="± 5 MiB", met=abs(after - before) <= 5 * 1024,
            detail=f"{mib(before)} after 1,000 warm-up requests, {mib(after)} after"),
    ]  # fmt: skip
    result.notes += [
        f"Latency: {rounds} interleaved rounds × {calls} requests per case after 50 warm-up "
        "requests; one client; demo server, proxy and client in three processes on the same "
        "machine.",
        f"Throughput: {seconds:g} s per case, direct measured before and after the proxy (the "
        "mean is the baseline). The client is one Python process: with 20 threads it is "
        "GIL-bound on requests' own cost, which caps the direct and the proxied rate alike; "
        "the light http.client clients show what the proxy itself adds.",
    ]
    return result

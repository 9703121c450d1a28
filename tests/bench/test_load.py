"""The load benchmark's reading of wrk (bench/load.py): the rate, the
median latency and every kind of failed request come from wrk's output,
and a machine without wrk gets a message saying how to install it."""

import shutil

import pytest

from bench.load import PAGES, parse_wrk_output, require_wrk, targets

# wrk 4.1 (Debian) with the benchmark's Lua script, against a server that
# answered 404 to every request.
WRK_OUTPUT = """\
Running 1s test @ http://127.0.0.1:18765/nonexistent
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.84ms    2.07ms  20.07ms   86.84%
    Req/Sec     1.29k   191.39     1.55k    60.00%
  1288 requests in 1.00s, 654.06KB read
  Non-2xx or 3xx responses: 1288
Requests/sec:   1283.51
Transfer/sec:    651.78KB
WRK_JSON {"requests": 1288, "duration_us": 1003496, "bytes": 669760, "connect_errors": 0, \
"read_errors": 0, "write_errors": 0, "status_errors": 1288, "timeouts": 0, "p50_us": 959, \
"p90_us": 4423, "p99_us": 9845, "mean_us": 1840.9}
"""


def test_rate_latency_and_failed_requests_come_from_wrk():
    figures = parse_wrk_output(WRK_OUTPUT)

    assert figures["requests"] == 1288
    assert figures["rate"] == pytest.approx(1283.51)
    assert figures["median_ms"] == pytest.approx(0.959)
    assert figures["p90_ms"] == pytest.approx(4.423)
    # Every 404 counts as a failed request, so a broken page cannot pass
    # for a fast one.
    assert figures["errors"] == 1288


def test_connection_errors_and_timeouts_count_as_failed_requests():
    output = WRK_OUTPUT.replace('"connect_errors": 0', '"connect_errors": 3')
    output = output.replace('"status_errors": 1288', '"status_errors": 0')
    output = output.replace('"timeouts": 0', '"timeouts": 2')

    assert parse_wrk_output(output)["errors"] == 5


def test_rate_without_wrks_summary_line_is_requests_over_duration():
    output = "\n".join(
        line for line in WRK_OUTPUT.splitlines() if not line.startswith("Requests/sec")
    )

    assert parse_wrk_output(output)["rate"] == pytest.approx(1288 / 1.003496)


def test_output_without_the_scripts_figures_gives_none():
    assert parse_wrk_output("unable to connect to 127.0.0.1:1 Connection refused\n") is None


def test_missing_wrk_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)

    with pytest.raises(SystemExit) as stopped:
        require_wrk()

    assert "make bench" in str(stopped.value)
    assert "apt-get install -y wrk" in str(stopped.value)


def one_database(search_requests, search_median_ms):
    rows = [{"page": "static", "state": "", "rate": 1000.0, "ratio": 1.0}]
    for key, _ in PAGES:
        for state in ("member", "cached"):
            rows.append(
                {
                    "page": key,
                    "state": state,
                    "rate": 10.0,
                    "ratio": 0.01,
                    "median_ms": 50.0,
                    "requests": 40,
                }
            )
    search = next(row for row in rows if row["page"] == "search" and row["state"] == "member")
    search.update(requests=search_requests, median_ms=search_median_ms)
    server = {"rows": rows, "memory": {"after_warmup_mb": [90.0, 95.0]}, "page_cache_seconds": 60}
    return {"database": "bench", "vendor": "postgresql", "servers": {"cache_on": server}}


def search_target(result):
    return next(check for check in targets([result], []) if "search median" in check[0])


def test_a_search_that_answers_nothing_in_time_fails_its_target():
    _, passed, detail = search_target(one_database(search_requests=0, search_median_ms=0.0))
    assert not passed
    assert "no search answered" in detail


def test_a_fast_search_meets_its_target():
    _, passed, detail = search_target(one_database(search_requests=40, search_median_ms=42.0))
    assert passed
    assert detail == "42.0 ms"

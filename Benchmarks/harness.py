"""What the benchmark scripts share: the release build, the tools they need, the shared data, readiness, wrk."""
import os
import re
import shutil
import subprocess
import time
import urllib.request


def release_build(default_dir, product=None):
    """Builds release into $LODESTAR_BENCH_BUILD (else `default_dir`) and returns the folder holding the binaries."""
    build_dir = os.environ.get("LODESTAR_BENCH_BUILD", default_dir)
    command = ["swift", "build", "-c", "release", "--scratch-path", build_dir] + (["--product", product] if product else [])
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(build_dir, "release")


def require(*tools):
    for tool in tools:
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed")


def shared_dir():
    return os.environ.get("LODESTAR_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status < 500:
                    return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url} after {seconds} s")


def run_wrk(url, duration, connections, accept="application/sparql-results+json", timeout=None):
    """Requests/s, p50 and p99 in milliseconds, from `wrk --latency`; fails on any error response. `timeout` (seconds)
    replaces wrk's 2 s, past which a request counts as a timeout and is left out of the latencies."""
    extra = [f"--timeout={timeout}s"] if timeout else []
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", *extra, "-H", f"Accept: {accept}", url],
        capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")

    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, percentile("50"), percentile("99")


def rss_mib(pid):
    """The resident memory of process `pid` in MiB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None

#!/usr/bin/env python3
"""Median (and 90th percentile) latency of `thidua serve` from saving one record to the reload message.

Usage: bench/serve_latency.py THIDUA_BIN SITE_DIR [EDITS] [body|title]

Starts `thidua serve --port 0` on SITE_DIR (loopback only), opens the live-reload
event stream, then saves one news record EDITS times (default 15; each save appends a
paragraph, so only its body changes; with `title`, each save changes its
title instead, which changes the lists, year and tag pages that show it), each time
timing from the write to the `event: reload` line. Prints one JSON object.
With THIDUA_TRACE=1 in the environment, serve's stage timings go to stderr.
"""
import glob, json, os, socket, statistics, subprocess, sys, time

def main():
    binary, site = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    mode = sys.argv[4] if len(sys.argv) > 4 else "body"
    if mode not in ("body", "title"):
        raise SystemExit("the edit is `body` or `title`")
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--root", site],
                            stdout=subprocess.PIPE, stderr=None if os.environ.get("THIDUA_TRACE") else subprocess.DEVNULL, text=True)
    try:
        addr = None
        deadline = time.time() + 600
        while time.time() < deadline:
            line = proc.stdout.readline()
            if "http://" in line:  # the first address printed is the site's
                addr = line.split("http://")[1].split("/")[0]
                break
        host, port = addr.rsplit(":", 1)
        s = socket.create_connection((host, int(port)), timeout=60)
        s.sendall(f"GET /__thidua/events HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode())
        stream = s.makefile("r", encoding="utf-8")
        while stream.readline().strip() != "retry: 1000":
            pass
        news = sorted(glob.glob(os.path.join(site, "content/tin-tuc/*.md")))[len(glob.glob(os.path.join(site, "content/tin-tuc/*.md"))) // 2]
        original = open(news, encoding="utf-8").read()
        samples, writes = [], []
        for i in range(edits):
            time.sleep(0.8)  # let the previous rebuild's search re-index finish
            # Saved the way most editors save: a hidden temporary file beside
            # the record, renamed over it, so that serve never reads a file
            # half written (an in-place write on a busy machine can be seen
            # truncated, which is a content error until the write lands).
            tmp = os.path.join(os.path.dirname(news), "." + os.path.basename(news) + ".tmp")
            start = time.perf_counter()
            with open(tmp, "w", encoding="utf-8") as f:
                if mode == "body":
                    f.write(original + f"\n\nĐoạn sửa thử số {i}.\n")
                else:
                    f.write(original.replace('title = "', f'title = "(Sửa {i}) ', 1))
            os.replace(tmp, news)
            writes.append((time.perf_counter() - start) * 1000)
            while True:
                line = stream.readline()
                if line.strip() == "event: reload":
                    samples.append((time.perf_counter() - start) * 1000)
                    break
                if line.strip() == "event: errors":
                    raise SystemExit("the edit produced content errors")
        with open(news, "w", encoding="utf-8") as f:
            f.write(original)
        print(json.dumps({"site": site, "edit": mode, "edits": edits, "median_ms": round(statistics.median(samples), 1),
                          "p90_ms": round(statistics.quantiles(samples, n=10)[-1], 1),
                          "min_ms": round(min(samples), 1), "max_ms": round(max(samples), 1),
                          # The save itself (write and rename): on a busy disk it can stall for
                          # a second, which the latency above includes.
                          "save_median_ms": round(statistics.median(writes), 1),
                          "save_max_ms": round(max(writes), 1)}))
    finally:
        proc.terminate()
        proc.wait()

if __name__ == "__main__":
    main()

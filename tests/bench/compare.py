#!/usr/bin/python3
"""HiveKit's hivectl against its peers, side by side, in one run.

For each hive and each work, HiveKit and the peer run in turn (paired runs:
HiveKit, peer, HiveKit, peer, ...), each as a child process; the CPU time
(user + system of the child, page faults included) and the peak resident
memory of each run are taken from wait4(). The median of the runs is
printed with the ratio peer / HiveKit (above 1: HiveKit is faster) and the
load average before and after, since the machine may be shared.

Works (HiveKit command | peer):
  set      hivectl set, one REG_DWORD in a new key (--force: hivex's own
           hives fail the structure check, see README) | hivexsh -w
  setdry   the same with --dry-run (validated, checked and applied, then
           rolled back) | hivexsh -w with the same edits and no commit
  import   hivectl import of a .reg file of 10,000 values | hivexregedit --merge
  check    hivectl check | hivex-walk --data (a full libhivex walk)
  export   hivectl export -o FILE | hivexregedit --export > FILE
  dump     hivectl dump --no-data > /dev/null | hivex-walk (names only)
  check1   check on one thread (HIVECTL_THREADS=1) | hivex-walk --data
  dump-map dump --no-data with the file mapped and populated instead of
           read whole into huge pages (HIVECTL_READ=map) | hivex-walk
  dump-fault  the same with the mapping's pages left to fault in
           (HIVECTL_READ=fault) | hivex-walk
  deleted  hivectl deleted | reglookup-recover (a scan of free cells too)
CPU time counts every thread of a child: the work split over threads shows
in the wall time (also printed, median, with its ratio), not in the CPU time.
Writing works run on a fresh copy of the hive each time (the copy is not
timed).

Order: --order paired (the default) alternates the two programs run by
run; --order blocks runs HiveKit N times in a row, then the peer N times.
The two can differ: on the VM these figures come from, a run leaves state
behind (page tables, caches, memory the host has just backed) that the
next run benefits from or pays for, so each order favours someone. The
README states both where they differ.

Usage: compare.py --hivectl PATH [--runs N] [--order paired|blocks] [--works set,import,...] HIVE...
Needs libhivex-bin (hivexsh, hivexregedit), libhivex-dev (hivex-walk is
compiled from hivex-walk.c beside this script), gcc and pkg-config.
Benchmarks are never part of the test run.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = "HKEY_LOCAL_MACHINE\\HIVE"


def run(argv, stdout=None, stdin=None, env=None):
    """CPU seconds, peak RSS (MiB) and wall seconds of one child; fails loudly on error."""
    out = stdout if stdout is not None else subprocess.DEVNULL
    started = time.monotonic()
    # Standard error to a file, not a pipe: a child with many warnings
    # (hivexregedit on hivex's own hives) would block on a full pipe.
    with tempfile.TemporaryFile() as errors:
        child_env = dict(os.environ, **env) if env else None
        proc = subprocess.Popen(argv, stdout=out, stdin=subprocess.PIPE if stdin else None, stderr=errors,
                                env=child_env)
        if stdin:
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read(2000).decode(errors="replace")
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)}: exit {proc.returncode}: {err[:500]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, wall


def build_walker(tmp):
    exe = os.path.join(tmp, "hivex-walk")
    flags = subprocess.check_output(["pkg-config", "--cflags", "--libs", "hivex"], text=True).split()
    subprocess.check_call(["gcc", "-O2", "-o", exe, os.path.join(HERE, "hivex-walk.c")] + flags)
    return exe


def write_import_reg(path, count):
    # UTF-8 regedit 5.00 text: hivectl reads it, hivexregedit too.
    with open(path, "w", encoding="ascii", newline="\r\n") as f:
        f.write("Windows Registry Editor Version 5.00\n\n")
        f.write(f"[{ROOT}\\BenchImport]\n")
        for i in range(count):
            f.write(f'"Value{i:05d}"=dword:{i:08x}\n')
        f.write("\n")


def works(hivectl, walker, tmp, reg):
    copy = os.path.join(tmp, "work.hive")
    out = os.path.join(tmp, "out.reg")

    def fresh(hive):
        shutil.copyfile(hive, copy)
        for suffix in (".LOG", ".LOG1", ".LOG2"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
        return copy

    hivexsh_script = ("add BenchSet\ncd BenchSet\nsetval 1\nValue\ndword:0x2a\ncommit\n")
    return {
        "set": (
            lambda h: run([hivectl, "set", fresh(h), "BenchSet", "Value", "--type", "REG_DWORD", "--data",
                           "42", "-p", "--force", "--flush", "fast"]),
            lambda h: run(["hivexsh", "-w", fresh(h)], stdin=hivexsh_script),
        ),
        "setdry": (
            lambda h: run([hivectl, "set", fresh(h), "BenchSet", "Value", "--type", "REG_DWORD", "--data",
                           "42", "-p", "--force", "--dry-run"]),
            lambda h: run(["hivexsh", "-w", fresh(h)], stdin=hivexsh_script.replace("commit\n", "")),
        ),
        "import": (
            lambda h: run([hivectl, "import", fresh(h), reg, "--force", "--flush", "fast"]),
            lambda h: run(["hivexregedit", "--merge", "--prefix", ROOT, fresh(h), reg]),
        ),
        "check": (
            lambda h: run([hivectl, "check", h]),
            lambda h: run([walker, h, "--data"]),
        ),
        "export": (
            lambda h: run([hivectl, "export", h, "-o", out]),
            lambda h: run(["hivexregedit", "--export", "--prefix", ROOT, h, "\\"], stdout=open(out, "wb")),
        ),
        "dump": (
            lambda h: run([hivectl, "dump", h, "--no-data"]),
            lambda h: run([walker, h]),
        ),
        "check1": (
            lambda h: run([hivectl, "check", h], env={"HIVECTL_THREADS": "1"}),
            lambda h: run([walker, h, "--data"]),
        ),
        "dump-map": (
            lambda h: run([hivectl, "dump", h, "--no-data"], env={"HIVECTL_READ": "map"}),
            lambda h: run([walker, h]),
        ),
        "dump-fault": (
            lambda h: run([hivectl, "dump", h, "--no-data"], env={"HIVECTL_READ": "fault"}),
            lambda h: run([walker, h]),
        ),
        "deleted": (
            lambda h: run([hivectl, "deleted", h]),
            lambda h: run(["reglookup-recover", h]),
        ),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hivectl", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--works", default="set,import,check,export,dump")
    ap.add_argument("--order", choices=("paired", "blocks"), default="paired")
    ap.add_argument("hives", nargs="+")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="hivekit-bench-") as tmp:
        walker = build_walker(tmp)
        reg = os.path.join(tmp, "import.reg")
        write_import_reg(reg, 10000)
        table = works(os.path.abspath(a.hivectl), walker, tmp, reg)
        print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}"
              f" ({a.runs} runs each, {a.order})")
        print(f"{'hive':<14} {'work':<10} {'MB':>6} {'HiveKit s':>9} {'peer s':>8} {'ratio':>6} "
              f"{'HiveKit RSS':>11} {'peer RSS':>8} {'wall HK':>8} {'wall peer':>9} {'ratio':>6}  load")
        for hive in a.hives:
            size = os.path.getsize(hive) / 1e6
            for work in a.works.split(","):
                ours, theirs = table[work]
                mine, peer = [], []
                if a.order == "paired":
                    for _ in range(a.runs):
                        mine.append(ours(hive))
                        peer.append(theirs(hive))
                else:
                    mine = [ours(hive) for _ in range(a.runs)]
                    peer = [theirs(hive) for _ in range(a.runs)]
                t_mine = statistics.median(t for t, _, _ in mine)
                t_peer = statistics.median(t for t, _, _ in peer)
                rss_mine = max(r for _, r, _ in mine)
                rss_peer = max(r for _, r, _ in peer)
                w_mine = statistics.median(w for _, _, w in mine)
                w_peer = statistics.median(w for _, _, w in peer)
                ratio = t_peer / t_mine if t_mine > 0 else float("inf")
                w_ratio = w_peer / w_mine if w_mine > 0 else float("inf")
                print(f"{os.path.basename(hive):<14} {work:<10} {size:6.0f} {t_mine:9.3f} {t_peer:8.3f} "
                      f"{ratio:6.2f} {rss_mine:9.0f}MB {rss_peer:6.0f}MB {w_mine:8.3f} {w_peer:9.3f} "
                      f"{w_ratio:6.2f}  {os.getloadavg()[0]:.1f}", flush=True)
        print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()

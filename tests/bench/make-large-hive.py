#!/usr/bin/python3
"""Writes a large hive for the read benchmark with python3-hivex.

The hive comes from an independent writer (libhivex), not from HiveKit, so
the benchmark reads a file neither library was tuned for. It is generated
(deterministically, from a fixed seed) into a build directory or /tmp and
never committed.

Shape (defaults): 300,000 keys in all, counting the root:
  - Wide: one key with 5,000 subkeys (a single lh list of 5,000 entries);
  - Tree: the other keys under 40 top-level keys, each key having 2 to 22
    subkeys, down to the depth needed to place them all;
  - every key but the root carries 0 to 5 values of mixed types: REG_SZ,
    REG_EXPAND_SZ, REG_MULTI_SZ, REG_DWORD (inline), REG_QWORD, REG_BINARY
    from 0 to 300 bytes (inline when 4 bytes or less), REG_NONE, an unknown
    type, and every 1,000th key a REG_BINARY of 16,345 to 65,536 bytes;
  - names are mostly ASCII, some Latin-1 (stored compressed), some outside
    Latin-1 (stored as UTF-16LE).

What libhivex does with that (checked with hivex 1.3.23):
  - values over 16,344 bytes are written as one plain data cell, never as a
    db (big data) record: the large hive exercises big cells, not db
    segments (regipy/SYSTEM, written by Windows, has db records);
  - freed cells are never reused: every node_add_child writes the parent's
    subkey list anew and frees the old one, so a key grown to n subkeys
    leaves about 4 * n * n bytes of free cells behind. The 5,000-subkey key
    alone leaves about 100 MB of free cells; that is why the file is larger
    than its live data (the script prints both).

Usage: make-large-hive.py OUTPUT [--keys N] [--wide N] [--seed N]
"""

import argparse
import os
import random
import struct
import sys

try:
    import hivex
except ImportError:
    sys.exit("make-large-hive.py: the hivex Python module is missing "
             "(apt-get install python3-hivex; run with /usr/bin/python3)")

REG_NONE, REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD = 0, 1, 2, 3, 4
REG_MULTI_SZ, REG_QWORD = 7, 11
REG_UNKNOWN = 0x4242  # a type no Windows version defines: kept raw

# Name fragments: a few outside ASCII, so both name storages appear.
WORDS = ["Control", "Services", "Parameters", "Enum", "Class", "Setup",
         "Policies", "Software", "Network", "Device", "Driver", "Config",
         "Grüße", "Café", "Ñandú", "Ελληνικά", "日本語", "Кириллица"]


def utf16z(text):
    return (text + "\0").encode("utf-16-le")


class Maker:
    def __init__(self, rng):
        self.rng = rng
        self.keys = 0
        self.values = 0
        self.value_bytes = 0
        self.big_values = 0

    def key_name(self, index):
        word = self.rng.choice(WORDS)
        return "%s%05d" % (word, index)

    def value(self, name):
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            text = "".join(rng.choice(WORDS) + "\\" for _ in range(rng.randint(0, 4)))
            return {"key": name, "t": REG_SZ, "value": utf16z(text + "x" * rng.randint(0, 30))}
        if roll < 0.45:
            return {"key": name, "t": REG_DWORD, "value": struct.pack("<I", rng.getrandbits(32))}
        if roll < 0.70:
            size = rng.choice([0, 1, 3, 4, 8, 16, 20, 64, 100, 300]) if rng.random() < 0.3 else rng.randint(5, 120)
            return {"key": name, "t": REG_BINARY, "value": rng.randbytes(size)}
        if roll < 0.80:
            return {"key": name, "t": REG_QWORD, "value": struct.pack("<Q", rng.getrandbits(64))}
        if roll < 0.88:
            return {"key": name, "t": REG_EXPAND_SZ, "value": utf16z("%SystemRoot%\\System32\\" + rng.choice(WORDS) + ".dll")}
        if roll < 0.96:
            parts = [rng.choice(WORDS) for _ in range(rng.randint(1, 5))]
            return {"key": name, "t": REG_MULTI_SZ, "value": "".join(p + "\0" for p in parts).encode("utf-16-le") + b"\0\0"}
        if roll < 0.98:
            return {"key": name, "t": REG_NONE, "value": b""}
        return {"key": name, "t": REG_UNKNOWN, "value": rng.randbytes(rng.randint(0, 12))}

    def set_values(self, h, node):
        rng = self.rng
        self.keys += 1
        vals = []
        for i in range(rng.choice([0, 1, 2, 2, 3, 3, 3, 4, 5])):
            name = "" if i == 0 and rng.random() < 0.1 else "%s%d" % (rng.choice(WORDS), i)
            vals.append(self.value(name))
        if self.keys % 1000 == 0:
            vals.append({"key": "Blob", "t": REG_BINARY, "value": rng.randbytes(rng.randint(16345, 65536))})
            self.big_values += 1
        if vals:
            h.node_set_values(node, vals)
            self.values += len(vals)
            self.value_bytes += sum(len(v["value"]) for v in vals)


def main():
    parser = argparse.ArgumentParser(description="Write a large hive with python3-hivex.")
    parser.add_argument("output")
    parser.add_argument("--keys", type=int, default=300000, help="keys in all, root included")
    parser.add_argument("--wide", type=int, default=5000, help="subkeys of the one wide key")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--base", required=True,
                        help="a minimal hive to start from (the corpus's hivex/minimal, unpacked)")
    args = parser.parse_args()
    if args.keys < args.wide + 50:
        sys.exit("make-large-hive.py: --keys must exceed --wide by at least 50")

    rng = random.Random(args.seed)
    maker = Maker(rng)
    h = hivex.Hivex(args.base, write=True)
    root = h.root()
    made = 1  # the root

    wide = h.node_add_child(root, "Wide")
    maker.set_values(h, wide)
    made += 1
    for i in range(args.wide):
        # Ascending names: hivex appends each to the end of the sorted list.
        child = h.node_add_child(wide, "Item%05d" % i)
        maker.set_values(h, child)
        made += 1

    # Breadth-first: each level's keys get 2 to 22 children until the
    # count is reached, so the tree is as deep as it needs to be.
    level = []
    for i in range(40):
        node = h.node_add_child(root, maker.key_name(i))
        maker.set_values(h, node)
        level.append(node)
        made += 1
    while made < args.keys:
        nextLevel = []
        for parent in level:
            for i in range(rng.randint(2, 22)):
                if made >= args.keys:
                    break
                node = h.node_add_child(parent, maker.key_name(i))
                maker.set_values(h, node)
                nextLevel.append(node)
                made += 1
            if made >= args.keys:
                break
        level = nextLevel

    h.commit(args.output)
    size = os.path.getsize(args.output)
    print("%s: %d bytes, %d keys, %d values (%d of them over 16344 bytes), %d bytes of value data"
          % (args.output, size, made, maker.values, maker.big_values, maker.value_bytes))


if __name__ == "__main__":
    main()

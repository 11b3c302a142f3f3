#!/usr/bin/env python3
"""Adds (or refreshes) the index section of the CloudFormation type table.

    python3 tools/type-table/table_index.py ir/data/cloudformation-types.tsv

The index is one line per type, "I<TAB><type name><TAB><offset>", sorted like the types, after
the header comments and before the first T record; <offset> is the byte offset of the type's T
line in the file, zero-padded to a fixed width so the index's own size is known before the
offsets are. A lookup bisects these short lines instead of the T records, which run from one
line to hundreds (ir/table_text.h findIndexedRecord). generate.py calls with_index on its
output; run this alone after editing the table by other means. Standard library only.
"""

import sys

OFFSET_WIDTH = 8


def with_index(text):
    """`text` (a type table, with or without an index) with a fresh index."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("I\t")]
    header = [line for line in lines if line.startswith("#")]
    body = lines[len(header):]
    if any(line.startswith("#") for line in body):
        raise SystemExit("table_index.py: comment lines must all come first")
    types = []
    offset = 0
    for line in body:
        if line.startswith("T\t"):
            types.append((line.split("\t", 2)[1], offset))
        offset += len(line.encode("utf-8"))
    before = sum(len(line.encode("utf-8")) for line in header)
    before += sum(len(f"I\t{name}\t".encode("utf-8")) + OFFSET_WIDTH + 1 for name, _ in types)
    index = [f"I\t{name}\t{before + at:0{OFFSET_WIDTH}d}\n" for name, at in types]
    if before + offset >= 10 ** OFFSET_WIDTH:
        raise SystemExit("table_index.py: the table outgrew the offset width")
    return "".join(header + index + body)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    path = sys.argv[1]
    with open(path, encoding="utf-8", newline="") as table:
        text = table.read()
    with open(path, "w", encoding="utf-8", newline="") as table:
        table.write(with_index(text))


if __name__ == "__main__":
    main()

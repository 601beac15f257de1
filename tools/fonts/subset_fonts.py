#!/usr/bin/python3
"""Subsets Debian's fonts into the fonts chartmix ships, at build time.

  chartmix-latin.ttf  DejaVu Sans: Latin, Greek, punctuation, arrows, shapes, U+FFFD, plus any
                      non-CJK character the datasets use (Cyrillic, accents); loaded at start
  cjk/index.bin       which chunk holds each Hangul, kana and ideograph code point
  cjk/NNN.otf         Noto Sans CJK in chunks of 32 to 512 glyphs (cjk_chunks.py): every CJK
                      character of the collection, fetched only when the loaded text uses it
  chartmix-fonts.txt  what went in: glyph counts and sizes

Run with Debian's /usr/bin/python3 (python3-fonttools). Font binaries go to the build tree only.
"""
import argparse
import gzip
import os

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from cjk_chunks import LISTS, decode_index, slice_cached

TEXT_SUFFIXES = (".csv", ".json", ".txt", ".tsv", ".csv.gz", ".json.gz")
MAX_FILE_BYTES = 64 << 20


def decode(data):
    for enc in ("utf-8-sig", "cp949", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="ignore")


def dataset_chars(root):
    chars = set()
    if not root or not os.path.isdir(root):
        return chars
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not name.lower().endswith(TEXT_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            if os.path.getsize(path) > MAX_FILE_BYTES:
                continue
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                chars.update(ord(ch) for ch in decode(f.read()))
    return {c for c in chars if c >= 0x20}


def subset_font(font, codepoints):
    options = subset.Options()
    options.layout_features = []       # Dear ImGui draws glyphs one by one: no shaping tables
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--datasets", default="", help="folder of datasets whose characters must be covered")
    ap.add_argument("--text", action="append", default=[], help="more files whose characters must be covered (the simulated market's names)")
    ap.add_argument("--latin", default="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    ap.add_argument("--cjk", default="/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    ap.add_argument("--cache-dir", default="", help="where sliced CJK chunks are kept for other build trees")
    ap.add_argument("--workers", type=int, default=2, help="processes slicing the CJK chunks")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    # The app's own text (--text: the simulated market every visitor sees first) gets a chunk of its own.
    own = set()
    for path in args.text:
        with open(path, "rb") as f:
            own.update(c for c in map(ord, decode(f.read())) if c >= 0x20)
    chunks, glyphs, chunk_bytes = slice_cached(args.cjk, args.out_dir, own, args.cache_dir, args.workers)
    with open(os.path.join(args.out_dir, "cjk", "index.bin"), "rb") as f:
        in_chunks = set(decode_index(f.read()))  # every code point of the CJK ranges, whether the font has it or not
    cjk_has = set(TTCollection(args.cjk, lazy=True).fonts[0].getBestCmap())

    used = dataset_chars(args.datasets) | own
    # The ranges the UI's own text needs (assets/fonts.json), and any non-CJK character of the data.
    latin_set = {c for c in used if c not in in_chunks}
    for lo, hi, _why in LISTS["latin"]["ranges"]:
        latin_set |= set(range(int(lo, 16), int(hi, 16) + 1))
    latin = TTFont(args.latin)
    latin_set &= set(latin.getBestCmap().keys())
    subset_font(latin, latin_set)
    latin_path = os.path.join(args.out_dir, "chartmix-latin.ttf")
    stale = os.path.join(args.out_dir, "chartmix-cjk.ttf")  # the single subset the chunks replaced
    if os.path.exists(stale):
        os.remove(stale)
    latin.save(latin_path)
    missing = sorted(c for c in used if c in in_chunks and c not in cjk_has)

    with open(os.path.join(args.out_dir, "chartmix-fonts.txt"), "w", encoding="utf-8") as f:
        f.write("latin %d glyphs %d bytes\n" % (len(latin_set), os.path.getsize(latin_path)))
        f.write("cjk %d chunks, %d glyphs, %d bytes in all\n" % (chunks, glyphs, chunk_bytes))
        f.write("dataset CJK characters the collection lacks: %d %s\n" % (len(missing), "".join(chr(c) for c in missing[:50])))


if __name__ == "__main__":
    main()

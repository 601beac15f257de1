#!/usr/bin/python3
"""Subsets Debian's fonts into the two small fonts chartmix ships, at build time.

  chartmix-latin.ttf  DejaVu Sans: Latin, Greek, punctuation, arrows, shapes, U+FFFD, plus any
                      non-CJK character the datasets use (Cyrillic, accents)
  chartmix-cjk.ttf    Noto Sans CJK KR (Hangul, kana and ideographs): the characters the datasets
                      use plus the common ones within a budget, converted from CFF to TrueType
                      outlines (quadratic, via cu2qu) for the widest rasterizer support
  chartmix-fonts.txt  what went in: glyph counts and sizes

Run with Debian's /usr/bin/python3 (python3-fonttools). Font binaries go to the build tree only.
"""
import argparse
import gzip
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

TEXT_SUFFIXES = (".csv", ".json", ".txt", ".tsv", ".csv.gz", ".json.gz")
MAX_FILE_BYTES = 64 << 20


def is_cjk(c):
    return (0x1100 <= c <= 0x11FF or 0x3000 <= c <= 0x30FF or 0x3130 <= c <= 0x318F or 0x3400 <= c <= 0x4DBF
            or 0x4E00 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7A3 or 0xF900 <= c <= 0xFAFF or 0xFF00 <= c <= 0xFFEF)


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


def common_hangul():
    """The 2,350 precomposed syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8): everyday Korean."""
    out = set()
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([lead, trail]).decode("euc-kr")))
            except UnicodeDecodeError:
                pass
    return out


def common_hanzi():
    """GB2312 level 1: the 3,755 most frequent simplified Chinese characters."""
    out = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([lead, trail]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def kana_and_punctuation():
    return set(range(0x3000, 0x3040)) | set(range(0x3041, 0x3097)) | set(range(0x30A0, 0x3100)) | set(range(0xFF01, 0xFF5F))


def otf_to_ttf(font):
    """Replaces CFF outlines with TrueType quadratic ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\000\001\000\000"


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
    ap.add_argument("--cjk-face", default="Noto Sans CJK KR", help="face of the collection to take")
    ap.add_argument("--common", default="hangul,kana", help="comma list of: hangul, kana, hanzi, none")
    ap.add_argument("--budget", type=int, default=6000, help="most CJK glyphs (dataset characters always stay)")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    used = dataset_chars(args.datasets)
    for path in args.text:
        with open(path, "rb") as f:
            used.update(c for c in map(ord, decode(f.read())) if c >= 0x20)
    used_cjk = {c for c in used if is_cjk(c)}
    common = set()
    groups = {"hangul": common_hangul, "kana": kana_and_punctuation, "hanzi": common_hanzi}
    for name in filter(None, args.common.split(",")):
        if name in groups:
            common |= groups[name]()
    extra = sorted(common - used_cjk)[: max(0, args.budget - len(used_cjk))]
    cjk_set = used_cjk | set(extra)

    latin_set = set(range(0x20, 0x7F)) | set(range(0xA0, 0x250)) | set(range(0x2000, 0x2070)) | set(range(0x2190, 0x2200))
    latin_set |= set(range(0x2200, 0x2300)) | set(range(0x25A0, 0x2600)) | {c for c in used if not is_cjk(c)}
    # Greek for the UI's own symbols (Kendall's tau, sigma); U+FFFD as the atlas's fallback glyph, so a
    # missing character shows as itself and not as a '?' that reads like text.
    latin_set |= set(range(0x370, 0x400)) | {0xFFFD}
    latin = TTFont(args.latin)
    latin_set &= set(latin.getBestCmap().keys())
    subset_font(latin, latin_set)
    latin_path = os.path.join(args.out_dir, "chartmix-latin.ttf")
    latin.save(latin_path)

    collection = TTCollection(args.cjk)
    faces = [f for f in collection.fonts if f["name"].getDebugName(4) == args.cjk_face]
    if not faces:
        sys.exit("subset_fonts: no face named %r in %s" % (args.cjk_face, args.cjk))
    cjk = faces[0]
    covered = set(cjk.getBestCmap().keys())
    missing = sorted(c for c in used_cjk if c not in covered)
    cjk_set &= covered
    subset_font(cjk, cjk_set)
    if "CFF " in cjk:
        otf_to_ttf(cjk)
    cjk_path = os.path.join(args.out_dir, "chartmix-cjk.ttf")
    cjk.save(cjk_path)

    with open(os.path.join(args.out_dir, "chartmix-fonts.txt"), "w", encoding="utf-8") as f:
        f.write("latin %d glyphs %d bytes\n" % (len(latin_set), os.path.getsize(latin_path)))
        f.write("cjk %d glyphs (%d from the datasets, %d common) %d bytes\n" %
                (len(cjk_set), len(used_cjk & covered), len(cjk_set - used_cjk), os.path.getsize(cjk_path)))
        f.write("dataset CJK characters the font lacks: %d %s\n" % (len(missing), "".join(chr(c) for c in missing[:50])))


if __name__ == "__main__":
    main()

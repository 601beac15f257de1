"""Slices Debian's Noto Sans CJK into small unicode-range fonts the UI fetches only when the text needs them.

Each code point of the CJK scripts goes to exactly one chunk; cjk/index.bin maps code points to
chunks (format below), cjk/NNN.otf holds one chunk. Chunks are cut in an order that approximates
frequency, so a chart's characters fall into few files:
  tier 0  the app's own text (the simulated market's names, the first thing a visitor sees)
  tier 1  CJK punctuation, kana, compatibility jamo, fullwidth forms
  tier 2  the Hangul syllables of KS X 1001 (the 2,350 in everyday use)
  tier 3  ideographs in at least three of the four level-1 sets (GB2312, JIS X 0208, Big5, KS X 1001 hanja)
  tier 4  ideographs in one or two of them
  tier 5  ideographs in a level-2 set only (GB2312, JIS X 0208, Big5)
  tier 6  everything else: rare Hangul syllables, rare ideographs, radicals, enclosed and compatibility forms
Within a tier, code point order; rarer tiers have bigger chunks (they are fetched seldom).

Glyphs keep their CFF outlines (stb_truetype, inside Dear ImGui, reads CFF). One face per code point:
Hangul from KR, kana from JP, an ideograph from SC if GB2312 has it, else JP (JIS X 0208), TC (Big5),
KR (hanja), else SC. All faces of the collection share one CFF table, so a chunk mixes them freely.

index.bin (little-endian): "CMXCJK3\\n"; u8 tier count, u16 glyphs per chunk for each tier; u8 range
count, then per range u24 first and last code point and u8 tier, or 0xFF then four u8 tiers and one
2-bit code per code point (four to a byte, low bits first) naming one of those four; then u8 tier,
u16 count and that many u24 code points moved into that tier (the app's own text). Chunks are cut
tier by tier, code points ascending within a tier, every code point of a range counted whether the
font has it or not; chunk n is the file cjk/NNN.otf.
"""
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._c_m_a_p import cmap_format_4

INDEX_MAGIC = b"CMXCJK3\n"
# The slicing lists are the product's data: assets/fonts.json ("cjk_chunk_glyphs", "cjk_ranges").
LISTS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "fonts.json")
with open(LISTS_PATH, encoding="utf-8") as _f:
    LISTS = json.load(_f)
# Tier: (name, glyphs per chunk), in this order; the index stores tiers by position.
TIER_NAMES = ("builtin", "symbols", "hangul", "common", "frequent", "level2", "rare")
TIERS = tuple((name, int(LISTS["cjk_chunk_glyphs"][name])) for name in TIER_NAMES)
BUILTIN, SYMBOLS, HANGUL, COMMON, FREQUENT, LEVEL2, RARE = range(len(TIERS))
# Code point ranges in index order: a fixed tier, or None for a per-code-point tier (2 bits each).
RANGES = tuple((int(lo, 16), int(hi, 16), None if tier == "by_code_table" else TIER_NAMES.index(tier))
               for lo, hi, tier in LISTS["cjk_ranges"])


def is_ideograph(c):
    return 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF


def is_hangul(c):
    return 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F or 0xA960 <= c <= 0xA97F or 0xAC00 <= c <= 0xD7FF


def codec_set(encoding, leads, trails=range(0xA1, 0xFF)):
    """The characters of a double-byte code table, from Python's codecs."""
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                out.add(ord(bytes([lead, trail]).decode(encoding)))
            except UnicodeDecodeError:
                pass
    return out


def standard_sets():
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    return {
        "ks_hangul": codec_set("euc-kr", range(0xB0, 0xC9)),
        "gb1": codec_set("gb2312", range(0xB0, 0xD8)), "gb2": codec_set("gb2312", range(0xD8, 0xF8)),
        "jis1": codec_set("euc_jp", range(0xB0, 0xD0)), "jis2": codec_set("euc_jp", range(0xD0, 0xF5)),
        "big1": codec_set("big5", range(0xA4, 0xC7), big5_trails), "big2": codec_set("big5", range(0xC9, 0xFA), big5_trails),
        "ks_hanja": codec_set("euc-kr", range(0xCA, 0xFE)),
    }


def mapped_tier(c, sets):
    """Tier of a code point in a mapped range (URO ideographs, Hangul syllables)."""
    if is_hangul(c):
        return HANGUL if c in sets["ks_hangul"] else RARE
    level1 = sum(c in sets[k] for k in ("gb1", "jis1", "big1", "ks_hanja"))
    if level1 >= 3:
        return COMMON
    if level1 >= 1:
        return FREQUENT
    return LEVEL2 if any(c in sets[k] for k in ("gb2", "jis2", "big2")) else RARE


def face_of(c, sets):
    if is_hangul(c):
        return "KR"
    if not is_ideograph(c) and not 0xF900 <= c <= 0xFAFF:
        return "JP"
    if c in sets["gb1"] or c in sets["gb2"]:
        return "SC"
    if c in sets["jis1"] or c in sets["jis2"]:
        return "JP"
    if c in sets["big1"] or c in sets["big2"]:
        return "TC"
    return "KR" if c in sets["ks_hanja"] else "SC"


def tiers_by_codepoint(sets, builtin=()):
    """[(code point, tier)] over every range, ascending, present in the font or not; the code points
    of builtin (the app's own text) go to BUILTIN."""
    out = []
    for lo, hi, tier in RANGES:
        out += [(c, BUILTIN if c in builtin else tier if tier is not None else mapped_tier(c, sets)) for c in range(lo, hi + 1)]
    return out


def plan_chunks(tiers):
    """[[code points] per chunk]: tier by tier, code point order within a tier, TIERS' sizes."""
    chunks = []
    for tier, (_, size) in enumerate(TIERS):
        points = [c for c, t in tiers if t == tier]
        chunks += [points[i:i + size] for i in range(0, len(points), size)]
    return chunks


def encode_index(tiers, sets):
    """index.bin; the UI's cjk_chunk_index.cpp reads it and recomputes the chunks as plan_chunks does."""
    builtin = sorted(c for c, t in tiers if t == BUILTIN)
    tier_of = dict(tiers_by_codepoint(sets))
    out = bytearray(INDEX_MAGIC)
    out.append(len(TIERS))
    for _, size in TIERS:
        out += size.to_bytes(2, "little")
    out.append(len(RANGES))
    for lo, hi, tier in RANGES:
        out += lo.to_bytes(3, "little") + hi.to_bytes(3, "little")
        if tier is not None:
            out.append(tier)
            continue
        present = sorted({tier_of[c] for c in range(lo, hi + 1)})
        assert len(present) <= 4, "a mapped range holds at most four tiers (2-bit codes)"
        out.append(0xFF)
        out += bytes(present + [0xFF] * (4 - len(present)))
        codes = [present.index(tier_of[c]) for c in range(lo, hi + 1)]
        for i in range(0, len(codes), 4):
            out.append(sum(code << (2 * k) for k, code in enumerate(codes[i:i + 4])))
    out.append(BUILTIN)
    out += len(builtin).to_bytes(2, "little")
    for c in builtin:
        out += c.to_bytes(3, "little")
    return bytes(out)


def write_chunk(ttc_path, face_index, glyph_of, path):
    """One chunk: the glyphs of glyph_of ({code point: glyph name}) under a cmap of just those."""
    # The collection's FontBBox stays: recomputing it would execute every charstring again (a third of the time).
    font = TTFont(ttc_path, fontNumber=face_index, lazy=True, recalcBBoxes=False)
    # Our own cmap, set before subsetting: decoding the collection's 45,000-entry one took a third of the time.
    table = cmap_format_4(4)
    table.platformID, table.platEncID, table.language = 3, 1, 0
    table.cmap = dict(glyph_of)
    font["cmap"] = newTable("cmap")
    font["cmap"].tableVersion = 0
    font["cmap"].tables = [table]
    options = subset.Options()
    options.layout_features = []          # Dear ImGui draws glyphs one by one: no shaping tables
    options.hinting = False               # stb_truetype ignores hints: smaller files
    options.name_IDs = [1, 2]
    options.notdef_outline = True
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "DSIG"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(glyph_of))
    sub.subset(font)
    font.save(path)


def decode_index(data):
    """{code point: chunk} from index.bin: the check that the UI's reader and this writer agree."""
    assert data.startswith(INDEX_MAGIC)
    p = len(INDEX_MAGIC)
    sizes = [int.from_bytes(data[p + 1 + 2 * i:p + 3 + 2 * i], "little") for i in range(data[p])]
    p += 1 + 2 * len(sizes)
    tiers = []
    ranges = data[p]
    p += 1
    for _ in range(ranges):
        lo, hi, mode = int.from_bytes(data[p:p + 3], "little"), int.from_bytes(data[p + 3:p + 6], "little"), data[p + 6]
        p += 7
        if mode != 0xFF:
            tiers += [(c, mode) for c in range(lo, hi + 1)]
            continue
        table = data[p:p + 4]
        p += 4
        for k, c in enumerate(range(lo, hi + 1)):
            tiers.append((c, table[(data[p + k // 4] >> (2 * (k % 4))) & 3]))
        p += (hi - lo + 1 + 3) // 4
    moved_to, count = data[p], int.from_bytes(data[p + 1:p + 3], "little")
    moved = {int.from_bytes(data[p + 3 + 3 * i:p + 6 + 3 * i], "little") for i in range(count)}
    tiers = [(c, moved_to if c in moved else t) for c, t in tiers]
    first, owner = 0, {}
    for tier, size in enumerate(sizes):
        points = [c for c, t in tiers if t == tier]
        for i, c in enumerate(points):
            owner[c] = first + i // size
        first += (len(points) + size - 1) // size
    return owner


def slice_collection(ttc_path, out_dir, builtin=(), workers=1):
    """Writes out_dir/cjk/index.bin and the chunks; returns (chunks, glyphs, bytes of all chunks)."""
    collection = TTCollection(ttc_path, lazy=True)
    index_of, cmaps = {}, {}
    for i, face in enumerate(collection.fonts):
        name = face["name"].getDebugName(4)
        for key in ("KR", "SC", "JP", "TC"):
            if name == "Noto Sans CJK " + key:
                index_of[key], cmaps[key] = i, face.getBestCmap()
    missing = [k for k in ("KR", "SC", "JP", "TC") if k not in cmaps]
    if missing:
        raise SystemExit("cjk_chunks: %s lacks the faces %s" % (ttc_path, ", ".join(missing)))
    sets = standard_sets()
    tiers = tiers_by_codepoint(sets, builtin)
    chunks = plan_chunks(tiers)
    index = encode_index(tiers, sets)
    owner = decode_index(index)
    assert all(owner[c] == n for n, points in enumerate(chunks) for c in points), "index.bin and the chunks disagree"
    glyph_of = {c: cmaps[face_of(c, sets)].get(c) or cmaps["KR"][c] for c in owner if c in cmaps["KR"]}
    folder = os.path.join(out_dir, "cjk")
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.endswith(".otf"):
            os.remove(os.path.join(folder, old))
    jobs = [(ttc_path, index_of["KR"], {c: glyph_of[c] for c in points if c in glyph_of}, os.path.join(folder, "%03d.otf" % n))
            for n, points in enumerate(chunks)]
    if workers > 1:
        with multiprocessing.Pool(workers) as pool:
            pool.starmap(write_chunk, jobs, chunksize=4)
    else:
        for job in jobs:
            write_chunk(*job)
    with open(os.path.join(folder, "index.bin"), "wb") as f:
        f.write(index)
    return len(chunks), len(glyph_of), sum(os.path.getsize(job[3]) for job in jobs)


def slice_cached(ttc_path, out_dir, builtin=(), cache_dir="", workers=2):
    """slice_collection through a cache shared by build trees (native, web, asan): slicing takes a minute,
    and its output depends only on this file, its lists (assets/fonts.json), the app's own text and the collection. Returns
    slice_collection's figures."""
    if not cache_dir:
        return slice_collection(ttc_path, out_dir, builtin, workers)
    stat = os.stat(ttc_path)
    with open(__file__, "rb") as f, open(LISTS_PATH, "rb") as lists:
        inputs = f.read() + lists.read() + ("%s %d %d %s" % (ttc_path, stat.st_size, stat.st_mtime_ns, sorted(builtin))).encode()
    key = hashlib.sha1(inputs).hexdigest()[:16]
    cached = os.path.join(cache_dir, "cjk-" + key)
    if not os.path.exists(os.path.join(cached, "cjk", "index.bin")):
        os.makedirs(cache_dir, exist_ok=True)
        building = tempfile.mkdtemp(prefix="cjk-building-", dir=cache_dir)
        figures = slice_collection(ttc_path, building, builtin, workers)
        with open(os.path.join(building, "figures.txt"), "w") as f:
            f.write("%d %d %d\n" % figures)
        try:
            os.rename(building, cached)  # atomic: a build running alongside sees all or nothing
        except OSError:
            shutil.rmtree(building)      # the other build won; its files are the same
    folder = os.path.join(out_dir, "cjk")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(cached, "cjk"), folder)
    with open(os.path.join(cached, "figures.txt")) as f:
        return tuple(int(x) for x in f.read().split())

#!/usr/bin/env python3
"""Regenerates every fixture in this folder (see README.md). Needs: python3, libjpeg-turbo-progs
(cjpeg, djpeg, tjbench), netpbm (pngtopam). Deterministic: synthetic images only, no photos."""
import os, shutil, struct, subprocess, tempfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)


def run(*args, stdin=None):
    return subprocess.run(args, input=stdin, check=True, stdout=subprocess.PIPE).stdout


def ppm(w, h, rgb):
    return b"P6\n%d %d\n255\n" % (w, h) + bytes(rgb)


def synthetic(w, h, seed=1):
    """Gradients, colour blocks, thin dark 'text' strokes and a little LCG noise."""
    state = seed
    out = bytearray()
    for y in range(h):
        for x in range(w):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            noise = (state >> 16) % 9 - 4
            r = (x * 255) // max(1, w - 1)
            g = (y * 255) // max(1, h - 1)
            b = 128 + ((x - y) * 3) % 96
            if (x // 8 + y // 8) % 3 == 0:
                r, g, b = 220, 40 + (x * 4) % 60, 30
            if y % 11 in (5, 6) and 3 <= x % 16 <= 12:  # text-like strokes
                r, g, b = 15, 15, 20
            if x % 13 == 7 and y % 9 < 6:
                r, g, b = 250, 250, 245
            out += bytes(max(0, min(255, c + noise)) for c in (r, g, b))
    return out


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def jpeg(name, source_ppm, *options):
    write(name, run("cjpeg", *options, stdin=source_ppm))


def reference(jpeg_name, ref_name, *options):
    with open(jpeg_name, "rb") as f:
        write(ref_name, run("djpeg", *options, stdin=f.read()))


def exif_app1(orientation):
    # Little-endian TIFF header, IFD0 with one entry: Orientation (0x0112), SHORT, count 1.
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack("<I", 0)
    payload = b"Exif\x00\x00" + tiff
    return b"\xFF\xE1" + struct.pack(">H", len(payload) + 2) + payload


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, depth, color_type, rows, palette=None, trns=None, interlace=False):
    """rows: list of lists of integer samples (channels per pixel interleaved). Filters cycle 0..4 per row."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type]
    bpp = max(1, channels * depth // 8)

    def pack_row(samples):
        if depth == 16:
            return b"".join(struct.pack(">H", s) for s in samples)
        if depth == 8:
            return bytes(samples)
        bits = 0; count = 0; out = bytearray()
        for s in samples:
            bits = (bits << depth) | s; count += depth
            if count == 8:
                out.append(bits); bits = 0; count = 0
        if count:
            out.append(bits << (8 - count))
        return bytes(out)

    def filt(kind, row, prev):
        out = bytearray([kind])
        for i, v in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i] if prev else 0
            c = prev[i - bpp] if prev and i >= bpp else 0
            if kind == 0: p = 0
            elif kind == 1: p = a
            elif kind == 2: p = b
            elif kind == 3: p = (a + b) // 2
            else:
                e = a + b - c; pa, pb, pc = abs(e - a), abs(e - b), abs(e - c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            out.append((v - p) & 0xFF)
        return out

    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)] if interlace else [(0, 0, 1, 1)]
    raw = bytearray(); n = 0
    for x0, y0, dx, dy in passes:
        prev = None
        for y in range(y0, height, dy):
            xs = list(range(x0, width, dx))
            if not xs:
                continue
            samples = [s for x in xs for s in rows[y][x * channels:(x + 1) * channels]]
            packed = pack_row(samples)
            raw += filt(n % 5, packed, prev); prev = packed; n += 1
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 1 if interlace else 0))
    if palette:
        out += png_chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
    if trns is not None:
        out += png_chunk(b"tRNS", trns)
    z = zlib.compress(bytes(raw), 9)
    out += png_chunk(b"IDAT", z[: len(z) // 2]) + png_chunk(b"IDAT", z[len(z) // 2:])  # split IDAT on purpose
    return out + png_chunk(b"IEND", b"")


def png_reference(png_name, ref_name):
    # netpbm composites alpha over the given background and scales every depth to maxval 255.
    write(ref_name, run("sh", "-c", f"pngtopam -mix -background=white {png_name} | pamdepth 255 | pamtopnm -assume"))


def main():
    for f in os.listdir("."):
        if f.endswith((".jpg", ".png", ".ppm", ".pgm", ".bin", ".txt")):
            os.remove(f)

    w, h = 40, 32
    photo = ppm(w, h, synthetic(w, h))
    odd = ppm(33, 17, synthetic(33, 17, seed=7))
    big = ppm(81, 45, synthetic(81, 45, seed=3))

    # Baseline sequential, every chroma subsampling, references by djpeg (islow IDCT, fancy upsampling).
    for name, sample in [("444", "1x1"), ("422", "2x1"), ("420", "2x2"), ("440", "1x2"), ("411", "4x1")]:
        jpeg(f"baseline_{name}.jpg", photo, "-quality", "90", "-sample", sample)
        reference(f"baseline_{name}.jpg", f"baseline_{name}.ppm", "-ppm")
    jpeg("gray.jpg", photo, "-quality", "90", "-grayscale")
    reference("gray.jpg", "gray.pgm", "-pnm")
    jpeg("rgb_no_transform.jpg", photo, "-quality", "90", "-rgb")
    reference("rgb_no_transform.jpg", "rgb_no_transform.ppm", "-ppm")
    jpeg("q100_optimized_444.jpg", photo, "-quality", "100", "-sample", "1x1", "-optimize")
    reference("q100_optimized_444.jpg", "q100_optimized_444.ppm", "-ppm")
    for name, sample in [("420", "2x2"), ("422", "2x1")]:
        jpeg(f"odd_33x17_{name}.jpg", odd, "-quality", "85", "-sample", sample)
        reference(f"odd_33x17_{name}.jpg", f"odd_33x17_{name}.ppm", "-ppm")
    jpeg("tiny_3x2_420.jpg", ppm(3, 2, synthetic(3, 2, seed=5)), "-quality", "90", "-sample", "2x2")
    reference("tiny_3x2_420.jpg", "tiny_3x2_420.ppm", "-ppm")

    # 81x45 4:2:0 in several codings of the same coefficients: djpeg output is identical for all of them,
    # so one reference serves (asserted below).
    variants = {
        "large_baseline.jpg": [],
        "large_restart_1row.jpg": ["-restart", "1"],
        "large_restart_5mcu.jpg": ["-restart", "5B"],
        "large_progressive.jpg": ["-progressive"],
        "large_progressive_restart.jpg": ["-progressive", "-restart", "2B"],
    }
    for name, options in variants.items():
        jpeg(name, big, "-quality", "88", "-sample", "2x2", *options)
        reference(name, "tmp.ppm", "-ppm")
        with open("tmp.ppm", "rb") as f:
            decoded = f.read()
        if name == "large_baseline.jpg":
            write("large_420.ppm", decoded)
        else:
            assert decoded == open("large_420.ppm", "rb").read(), name
        os.remove("tmp.ppm")
    jpeg("progressive_gray.jpg", photo, "-quality", "90", "-grayscale", "-progressive")
    reference("progressive_gray.jpg", "progressive_gray.pgm", "-pnm")
    jpeg("progressive_444.jpg", photo, "-quality", "92", "-sample", "1x1", "-progressive")
    reference("progressive_444.jpg", "progressive_444.ppm", "-ppm")

    # DCT-domain scaled references.
    for source in ["baseline_420", "baseline_444", "baseline_422", "large_progressive", "odd_33x17_420"]:
        for denominator in (2, 4, 8):
            reference(f"{source}.jpg", f"{source}_scale1_{denominator}.ppm", "-ppm", "-scale", f"1/{denominator}")

    # Adobe YCCK (tjbench -cmyk converts RGB to CMYK, then codes YCCK) and the same data relabelled as plain
    # Adobe CMYK (APP14 transform byte 2 -> 0), each with djpeg's CMYK->RGB reference.
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(tmp, "cmyk.ppm"), photo)
        subprocess.run(["tjbench", "cmyk.ppm", "90", "-cmyk", "-subsamp", "420", "-benchtime", "0.01", "-warmup", "0", "-quiet"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "cmyk_420_Q90.jpg"), "ycck_420.jpg")
    reference("ycck_420.jpg", "ycck_420.ppm", "-ppm")
    ycck = open("ycck_420.jpg", "rb").read()
    at = ycck.index(b"Adobe") + 11
    assert ycck[at] == 2
    write("cmyk_420.jpg", ycck[:at] + b"\x00" + ycck[at + 1:])
    reference("cmyk_420.jpg", "cmyk_420.ppm", "-ppm")

    # EXIF orientation 1..8 on a 24x16 4:4:4 image; the single reference is the stored (unrotated) decode.
    jpeg("tmp.jpg", ppm(24, 16, synthetic(24, 16, seed=11)), "-quality", "95", "-sample", "1x1")
    plain = open("tmp.jpg", "rb").read()
    os.remove("tmp.jpg")
    write("exif_stored.jpg", plain)
    reference("exif_stored.jpg", "exif_stored.ppm", "-ppm")
    for orientation in range(1, 9):
        write(f"exif_orientation_{orientation}.jpg", plain[:2] + exif_app1(orientation) + plain[2:])

    # Unsupported but valid: arithmetic coding.
    jpeg("arithmetic.jpg", odd, "-arithmetic")

    # Broken inputs.
    base = open("baseline_420.jpg", "rb").read()
    write("truncated.jpg", base[: len(base) * 2 // 3])
    write("empty.bin", b"")
    write("text.txt", b"This is not an image, just some text.\n")
    sof = base.index(b"\xFF\xC0")
    write("absurd_65500x65500.jpg", base[: sof + 5] + struct.pack(">HH", 65500, 65500) + base[sof + 9:])

    # PNGs: synthetic samples of every colour type / depth; filters cycle 0..4 per row; IDAT split in two.
    pw, ph = 13, 11
    def sample(x, y, c, maxval):
        return ((x * 37 + y * 101 + c * 53 + x * y * 7) % (maxval + 1))
    def rows(channels, maxval, alpha_channel=None):
        out = []
        for y in range(ph):
            row = []
            for x in range(pw):
                for c in range(channels):
                    v = sample(x, y, c, maxval)
                    if c == alpha_channel:
                        v = [0, maxval, maxval // 3, maxval * 2 // 3][(x + y) % 4]
                    row.append(v)
            out.append(row)
        return out
    for depth in (1, 2, 4, 8, 16):
        write(f"png_gray{depth}.png", png(pw, ph, depth, 0, rows(1, (1 << depth) - 1)))
    write("png_gray8_trns.png", png(pw, ph, 8, 0, rows(1, 255), trns=struct.pack(">H", sample(2, 3, 0, 255))))
    for depth in (8, 16):
        write(f"png_rgb{depth}.png", png(pw, ph, depth, 2, rows(3, (1 << depth) - 1)))
        write(f"png_gray_alpha{depth}.png", png(pw, ph, depth, 4, rows(2, (1 << depth) - 1, alpha_channel=1)))
        write(f"png_rgba{depth}.png", png(pw, ph, depth, 6, rows(4, (1 << depth) - 1, alpha_channel=3)))
    key = rows(3, 255)[4][15:18]
    write("png_rgb8_trns.png", png(pw, ph, 8, 2, rows(3, 255), trns=b"".join(struct.pack(">H", v) for v in key)))
    for depth in (1, 2, 4, 8):
        entries = 1 << depth
        palette = [((i * 70) % 256, (i * 130 + 20) % 256, (255 - i * 40) % 256) for i in range(entries)]
        alphas = bytes((255 - i * 60) % 256 for i in range(min(entries, 4)))
        write(f"png_palette{depth}.png", png(pw, ph, depth, 3, rows(1, entries - 1), palette=palette, trns=alphas))
    write("png_rgba8_interlaced.png", png(pw, ph, 8, 6, rows(4, 255, alpha_channel=3), interlace=True))
    write("png_gray2_interlaced.png", png(pw, ph, 2, 0, rows(1, 3), interlace=True))
    write("png_palette4_interlaced.png", png(pw, ph, 4, 3, rows(1, 15), palette=[(i * 16, 255 - i * 16, (i * 77) % 256) for i in range(16)], interlace=True))
    write("png_rgb16_interlaced_1x1.png", png(1, 1, 16, 2, [[65535, 1000, 32768]], interlace=True))
    for f in sorted(os.listdir(".")):
        if f.endswith(".png"):
            png_reference(f, f[:-4] + ".ppm")
    # netpbm 11.01 ignores an RGB tRNS key colour, so the keyed pixels are whitened here (PNG spec 11.3.2.1).
    ref = bytearray(open("png_rgb8_trns.ppm", "rb").read())
    pixels = len(ref) - pw * ph * 3
    for i in range(pw * ph):
        if list(ref[pixels + 3 * i: pixels + 3 * i + 3]) == key:
            ref[pixels + 3 * i: pixels + 3 * i + 3] = b"\xff\xff\xff"
    write("png_rgb8_trns.ppm", bytes(ref))
    good = open("png_rgb8.png", "rb").read()
    write("png_bad_crc.png", good[:40] + bytes([good[40] ^ 0xFF]) + good[41:])
    write("png_truncated.png", good[: len(good) // 2])


if __name__ == "__main__":
    main()

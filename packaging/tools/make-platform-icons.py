#!/usr/bin/env python3
"""Packs Quarry's icon into the Windows .ico and the macOS .icns that packaging/windows and packaging/macos use.

Both formats are containers of PNG images: the hicolor PNGs committed under resources/icons are reused, and the
two sizes only macOS wants (512 and 1024 px) are rendered from the SVG with rsvg-convert (librsvg2-bin).
Run after resources/icons/render-icons.sh whenever the SVG changes; the outputs are committed.
"""
import pathlib
import struct
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def png(size: int, scratch: pathlib.Path) -> bytes:
    committed = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "quarry.png"
    if committed.exists():
        return committed.read_bytes()
    rendered = scratch / f"quarry-{size}.png"
    subprocess.run(["rsvg-convert", "--width", str(size), "--height", str(size), str(ICONS / "quarry.svg"),
                    "--output", str(rendered)], check=True)
    return rendered.read_bytes()


def ico(images: list[tuple[int, bytes]]) -> bytes:
    # ICONDIR, then one ICONDIRENTRY per image (a size of 256 is written as 0), then the PNG data.
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, image in images:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return header + entries + data


def icns(images: list[tuple[bytes, bytes]]) -> bytes:
    # 'icns' and the file length, then per image a four-letter type, its length with the header, and the PNG.
    body = b"".join(kind + struct.pack(">I", 8 + len(image)) + image for kind, image in images)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = pathlib.Path(scratch_name)
        windows = [(size, png(size, scratch)) for size in (16, 24, 32, 48, 64, 128, 256)]
        (ROOT / "packaging" / "windows" / "quarry.ico").write_bytes(ico(windows))
        # Types from Apple's icon family format: icpN and ic07-ic10 are 1x sizes, ic11-ic14 the 2x ones.
        mac_types = [(b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"icp6", 64), (b"ic07", 128),
                     (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024)]
        (ROOT / "packaging" / "macos" / "Quarry.icns").write_bytes(icns([(k, png(s, scratch)) for k, s in mac_types]))


if __name__ == "__main__":
    main()

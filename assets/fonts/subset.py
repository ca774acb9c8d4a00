#!/usr/bin/python3
"""Make the Simplified Chinese font subsets the zh-CN edition draws with.

The app embeds only the Go fonts, which have no CJK glyphs. Chinese text is
drawn with Noto Sans CJK SC (SIL Open Font License 1.1), cut down to the
characters RaftLab can show: the 3,755 level-1 characters of GB 2312 (the
common ones, for what users type), ASCII, CJK punctuation and full-width
forms, and every character of the zh-CN message catalogue and lessons. The
subsets are separate assets, fetched only when zh-CN is chosen.

Run it again after adding Chinese text (a Go test fails when a character
is missing):

    /usr/bin/python3 assets/fonts/subset.py

It needs Debian's python3 and python3-fonttools (installed when missing, as root) and
the fonts-noto-cjk package's files (downloaded, not installed, into
~/.cache/raftlab-fonts).
"""

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.expanduser("~/.cache/raftlab-fonts")
NOTO = os.path.join(CACHE, "usr/share/fonts/opentype/noto")
# Face 2 of the Noto Sans CJK collections is Simplified Chinese.
FACES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SC_FACE = 2


def need_fonttools():
    try:
        import fontTools  # noqa: F401
    except ImportError:
        if os.geteuid() != 0:
            sys.exit("subset.py: needs python3-fonttools (apt-get install python3-fonttools)")
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-fonttools"], check=True)


def need_noto():
    if all(os.path.exists(os.path.join(NOTO, f)) for f in FACES.values()):
        return
    os.makedirs(CACHE, exist_ok=True)
    subprocess.run(["apt-get", "download", "fonts-noto-cjk"], cwd=CACHE, check=True)
    deb = sorted(glob.glob(os.path.join(CACHE, "fonts-noto-cjk_*.deb")))[-1]
    subprocess.run(["dpkg-deb", "-x", deb, CACHE], check=True)


def gb2312_level1():
    out = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the gaps at the end of row 0xD7
    return out


def project_text():
    """Every character of the project's Chinese text."""
    chars = set()
    for pattern in ("lessons/zh-CN/*.md", "lessons/glossary.go", "playground/i18n/zh_*.go"):
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            with open(path, encoding="utf-8") as f:
                chars.update(f.read())
    return chars


def main():
    need_fonttools()
    need_noto()
    chars = set(gb2312_level1())
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0x3000, 0x3040))  # CJK punctuation
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width forms
    chars.update(chr(c) for c in range(0xFFE0, 0xFFE7))
    chars.update("·—‘’“”…→←↑↓×÷≤≥≠")
    chars.update(c for c in project_text() if ord(c) >= 0x20)
    chars_file = os.path.join(CACHE, "chars.txt")
    with open(chars_file, "w", encoding="utf-8") as f:
        f.write("".join(sorted(chars)))
    for weight, ttc in FACES.items():
        out = os.path.join(HERE, f"NotoSansSC-{weight}.subset.otf")
        subprocess.run(["/usr/bin/python3", "-m", "fontTools.subset", os.path.join(NOTO, ttc),
                        f"--font-number={SC_FACE}", "--no-hinting", "--layout-features=*",
                        "--name-IDs=*", "--name-languages=*", "--notdef-outline",
                        f"--text-file={chars_file}", f"--output-file={out}"], check=True)
        print(f"{out}: {os.path.getsize(out)} bytes, {len(chars)} characters asked for")


if __name__ == "__main__":
    main()

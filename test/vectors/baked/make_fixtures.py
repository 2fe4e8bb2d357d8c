#!/usr/bin/env python3
"""Writes the hand-made PNG fixtures of sql/baked.sql (made for credreg).

Each starts from the 1EdTech OB 2.0 sample simple-badge.png (beside this
file) and changes its baked credential: a zlib-compressed iTXt text, two
badge chunks, a CRC that does not match, a truncated file, an iTXt whose
compressed text is not zlib.  Run from this directory.
"""
import struct
import zlib

SIG = b'\x89PNG\r\n\x1a\n'


def chunks(data):
    pos = 8
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos + 4])
        yield data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n


def chunk(ctype, body, crc=None):
    c = zlib.crc32(ctype + body) & 0xffffffff if crc is None else crc
    return struct.pack('>I', len(body)) + ctype + body + struct.pack('>I', c)


def itxt(keyword, text, compressed=False, raw=None):
    body = raw if raw is not None else (zlib.compress(text) if compressed else text)
    return chunk(b'iTXt', keyword + b'\0' + bytes([1 if compressed else 0, 0]) + b'\0\0' + body)


src = open('simple-badge.png', 'rb').read()
parts = list(chunks(src))
text = [b for t, b in parts if t == b'iTXt'][0].split(b'\0', 1)[1][4:]
plain = [(t, b) for t, b in parts if t != b'iTXt']


def png(extra):
    out = SIG + chunk(*plain[0])
    out += b''.join(extra)
    out += b''.join(chunk(t, b) for t, b in plain[1:])
    return out


open('compressed-itxt.png', 'wb').write(png([itxt(b'openbadges', text, compressed=True)]))
open('two-credentials.png', 'wb').write(png([itxt(b'openbadges', text), itxt(b'openbadgecredential', text)]))
bad = itxt(b'openbadges', text)
open('bad-crc.png', 'wb').write(png([bad[:-1] + bytes([bad[-1] ^ 1])]))
open('bad-zlib.png', 'wb').write(png([itxt(b'openbadges', b'', compressed=True, raw=b'not zlib at all')]))
open('truncated.png', 'wb').write(src[:200])

#!/usr/bin/env python3
"""Zero every GPU code object in a CUDA library's .nv_fatbin section except those for one architecture.

The layout is unchanged (offsets, sizes, headers), so the library loads as before and the CUDA runtime still finds the
kept architecture's code; the zeroed bytes cost next to nothing once compressed. build/gpu-check.sh uses it to send ONNX
Runtime's CUDA provider (cubins for six GPU generations, 219 MB) to a machine with one GPU.
Usage: fatbin-keep.py LIBRARY SM   (e.g. 90 for Hopper), in place.
"""
import struct
import sys

FATBIN_MAGIC = 0xBA55ED50


def sections(elf):
    """(name, file offset, size) of every section of a 64-bit little-endian ELF file."""
    if elf[:4] != b'\x7fELF' or elf[4] != 2 or elf[5] != 1:
        sys.exit('fatbin-keep: not a 64-bit little-endian ELF file')
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    entsize, count, names = struct.unpack_from('<HHH', elf, 0x3A)
    headers = [struct.unpack_from('<IIQQQQ', elf, shoff + i * entsize) for i in range(count)]
    table = headers[names][4]
    for name, _, _, _, offset, size in headers:
        yield elf[table + name:elf.index(b'\0', table + name)].decode(), offset, size


def keep(path, sm):
    elf = bytearray(open(path, 'rb').read())
    found = [(offset, size) for name, offset, size in sections(elf) if name == '.nv_fatbin']
    if not found:
        sys.exit(f'fatbin-keep: {path} has no .nv_fatbin section')
    (start, size), = found
    position, end, kept, zeroed = start, start + size, 0, 0
    while position < end:
        magic, _, header, body = struct.unpack_from('<IHHQ', elf, position)
        if magic != FATBIN_MAGIC:   # containers are 8-byte aligned, with padding between them
            position += 8
            continue
        entry = position + header
        while entry < position + header + body:
            _, _, entry_header, payload = struct.unpack_from('<HHIQ', elf, entry)
            arch, = struct.unpack_from('<I', elf, entry + 28)
            data = entry + entry_header
            if arch == sm:
                kept += payload
            else:
                elf[data:data + payload] = bytes(payload)
                zeroed += payload
            entry = data + payload
        position += header + body
    if kept == 0:
        sys.exit(f'fatbin-keep: {path} holds no code for sm_{sm}; left unchanged')
    open(path, 'wb').write(elf)
    print(f'{path}: kept {kept / 1e6:.1f} MB of sm_{sm} code, zeroed {zeroed / 1e6:.1f} MB of other architectures')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    keep(sys.argv[1], int(sys.argv[2]))

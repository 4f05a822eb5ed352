// Reads a ZIP container (an EPUB) back for the tests: its entries in order, with how each is
// stored, from the central directory; deflated entries inflated with node's zlib.
import { inflateRawSync } from 'node:zlib';

/** The entries of `bytes` (a Buffer): `{ name, method, data }`, in the container's order, and
 * the first local header's name and method (the OCF wants `mimetype`, stored, first). */
export function readZip(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a ZIP container');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('a damaged central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + size);
    entries.push({ name, method, data: method === 0 ? raw : inflateRawSync(raw) });
    at += 46 + skip;
  }
  const first = { name: bytes.subarray(30, 30 + bytes.readUInt16LE(26)).toString('utf8'), method: bytes.readUInt16LE(8), extra: bytes.readUInt16LE(28) };
  return { entries, first };
}

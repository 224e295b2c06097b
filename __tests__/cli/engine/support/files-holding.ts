/**
 * Finds a secret in a directory's files, as anyone with the working tree (a CI cache, an artifact, a laptop backup)
 * could. Terraform's plan files are zip archives whose entries are deflated, so a byte search of the file would miss
 * the variables inside: each zip archive is searched entry by entry, inflated.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** The signatures of a zip's end-of-central-directory record, central directory entry and local file header. */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The files under `dir` (hidden ones included; symbolic links not followed, so a linked `node_modules` is not
 * searched) whose bytes, or for a zip archive an entry's inflated bytes, contain `secret`: paths relative to `dir`,
 * `archive.zip!entry` for an entry. `skip` leaves out paths relative to `dir` (files or whole directories).
 */
export function filesHolding(dir: string, secret: string, skip: readonly string[] = []): string[] {
  const needle = Buffer.from(secret);
  const found: string[] = [];
  const visit = (relative: string) => {
    if (skip.includes(relative)) return;
    const full = path.join(dir, relative);
    const stat = fs.lstatSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name));
      return;
    }
    if (!stat.isFile()) return;
    const bytes = fs.readFileSync(full);
    if (bytes.includes(needle)) found.push(relative);
    for (const entry of zipEntries(bytes)) {
      if (entry.content.includes(needle)) found.push(`${relative}!${entry.name}`);
    }
  };
  visit("");
  return found;
}

/** The entries of a zip archive, inflated; none when `bytes` is not one. */
export function zipEntries(bytes: Buffer): Array<{ name: string; content: Buffer }> {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL_HEADER) return [];
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || bytes.readUInt32LE(end) !== END_OF_DIRECTORY) return [];
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: Array<{ name: string; content: Buffer }> = [];
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new Error(`zip: no directory entry at ${offset}`);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    const local = bytes.readUInt32LE(offset + 42);
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(data, data + compressedSize);
    if (method !== STORED && method !== DEFLATED) throw new Error(`zip: entry ${name} uses method ${method}`);
    entries.push({ name, content: method === STORED ? raw : zlib.inflateRawSync(raw) });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return entries;
}

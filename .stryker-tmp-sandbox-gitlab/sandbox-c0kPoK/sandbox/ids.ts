// @ts-nocheck
import { createHash, randomBytes, randomUUID } from "node:crypto";

/** A fresh random UUID (v4), the identity of every record the sandbox creates. */
export function newId(): string {
  return randomUUID();
}

/**
 * A UUID derived from a namespace and a name, so catalogue entries (regions, stacks, dyno sizes, plans) keep the same id
 * across restarts and across sandboxes without having to be stored.
 */
export function stableId(namespace: string, name: string): string {
  const hex = createHash("sha1").update(`${namespace}:${name}`).digest("hex");
  // Shape it like a v5 UUID so strict `format: uuid` validators accept it.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `n` random lowercase hex characters. */
export function randomHex(n: number): string {
  return randomBytes(Math.ceil(n / 2))
    .toString("hex")
    .slice(0, n);
}

/** A random token made of URL-safe characters, long enough to be unguessable. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** The current time as RFC3339 with milliseconds; Go's time.Time decodes it, and it is never empty. */
export function nowIso(): string {
  return new Date().toISOString();
}

const ADJECTIVES = ["calm", "brisk", "polar", "shiny", "quiet", "rapid", "sunny", "frozen", "gentle", "lively"];
const NOUNS = ["river", "meadow", "harbor", "summit", "forest", "canyon", "island", "garden", "beacon", "valley"];

/** A Heroku-style generated name such as `polar-harbor-48213`, used when a create call does not name the object. */
export function generatedName(): string {
  const pick = (list: string[]): string => list[randomBytes(1)[0] % list.length];
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${10000 + (randomBytes(2).readUInt16BE(0) % 90000)}`;
}

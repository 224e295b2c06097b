import { utils } from "ssh2";

/**
 * The public half of an OpenSSH private key, as an `authorized_keys` line holds it: `ssh-ed25519 AAAA…`. A text that
 * is not a key is an error naming `what` it was.
 */
export function publicKeyOf(privateKey: string, what = "the key"): string {
  const parsed = utils.parseKey(privateKey);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error) throw new Error(`${what} cannot be read: ${key.message}`);
  return `${key.type} ${key.getPublicSSH().toString("base64")}`;
}

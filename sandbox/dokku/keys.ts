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

/** An SSH key pair in OpenSSH format: `private` for a client or a host, `public` for `authorized_keys`. */
export interface SshKeyPair {
  readonly private: string;
  readonly public: string;
}

/**
 * A fresh ed25519 key pair that ssh2 itself can read back. ssh2 1.17's generator writes, about once in 250 keys, a
 * private key its own parser refuses ("Malformed OpenSSH private key"): such a pair is made again.
 */
export function generateKeyPair(): SshKeyPair {
  for (let attempt = 1; ; attempt++) {
    const pair = utils.generateKeyPairSync("ed25519");
    if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
    if (attempt === 20) throw new Error("ssh2 made 20 ed25519 keys in a row that it cannot read back");
  }
}

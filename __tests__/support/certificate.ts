import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

/**
 * A self-signed certificate and its key, made at run time so that no key is ever kept in the repository: what a test
 * of Heroku's SNI endpoints uploads. Node can read certificates but not write them, so the DER is encoded here
 * (X.509 v3, Ed25519, the few fields a certificate needs and a subjectAltName).
 */
export function selfSignedCertificate(
  commonName: string,
  altNames: string[] = [],
  days = 365,
): { certificate: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const ed25519 = sequence(oid([0x2b, 0x65, 0x70]));
  const name = sequence(set(sequence(oid([0x55, 0x04, 0x03]), tlv(0x0c, Buffer.from(commonName)))));
  const now = Date.now();
  const validity = sequence(utcTime(new Date(now - 60_000)), utcTime(new Date(now + days * 86_400_000)));
  const san = sequence(...altNames.map((dns) => tlv(0x82, Buffer.from(dns))));
  const extensions = tlv(0xa3, sequence(sequence(oid([0x55, 0x1d, 0x11]), tlv(0x04, san))));
  const serial = tlv(0x02, Buffer.concat([Buffer.from([0x01]), randomBytes(8)]));
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, Buffer.from([0x02]))),
    serial,
    ed25519,
    name,
    validity,
    name,
    publicKey.export({ type: "spki", format: "der" }),
    ...(altNames.length > 0 ? [extensions] : []),
  );
  const signature = sign(null, tbs, privateKey);
  const der = sequence(tbs, ed25519, tlv(0x03, Buffer.concat([Buffer.from([0x00]), signature])));
  const base64 = der.toString("base64").replace(/(.{64})/g, "$1\n");
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`,
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function tlv(tag: number, value: Buffer): Buffer {
  const n = value.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), value]);
}

const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const oid = (bytes: number[]): Buffer => tlv(0x06, Buffer.from(bytes));
const utcTime = (date: Date): Buffer =>
  tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, "")}Z`));

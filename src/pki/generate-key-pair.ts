/**
 * Fresh private keys for managed certificates and ACME accounts, with node:crypto (asynchronous:
 * RSA generation takes tens to hundreds of milliseconds and must not block the event loop).
 */
import { generateKeyPair as generate, type KeyObject } from 'node:crypto';
import type { KeyType } from '../domain/managed-certificate.js';


export interface GeneratedKeyPair {
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"). */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"). */
  publicKeyPem: string;
  /** The private key as generated: signing with it needs no parse of the PEM (slow in OpenSSL 3). */
  privateKey: KeyObject;
}


type Pair = { publicKey: KeyObject; privateKey: KeyObject };
const done = (resolve: (p: Pair) => void, reject: (e: Error) => void) => (err: Error | null, publicKey: KeyObject, privateKey: KeyObject) =>
  err ? reject(err) : resolve({ publicKey, privateKey });

/** A new key pair of the given type (EC on P-256 / P-384, or RSA with e = 65537). */
export async function generateKeyPair(keyType: KeyType): Promise<GeneratedKeyPair> {
  let pair: Pair;
  switch (keyType) {
    case 'ec-p256':
    case 'ec-p384':
      pair = await new Promise<Pair>((resolve, reject) =>
        generate('ec', { namedCurve: keyType === 'ec-p256' ? 'P-256' : 'P-384' }, done(resolve, reject)),
      );
      break;
    case 'rsa-2048':
    case 'rsa-3072':
    case 'rsa-4096':
      pair = await new Promise<Pair>((resolve, reject) =>
        generate('rsa', { modulusLength: Number(keyType.slice(4)), publicExponent: 0x10001 }, done(resolve, reject)),
      );
      break;
    default:
      throw new Error(`unknown key type ${String(keyType satisfies never)}`);
  }
  return {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    privateKey: pair.privateKey,
  };
}

/** A new ACME account key: EC P-256 (ES256, RFC 7518 §3.4), PKCS#8 PEM. */
export async function generateAccountKey(): Promise<string> {
  return (await generateKeyPair('ec-p256')).privateKeyPem;
}

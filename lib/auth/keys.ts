import { createPrivateKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, JWK } from 'jose';

/**
 * Signing keys as JWKs. Production passes them in the environment; development keeps a
 * pair of files under `DATA_DIR/keys`, created on first start, so the four processes and
 * `npm run token` agree without any setup.
 */

export const SIGNING_ALGORITHM = 'EdDSA';

/** A private JWK with its `kid`, as stored and as `GATEWAY_SIGNING_KEY` holds it. */
export type PrivateJwk = JWK & { kid: string; d: string };

export interface SigningKey {
  kid: string;
  /** A KeyObject, which node:crypto signs with directly and jose accepts too. */
  privateKey: KeyObject;
}

export async function generatePrivateJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: SIGNING_ALGORITHM } as PrivateJwk;
}

/** The public half of a private JWK: what verifiers are given. */
export function publicJwkOf(jwk: JWK): JWK {
  const { d: _private, ...publicPart } = jwk;
  return publicPart;
}

export async function signingKeyOf(jwk: PrivateJwk): Promise<SigningKey> {
  return { kid: jwk.kid, privateKey: createPrivateKey({ key: { ...jwk }, format: 'jwk' }) };
}

/** Parses a JWK from configuration; the message names the variable, never the key. */
export function parseJwk(value: string, variable: string, mustBePrivate: boolean): JWK {
  let jwk: JWK;
  try {
    jwk = JSON.parse(value) as JWK;
  } catch {
    throw new Error(`${variable} must be a JWK as JSON`);
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x || (mustBePrivate && !jwk.d) || !jwk.kid) {
    throw new Error(`${variable} must be an Ed25519 JWK with kid${mustBePrivate ? ' and its private part' : ''}`);
  }
  return jwk;
}

/** The development keys: the issuer's, the gateway's, and the one subgraphs sign audit checkpoints with. */
export type DevelopmentKeyName = 'issuer' | 'gateway' | 'audit-checkpoint';

const developmentKeyFile = (dir: string, name: DevelopmentKeyName) => path.join(dir, `${name}.jwk.json`);

/**
 * The development key named `name` under `dir`, created if missing.
 */
export async function developmentKey(dir: string, name: DevelopmentKeyName): Promise<PrivateJwk> {
  return JSON.parse(await createOnce(developmentKeyFile(dir, name), async () => JSON.stringify(await generatePrivateJwk())));
}

/** The development key named `name` if there is one: a verifier has nothing to gain from a new key. */
export function existingDevelopmentKey(dir: string, name: DevelopmentKeyName): PrivateJwk | null {
  const file = developmentKeyFile(dir, name);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PrivateJwk) : null;
}

/** A development secret (e.g. the audit log's person key) under `dir`, created if missing. */
export function developmentSecret(dir: string, name: 'audit'): Promise<string> {
  return createOnce(path.join(dir, `${name}.secret`), async () => randomBytes(32).toString('hex'));
}

/**
 * The content of `file`, made by `make` if the file is missing. Four processes start at
 * once, so creation writes a temporary file and links it into place: whoever links first
 * wins, and everyone reads the winner's content.
 */
async function createOnce(file: string, make: () => Promise<string>): Promise<string> {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, await make(), { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
  return fs.readFileSync(file, 'utf8');
}

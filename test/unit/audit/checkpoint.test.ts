import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePrivateJwk, PrivateJwk, publicJwkOf } from '../../../lib/auth/keys';
import { Checkpoint, checkpointFile, checkpointKeys, checkpointSigner, readCheckpointArchive, signatureProblem } from '../../../lib/audit/checkpoint';
import { scheduleCheckpoints } from '../../../lib/audit/checkpoint-schedule';
import { loadSubgraphConfig } from '../../../lib/config';

/** Signing and checking one checkpoint, reading an archive, and the configuration they come from. */

const UNSIGNED = { subgraph: 'stadsdel', chain: 'host-a:1', seq: 120, hash: 'a'.repeat(64), at: '2026-12-01T12:00:00.000Z', reason: 'head' as const };

let jwk: PrivateJwk;
let other: PrivateJwk;
beforeAll(async () => {
  [jwk, other] = await Promise.all([generatePrivateJwk(), generatePrivateJwk()]);
});

describe('a signed checkpoint', () => {
  it('verifies with the public half of the key it was signed with, named by kid', () => {
    const checkpoint = checkpointSigner(jwk).sign(UNSIGNED);
    expect(checkpoint).toMatchObject({ ...UNSIGNED, kid: jwk.kid });
    expect(signatureProblem(checkpoint, checkpointKeys([publicJwkOf(jwk)]))).toBeNull();
  });

  it.each([
    ['place', { seq: 121 }],
    ['hash', { hash: 'b'.repeat(64) }],
    ['chain', { chain: 'host-b:1' }],
    ['subgraph', { subgraph: 'partners' }],
    ['time', { at: '2026-12-01T12:00:01.000Z' }],
    ['reason', { reason: 'purge' as const }],
  ])('fails once its %s is changed', (_what, change: Partial<Checkpoint>) => {
    const checkpoint = { ...checkpointSigner(jwk).sign(UNSIGNED), ...change };
    expect(signatureProblem(checkpoint, checkpointKeys([publicJwkOf(jwk)]))).toMatch(/forged or altered/);
  });

  it('fails when another key signed it under the same kid, and names a kid it does not know', () => {
    const forged = { ...checkpointSigner(other).sign(UNSIGNED), kid: jwk.kid };
    expect(signatureProblem(forged, checkpointKeys([publicJwkOf(jwk)]))).toMatch(/forged or altered/);
    expect(signatureProblem(checkpointSigner(other).sign(UNSIGNED), checkpointKeys([publicJwkOf(jwk)]))).toMatch(
      new RegExp(`key ${other.kid}, which is not among`),
    );
    expect(signatureProblem({ ...checkpointSigner(jwk).sign(UNSIGNED), signature: 'not-base64!' }, checkpointKeys([publicJwkOf(jwk)]))).toMatch(/forged/);
  });
});

describe('the checkpoint archive', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etk-checkpoints-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every line of every subgraph file of a folder, or of one file', () => {
    const signer = checkpointSigner(jwk);
    const first = signer.sign(UNSIGNED);
    const second = signer.sign({ ...UNSIGNED, subgraph: 'partners', seq: 7 });
    fs.writeFileSync(checkpointFile(dir, 'stadsdel'), `${JSON.stringify(first)}\n\n`);
    fs.writeFileSync(checkpointFile(dir, 'partners'), `${JSON.stringify(second)}\n`);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not an archive');
    expect(readCheckpointArchive(dir)).toEqual([second, first]);
    expect(readCheckpointArchive(checkpointFile(dir, 'stadsdel'))).toEqual([first]);
  });

  it('refuses a line that is not a checkpoint, naming the file and line', () => {
    const file = checkpointFile(dir, 'stadsdel');
    fs.writeFileSync(file, `${JSON.stringify(checkpointSigner(jwk).sign(UNSIGNED))}\n{"chain":"x","seq":"12"}\n`);
    expect(() => readCheckpointArchive(file)).toThrow(`${file}:2 is not an audit checkpoint`);
  });
});

describe('checkpoints of a running subgraph', () => {
  it('with no interval, writes only the last checkpoint, as it stops', async () => {
    const write = jest.fn(async () => undefined);
    const schedule = scheduleCheckpoints(write, 0, () => undefined);
    expect(write).not.toHaveBeenCalled();
    await schedule.stop();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('reports a failed checkpoint instead of failing the stop', async () => {
    const errors: string[] = [];
    const schedule = scheduleCheckpoints(() => Promise.reject(new Error('database away')), 60_000, (error) => errors.push(error.message));
    await expect(schedule.stop()).resolves.toBeUndefined();
    expect(errors).toEqual(['database away']);
  });
});

describe('configuration', () => {
  it('has defaults: checkpoints every 15 minutes into DATA_DIR/audit-checkpoints, entries kept ten years', () => {
    const config = loadSubgraphConfig('stadsdel', { DATA_DIR: '/srv/etk' });
    expect(config).toMatchObject({
      auditCheckpointIntervalMs: 900_000,
      auditCheckpointDir: path.join('/srv/etk', 'audit-checkpoints'),
      auditRetentionDays: 3650,
      auditSigningJwk: null,
      auditCheckpointKeys: [],
    });
  });

  it('reads the signing key and the earlier keys, and requires the signing key in production', () => {
    const env = {
      AUDIT_SIGNING_KEY: JSON.stringify(jwk),
      AUDIT_CHECKPOINT_KEYS: JSON.stringify([publicJwkOf(other)]),
      AUDIT_CHECKPOINT_INTERVAL_MS: '0',
      AUDIT_RETENTION_DAYS: '1825',
    };
    expect(loadSubgraphConfig('partners', env)).toMatchObject({
      auditSigningJwk: jwk,
      auditCheckpointKeys: [publicJwkOf(other)],
      auditCheckpointIntervalMs: 0,
      auditRetentionDays: 1825,
    });
    const production = { APP_ENV: 'production', GATEWAY_PUBLIC_KEY: JSON.stringify(publicJwkOf(other)), AUDIT_SECRET: 's'.repeat(32) };
    expect(() => loadSubgraphConfig('partners', production)).toThrow('AUDIT_SIGNING_KEY is required when APP_ENV is production');
  });

  it.each([
    [{ AUDIT_SIGNING_KEY: '{"kty":"OKP","crv":"Ed25519","x":"abc","kid":"k1"}' }, /AUDIT_SIGNING_KEY must be an Ed25519 JWK with kid and its private part/],
    [{ AUDIT_CHECKPOINT_KEYS: '{"kty":"OKP","crv":"Ed25519","x":"abc","kid":"k1"}' }, /AUDIT_CHECKPOINT_KEYS must be a JSON array/],
    [{ AUDIT_CHECKPOINT_KEYS: '[{"kty":"RSA"}]' }, /AUDIT_CHECKPOINT_KEYS must be an Ed25519 JWK/],
    [{ AUDIT_RETENTION_DAYS: '0' }, /AUDIT_RETENTION_DAYS must be a whole number 1–36500/],
    [{ AUDIT_CHECKPOINT_INTERVAL_MS: 'soon' }, /AUDIT_CHECKPOINT_INTERVAL_MS must be a whole number/],
  ])('refuses %j', (env, message) => {
    expect(() => loadSubgraphConfig('stadsdel', env)).toThrow(message);
  });
});

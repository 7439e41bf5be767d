import fs from 'node:fs';
import os from 'node:os';
import { ConfigError, loadGatewayConfig, loadSubgraphConfig } from '../../../lib/config';

describe('configuration', () => {
  it('has defaults that run on the embedded database', () => {
    const config = loadSubgraphConfig('jobbtorg', {});
    expect(config).toMatchObject({ port: 4002, databaseUrl: 'sqlite:data/jobbtorg.sqlite', seedPeople: 2000 });
    expect(Object.isFrozen(config)).toBe(true);
    // No chain named: the process appends to its own.
    expect(config.auditChainId).toBeNull();
    expect(loadSubgraphConfig('jobbtorg', { AUDIT_CHAIN_ID: 'jobbtorg-1' }).auditChainId).toBe('jobbtorg-1');
    expect(loadGatewayConfig({}).subgraphUrls.partners).toBe('http://127.0.0.1:4003/graphql');
  });

  it.each([
    [{ STADSDEL_PORT: 'abc' }, 'STADSDEL_PORT'],
    [{ STADSDEL_PORT: '70000' }, 'STADSDEL_PORT'],
    [{ STADSDEL_DATABASE_URL: 'postgres://x/y' }, 'STADSDEL_DATABASE_URL'],
    [{ STADSDEL_DATABASE_URL: 'mysql://root@localhost' }, 'STADSDEL_DATABASE_URL'],
    [{ SEED_PEOPLE: '-1' }, 'SEED_PEOPLE'],
    [{ APP_ENV: 'prod' }, 'APP_ENV'],
    [{ AUDIT_CHAIN_ID: 'two words' }, 'AUDIT_CHAIN_ID'],
  ])('names the variable at fault in %o', (env, variable) => {
    expect(() => loadSubgraphConfig('stadsdel', env)).toThrow(ConfigError);
    expect(() => loadSubgraphConfig('stadsdel', env)).toThrow(new RegExp(`^${variable} `));
  });

  it('trusts no proxy unless told which, and refuses what names none', () => {
    expect(loadGatewayConfig({}).trustProxy).toBe(0);
    expect(loadGatewayConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadGatewayConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.1/8/1', 'true']) {
      expect(() => loadGatewayConfig({ TRUST_PROXY: bad })).toThrow(/^TRUST_PROXY /);
    }
  });

  it('finds the supergraph beside the code, whatever the working directory', () => {
    const before = process.cwd();
    try {
      process.chdir(os.tmpdir());
      expect(fs.existsSync(loadGatewayConfig({}).supergraphPath)).toBe(true);
    } finally {
      process.chdir(before);
    }
  });

  it('finds each subgraph where its own port and host say it listens, unless its URL is given', () => {
    const moved = { STADSDEL_PORT: '5001', JOBBTORG_PORT: '5002', PARTNERS_PORT: '5003', PARTNERS_HOST: '0.0.0.0' };
    expect(loadGatewayConfig(moved).subgraphUrls).toEqual({
      stadsdel: 'http://127.0.0.1:5001/graphql',
      jobbtorg: 'http://127.0.0.1:5002/graphql',
      partners: 'http://127.0.0.1:5003/graphql',
    });
    expect(loadSubgraphConfig('jobbtorg', moved).subgraphUrls.stadsdel).toBe('http://127.0.0.1:5001/graphql');
    expect(loadGatewayConfig({ ...moved, JOBBTORG_URL: 'http://jobbtorg.internal/graphql' }).subgraphUrls.jobbtorg).toBe('http://jobbtorg.internal/graphql');
  });

  it('reads the browser origins the gateway allows in production, and refuses what is not an origin', () => {
    expect(loadGatewayConfig({}).corsOrigins).toEqual([]);
    expect(loadGatewayConfig({ CORS_ORIGINS: 'https://desk.stad.example, http://localhost:5173' }).corsOrigins).toEqual(['https://desk.stad.example', 'http://localhost:5173']);
    expect(() => loadGatewayConfig({ CORS_ORIGINS: 'https://desk.stad.example/app' })).toThrow(/^CORS_ORIGINS must list web origins/);
    expect(() => loadGatewayConfig({ CORS_ORIGINS: '*' })).toThrow(/^CORS_ORIGINS /);
  });

  it('reads the rate limits and where they are kept, and refuses what is not one', () => {
    expect(loadGatewayConfig({}).rateLimits).toEqual({ callerPerMinute: 300, organisationPerMinute: 3000, redisUrl: null, onRedisFailure: 'open' });
    const env = { RATE_LIMIT_CALLER_PER_MINUTE: '60', RATE_LIMIT_ORGANISATION_PER_MINUTE: '600', REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_ON_REDIS_FAILURE: 'closed' };
    expect(loadGatewayConfig(env).rateLimits).toEqual({ callerPerMinute: 60, organisationPerMinute: 600, redisUrl: 'redis://127.0.0.1:6379', onRedisFailure: 'closed' });
    expect(() => loadGatewayConfig({ RATE_LIMIT_CALLER_PER_MINUTE: '0' })).toThrow(/^RATE_LIMIT_CALLER_PER_MINUTE must be a whole number/);
    expect(() => loadGatewayConfig({ REDIS_URL: 'http://user:secret@cache:6379' })).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL, got "http:\/\/…@cache:6379"/);
    expect(() => loadGatewayConfig({ RATE_LIMIT_ON_REDIS_FAILURE: 'maybe' })).toThrow(/^RATE_LIMIT_ON_REDIS_FAILURE must be open or closed/);
  });

  it('refuses a subgraph URL that is not http(s)', () => {
    expect(() => loadGatewayConfig({ JOBBTORG_URL: 'localhost:4002' })).toThrow(/^JOBBTORG_URL must be an http\(s\) URL/);
  });

  it('does not print database passwords', () => {
    expect(() => loadSubgraphConfig('stadsdel', { STADSDEL_DATABASE_URL: 'mysql://root:secret@db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });
});

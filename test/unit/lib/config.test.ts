import { ConfigError, loadGatewayConfig, loadSubgraphConfig } from '../../../lib/config';

describe('configuration', () => {
  it('has defaults that run on the embedded database', () => {
    const config = loadSubgraphConfig('jobbtorg', {});
    expect(config).toMatchObject({ port: 4002, databaseUrl: 'sqlite:data/jobbtorg.sqlite', seedPeople: 2000 });
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadGatewayConfig({}).subgraphUrls.partners).toBe('http://127.0.0.1:4003/graphql');
  });

  it.each([
    [{ STADSDEL_PORT: 'abc' }, 'STADSDEL_PORT'],
    [{ STADSDEL_PORT: '70000' }, 'STADSDEL_PORT'],
    [{ STADSDEL_DATABASE_URL: 'postgres://x/y' }, 'STADSDEL_DATABASE_URL'],
    [{ STADSDEL_DATABASE_URL: 'mysql://root@localhost' }, 'STADSDEL_DATABASE_URL'],
    [{ SEED_PEOPLE: '-1' }, 'SEED_PEOPLE'],
    [{ APP_ENV: 'prod' }, 'APP_ENV'],
  ])('names the variable at fault in %o', (env, variable) => {
    expect(() => loadSubgraphConfig('stadsdel', env)).toThrow(ConfigError);
    expect(() => loadSubgraphConfig('stadsdel', env)).toThrow(new RegExp(`^${variable} `));
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

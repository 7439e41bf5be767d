import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphSdls } from '../../../schema/compose';
import { SUPERGRAPH_PATH } from '../../../schema/subgraphs';

describe('composition', () => {
  it('the committed supergraph is what the subgraph schemas compose to', () => {
    expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('fails, naming the clash, when two subgraphs disagree on a shared type', () => {
    const broken = subgraphSdls().map((s) =>
      s.name === 'partners' ? { ...s, sdl: s.sdl.replace('hasNextPage: Boolean!', 'hasNextPage: String!') } : s,
    );
    expect(() => composeSupergraph(broken)).toThrow(/PageInfo\.hasNextPage/);
  });

  it('npm run compose:check passes on the committed tree', () => {
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'schema/compose.ts', '--check'], {
      cwd: path.join(__dirname, '..', '..', '..'),
      encoding: 'utf8',
    });
    expect(out).toMatch(/up to date/);
  });
});

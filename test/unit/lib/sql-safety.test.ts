import fs from 'node:fs';
import path from 'node:path';

/**
 * SQL stays parameterised: no knex `raw`/`whereRaw`/… call builds its SQL from a template
 * with interpolations or from concatenated strings, where a value could slip in unbound.
 * The exceptions interpolate only fixed SQL words and placeholders, never data, and say why here.
 */

const ROOT = path.join(__dirname, '..', '..', '..');
const DIRECTORIES = ['lib', 'subgraphs', 'gateway', 'scripts', 'schema'];

/** Files allowed an interpolated raw statement, and what they interpolate. */
const EXCEPTIONS: Record<string, string> = {
  'lib/audit/log.ts': 'a VALUES list of ?? and ? placeholders (knex writes SQLite’s many-row insert as a 500-row compound SELECT); every name and value is bound',
  'lib/grants.ts': 'GRANT privilege keywords, each checked against a fixed pattern; names and account are bound',
  'lib/statistics/sql.ts': 'the dialect’s integer type keyword and a list of ?? placeholders; every name is bound',
};

function sources(directory: string): string[] {
  return fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__generated__' || entry.name === 'node_modules' ? [] : sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** Raw-SQL calls whose first argument is an interpolating template or a concatenation. */
const UNSAFE = /\b(?:raw|whereRaw|orWhereRaw|havingRaw|orderByRaw|joinRaw|groupByRaw|fromRaw)\(\s*(?:`[^`]*\$\{|['"][^'"]*['"]\s*\+)/g;

describe('raw SQL', () => {
  const files = DIRECTORIES.flatMap(sources);

  it('reads the whole code base', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('is never built from interpolated or concatenated strings', () => {
    const offenders = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      return [...text.matchAll(UNSAFE)].map((m) => `${file}: ${m[0]}`);
    });
    expect(offenders.filter((o) => !Object.keys(EXCEPTIONS).some((file) => o.startsWith(`${file}:`)))).toEqual([]);
    // Each exception still holds such a statement; one that no longer does must leave the list.
    for (const file of Object.keys(EXCEPTIONS)) expect(offenders.some((o) => o.startsWith(`${file}:`))).toBe(true);
  });

  it('catches the forms it is meant to', () => {
    for (const bad of ["db.raw(`select * from t where id = ${id}`)", "q.whereRaw('id = ' + id)"]) expect(bad.match(UNSAFE)).not.toBeNull();
    for (const good of ["db.raw('select ?', [id])", "q.whereRaw('a.x = ??', [column])"]) expect(good.match(UNSAFE)).toBeNull();
  });
});

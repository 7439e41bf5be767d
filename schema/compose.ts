import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs';

/**
 * Composes the three subgraph schemas into the supergraph the gateway serves.
 * `compose` writes schema/supergraph.graphql; `compose --check` fails when the committed
 * file differs from a fresh composition, or when the subgraphs do not compose.
 */

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** The subgraphs as they are on disk. */
export function subgraphSdls(): SubgraphSdl[] {
  return SUBGRAPHS.map((s) => ({ name: s.name, url: s.routingUrl, sdl: s.schemaPaths.map((file) => fs.readFileSync(file, 'utf8')).join('\n') }));
}

/** Composes `subgraphs` (by default those on disk); throws listing every composition error. */
export function composeSupergraph(subgraphs: SubgraphSdl[] = subgraphSdls()): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`the subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const hints = result.hints.filter((h) => h.definition.code !== 'INCONSISTENT_DESCRIPTION');
  for (const hint of hints) console.warn(`hint: ${hint.toString()}`);
  return result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : result.supergraphSdl + '\n';
}

function main(): void {
  const check = process.argv.includes('--check');
  const supergraph = composeSupergraph();
  if (!check) {
    fs.writeFileSync(SUPERGRAPH_PATH, supergraph);
    console.log(`wrote ${SUPERGRAPH_PATH}`);
    return;
  }
  const committed = fs.existsSync(SUPERGRAPH_PATH) ? fs.readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date');
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

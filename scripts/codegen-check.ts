import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

/**
 * Fails when a subgraph's generated resolver types, or the operation types of its questions
 * to its peers (`peers/**.graphql`), differ from what codegen generates now: someone changed
 * an SDL or a question without `npm run codegen`.
 */
async function main(): Promise<void> {
  const outputs = await generate({ ...config, silent: true, verbose: false }, false);
  const stale = outputs.filter((o: { filename: string; content: string }) => {
    const file = path.resolve(o.filename);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== o.content;
  });
  if (stale.length) {
    console.error(`stale generated types (run npm run codegen): ${stale.map((o: { filename: string }) => o.filename).join(', ')}`);
    process.exit(1);
  }
  console.log(`generated types are up to date (${outputs.length} files)`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

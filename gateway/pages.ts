import path from 'node:path';
import express from 'express';

/**
 * The browser pages the gateway serves in development beside its API: the desk (the planning
 * desk's build, with the `config.json` it reads at run time) and GraphiQL. Both are static
 * builds; in production neither is mounted, and the desk is deployed behind any web server.
 */

/** Where the desk's build (`npm run desk:build`, Vite) is written. */
export const DESK_DIST = path.join(__dirname, '..', 'desk', 'dist');

/** Where GraphiQL's build (`npm run graphiql:build`, from gateway/graphiql/) is written. */
export const GRAPHIQL_DIST = path.join(__dirname, 'graphiql', 'dist');

/** The desk's run-time configuration, `config.json` beside its index.html: one build serves every environment. */
export interface DeskConfig {
  graphqlUrl: string;
  mode: 'development' | 'production';
  /** The identity provider the desk signs in with; null in development, where it picks a persona. */
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

/** The desk's configuration when the gateway serves it: same origin, development sign-in. */
export const DEVELOPMENT_DESK_CONFIG: DeskConfig = Object.freeze({ graphqlUrl: '/graphql', mode: 'development', oidc: null });

/**
 * The desk at `/`, from its build folder. A build that is not there serves nothing (a 404),
 * while `npm start` says how to build it; the files are read per request, so a build made
 * while the gateway runs is served at once.
 */
export function deskPages(dir: string, config: DeskConfig): express.Router {
  const router = express.Router();
  // The gateway's own configuration wins over any config.json a build carries.
  router.get('/config.json', (_req, res) => {
    res.json(config);
  });
  router.use(express.static(dir));
  return router;
}

/** GraphiQL at `/graphiql/`, from its build folder; without a build, a line saying how to make one. */
export function graphiqlPages(dir: string): express.Router {
  const router = express.Router();
  router.use('/graphiql', express.static(dir));
  router.get('/graphiql', (_req, res) => {
    res.status(404).type('text/plain').send('GraphiQL is not built: run npm run graphiql:build');
  });
  return router;
}

/**
 * The Node flags every service runs with, in development (`npm start`, scripts/start.ts), in
 * production (`npm run start:prod*`, package.json) and under `npm run bench:load` and
 * `npm run soak` (scripts/load/processes.ts).
 *
 * `--max-semi-space-size=64`: a young generation of 64 MB a half instead of V8's 16. A
 * service answering a list of 50 people makes many short-lived objects (rows, results,
 * promises), and with the default it scavenged so often that a loaded subgraph spent a tenth
 * of its CPU in the garbage collector; with 64 MB, a twenty-fifth. The cost is memory the
 * young generation may hold: up to about 100 MB more RSS a process under load.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=64'];

import http from 'node:http';
import type { ApolloServer, BaseContext, ContextFunction } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import type express from 'express';
import type { Logger } from './logging';

/**
 * The one request a service serves all day, `POST /graphql` with a JSON body, answered
 * without Express's router, body parser and `res.send`: under load those cost the gateway a
 * fifth of its busy time (the router's layers, type-is and raw-body, the charset and
 * content-length work of `res.send`), for a request whose path, method and type are known.
 * It keeps the same steps in the same order as the Express chain (lib/service.ts): the
 * request observation, CORS, the body limit, the same refusals of a body, then Apollo. The
 * request and response are Express's own (the prototypes Express itself gives them), so the
 * context function reads `req.ip` by the app's `trust proxy` as before. Any other request —
 * another path, method, content type or encoding — goes to the Express app unchanged.
 */

export interface GraphqlPostOptions<C extends BaseContext> {
  app: express.Express;
  apollo: ApolloServer<C>;
  context: ContextFunction<[ExpressContextFunctionArgument], C>;
  /** The Express chain's steps before the body is read: the request observation, then CORS. */
  before: readonly express.RequestHandler[];
  /** Bodies longer than this are refused, as the Express chain's body parser refuses them. */
  maxBodyBytes: number;
  /** The answer to a body that is refused: the Express chain's (lib/service.ts). */
  refuseBody: (res: express.Response, status: 400 | 413) => void;
  logger: Logger;
}

/** JSON as Express's body parser reads it by default: that media type, UTF-8, not compressed. */
function isPlainJsonPost(req: http.IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  const end = url.indexOf('?');
  if ((end === -1 ? url : url.slice(0, end)) !== '/graphql') return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  if (type === 'application/json') return true;
  if (type === undefined) return false;
  const [media, ...parameters] = type.toLowerCase().split(';');
  if (media.trim() !== 'application/json') return false;
  return parameters.every((parameter) => /^\s*charset\s*=\s*"?utf-8"?\s*$/.test(parameter));
}

class BodyRefused extends Error {
  constructor(readonly status: 400 | 413) {
    super(status === 413 ? 'the request body is too large' : 'the request body could not be read');
  }
}

/** The body as the Express chain's `express.json()` parses it: strict (an object or an array), empty as `{}`. */
function readJson(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return Promise.reject(new BodyRefused(413));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = (error: BodyRefused) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) return stop(new BodyRefused(413));
      chunks.push(chunk);
    };
    const onEnd = () => {
      // A byte order mark is dropped, as the body parser's decoder drops it.
      const decoded = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)).toString('utf8');
      const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
      if (text.length === 0) return resolve({});
      const first = text.trimStart()[0];
      if (first !== '{' && first !== '[') return reject(new BodyRefused(400));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyRefused(400));
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('aborted', () => stop(new BodyRefused(400)));
    req.once('error', () => stop(new BodyRefused(400)));
  });
}

/** The steps before the body, each Express-style, run in order; `done` after the last that calls its `next`. */
function runBefore(steps: readonly express.RequestHandler[], req: express.Request, res: express.Response, done: () => void): void {
  let index = 0;
  const next = (error?: unknown) => {
    if (error) throw error;
    const step = steps[index++];
    if (step) void step(req, res, next);
    else done();
  };
  next();
}

export function graphqlPostFront<C extends BaseContext>(options: GraphqlPostOptions<C>): http.RequestListener {
  const { app, apollo, context, before, maxBodyBytes, refuseBody, logger } = options;

  const answer = async (req: express.Request, res: express.Response) => {
    let body: unknown;
    try {
      body = await readJson(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyRefused) return refuseBody(res, error.status);
      throw error;
    }
    req.body = body;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query === -1 ? '' : req.url.slice(query), body },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Node sets the Content-Length of an answer ended in one piece.
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (rawReq, rawRes) => {
    if (!isPlainJsonPost(rawReq)) return void app(rawReq, rawRes);
    // What Express's app.handle does for every request: its request and response methods and the app's settings.
    const req = Object.setPrototypeOf(rawReq, app.request) as express.Request;
    const res = Object.setPrototypeOf(rawRes, app.response) as express.Response;
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as express.Response['locals'];
    // Where Express's final handler would answer an error: a plain 500 that says nothing of it.
    const fail = (error: Error) => {
      logger.error(`POST /graphql failed: ${error.message}`);
      if (!res.headersSent) res.status(500).type('text/plain').end('Internal Server Error');
      else res.destroy();
    };
    try {
      runBefore(before, req, res, () => void answer(req, res).catch(fail));
    } catch (error) {
      fail(error as Error);
    }
  };
}

/**
 * What the server that serves the desk says about the environment, read from `config.json`
 * beside `index.html` once at start, so one build serves development and production alike.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

export interface DeskConfig {
  graphqlUrl: string;
  mode: 'development' | 'production';
  /** The identity provider for production sign-in; null in development, where personas stand in. */
  oidc: OidcSettings | null;
}

export class ConfigError extends Error {}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`config.json: ${name} måste vara en text`);
  return value;
}

/** Parses `config.json` once, at the border; throws naming the field at fault. */
export function parseConfig(raw: unknown): DeskConfig {
  const value = (raw ?? {}) as Record<string, unknown>;
  const mode = value.mode;
  if (mode !== 'development' && mode !== 'production') throw new ConfigError('config.json: mode måste vara development eller production');
  const oidc = value.oidc as Record<string, unknown> | null | undefined;
  if (mode === 'production' && !oidc) throw new ConfigError('config.json: oidc krävs i production');
  return {
    graphqlUrl: text(value.graphqlUrl, 'graphqlUrl'),
    mode,
    oidc: oidc ? { issuer: text(oidc.issuer, 'oidc.issuer'), clientId: text(oidc.clientId, 'oidc.clientId'), scope: text(oidc.scope, 'oidc.scope') } : null,
  };
}

export async function loadConfig(): Promise<DeskConfig> {
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' });
  if (!response.ok) throw new ConfigError(`config.json kunde inte läsas (HTTP ${response.status})`);
  return parseConfig(await response.json());
}

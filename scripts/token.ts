import { parseArgs } from 'node:util';
import { developmentIssuerKey, mintToken } from '../lib/auth/development';
import { parseOrganisation } from '../lib/auth/organisations';
import { PERSONAS, PersonaName } from '../lib/auth/personas';
import { ConfigError, loadGatewayConfig } from '../lib/config';

/**
 * `npm run token -- --org DISTRICT:SKH --sub anna` (or `--persona jobbtorgCoach`): a bearer
 * token from the development issuer, which a gateway in development accepts. Refuses to
 * run in production, where tokens come from the city's identity provider.
 */

const USAGE = `usage: npm run token -- --org <ORG> --sub <user> [--scope "records:read records:write"] [--hours 8]
       npm run token -- --persona <${Object.keys(PERSONAS).join('|')}>`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      sub: { type: 'string' },
      scope: { type: 'string', default: 'records:read records:write' },
      hours: { type: 'string', default: '8' },
      persona: { type: 'string' },
    },
  });
  const config = loadGatewayConfig();
  if (config.environment === 'production' || config.auth.jwksUrl) {
    throw new ConfigError('development tokens are for APP_ENV=development without AUTH_JWKS_URL');
  }
  const persona = values.persona === undefined ? undefined : PERSONAS[values.persona as PersonaName];
  if (values.persona !== undefined && !persona) throw new ConfigError(`unknown persona "${values.persona}"\n${USAGE}`);
  const claims = persona ?? { org: values.org ?? '', sub: values.sub ?? '', scope: values.scope };
  if (!parseOrganisation(claims.org) || !claims.sub) throw new ConfigError(USAGE);
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24)) throw new ConfigError('--hours must be more than 0 and at most 24');
  const token = await mintToken(await developmentIssuerKey(config.keysDir), claims, {
    issuer: config.auth.issuer,
    audience: config.auth.audience,
    seconds: Math.round(hours * 3600),
  });
  console.log(token);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error.stack);
  process.exit(1);
});

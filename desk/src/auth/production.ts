import type { UserManager } from 'oidc-client-ts';
import type { DeskConfig } from '../config';
import { userManager } from './oidc';

let manager: UserManager | null = null;

/** The one OpenID Connect client of this page, for the identity provider `config.json` names. */
export function oidcClient(config: DeskConfig): UserManager | null {
  if (!config.oidc) return null;
  manager ??= userManager(config.oidc);
  return manager;
}

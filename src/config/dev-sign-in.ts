import { AppConfig } from './app-config';

/**
 * Whether `POST /api/dev/tokens` exists: anyone may sign in as anyone there, so only outside
 * production and only where the server itself holds the signing secret (not an identity provider's keys).
 */
export function devSignInEnabled(config: AppConfig): boolean {
  return !config.production && !config.jwtJwksUrl && config.jwtSecret !== '';
}

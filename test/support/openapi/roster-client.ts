import createClient, { Client, Middleware } from 'openapi-fetch';
import { tokenFor } from '../tokens';
import type { paths } from './roster-api';
import { ResponseContract } from './response-contract';

export type RosterClient = Client<paths>;

/** One response the contract checked: which operation answered which status. */
export interface Checked {
  readonly operation: string;
  readonly status: number;
}

export class ContractViolation extends Error {}

/**
 * Every response the client receives is checked against the document before the caller sees it;
 * one that the document does not declare fails the call with a ContractViolation naming why.
 */
export function checkedBy(contract: ResponseContract, checked: Checked[]): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const received = { status: response.status, headers: response.headers, body: await response.clone().text() };
      const violations = contract.violationsOf(request.method, schemaPath, received);
      if (violations.length > 0) throw new ContractViolation(violations.join('\n'));
      checked.push({ operation: `${request.method} ${schemaPath}`, status: response.status });
      return undefined;
    },
  };
}

/** The client generated from the document, for one user (or for nobody: no token), every response checked. */
export function rosterClient(
  baseUrl: string,
  middleware: Middleware,
  userId?: string,
  fetch?: typeof globalThis.fetch,
): RosterClient {
  const client = createClient<paths>({
    baseUrl,
    headers: userId ? { Authorization: `Bearer ${tokenFor(userId)}` } : {},
    ...(fetch && { fetch }),
  });
  client.use(middleware);
  return client;
}

import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';

/** One finding of a linter, in a form that reads well in a failed assertion. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly rule: string;
  readonly where: string;
  readonly message: string;
}

export type Linter = (json: string) => Promise<Finding[]>;

/** The structural validation of swagger-parser: it stops at the first error, so one finding at most. */
export const swaggerParser: Linter = async (json) => {
  try {
    await SwaggerParser.validate(JSON.parse(json));
    return [];
  } catch (error) {
    return [{ severity: 'error', rule: 'swagger-parser', where: '', message: (error as Error).message }];
  }
};

/** Redocly's `recommended` ruleset, as `redocly lint` runs it without a configuration file. */
export const redocly: Linter = async (json) => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: json, absoluteRef: 'openapi.json', config });
  return problems.map((p) => ({
    severity: p.severity === 'error' ? 'error' : 'warning',
    rule: p.ruleId,
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
};

// Spectral's DiagnosticSeverity: 0 error, 1 warning, 2 information, 3 hint.
const SPECTRAL_ERROR = 0;
const SPECTRAL_WARNING = 1;

/** Spectral's `spectral:oas` ruleset, as `extends: spectral:oas` in a .spectral.yaml runs it. */
export const spectral: Linter = async (json) => {
  const linter = new Spectral();
  linter.setRuleset({ extends: [[oas as never, 'recommended']] });
  const results = await linter.run(new Document(json, Json, 'openapi.json'));
  return results
    .filter((r) => r.severity <= SPECTRAL_WARNING)
    .map((r) => ({
      severity: r.severity === SPECTRAL_ERROR ? 'error' : 'warning',
      rule: String(r.code),
      where: r.path.join('/'),
      message: r.message,
    }));
};

export const LINTERS: Record<string, Linter> = { 'swagger-parser': swaggerParser, redocly, spectral };

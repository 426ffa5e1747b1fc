import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's own bundle, handed to the page through the DevTools protocol (the console's CSP allows no inline script). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/** What axe finds on the page as it is now that is serious or critical (WCAG 2.1 A and AA rules, and axe's best practices). */
export async function seriousAccessibilityFindings(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<AxeFinding[]>(`axe.run(document, { resultTypes: ['violations'] }).then((results) =>
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) })))`);
}

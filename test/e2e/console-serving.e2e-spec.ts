import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { CONSOLE_FOLDER } from '../../src/console/serve-console';
import { expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';

/** The built console (npm run build, which npm test runs first) served by the app beside the API. */
describe('the console at /', () => {
  const t = useTestApp();

  beforeAll(() => {
    if (!existsSync(join(CONSOLE_FOLDER, 'index.html'))) throw new Error(`${CONSOLE_FOLDER} is missing: run npm run build`);
  });

  it.each(['/', '/sessions/6f9b1a52-8a8e-4a43-9d53-3f1c3c0f2b7e', '/join/q3ZfAbC_dEf-1234567890abcdefghij'])('GET %s answers the console page, not cached', async (path) => {
    const res = await request(t.http).get(path).expect(200);

    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it("the page's content security policy allows only its own scripts, styles and connections (no inline code)", async () => {
    const policy = String((await request(t.http).get('/').expect(200)).headers['content-security-policy']);
    const directives = Object.fromEntries(policy.split(';').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(directives['connect-src']).toBeUndefined();
    expect(policy).not.toContain('unsafe');
  });

  it('serves its hashed assets for a year', async () => {
    const html = (await request(t.http).get('/').expect(200)).text;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];

    const res = await request(t.http).get(script!).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
  });

  it('leaves the API alone: unknown routes and assets still answer problem documents', async () => {
    expectProblem(await request(t.http).get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await request(t.http).get('/assets/nothing.js'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await request(t.http).get('/sessions'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await request(t.http).get('/index.html'), 404, 'ROUTE_NOT_FOUND');
    const post = await request(t.http).post('/');
    expectProblem(post, 405, 'METHOD_NOT_ALLOWED');
    expect(post.headers.allow).toBe('GET');
  });
});

// The walking skeleton: routes, error shapes, headers, static assets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';

let srv;

before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

function assertSecurityHeaders(r) {
	assert.match(r.headers.get('content-security-policy'),
	    /default-src 'self'/);
	assert.match(r.headers.get('content-security-policy'),
	    /frame-ancestors 'none'/);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
	assert.ok(r.headers.get('referrer-policy'));
}

function assertErrorShape(r, status, code) {
	assert.equal(r.status, status);
	assert.match(r.headers.get('content-type'), /^application\/json/);
	assert.equal(typeof r.json.error, 'object');
	assert.equal(r.json.error.code, code);
	assert.equal(typeof r.json.error.message, 'string');
	assert.ok(r.json.error.message.length > 0);
	assert.deepEqual(Object.keys(r.json).sort(), ['error']);
}

test('GET /healthz reports the database ok', async () => {
	const r = await srv.api('GET', '/healthz');
	assert.equal(r.status, 200);
	assert.deepEqual(r.json, { status: 'ok', db: 'ok' });
	assertSecurityHeaders(r);
});

test('HEAD /healthz answers without a body', async () => {
	const r = await srv.api('HEAD', '/healthz');
	assert.equal(r.status, 200);
	assert.equal(r.text, '');
});

test('GET /api/v1/version is constant', async () => {
	const r = await srv.api('GET', '/api/v1/version');
	assert.equal(r.status, 200);
	assert.equal(r.json.name, 'handoff');
	assert.match(r.json.version, /^\d+\.\d+\.\d+$/);
});

test('the landing page names the product and links onwards', async () => {
	const r = await srv.request('GET', '/');
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
	assertSecurityHeaders(r);
	assert.match(r.text, /^<!doctype html>/);
	assert.match(r.text, /<a class="brand" href="\/">handoff<\/a>/);
	assert.match(r.text, /handoff keeps ML projects honest/);
	assert.match(r.text, /href="\/assets\/style.css"/);
	for (const href of ['/digest', '/people', '/projects/new'])
		assert.ok(r.text.includes(`href="${href}"`), href);
	assert.doesNotMatch(r.text, /<script/);
});

test('assets are served with an ETag and revalidated', async () => {
	const r = await srv.request('GET', '/assets/style.css');
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('content-type'), 'text/css; charset=utf-8');
	assert.match(r.text, /--critical/);
	const etag = r.headers.get('etag');
	assert.match(etag, /^"[0-9a-f]{20}"$/);

	const again = await srv.request('GET', '/assets/style.css',
	    { headers: { 'if-none-match': etag } });
	assert.equal(again.status, 304);
	assert.equal(again.text, '');

	const head = await srv.request('HEAD', '/assets/style.css');
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
});

test('unknown or traversing asset paths are 404', async () => {
	for (const p of ['/assets/nope.css', '/assets/../Makefile',
	    '/assets/%2e%2e%2fMakefile', '/assets/', '/assets'])
		assert.equal((await srv.request('GET', p)).status, 404, p);
});

test('an unknown API route is a JSON 404', async () => {
	const r = await srv.api('GET', '/api/v1/nothing-here');
	assertErrorShape(r, 404, 'not_found');
	assert.equal(r.json.error.field, undefined);
});

test('an unknown page is an HTML 404', async () => {
	const r = await srv.request('GET', '/no/such/page');
	assert.equal(r.status, 404);
	assert.match(r.headers.get('content-type'), /^text\/html/);
	assert.match(r.text, /Not Found/);
	assertSecurityHeaders(r);
});

test('a wrong method is a 405 with Allow, JSON on API routes', async () => {
	for (const m of ['POST', 'PUT', 'DELETE', 'PATCH']) {
		const r = await srv.api(m, '/healthz', {});
		assertErrorShape(r, 405, 'method_not_allowed');
		assert.equal(r.headers.get('allow'), 'GET, HEAD');
	}
	const page = await srv.request('POST', '/', { body: 'x=1' });
	assert.equal(page.status, 405);
	assert.match(page.headers.get('content-type'), /^text\/html/);
});

// Only in the sanitizer run (make test-asan): prove the runtime is loaded.
if (process.env.HANDOFF_SANITIZE)
test('the workers run the sanitized module with the ASan runtime',
    async () => {
	const { execFileSync } = await import('node:child_process');
	const { readFileSync } = await import('node:fs');
	const kids = execFileSync('pgrep', ['-P', String(srv.pid)])
	    .toString().trim().split('\n');
	assert.ok(kids.length > 0);
	for (const pid of kids) {
		const maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
		assert.match(maps, /libclang_rt\.asan/, `worker ${pid}`);
		assert.match(maps, /asan\/handoff\.so/, `worker ${pid}`);
	}
});

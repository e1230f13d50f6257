// The OpenAPI description of the JSON API (src/apidoc.c, src/openapi.c):
// served without sign-in, built from the route table (a route without a
// description makes it a 500 naming the route), valid for two tools
// nobody here wrote: @seriousme/openapi-schema-validator (the OpenAPI 3.1
// JSON Schema) and Redocly's linter (no errors; its warnings are printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { TOP, startServer } from '../lib/harness.js';

const execFileP = promisify(execFile);

let srv, doc, text;

before(async () => {
	srv = await startServer();
	const r = await srv.request('GET', '/api/v1/openapi.json',
	    { auth: false });
	assert.equal(r.status, 200, `the description is not served: ` +
	    r.text);
	text = r.text;
	doc = r.json;
});
after(async () => { await srv?.stop(); });

test('served to anyone, with a strong ETag, revalidated', async () => {
	const r = await srv.request('GET', '/api/v1/openapi.json',
	    { auth: false });
	assert.match(r.headers.get('content-type'), /^application\/json/);
	const etag = r.headers.get('etag');
	assert.match(etag, /^"[0-9a-f]{20}"$/);
	assert.equal(r.headers.get('cache-control'), 'no-cache');
	const again = await srv.request('GET', '/api/v1/openapi.json',
	    { auth: false, headers: { 'if-none-match': `"x", W/${etag}` } });
	assert.equal(again.status, 304);
	assert.equal(again.text, '');
	assert.equal(again.headers.get('etag'), etag);
	const other = await srv.request('GET', '/api/v1/openapi.json',
	    { auth: false, headers: { 'if-none-match': '"0"' } });
	assert.equal(other.status, 200);
});

test('every API route is described, and only those', async () => {
	// The server refuses to build it otherwise (apidoc_build()); here the
	// paths are compared with what the server answers: a described
	// path is a route (not "no such API route").
	assert.equal(doc.openapi, '3.1.0');
	const paths = Object.keys(doc.paths);
	assert.ok(paths.length >= 20, `only ${paths.length} paths`);
	for (const p of paths) {
		const concrete = p.replace(/\{role\}/, 'ds')
		    .replace(/\{[a-z]+\}/g, (m) => m === '{key}' ?
		    'problem_framing' : m === '{handoff}' ? 'a' : '1');
		for (const method of Object.keys(doc.paths[p])) {
			const r = await srv.request('OPTIONS', concrete,
			    { auth: false });
			assert.notEqual(r.json?.error?.message,
			    'no such API route', `${method} ${p}`);
		}
	}
	for (const p of paths)
		assert.match(p, /^\/api\/v1\//);
});

test('every signed-in POST takes an Idempotency-Key, nothing else does',
    () => {
	const key = doc.components.parameters.IdempotencyKey;
	assert.equal(key.name, 'Idempotency-Key');
	assert.equal(key.in, 'header');
	assert.equal(key.schema.maxLength, 255);
	let posts = 0;
	for (const [p, item] of Object.entries(doc.paths)) {
		for (const [method, op] of Object.entries(item)) {
			const takes = (op.parameters ?? []).some((x) => x.$ref ===
			    '#/components/parameters/IdempotencyKey');
			const signedIn = op.security.length > 0;
			const want = method === 'post' && signedIn;
			assert.equal(takes, want, `${method} ${p}`);
			if (!want)
				continue;
			posts++;
			assert.ok(op.responses['409'] && op.responses['422'],
			    `${method} ${p}: 409 and 422`);
			const ok = Object.entries(op.responses).find(([s]) =>
			    s.startsWith('2'))[1];
			assert.ok(ok.headers['Idempotent-Replayed'],
			    `${method} ${p}: Idempotent-Replayed`);
		}
	}
	assert.ok(posts >= 6, `${posts} signed-in POSTs`);
});

test('request bodies follow the field tables', () => {
	const body = doc.paths['/api/v1/people'].post.requestBody.content[
	    'application/json'].schema;
	assert.equal(body.additionalProperties, false);
	assert.deepEqual(body.required, ['name', 'email', 'role']);
	assert.deepEqual(body.properties.role.enum, ['ds', 'mle', 'swe', 'pm']);
	assert.equal(body.properties.name.maxLength, 200);
	const q = doc.paths['/api/v1/people'].get.parameters;
	const limit = q.find((x) => x.name === 'limit');
	assert.deepEqual([limit.schema.minimum, limit.schema.maximum],
	    [1, 200]);
	const put = doc.paths['/api/v1/projects/{project}/ownership/{key}/' +
	    '{role}'].put;
	assert.ok(put.responses['412']);
	assert.ok(put.responses['200'].headers.ETag);
	assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(),
	    ['bearer', 'csrf', 'session']);
});

test('valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)',
    async () => {
	const v = new Validator();
	const res = await v.validate(JSON.parse(text));
	assert.ok(res.valid, JSON.stringify(res.errors, null, 1));
});

test('Redocly lints it without errors', async () => {
	const file = join(process.env.HANDOFF_TEST_DIR, 'openapi.json');
	writeFileSync(file, text);
	let out;
	try {
		out = await execFileP(join(TOP, 'tests/node_modules/.bin/redocly'),
		    ['lint', '--format', 'summary', file], { cwd: join(TOP,
		    'tests') });
	} catch (e) {
		assert.fail(`redocly lint failed:\n${e.stdout}\n${e.stderr}`);
	}
	// The warnings left are listed, not failed on.
	const said = `${out.stdout}\n${out.stderr}`.trim();
	if (said !== '')
		console.log(`redocly lint:\n${said}`);
});

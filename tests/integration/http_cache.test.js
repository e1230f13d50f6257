// What clients may keep, and how they ask whether it changed: strong
// ETags on reads, 304 for a matching If-None-Match, Cache-Control that
// keeps signed-in answers out of shared caches, Vary on the credentials.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';

let srv;

before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

function signedInRead(r) {
	assert.equal(r.headers.get('cache-control'), 'private, no-cache');
	assert.match(r.headers.get('vary') ?? '', /Authorization/);
	assert.match(r.headers.get('vary') ?? '', /Cookie/);
}

test('a person: ETag is the version, 304 while it is current', async () => {
	const p = await srv.api('POST', '/api/v1/people', { name: 'Ana',
	    email: 'ana@example.com', role: 'ds' });
	assert.equal(p.status, 201);
	assert.equal(p.headers.get('cache-control'), 'no-store');
	const url = `/api/v1/people/${p.json.id}`;
	const r = await srv.api('GET', url);
	assert.equal(r.headers.get('etag'), '"1"');
	signedInRead(r);
	const same = await srv.api('GET', url, undefined,
	    { 'if-none-match': '"1"' });
	assert.equal(same.status, 304);
	assert.equal(same.text, '');
	assert.equal(same.headers.get('etag'), '"1"');
	assert.equal((await srv.api('PATCH', url, { name: 'Ana R' })).status,
	    200);
	const changed = await srv.api('GET', url, undefined,
	    { 'if-none-match': '"1"' });
	assert.equal(changed.status, 200);
	assert.equal(changed.json.name, 'Ana R');
	assert.equal(changed.headers.get('etag'), '"2"');
});

test('the digest: tagged by its bytes, 304 while nothing changed',
    async () => {
	const r = await srv.api('GET', '/api/v1/digest');
	assert.equal(r.status, 200);
	const etag = r.headers.get('etag');
	assert.match(etag, /^"[0-9a-f]{20}"$/);
	signedInRead(r);
	const same = await srv.api('GET', '/api/v1/digest', undefined,
	    { 'if-none-match': etag });
	assert.equal(same.status, 304);
	assert.equal(same.text, '');
	const other = await srv.api('GET', '/api/v1/digest?limit=1',
	    undefined, { 'if-none-match': etag });
	assert.equal(other.status, 200);
	assert.notEqual(other.headers.get('etag'), etag);
});

test('a project: its version is no validator of its risks, never 304',
    async () => {
	const pm = await srv.api('POST', '/api/v1/people', { name: 'Maya',
	    email: 'maya@example.com', role: 'pm' });
	const p = await srv.api('POST', '/api/v1/projects', { name: 'X',
	    pm_id: pm.json.id, kickoff_on: '2026-11-02',
	    target_launch_on: '2027-01-11' });
	assert.equal(p.status, 201);
	const r = await srv.api('GET', `/api/v1/projects/${p.json.id}`,
	    undefined, { 'if-none-match': '"1"' });
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('etag'), '"1"');
	signedInRead(r);
});

test('errors and public answers', async () => {
	const e = await srv.api('GET', '/api/v1/people/999999');
	assert.equal(e.status, 404);
	assert.equal(e.headers.get('cache-control'), 'no-store');
	const v = await srv.request('GET', '/api/v1/version', { auth: false });
	assert.equal(v.headers.get('cache-control'), 'no-cache');
	assert.equal(v.headers.get('vary'), null);
	const anon = await srv.request('GET', '/api/v1/digest',
	    { auth: false });
	assert.equal(anon.status, 401);
	assert.equal(anon.headers.get('cache-control'), 'no-store');
});

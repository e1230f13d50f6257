// Idempotency-Key (sql/api/90_idempotency.sql, README "Idempotent
// writes"): a POST sent again with the same key and the same request
// returns the first answer without doing the work twice; another request
// with the key is a 422; a request with the key still running is a 409;
// keys are an account's and are forgotten after 24 hours.  The HTML forms
// carry one (the hidden "_idem"), so a form posted twice does its work
// once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { psql } from '../lib/harness.js';
import { addDays, assertError, createPerson, createProject, KICKOFF,
    startApi, unique } from '../lib/fixtures.js';
import { FORM_TYPE, formBody, rawHttp, signIn }
    from '../lib/security.js';

let srv;
let pm;

before(async () => {
	srv = await startApi();
	pm = await createPerson(srv, { role: 'pm' });
});
after(async () => {
	await srv?.stop();
});

const count = async (sql) => Number(await psql(sql, { db: srv.db }));

function projectBody(name) {
	return { name, pm_id: pm.id, kickoff_on: KICKOFF,
	    target_launch_on: addDays(KICKOFF, 91) };
}

test('the same key and request: the first answer, the work done once',
    async () => {
	const key = randomUUID();
	const name = `Idem ${unique()}`;
	const first = await srv.api('POST', '/api/v1/projects',
	    projectBody(name), { 'idempotency-key': key });
	assert.equal(first.status, 201, first.text);
	assert.equal(first.headers.get('idempotent-replayed'), null);
	// The same request again, its keys in another order and spacing.
	const body = projectBody(name);
	const again = await srv.request('POST', '/api/v1/projects', {
		headers: { 'idempotency-key': key,
		    'content-type': 'application/json' },
		body: JSON.stringify(Object.fromEntries(Object.entries(body)
		    .reverse()), null, 2) });
	assert.equal(again.status, 201, again.text);
	assert.equal(again.headers.get('idempotent-replayed'), 'true');
	assert.equal(again.headers.get('location'),
	    first.headers.get('location'));
	assert.match(first.headers.get('location'), /^\/api\/v1\/projects\/\d+$/);
	assert.deepEqual(again.json, first.json);
	assert.equal(await count(`SELECT count(*) FROM projects p
	    JOIN project_versions v ON v.project_id = p.id
	    WHERE v.name = '${name}'`), 1, 'one project, one version');
	assert.equal(await count(`SELECT count(*) FROM audit_log
	    WHERE project_id = ${first.json.id} AND entity = 'project'`), 1,
	    'one audit row');
	assert.equal(await count(`SELECT count(*) FROM idempotency_keys
	    WHERE key = '${key}'`), 1);
});

test('a checkpoint whose answer was lost: sent again, one checkpoint',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const key = randomUUID();
	const body = { stage: 'data', title: 'Once only',
	    due_on: addDays(KICKOFF, 20) };
	const path = `/api/v1/projects/${p.id}/checkpoints`;
	const a = await srv.api('POST', path, body, { 'idempotency-key': key });
	const b = await srv.api('POST', path, body, { 'idempotency-key': key });
	assert.equal(a.status, 201, a.text);
	assert.equal(b.status, 201, b.text);
	assert.deepEqual(b.json, a.json);
	assert.equal(await count(`SELECT count(*) FROM checkpoint_versions
	    WHERE title = 'Once only'`), 1, 'one checkpoint, one version');
	// Without a key, the same request is a second checkpoint.
	const c = await srv.api('POST', path, body);
	assert.equal(c.status, 201, c.text);
	assert.notEqual(c.json.id, a.json.id);
});

test('the same key with another request is a 422 naming the header',
    async () => {
	const key = randomUUID();
	const first = await srv.api('POST', '/api/v1/people',
	    { name: 'Key One', email: `${unique('k')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	assert.equal(first.status, 201, first.text);
	const other = await srv.api('POST', '/api/v1/people',
	    { name: 'Key Two', email: `${unique('k')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	assertError(other, 422, 'Idempotency-Key');
	assert.equal(other.json.error.code, 'idempotency_key_reused');
	// Another route with the key is another request too.
	const p = await createProject(srv, { pm_id: pm.id });
	const elsewhere = await srv.api('POST',
	    `/api/v1/projects/${p.id}/checkpoints`, { stage: 'data',
	    title: 'x', due_on: addDays(KICKOFF, 5) },
	    { 'idempotency-key': key });
	assertError(elsewhere, 422, 'Idempotency-Key');
	assert.equal(await count("SELECT count(*) FROM person_versions " +
	    "WHERE name = 'Key Two'"), 0);
});

test('keys are per account: another account\'s same key is its own',
    async () => {
	const key = randomUUID();
	const body = { name: 'Per account', email: `${unique('a')}@example.com`,
	    role: 'ds' };
	const mine = await srv.api('POST', '/api/v1/people', body,
	    { 'idempotency-key': key });
	assert.equal(mine.status, 201, mine.text);
	const theirs = await srv.api('POST', '/api/v1/people',
	    { ...body, email: `${unique('a')}@example.com` },
	    { 'idempotency-key': key, 'x-handoff-actor': 'other@example.com' });
	assert.equal(theirs.status, 201, theirs.text);
	assert.notEqual(theirs.json.id, mine.json.id);
});

test('a request with the key still running is a 409', async () => {
	const key = randomUUID();
	const uid = await psql("SELECT id FROM users WHERE email = " +
	    "'tester@example.com'", { db: srv.db });
	// Hold the lock the first request would hold until it commits
	// (api.idempotent), for a second while the request comes in.
	const held = psql(`SELECT pg_advisory_xact_lock(hashtextextended(
	    'handoff.idem ${uid} ${key}', 0)), pg_sleep(3)`,
	    { db: srv.db });
	// Wait until it is held: on a loaded machine psql may start late.
	for (let i = 0; ; i++) {
		const n = await psql("SELECT count(*) FROM pg_locks WHERE " +
		    "locktype = 'advisory' AND granted AND objid = " +
		    `(hashtextextended('handoff.idem ${uid} ${key}', 0) ` +
		    "& 4294967295)::oid", { db: srv.db });
		if (n === '1')
			break;
		assert.ok(i < 100, 'the advisory lock was never taken');
		await new Promise((ok) => setTimeout(ok, 50));
	}
	const r = await srv.api('POST', '/api/v1/people', { name: 'Busy',
	    email: `${unique('b')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	await held;
	assertError(r, 409, 'Idempotency-Key');
	assert.match(r.json.error.message, /still being processed/);
	// Once the first is done, the key works (nothing was recorded).
	const later = await srv.api('POST', '/api/v1/people', { name: 'Busy',
	    email: `${unique('b')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	assert.equal(later.status, 201, later.text);
});

test('a refused request records no key: fixed, it is sent again',
    async () => {
	const key = randomUUID();
	const bad = await srv.api('POST', '/api/v1/projects',
	    { ...projectBody('Refused'), pm_id: 999999 },
	    { 'idempotency-key': key });
	assert.ok(bad.status >= 400 && bad.status < 500, bad.text);
	assert.equal(await count(`SELECT count(*) FROM idempotency_keys
	    WHERE key = '${key}'`), 0);
	const bad2 = await srv.api('POST', '/api/v1/projects',
	    { ...projectBody('Refused'), pm_id: 999999 },
	    { 'idempotency-key': key });
	assert.equal(bad2.status, bad.status, bad2.text);
});

test('a key expires after 24 hours: then it is a new request', async () => {
	const key = randomUUID();
	const first = await srv.api('POST', '/api/v1/people', { name: 'Old',
	    email: `${unique('o')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	assert.equal(first.status, 201, first.text);
	// Another expired key of another request, to be swept away.
	await psql(`INSERT INTO idempotency_keys (user_id, key, request_hash,
	    answer, created_at) SELECT id, 'swept ${key}', 'x', 'null',
	    now() - interval '3 days' FROM users
	    WHERE email = 'tester@example.com'`, { db: srv.db });
	await psql(`UPDATE idempotency_keys SET created_at = now() -
	    interval '24 hours 1 minute' WHERE key = '${key}'`, { db: srv.db });
	const again = await srv.api('POST', '/api/v1/people', { name: 'New',
	    email: `${unique('o')}@example.com`, role: 'ds' },
	    { 'idempotency-key': key });
	assert.equal(again.status, 201, again.text);
	assert.equal(again.headers.get('idempotent-replayed'), null);
	assert.notEqual(again.json.id, first.json.id);
	assert.equal(await count(`SELECT count(*) FROM idempotency_keys
	    WHERE key = 'swept ${key}'`), 0, 'expired keys are swept');
	assert.equal(await count(`SELECT count(*) FROM idempotency_keys
	    WHERE key = '${key}' AND created_at > now() - interval '1 hour'`),
	    1);
	// Just under 24 hours, it is still the first answer.
	await psql(`UPDATE idempotency_keys SET created_at = now() -
	    interval '23 hours 59 minutes' WHERE key = '${key}'`,
	    { db: srv.db });
	const replay = await srv.api('POST', '/api/v1/people', { name: 'New',
	    email: JSON.parse(again.text).email, role: 'ds' },
	    { 'idempotency-key': key });
	assert.equal(replay.status, 201, replay.text);
	assert.equal(replay.headers.get('idempotent-replayed'), 'true');
	assert.equal(replay.json.id, again.json.id);
});

test('a bad key is a 400 naming the header', async () => {
	const send = async (key) => {
		const body = JSON.stringify({ name: 'Bad key',
		    email: `${unique('bk')}@example.com`, role: 'ds' });
		return rawHttp(srv.port, Buffer.concat([Buffer.from(
		    'POST /api/v1/people HTTP/1.1\r\nHost: x\r\n' +
		    `Authorization: Bearer ${await srv.token()}\r\n` +
		    'Content-Type: application/json\r\n' +
		    `Content-Length: ${body.length}\r\nIdempotency-Key: `),
		    Buffer.from(key, 'utf8'), Buffer.from('\r\nConnection: ' +
		    `close\r\n\r\n${body}`)]));
	};
	const long = await send('x'.repeat(256));
	assert.equal(long.status, 400, long.head);
	const e = JSON.parse(long.body.toString()).error;
	assert.equal(e.field, 'Idempotency-Key', JSON.stringify(e));
	assert.match(e.message, /1 to 255 printable ASCII/);
	// Bytes outside printable ASCII in a header: kore's own parser
	// refuses them first (an empty 400, README "Production").
	for (const key of ['caf\u00e9', 'a\u0001b']) {
		const r = await send(key);
		assert.equal(r.status, 400, r.head);
	}
	assert.equal(await count("SELECT count(*) FROM person_versions " +
	    "WHERE name = 'Bad key'"), 0);
	// 255 characters will do.
	const ok = await srv.api('POST', '/api/v1/people', { name: 'Long key',
	    email: `${unique('lk')}@example.com`, role: 'ds' },
	    { 'idempotency-key': 'k'.repeat(255) });
	assert.equal(ok.status, 201, ok.text);
});

test('a new token sent again: 409, its secret is not shown twice',
    async () => {
	const key = randomUUID();
	const a = await srv.api('POST', '/api/v1/tokens', { name: 'ci' },
	    { 'idempotency-key': key });
	assert.equal(a.status, 201, a.text);
	assert.match(a.json.token, /^hf_/);
	const b = await srv.api('POST', '/api/v1/tokens', { name: 'ci' },
	    { 'idempotency-key': key });
	assertError(b, 409, 'Idempotency-Key');
	assert.ok(!b.text.includes('hf_'), b.text);
	assert.equal(await count("SELECT count(*) FROM api_tokens " +
	    "WHERE name = 'ci'"), 1);
});

test('a kickoff form posted twice creates one project', async () => {
	await srv.account('kick@example.com', 'pm', 'kickoff-pass-1');
	const session = await signIn(srv, 'kick@example.com',
	    'kickoff-pass-1');
	const page = await srv.request('GET', '/projects/new',
	    { headers: { cookie: session.cookie } });
	assert.equal(page.status, 200, page.text);
	const idem = /name="_idem" value="([^"]+)"/.exec(page.text)?.[1];
	assert.ok(idem, 'the kickoff form carries an Idempotency-Key');
	// Another render, another key.
	const page2 = await srv.request('GET', '/projects/new',
	    { headers: { cookie: session.cookie } });
	assert.notEqual(/name="_idem" value="([^"]+)"/.exec(page2.text)[1],
	    idem);
	const name = `Double ${unique()}`;
	const fields = { csrf: session.csrf, _idem: idem, name,
	    pm_id: String(pm.id), kickoff_on: KICKOFF,
	    target_launch_on: addDays(KICKOFF, 91) };
	const post = () => srv.request('POST', '/projects/new', { auth: false,
	    body: formBody(fields), headers: { cookie: session.cookie,
	    'content-type': FORM_TYPE } });
	const [a, b] = await Promise.all([post(), post()]);
	const c = await post();
	// Sent at once, the second may find the first still running (409,
	// the form shown again) or done (the same redirect); never a second
	// project.
	for (const r of [a, b, c])
		assert.ok([303, 409].includes(r.status), `${r.status} ${r.text}`);
	assert.equal(c.status, 303);
	assert.match(c.headers.get('location'), /^\/projects\/\d+$/);
	for (const r of [a, b].filter((x) => x.status === 303))
		assert.equal(r.headers.get('location'), c.headers.get('location'));
	assert.equal(await count(`SELECT count(DISTINCT project_id)
	    FROM project_versions WHERE name = '${name}'`), 1,
	    'one project');
	// A bad _idem is a 400 naming it, and does nothing.
	for (const idemBad of ['', '  ', 'k'.repeat(256)]) {
		const bad = await srv.request('POST', '/projects/new', {
			auth: false, body: formBody({ ...fields, _idem: idemBad,
			    name: 'Bad idem' }), headers: {
			    cookie: session.cookie, 'content-type': FORM_TYPE } });
		assert.equal(bad.status, 400, bad.text);
		assert.match(bad.text, /_idem must be 1 to 255/);
	}
	assert.equal(await count("SELECT count(*) FROM project_versions " +
	    "WHERE name = 'Bad idem'"), 0);
});

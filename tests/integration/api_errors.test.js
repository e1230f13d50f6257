// Errors that every route shares: content type (415), size (413), broken
// JSON, invalid UTF-8, unknown fields, malformed If-Match and actor headers,
// unknown ids (404) and wrong methods (405) -- and never a 500 for bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, auditCount, bodyOfSize, rawJson, unique, KICKOFF, LAUNCH }
    from '../lib/fixtures.js';

let srv;
let person;
let other;
let project;
let checkpoint;

before(async () => {
	srv = await startApi();
	person = await createPerson(srv, { role: 'ds' });
	other = await createPerson(srv, { role: 'mle' });
	project = await createProject(srv);
	checkpoint = await createCheckpoint(srv, project.id);
});
after(async () => { await srv?.stop(); });

// Every route that reads a JSON body, with a body it would accept.
function bodyRoutes() {
	const pid = project.id;
	return [
		['POST', '/api/v1/people', { name: 'N',
		    email: `${unique('e')}@example.com`, role: 'ds' }],
		['PATCH', `/api/v1/people/${person.id}`, { name: 'N' }],
		['POST', '/api/v1/projects', { name: 'N', pm_id: person.id,
		    kickoff_on: KICKOFF, target_launch_on: LAUNCH }],
		['PATCH', `/api/v1/projects/${pid}`, { name: 'N' }],
		['POST', `/api/v1/projects/${pid}/stage`, { stage: 'data',
		    override: true, reason: 'gates later' }],
		['POST', `/api/v1/projects/${pid}/checkpoints`, { stage: 'data',
		    title: 'T', due_on: KICKOFF }],
		['PATCH', `/api/v1/checkpoints/${checkpoint.id}`, { note: 'N' }],
		['PUT', `/api/v1/projects/${pid}/ownership/fallback/swe`,
		    { person_id: person.id }],
		['POST', `/api/v1/projects/${pid}/handoffs/a/offer`,
		    { from_id: person.id, to_id: other.id }],
	];
}

// Every write that names a versioned resource (If-Match applies).
function versionedWrites() {
	const pid = project.id;
	return [
		['PATCH', `/api/v1/people/${person.id}`, { name: 'N' }],
		['PATCH', `/api/v1/projects/${pid}`, { name: 'N' }],
		['POST', `/api/v1/projects/${pid}/stage`, { stage: 'data',
		    override: true, reason: 'gates later' }],
		['PATCH', `/api/v1/checkpoints/${checkpoint.id}`, { note: 'N' }],
		['DELETE', `/api/v1/checkpoints/${checkpoint.id}`, undefined],
		['PUT', `/api/v1/projects/${pid}/ownership/fallback/swe`,
		    { person_id: person.id }],
		['DELETE', `/api/v1/projects/${pid}/ownership/fallback/swe`,
		    undefined],
		['POST', `/api/v1/projects/${pid}/handoffs/a/offer`,
		    { from_id: person.id, to_id: other.id }],
		['POST', `/api/v1/projects/${pid}/handoffs/a/accept`, undefined],
	];
}

// What a failed request must not have touched.
async function snapshot() {
	const get = async (p) => (await srv.api('GET', p)).json;
	return {
		audit: await auditCount(srv),
		person: await get(`/api/v1/people/${person.id}`),
		project: await get(`/api/v1/projects/${project.id}`),
		checkpoint: await get(`/api/v1/checkpoints/${checkpoint.id}`),
		people: (await get('/api/v1/people?limit=200')).total,
		projects: (await get('/api/v1/projects?limit=200')).total,
	};
}

// One request over a plain socket, for bytes fetch() will not send.
function rawHttp(text) {
	return new Promise((ok, fail) => {
		const sock = connect(srv.port, '127.0.0.1');
		const chunks = [];
		sock.setTimeout(5000, () => sock.destroy(new Error('timeout')));
		sock.on('data', (c) => chunks.push(c));
		// A reset after the answer arrived is still an answer.
		sock.on('error', (e) => { if (chunks.length === 0) fail(e); });
		sock.on('close', () => {
			const s = Buffer.concat(chunks).toString('latin1');
			const m = /^HTTP\/1\.1 (\d{3})/.exec(s);
			ok({ status: m ? Number(m[1]) : 0, raw: s });
		});
		// Not end(): a half-closed connection gets no answer.  The
		// request says Connection: close, so the server closes.
		sock.write(Buffer.isBuffer(text) ? text :
		    Buffer.from(text, 'latin1'));
	});
}

test('a body that is not declared as JSON is 415, on every body route',
    async () => {
	const before = await snapshot();
	for (const [m, path, body] of bodyRoutes()) {
		const text = JSON.stringify(body);
		for (const type of ['text/plain', 'application/x-www-form-' +
		    'urlencoded', 'application/jsonx', 'application/json-patch+json',
		    'application/json; charset=latin1', 'text/json',
		    'multipart/form-data; boundary=x']) {
			const r = await srv.request(m, path,
			    { body: Buffer.from(text),
			      headers: { 'content-type': type } });
			assertError(r, 415);
		}
		// No Content-Type at all.
		const none = await srv.request(m, path,
		    { body: Buffer.from(text) });
		assertError(none, 415);
	}
	assert.deepEqual(await snapshot(), before);
});

test('application/json with charset=utf-8, any case, is accepted',
    async () => {
	for (const type of ['application/json; charset=utf-8',
	    'Application/JSON', 'application/json;charset=UTF-8']) {
		const r = await srv.request('POST', '/api/v1/people', {
		    body: Buffer.from(JSON.stringify({ name: 'Typed',
			email: `${unique('t')}@example.com`, role: 'swe' })),
		    headers: { 'content-type': type } });
		assert.equal(r.status, 201, `${type}: ${r.text}`);
	}
});

test('a body over 64 KiB is 413 on every body route; 64 KiB is not',
    async () => {
	const before = await snapshot();
	for (const [m, path] of bodyRoutes()) {
		const over = await rawJson(srv, m, path, bodyOfSize(65537));
		assertError(over, 413);
		const much = await rawJson(srv, m, path, bodyOfSize(300000));
		assertError(much, 413);
		// Exactly 64 KiB is read and judged on its content.
		const at = await rawJson(srv, m, path, bodyOfSize(65536));
		assertError(at, 400, 'name');
	}
	assert.deepEqual(await snapshot(), before);
});

test('broken, duplicate-key and non-object JSON is 400 on every body route',
    async () => {
	const before = await snapshot();
	const bad = [
		'', ' ', '{', '}', '{"name":}', "{'name':'x'}", '{"name":"x",}',
		'{"name":"x"} trailing', '{"name":"x"}{"name":"y"}', 'nul',
		'{"name":"a","name":"b"}', '{"note":"a","note":"a"}',
		'{"spec":{"decision":"a","decision":"b"}}',
		'[]', '[{"name":"x"}]', '"name"', '42', '-1', 'null', 'true',
		'{"name":"\\ud800"}', '{"name":"\\u0000"}', '{"name":"\\x41"}',
		'{"person_id": 100000000000000000000000}',
		'{"pm_id": 9223372036854775808}',
		'{"name": NaN}', '{"name": Infinity}',
		'['.repeat(5000),
	];
	for (const [m, path] of bodyRoutes()) {
		for (const text of bad) {
			const r = await rawJson(srv, m, path, text);
			assertError(r, 400);
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('invalid UTF-8 bytes in the body are 400 on every body route',
    async () => {
	const before = await snapshot();
	const bytes = [
		[0xff], [0xfe], [0xc0, 0xaf], [0xe0, 0x80, 0xaf],
		[0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80],
		[0x80], [0xc3],
	];
	for (const [m, path, body] of bodyRoutes()) {
		// Spoil a body that is otherwise fine: in the first key, and in
		// the first string value where there is one.
		const text = JSON.stringify(body);
		const spots = [2, text.indexOf('":"') + 3].filter((i) => i > 2);
		for (const at of spots) {
			for (const b of bytes) {
				const buf = Buffer.concat([
				    Buffer.from(text.slice(0, at)), Buffer.from(b),
				    Buffer.from(text.slice(at))]);
				assertError(await rawJson(srv, m, path, buf), 400);
			}
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('an unknown field is 400 naming it, on every body route', async () => {
	const before = await snapshot();
	for (const [m, path, body] of bodyRoutes()) {
		for (const extra of ['unknown', 'ID', 'Name', '__proto__',
		    'name ', '']) {
			const text = JSON.stringify(body).replace(/^\{/,
			    `{${JSON.stringify(extra)}:1,`);
			const r = await rawJson(srv, m, path, text);
			// Named when shaped like our field names; any other
			// key is body text, never echoed (protocol.test.js).
			assertError(r, 400, /^[a-z0-9_]{1,40}$/.test(extra) ?
			    extra : null);
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('ids in bodies: wrong type, zero, negative and huge are 400 naming ' +
    'the field', async () => {
	const before = await snapshot();
	const pid = project.id;
	const idFields = [
		['POST', '/api/v1/projects', { name: 'N', kickoff_on: KICKOFF,
		    target_launch_on: LAUNCH }, 'pm_id'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'pm_id'],
		['POST', `/api/v1/projects/${pid}/checkpoints`, { stage: 'data',
		    title: 'T', due_on: KICKOFF }, 'owner_id'],
		['PATCH', `/api/v1/checkpoints/${checkpoint.id}`, {},
		    'owner_id'],
		['PUT', `/api/v1/projects/${pid}/ownership/fallback/swe`, {},
		    'person_id'],
		['POST', `/api/v1/projects/${pid}/handoffs/a/offer`,
		    { to_id: other.id }, 'from_id'],
		['POST', `/api/v1/projects/${pid}/handoffs/a/offer`,
		    { from_id: other.id }, 'to_id'],
	];
	for (const [m, path, body, field] of idFields) {
		for (const v of ['0', '-1', '-9223372036854775808', '1.5',
		    '1e3', '"1"', 'true', '[1]', '{"id":1}',
		    '9223372036854775807', '999999']) {
			const text = JSON.stringify(body).replace(/\}$/,
			    `${Object.keys(body).length ? ',' : ''}` +
			    `"${field}":${v}}`);
			const r = await rawJson(srv, m, path, text);
			assertError(r, 400, field);
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('a malformed If-Match is 400 naming it, on every versioned write',
    async () => {
	const before = await snapshot();
	for (const [m, path, body] of versionedWrites()) {
		for (const tag of ['1', 'abc', '"1", "2"', '"-1"', '"1.0"',
		    '"2147483648"', '"1', 'W/"x"', 'w/"1"', '"" ']) {
			const r = await srv.api(m, path, body,
			    { 'if-match': tag });
			assertError(r, 400, 'If-Match');
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('a stale If-Match is 412 on every versioned write, changing nothing',
    async () => {
	const before = await snapshot();
	for (const [m, path, body] of versionedWrites()) {
		const r = await srv.api(m, path, body, { 'if-match': '"42"' });
		assertError(r, 412);
	}
	assert.deepEqual(await snapshot(), before);
});

test('the audit log records the owner of the token; no token, no entry',
    async () => {
	const path = `/api/v1/projects/${project.id}`;
	for (const email of ['ana@example.com', 'A.B-C_d@example.com']) {
		const r = await srv.api('PATCH', path, { name: unique('n') },
		    { authorization: `Bearer ${await srv.token(email, 'pm')}` });
		assert.equal(r.status, 200, r.text);
		const h = await srv.api('GET', `${path}/history?limit=1`);
		assert.equal(h.json.entries[0].actor, email);
	}

	const before = await snapshot();
	const none = await srv.request('PATCH', path, { body: { name: 'no' },
	    auth: false });
	assertError(none, 401);
	assert.match(none.headers.get('www-authenticate'), /^Bearer/);
	const wrong = await srv.api('PATCH', path, { name: 'no' },
	    { authorization: 'Bearer hf_not-a-token' });
	assertError(wrong, 401);
	// The old actor header no longer names anyone.
	const raw = await rawHttp(`DELETE /api/v1/checkpoints/` +
	    `${checkpoint.id} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
	    `X-Handoff-Actor: admin\r\nConnection: close\r\n\r\n`);
	assert.equal(raw.status, 401, raw.raw);
	assert.deepEqual(await snapshot(), before);
});

test('query arguments over the length bound are refused, not ignored',
    async () => {
	const r = await srv.api('GET',
	    `/api/v1/projects?status=${'x'.repeat(201)}`);
	assertError(r, 400, 'status');
	const p = await srv.api('GET', `/api/v1/people?role=${'y'.repeat(300)}`);
	assertError(p, 400, 'role');
});

test('a value outside a list names the values allowed, body and query',
    async () => {
	const q = await srv.api('GET', '/api/v1/risks?severity=urgent');
	assertError(q, 400, 'severity');
	assert.equal(q.json.error.message,
	    'severity must be one of low, medium, high, critical');
	const b = await srv.api('POST', `/api/v1/projects/${project.id}/stage`,
	    { stage: 'launch' });
	assertError(b, 400, 'stage');
	assert.equal(b.json.error.message, 'stage must be one of framing, ' +
	    'data, baseline, modelling, evaluation, production, monitoring');
});

test('an empty filter value means no filter (as HTML forms send it)',
    async () => {
	const all = await srv.api('GET', '/api/v1/projects');
	const empty = await srv.api('GET', '/api/v1/projects?status=');
	assert.equal(empty.status, 200);
	assert.equal(empty.json.total, all.json.total);
	const people = await srv.api('GET', '/api/v1/people?role=');
	assert.equal(people.status, 200);
	assert.equal(people.json.total,
	    (await srv.api('GET', '/api/v1/people')).json.total);
});

test('unknown API routes are JSON 404s', async () => {
	for (const path of ['/api/v1/nothing', '/api/v2/people', '/api/',
	    '/api/v1/people/1/extra', '/api/v1/projects/1/stages',
	    '/api/v1/checkpoints', '/api/v1/projects/1/handoffs/a',
	    '/api/v1/projects/1/owners', '/api/v1/people/',
	    '/api/v1/projects//1']) {
		for (const m of ['GET', 'POST'])
			assertError(await srv.api(m, path, m === 'GET' ?
			    undefined : {}), 404);
	}
});

test('path ids: zero, negative, over-long and past bigint are 404 ' +
    'everywhere', async () => {
	const before = await snapshot();
	for (const id of ['0', '-1', '00', '9223372036854775808',
	    '99999999999999999999', '1e3']) {
		for (const [m, path, body] of [
			['GET', `/api/v1/people/${id}`],
			['PATCH', `/api/v1/people/${id}`, { name: 'N' }],
			['GET', `/api/v1/projects/${id}`],
			['PATCH', `/api/v1/projects/${id}`, { name: 'N' }],
			['POST', `/api/v1/projects/${id}/stage`,
			    { stage: 'data', override: true, reason: 'gates later' }],
			['POST', `/api/v1/projects/${id}/checkpoints`,
			    { stage: 'data', title: 'T', due_on: KICKOFF }],
			['GET', `/api/v1/projects/${id}/history`],
			['GET', `/api/v1/checkpoints/${id}`],
			['PATCH', `/api/v1/checkpoints/${id}`, { note: 'N' }],
			['DELETE', `/api/v1/checkpoints/${id}`],
			['PUT', `/api/v1/projects/${id}/ownership/fallback/swe`,
			    { person_id: person.id }],
			['DELETE',
			    `/api/v1/projects/${id}/ownership/fallback/swe`],
			['POST', `/api/v1/projects/${id}/handoffs/a/offer`,
			    { from_id: person.id, to_id: other.id }],
			['POST', `/api/v1/projects/${id}/handoffs/a/accept`],
		]) {
			const r = await srv.api(m, path, body);
			assertError(r, 404);
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('wrong methods: 405 with Allow on every route, before any 404',
    async () => {
	const pid = project.id;
	const routes = [
		['/api/v1/people', 'GET, HEAD, POST'],
		[`/api/v1/people/${person.id}`, 'GET, HEAD, PATCH'],
		['/api/v1/projects', 'GET, HEAD, POST'],
		[`/api/v1/projects/${pid}`, 'GET, HEAD, PATCH'],
		[`/api/v1/projects/${pid}/stage`, 'POST'],
		[`/api/v1/projects/${pid}/checkpoints`, 'POST'],
		[`/api/v1/projects/${pid}/history`, 'GET, HEAD'],
		[`/api/v1/checkpoints/${checkpoint.id}`,
		    'GET, HEAD, PATCH, DELETE'],
		[`/api/v1/projects/${pid}/ownership/fallback/swe`,
		    'PUT, DELETE'],
		[`/api/v1/projects/${pid}/handoffs/b/offer`, 'POST'],
		[`/api/v1/projects/${pid}/handoffs/b/accept`, 'POST'],
	];
	const before = await snapshot();
	for (const [path, allow] of routes) {
		const allowed = allow.split(', ');
		for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
			if (allowed.includes(m))
				continue;
			for (const p of [path, path.replace(/\/\d+(\/|$)/,
			    '/999999$1')]) {
				const r = await srv.api(m, p, m === 'GET' ?
				    undefined : {});
				assertError(r, 405);
				assert.equal(r.headers.get('allow'), allow,
				    `${m} ${p}`);
			}
		}
	}
	assert.deepEqual(await snapshot(), before);
});

test('never a 500: every field of every body route with odd values',
    async () => {
	const odd = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), '',
	    ' ', 'x', '2026-02-30', '9999-12-31', '1000-01-01', '\u202e',
	    '\u0001', 'é'.repeat(3000), [], [1], {}, { a: 1 },
	    'https://example.com/', '<script>', "'; DROP TABLE people; --"];
	for (const [m, path, body] of bodyRoutes()) {
		const fields = Object.keys(body).concat(['spec', 'plan',
		    'status', 'due_on', 'completed_on', 'outcome', 'decision',
		    'reason', 'owner_id', 'active', 'email', 'role']);
		for (const f of fields) {
			for (const v of odd) {
				const r = await srv.api(m, path,
				    { ...body, [f]: v });
				assert.ok(r.status < 500,
				    `${m} ${path} ${f}=${JSON.stringify(v)
					.slice(0, 40)}: ${r.status} ${r.text}`);
				if (r.status >= 400)
					assertError(r, r.status);
			}
		}
	}
	// The server is still healthy.
	const h = await srv.api('GET', '/healthz');
	assert.equal(h.status, 200);
});

test('never a 500: odd query strings on list routes', async () => {
	for (const path of ['/api/v1/people', '/api/v1/projects',
	    `/api/v1/projects/${project.id}/history`]) {
		for (const q of ['limit=', 'limit=%00', 'limit=1&limit=2',
		    'offset=1e3', 'limit=%FF', 'pm=1%00', 'status=%E2%80%AE',
		    'stage=framing%20', 'active=TRUE', 'x=1', '&&&', '=',
		    'limit=200&offset=1000000']) {
			const r = await srv.api('GET', `${path}?${q}`);
			assert.ok(r.status === 200 || r.status === 400,
			    `${path}?${q}: ${r.status} ${r.text}`);
			if (r.status === 400)
				assertError(r, 400);
		}
	}
});

// Bad input, everywhere a request can carry it: SQL metacharacters (stored
// and returned byte for byte), NUL, invalid UTF-8 in JSON and in forms,
// overlong strings (counted in characters), huge and negative numbers,
// impossible dates, unknown fields, bodies over the limits, traversal of
// the static files, and CR/LF aimed at response headers.
//
// The JSON API's shared refusals on its main body routes are in
// api_errors.test.js; this file covers the fields one by one, the forms of
// the pages, the account routes, query strings and the raw wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP } from '../lib/harness.js';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, unique, addDays, KICKOFF, LAUNCH, TODAY }
    from '../lib/fixtures.js';
import { FORM_TYPE, formBody, signIn, postForm, rawHttp, assertCleanHead,
    assertNoInjected, assertHealthy, isUtf8, loginRedirect, openSql }
    from '../lib/security.js';

let srv;
let sql;
let pmSession;		// a PM signed in through /login, for the forms
let person, other, project, checkpoint, userId;

const PM_EMAIL = 'input-pm@example.com';
const PM_PASSWORD = 'input-pm-password';

before(async () => {
	srv = await startApi();
	sql = openSql(srv);
	await srv.account(PM_EMAIL, 'pm', PM_PASSWORD);
	pmSession = await signIn(srv, PM_EMAIL, PM_PASSWORD);
	person = await createPerson(srv, { role: 'ds' });
	other = await createPerson(srv, { role: 'mle' });
	project = await createProject(srv);
	checkpoint = await createCheckpoint(srv, project.id);
	const u = await srv.api('POST', '/api/v1/users', { email:
	    'input-user@example.com', name: 'Input user', role: 'viewer',
	    password: 'input-user-password' });
	assert.equal(u.status, 201, u.text);
	userId = u.json.id;
});
after(async () => {
	sql?.close();
	await srv?.stop();
});

const audit = () => sql.auditCount();

// The bytes PostgreSQL holds, as hex (psql would otherwise reformat them).
async function storedHex(table, column, where) {
	return sql.value(`SELECT encode(convert_to(${column}, 'UTF8'), 'hex') ` +
	    `FROM ${table} WHERE ${where}`);
}
const hex = (s) => Buffer.from(s, 'utf8').toString('hex');

// ---------------------------------------------------------------------------
// SQL metacharacters

// Everything that means something to SQL, to psql, to LIKE, to JSON paths
// or to dollar quoting, one value at a time.
const SQL_VALUES = [
	"'", "''", '"', ';', '--', '/* */', '/*', '*/', '$1', '$$', '\\',
	"\\'", '%', '_', '%_%', "'); DROP TABLE people; --",
	"' OR '1'='1", "1; SELECT pg_sleep(10)--", '$tag$ $1 $tag$',
	"E'\\x41'", '\\x00', '::jsonb', '?|', '{"a": 1}', '`', '\\N',
	"x' || (SELECT current_user) || '", "Robert'); --", '\\\\\'\\"',
	':name', '@@', '#>>\'{a}\'',
];
// For multi-line fields, line breaks and tabs around them too.
const SQL_TEXT = [...SQL_VALUES, "a\n'--\n/*\n*/", "a\r\nb\tc;\n--",
    'x\n$$\n$1\ny'];
// (Blanks around a whole answer are trimmed by design, api.text_or_null()
// in sql/api/00_common.sql: the values start and end with something else.)

// Each text field: how to write a value, read it back through the API,
// and where PostgreSQL keeps it.
function textFields() {
	let day = 0;
	let stage = 'framing';
	const fields = [
		{ name: 'person.name', values: SQL_VALUES,
		    write: (v) => srv.api('PATCH', `/api/v1/people/${person.id}`,
			{ name: v }),
		    read: async () => (await srv.api('GET',
			`/api/v1/people/${person.id}`)).json.name,
		    db: ['people', 'name', `id = ${person.id}`] },
		{ name: 'project.name', values: SQL_VALUES,
		    write: (v) => srv.api('PATCH', `/api/v1/projects/${project.id}`,
			{ name: v }),
		    read: async () => (await srv.api('GET',
			`/api/v1/projects/${project.id}`)).json.name,
		    db: ['projects', 'name', `id = ${project.id}`] },
		...['decision', 'primary_metric', 'secondary_constraint',
		    'worse_error', 'fallback', 'monitoring_trigger', 'baseline']
		    .map((k) => ({ name: `project.spec.${k}`, values: SQL_TEXT,
			write: (v) => srv.api('PATCH',
			    `/api/v1/projects/${project.id}`, { spec: { [k]: v } }),
			read: async () => (await srv.api('GET',
			    `/api/v1/projects/${project.id}`)).json.spec[k],
			db: ['projects', k, `id = ${project.id}`] })),
		{ name: 'stage note', values: SQL_TEXT,
		    write: (v) => {
			stage = stage === 'data' ? 'baseline' : 'data';
			return srv.api('POST', `/api/v1/projects/${project.id}/stage`,
			    { stage, note: v, override: true,
			    reason: 'gates later' });
		    },
		    read: async () => (await srv.api('GET',
			`/api/v1/projects/${project.id}`)).json.transitions
			.at(-1).note,
		    db: ['stage_transitions', 'note', `id = (SELECT max(id) FROM ` +
			`stage_transitions WHERE project_id = ${project.id})`] },
		{ name: 'checkpoint.title', values: SQL_VALUES,
		    write: (v) => srv.api('PATCH',
			`/api/v1/checkpoints/${checkpoint.id}`, { title: v }),
		    read: async () => (await srv.api('GET',
			`/api/v1/checkpoints/${checkpoint.id}`)).json.title,
		    db: ['checkpoints', 'title', `id = ${checkpoint.id}`] },
		{ name: 'checkpoint.note', values: SQL_TEXT,
		    write: (v) => srv.api('PATCH',
			`/api/v1/checkpoints/${checkpoint.id}`, { note: v }),
		    read: async () => (await srv.api('GET',
			`/api/v1/checkpoints/${checkpoint.id}`)).json.note,
		    db: ['checkpoints', 'note', `id = ${checkpoint.id}`] },
		{ name: 'checkpoint slip reason', values: SQL_TEXT,
		    write: (v) => srv.api('PATCH',
			`/api/v1/checkpoints/${checkpoint.id}`,
			{ due_on: addDays(KICKOFF, 40 + ++day), reason: v }),
		    read: async () => (await srv.api('GET',
			`/api/v1/checkpoints/${checkpoint.id}`)).json.slips
			.at(-1).reason,
		    db: ['checkpoint_slips', 'reason', `id = (SELECT max(id) ` +
			`FROM checkpoint_slips WHERE checkpoint_id = ` +
			`${checkpoint.id})`] },
		{ name: 'token name', values: SQL_VALUES,
		    write: async (v) => {
			const r = await srv.api('POST', '/api/v1/tokens',
			    { name: v });
			fields.lastToken = r.json?.id;
			return r;
		    },
		    read: async () => (await srv.api('GET', '/api/v1/tokens'))
			.json.tokens.find((t) => t.id === fields.lastToken).name,
		    db: ['api_tokens', 'name', 'id = (SELECT max(id) FROM ' +
			'api_tokens)'] },
		{ name: 'user name', values: SQL_VALUES,
		    write: (v) => srv.api('PATCH', `/api/v1/users/${userId}`,
			{ name: v }),
		    read: async () => (await srv.api('GET', '/api/v1/users'))
			.json.users.find((u) => u.id === userId).name,
		    db: ['users', 'name', `id = ${userId}`] },
	];
	return fields;
}

test('sql: metacharacters in every text field are stored and returned ' +
    'byte for byte', async () => {
	const peopleBefore = await sql.value('SELECT count(*) FROM people');
	for (const f of textFields()) {
		for (const v of f.values) {
			const what = `${f.name} = ${JSON.stringify(v)}`;
			const w = await f.write(v);
			assert.ok(w.status === 200 || w.status === 201,
			    `${what}: ${w.status} ${w.text}`);
			assert.equal(await f.read(), v, what);
			assert.equal(await storedHex(...f.db), hex(v),
			    `${what}: the bytes in the database`);
		}
	}
	// Nothing was interpreted: the tables and their rows are all there.
	assert.equal(await sql.value('SELECT count(*) FROM people'), peopleBefore);
	assert.equal(await sql.value("SELECT to_regclass('public.people') " +
	    'IS NOT NULL'), 't');
});

test('sql: metacharacters in a new checkpoint, person and project',
    async () => {
	const v = "O'Brien; --/* $1 */ \\ \"q\" %_";
	const c = await srv.api('POST', `/api/v1/projects/${project.id}/checkpoints`,
	    { stage: 'data', title: v, due_on: addDays(KICKOFF, 9), note: v });
	assert.equal(c.status, 201, c.text);
	assert.equal(c.json.title, v);
	assert.equal(await storedHex('checkpoints', 'note', `id = ${c.json.id}`),
	    hex(v));

	const p = await createPerson(srv, { name: v });
	assert.equal(p.name, v);
	const pr = await createProject(srv, { name: v, spec: { decision: v,
	    baseline: v } });
	assert.equal(pr.name, v);
	assert.equal(pr.spec.decision, v);
	const list = await srv.api('GET', '/api/v1/projects?limit=200');
	assert.ok(list.json.projects.some((x) => x.name === v));
});

test('sql: metacharacters in emails and URLs, which stay valid',
    async () => {
	// Each is a valid address: quotes, dashes, slashes, stars, dollars and
	// backslashes are allowed in the local part.
	for (const email of ["o'hara@example.com", "a'or'1'='1@example.com",
	    'x--y/*z*/$1@example.com', 'back\\slash@example.com',
	    "q')or('1'='1--@example.com", '%_@example.com']) {
		const r = await srv.api('PATCH', `/api/v1/people/${other.id}`,
		    { email });
		assert.equal(r.status, 200, `${email}: ${r.text}`);
		assert.equal((await srv.api('GET', `/api/v1/people/${other.id}`))
		    .json.email, email);
		assert.equal(await storedHex('people', 'email',
		    `id = ${other.id}`), hex(email));
	}

	// URLs with the metacharacters RFC 3986 allows unencoded.
	const urls = ["https://wiki.example.com/a'b;c--d/*e*/$1?q='or'1'='1#x",
	    'https://wiki.example.com/%27%3B--?x=$$&y=(select)',
	    "http://example.com/O'Brien's;notes"];
	for (const url of urls) {
		const h = await srv.api('POST',
		    `/api/v1/projects/${project.id}/handoffs/b/offer`,
		    { from_id: person.id, to_id: other.id, artifact_url: url });
		assert.equal(h.status, 200, `${url}: ${h.text}`);
		assert.equal(h.json.artifact_url, url);
		const doc = await srv.api('GET', `/api/v1/projects/${project.id}`);
		assert.equal(doc.json.handoffs.find((x) => x.key === 'b')
		    .artifact_url, url);
		assert.equal(await storedHex('handoffs', 'artifact_url',
		    `project_id = ${project.id} AND key = 'b'`), hex(url));
		assert.doesNotThrow(() => new URL(url));

		const c = await srv.api('PATCH',
		    `/api/v1/checkpoints/${checkpoint.id}`, { evidence_url: url });
		assert.equal(c.status, 200, c.text);
		assert.equal(c.json.evidence_url, url);
	}

	// What is not an http(s) URL is refused, naming the field.
	for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)',
	    ' javascript:alert(1)', 'java\tscript:alert(1)',
	    'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
	    '//evil.example/x', '/\\evil.example', '/relative/path',
	    'https://', 'http:///x', 'https://exa mple.com/',
	    "https://example.com/\n'", 'ftp://example.com/x', '']) {
		const before = await audit();
		const h = await srv.api('POST',
		    `/api/v1/projects/${project.id}/handoffs/c/offer`,
		    { from_id: person.id, to_id: other.id, artifact_url: url });
		assertError(h, 400, 'artifact_url');
		const c = await srv.api('PATCH',
		    `/api/v1/checkpoints/${checkpoint.id}`, { evidence_url: url });
		assertError(c, 400, 'evidence_url');
		assert.equal(await audit(), before, JSON.stringify(url));
	}
});

test('sql: metacharacters sent through the forms are stored verbatim',
    async () => {
	const v = "it's \"x\"; DROP TABLE projects; -- /* $1 */ \\ %_";
	const pm = await createPerson(srv, { role: 'pm' });
	const k = await postForm(srv, pmSession, '/projects/new', { name: v,
	    pm_id: pm.id, kickoff_on: KICKOFF, target_launch_on: LAUNCH,
	    decision: v, baseline: `${v}\r\n${v}` });
	assert.equal(k.status, 303, k.text);
	const id = /^\/projects\/(\d+)$/.exec(k.headers.get('location'))[1];
	const doc = (await srv.api('GET', `/api/v1/projects/${id}`)).json;
	assert.equal(doc.name, v);
	assert.equal(doc.spec.decision, v);
	// A form's CR LF is a line break, kept as LF (formdata.c).
	assert.equal(doc.spec.baseline, `${v}\n${v}`);

	const cp = doc.checkpoints[0];
	const s = await postForm(srv, pmSession,
	    `/projects/${id}/checkpoints/${cp.id}/status`,
	    { status: 'blocked', note: v });
	assert.equal(s.status, 303, s.text);
	const d = await postForm(srv, pmSession,
	    `/projects/${id}/checkpoints/${cp.id}/due`,
	    { due_on: addDays(KICKOFF, 50), reason: v });
	assert.equal(d.status, 303, d.text);
	const st = await postForm(srv, pmSession, `/projects/${id}/stage`,
	    { stage: 'data', note: v, override: 'true', reason: v });
	assert.equal(st.status, 303, st.text);
	const url = "https://example.com/it's;--/*x*/";
	const o = await postForm(srv, pmSession, `/projects/${id}/handoffs/a/offer`,
	    { from_id: person.id, to_id: other.id, artifact_url: url });
	assert.equal(o.status, 303, o.text);
	const pp = await postForm(srv, pmSession, '/people', { name: v,
	    email: `o'neil.${unique('f')}@example.com`, role: 'swe' });
	assert.equal(pp.status, 303, pp.text);
	const pid = /#person-(\d+)$/.exec(pp.headers.get('location'))[1];

	const after = (await srv.api('GET', `/api/v1/projects/${id}`)).json;
	const c = after.checkpoints.find((x) => x.id === cp.id);
	assert.equal(c.note, v);
	assert.equal(c.slips.at(-1).reason, v);
	assert.equal(after.transitions.at(-1).note, v);
	assert.equal(after.handoffs[0].artifact_url, url);
	assert.equal((await srv.api('GET', `/api/v1/people/${pid}`)).json.name, v);
});

test('sql: metacharacters in query arguments are refused, not ' +
    'interpreted', async () => {
	const before = await sql.value('SELECT count(*) FROM projects');
	for (const [path, field] of [
		["/api/v1/projects?status=active'--", 'status'],
		["/api/v1/projects?status=%27%20OR%20%271%27%3D%271", 'status'],
		['/api/v1/projects?pm=1%20OR%201%3D1', 'pm'],
		['/api/v1/projects?stage=data%3B%20DROP%20TABLE%20projects', 'stage'],
		['/api/v1/projects?limit=1%3BSELECT%201', 'limit'],
		["/api/v1/people?role=ds'--", 'role'],
		['/api/v1/people?active=true%27', 'active'],
		['/api/v1/people?offset=0%20--', 'offset'],
		[`/api/v1/projects/${project.id}/history?limit=1/*`, 'limit'],
		["/api/v1/risks?severity=high'--", 'severity'],
		["/api/v1/risks?pm=1'", 'pm'],
		["/api/v1/risks?as_of=2026-03-01'--", 'as_of'],
		[`/api/v1/projects/${project.id}/risks?as_of=%27`, 'as_of'],
		["/api/v1/digest?week=2026-W10'--", 'week'],
	]) {
		assertError(await srv.api('GET', path), 400, field);
	}
	for (const path of ["/?stage=data'--", '/?pm=1%20OR%201=1',
	    "/?severity=high'", "/digest?week=2026-W10'", "/digest.md?week=$1"]) {
		const r = await srv.request('GET', path, { headers:
		    { cookie: pmSession.cookie }, auth: false });
		assert.equal(r.status, 400, `${path}: ${r.status}`);
	}
	assert.equal(await sql.value('SELECT count(*) FROM projects'), before);
});

// ---------------------------------------------------------------------------
// NUL

// Every JSON text field of every body route, with a value it accepts.
function jsonTextFields() {
	const pid = project.id;
	const cp = `/api/v1/checkpoints/${checkpoint.id}`;
	return [
		['POST', '/api/v1/people', { email: `${unique('n')}@example.com`,
		    role: 'ds' }, 'name'],
		['POST', '/api/v1/people', { name: 'N', role: 'ds' }, 'email'],
		['PATCH', `/api/v1/people/${person.id}`, {}, 'name'],
		['POST', '/api/v1/projects', { pm_id: person.id,
		    kickoff_on: KICKOFF, target_launch_on: LAUNCH }, 'name'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'name'],
		...['decision', 'primary_metric', 'secondary_constraint',
		    'worse_error', 'fallback', 'monitoring_trigger', 'baseline']
		    .map((k) => ['PATCH', `/api/v1/projects/${pid}`, {},
		    `spec.${k}`]),
		['POST', `/api/v1/projects/${pid}/stage`, { stage: 'monitoring' },
		    'note'],
		['POST', `/api/v1/projects/${pid}/checkpoints`, { stage: 'data',
		    due_on: KICKOFF }, 'title'],
		['PATCH', cp, {}, 'title'],
		['PATCH', cp, {}, 'note'],
		['PATCH', cp, { due_on: addDays(KICKOFF, 99) }, 'reason'],
		['PATCH', cp, {}, 'evidence_url'],
		['POST', `/api/v1/projects/${pid}/handoffs/d/offer`,
		    { from_id: person.id, to_id: other.id }, 'artifact_url'],
		['POST', '/api/v1/tokens', {}, 'name'],
		['POST', '/api/v1/users', { email: `${unique('u')}@example.com`,
		    role: 'viewer', password: 'long-enough-pw' }, 'name'],
		['PATCH', `/api/v1/users/${userId}`, {}, 'name'],
		['PATCH', `/api/v1/users/${userId}`, {}, 'password'],
	];
}

// body with value put at the (dotted) field, as JSON text.
function withField(body, field, value) {
	const b = structuredClone(body);
	const [a, c] = field.split('.');
	if (c === undefined)
		b[a] = value;
	else
		b[a] = { ...(b[a] ?? {}), [c]: value };
	return JSON.stringify(b);
}

function sendJson(method, path, text) {
	return srv.request(method, path, { body: Buffer.isBuffer(text) ? text :
	    Buffer.from(text), headers: { 'content-type': 'application/json' } });
}

test('nul: a NUL in any text field is refused, escaped or raw', async () => {
	const before = await audit();
	for (const [m, path, body, field] of jsonTextFields()) {
		const base = field.endsWith('url') ? 'https://example.com/a' :
		    field === 'password' || field === 'email' ?
		    'abcdefghij@example.com' : 'abc';
		// Escaped: \u0000 in the JSON text.
		const escaped = withField(body, field, base + '\u0000x');
		assert.ok(escaped.includes('\\u0000'));
		assertError(await sendJson(m, path, escaped), 400);
		// Raw: a 0x00 byte inside the string.
		const raw = Buffer.from(withField(body, field, base + '\u0001x')
		    .replace('\\u0001', '\u0000'));
		assert.ok(raw.includes(0));
		assertError(await sendJson(m, path, raw), 400);
	}
	// In a form: %00 in a value is refused as a whole.
	for (const [path, fields, key] of formRoutes()) {
		const r = await postForm(srv, pmSession, path,
		    { ...fields, [key]: 'a\u0000b' });
		assert.equal(r.status, 400, `${path} ${key}: ${r.status}`);
	}
	assert.equal(await audit(), before);
});

// ---------------------------------------------------------------------------
// Invalid UTF-8

const BAD_UTF8 = [
	[0xff], [0xfe], [0x80], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf],
	[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xe2, 0x82],
	[0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3],
];

// Every form a signed-in PM can send, with valid fields, and the text
// field to spoil ('x' where a form has none: every field is checked).
function formRoutes() {
	const pid = project.id;
	const cid = checkpoint.id;
	return [
		['/projects/new', { name: 'N', pm_id: person.id,
		    kickoff_on: KICKOFF, target_launch_on: LAUNCH }, 'name'],
		['/people', { name: 'N', email: `${unique('f')}@example.com`,
		    role: 'ds' }, 'name'],
		[`/people/${other.id}/active`, { active: 'true' }, 'x'],
		[`/projects/${pid}/spec`, { decision: 'd' }, 'decision'],
		[`/projects/${pid}/stage`, { stage: 'monitoring', note: 'n' },
		    'note'],
		[`/projects/${pid}/checkpoints/${cid}/status`,
		    { status: 'pending', note: 'n' }, 'note'],
		[`/projects/${pid}/checkpoints/${cid}/due`,
		    { due_on: addDays(KICKOFF, 77), reason: 'r' }, 'reason'],
		[`/projects/${pid}/ownership/fallback/swe`,
		    { person_id: person.id }, 'x'],
		[`/projects/${pid}/handoffs/d/offer`, { from_id: person.id,
		    to_id: other.id, artifact_url: 'https://example.com/a' },
		    'artifact_url'],
		[`/projects/${pid}/handoffs/d/accept`, {}, 'x'],
		['/tokens', { name: 't' }, 'name'],
		['/tokens/1/revoke', {}, 'x'],
	];
}

// An urlencoded body with the bytes spliced into the value of key (raw or
// percent-encoded), or into the key itself.
function spoiledForm(fields, key, bytes, how) {
	const enc = Buffer.from(bytes).toString('hex').replace(/../g, '%$&');
	const bad = how === 'raw' ? Buffer.from(bytes) : Buffer.from(enc);
	const f = { ...fields };
	if (how === 'name') {
		delete f[key];
		return Buffer.concat([formBody(f), Buffer.from('&'), bad,
		    Buffer.from('=1')]);
	}
	f[key] = Buffer.concat([Buffer.from('ok'), bad, Buffer.from('ok')]);
	return formBody(f);
}

test('utf-8: invalid bytes in any form field are 400, nothing written',
    async () => {
	const before = await audit();
	for (const [path, fields, key] of formRoutes()) {
		for (const bytes of BAD_UTF8) {
			for (const how of ['encoded', 'raw', 'name']) {
				const body = spoiledForm({ ...fields,
				    csrf: pmSession.csrf }, key, bytes, how);
				const r = await srv.request('POST', path, { body,
				    auth: false, headers: { cookie: pmSession.cookie,
				    'content-type': FORM_TYPE } });
				assert.equal(r.status, 400, `${path} ${key} ${how} ` +
				    `${Buffer.from(bytes).toString('hex')}: ` +
				    `${r.status}`);
				assert.ok(isUtf8(Buffer.from(r.text)), path);
			}
		}
	}
	assert.equal(await audit(), before);

	// Signing in and out with such a form: 400, the session stays.
	const mine = await signIn(srv, PM_EMAIL, PM_PASSWORD);
	for (const bytes of BAD_UTF8) {
		const out = await srv.request('POST', '/logout', { auth: false,
		    body: spoiledForm({ csrf: mine.csrf }, 'x', bytes, 'encoded'),
		    headers: { cookie: mine.cookie, 'content-type': FORM_TYPE } });
		assert.equal(out.status, 400);
		const login = await srv.request('POST', '/login', { auth: false,
		    body: spoiledForm({ email: PM_EMAIL, password: PM_PASSWORD },
		    'email', bytes, 'raw'),
		    headers: { 'content-type': FORM_TYPE } });
		assert.equal(login.status, 400);
		assert.equal(login.headers.get('set-cookie'), null);
	}
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: mine.cookie }, auth: false })).status, 200);
});

test('utf-8: invalid bytes in JSON bodies of the account routes and in ' +
    'nested fields are 400', async () => {
	const before = await audit();
	const routes = [
		['POST', '/api/v1/tokens', '{"name":"ok#"}'],
		['POST', '/api/v1/users', '{"email":"x#@example.com","name":"N",' +
		    '"role":"viewer","password":"long-enough-1"}'],
		['PATCH', `/api/v1/users/${userId}`, '{"name":"ok#"}'],
		['PATCH', `/api/v1/users/${userId}`, '{"password":"long-enough#1"}'],
		['POST', '/api/v1/session', `{"email":"${PM_EMAIL}",` +
		    `"password":"${PM_PASSWORD}#"}`],
		['PATCH', `/api/v1/projects/${project.id}`,
		    '{"spec":{"decision":"ok#"}}'],
		['PATCH', `/api/v1/projects/${project.id}`,
		    '{"spec":{"deci#sion":"ok"}}'],
		['PATCH', `/api/v1/projects/${project.id}`,
		    `{"plan":{"data":{"end":"${addDays(KICKOFF, 30)}#"}}}`],
	];
	for (const [m, path, text] of routes) {
		for (const bytes of BAD_UTF8) {
			const [a, b] = text.split('#');
			const body = Buffer.concat([Buffer.from(a), Buffer.from(bytes),
			    Buffer.from(b)]);
			const r = await sendJson(m, path, body);
			assertError(r, 400);
			assert.equal(r.headers.get('set-cookie'), null);
		}
	}
	assert.equal(await audit(), before);
});

test('utf-8: invalid bytes in query arguments are 400, and no page ' +
    'echoes them', async () => {
	for (const [path, field] of [
		['/api/v1/people?role=%FF', 'role'],
		['/api/v1/people?limit=1%C0%AF', 'limit'],
		['/api/v1/projects?status=%ED%A0%80', 'status'],
		['/api/v1/projects?pm=%E2%82', 'pm'],
		['/api/v1/risks?severity=%F4%90%80%80', 'severity'],
		['/api/v1/risks?as_of=%FF', 'as_of'],
		['/api/v1/digest?week=%C3', 'week'],
	]) {
		assertError(await srv.api('GET', path), 400, field);
	}
	for (const path of ['/?stage=%FF', '/?pm=%C0%AF', '/digest?week=%FF',
	    '/digest.md?week=%ED%A0%80']) {
		const r = await srv.request('GET', path, { auth: false,
		    headers: { cookie: pmSession.cookie } });
		assert.equal(r.status, 400, path);
	}
	// The sign-in page takes next from the query: whatever it does with
	// bytes that are not UTF-8, the page it sends must be UTF-8 (it says
	// charset=utf-8) and must not lead anywhere odd.
	for (const q of ['%FF', '%C0%AF', '%ED%A0%80', 'x%E2%82']) {
		const r = await fetch(`${srv.url}/login?next=/${q}`);
		const body = Buffer.from(await r.arrayBuffer());
		assert.ok(r.status === 200 || r.status === 400, `${q}: ${r.status}`);
		assert.ok(isUtf8(body), `/login?next=/${q}: the page is not ` +
		    `valid UTF-8: ${JSON.stringify(/name="next" value="[^"]*"/
		    .exec(body.toString('latin1'))?.[0])}`);
	}
});

// ---------------------------------------------------------------------------
// Lengths: counted in characters (code points), not bytes

// Characters of 1, 2, 3 and 4 bytes, and a 4-byte one sent as a JSON
// surrogate-pair escape.
const CHARS = [['a', 'a'], ['é', 'é'], ['€', '€'], ['😀', '😀'],
    ['\\ud83d\\ude00', '😀']];

function lengthFields() {
	const pid = project.id;
	const cp = `/api/v1/checkpoints/${checkpoint.id}`;
	let day = 0;
	return [
		['POST', '/api/v1/people', () => ({ email:
		    `${unique('l')}@example.com`, role: 'ds' }), 'name', 200],
		['PATCH', `/api/v1/people/${person.id}`, () => ({}), 'name', 200],
		// Several get one name here: length, not uniqueness, is tested.
		['POST', '/api/v1/projects', () => ({ pm_id: person.id,
		    kickoff_on: KICKOFF, target_launch_on: LAUNCH,
		    confirm_duplicate: true }), 'name', 200],
		['PATCH', `/api/v1/projects/${pid}`, () => ({}), 'name', 200],
		...['decision', 'primary_metric', 'secondary_constraint',
		    'worse_error', 'fallback', 'monitoring_trigger', 'baseline']
		    .map((k) => ['PATCH', `/api/v1/projects/${pid}`, () => ({}),
		    `spec.${k}`, 2000]),
		// The other stage than the current one, each time.
		['POST', `/api/v1/projects/${pid}/stage`, async () => ({
		    stage: (await srv.api('GET', `/api/v1/projects/${pid}`))
			.json.stage === 'evaluation' ? 'production' :
			'evaluation', override: true, reason: 'gates later' }),
		    'note', 2000],
		['POST', `/api/v1/projects/${pid}/checkpoints`, () => ({
		    stage: 'data', due_on: KICKOFF }), 'title', 300],
		['PATCH', cp, () => ({}), 'title', 300],
		['PATCH', cp, () => ({}), 'note', 2000],
		['PATCH', cp, () => ({ due_on: addDays(KICKOFF, 100 + ++day) }),
		    'reason', 500],
		['POST', '/api/v1/tokens', () => ({}), 'name', 100],
		['POST', '/api/v1/users', () => ({ email:
		    `${unique('lu')}@example.com`, role: 'viewer',
		    password: 'long-enough-pw' }), 'name', 200],
		['PATCH', `/api/v1/users/${userId}`, () => ({}), 'name', 200],
		['PATCH', `/api/v1/users/${userId}`, () => ({}), 'password', 200],
	];
}

// The JSON text of body with field set to n copies of the (JSON) char.
function repeated(body, field, char, n) {
	const marker = '\u0001MARK\u0001';
	const text = withField(body, field, marker);
	return text.replace(JSON.stringify(marker).slice(1, -1),
	    char.repeat(n));
}

test('length: every text limit counts characters, however many bytes ' +
    'each takes', async () => {
	for (const [m, path, body, field, max] of lengthFields()) {
		for (const [json, ch] of CHARS) {
			const what = `${m} ${path} ${field} ${max} x ${ch}`;
			const at = await sendJson(m, path, repeated(await body(),
			    field, json, max));
			assert.ok(at.status === 200 || at.status === 201,
			    `${what}: ${at.status} ${at.text.slice(0, 300)}`);
			const before = await audit();
			const over = await sendJson(m, path, repeated(await body(),
			    field, json, max + 1));
			assertError(over, 400, field);
			assert.equal(await audit(), before, what);
		}
	}
	// What was kept is what was sent: 200 four-byte characters.
	const r = await sendJson('PATCH', `/api/v1/people/${person.id}`,
	    repeated({}, 'name', '\\ud83d\\ude00', 200));
	assert.equal(r.json.name, '😀'.repeat(200));
	assert.equal(await sql.value(`SELECT length(name) || ' ' || ` +
	    `octet_length(name) FROM people WHERE id = ${person.id}`), '200 800');

	// A combining accent is a character of its own.
	const combining = 'e\u0301'.repeat(100);	/* 200 code points */
	assert.equal((await srv.api('PATCH', `/api/v1/people/${person.id}`,
	    { name: combining })).status, 200);
	assertError(await srv.api('PATCH', `/api/v1/people/${person.id}`,
	    { name: combining + 'e' }), 400, 'name');

	// Passwords: 10 to 200 characters.
	for (const [pw, ok] of [['😀'.repeat(10), true], ['😀'.repeat(9), false],
	    ['é'.repeat(200), true], ['é'.repeat(201), false]]) {
		const p = await srv.api('PATCH', `/api/v1/users/${userId}`,
		    { password: pw });
		if (ok)
			assert.equal(p.status, 200, p.text);
		else
			assertError(p, 400, 'password');
	}

	// Emails and URLs are limited in bytes (254 and 2000).
	const local = 'a'.repeat(64);
	const email = (n) => `${local}@${'b'.repeat(n - 64 - 1 - 4)}.com`;
	assert.equal(email(254).length, 254);
	assert.equal((await srv.api('PATCH', `/api/v1/people/${person.id}`,
	    { email: email(254) })).status, 200);
	assertError(await srv.api('PATCH', `/api/v1/people/${person.id}`,
	    { email: email(255) }), 400, 'email');
	const url = (n) => 'https://example.com/' + 'x'.repeat(n - 20);
	assert.equal(url(2000).length, 2000);
	assert.equal((await srv.api('PATCH', `/api/v1/checkpoints/${checkpoint.id}`,
	    { evidence_url: url(2000) })).status, 200);
	assertError(await srv.api('PATCH', `/api/v1/checkpoints/${checkpoint.id}`,
	    { evidence_url: url(2001) }), 400, 'evidence_url');
});

test('length: the forms count characters too, and keep what was typed',
    async () => {
	const before = await audit();
	const name = '€'.repeat(201);
	const k = await postForm(srv, pmSession, '/projects/new', { name,
	    pm_id: person.id, kickoff_on: KICKOFF, target_launch_on: LAUNCH });
	assert.equal(k.status, 400);
	assert.ok(k.text.includes(`value="${name}"`), 'the name is kept');
	assert.match(k.text, /Name is longer than 200 characters/);

	const t = await postForm(srv, pmSession, '/tokens',
	    { name: '😀'.repeat(101) });
	assert.equal(t.status, 400);
	assert.equal(await audit(), before);
	const t100 = await postForm(srv, pmSession, '/tokens',
	    { name: '😀'.repeat(100) });
	assert.equal(t100.status, 200);
	assert.ok(t100.text.includes('😀'.repeat(100)));

	const spec = await postForm(srv, pmSession, `/projects/${project.id}/spec`,
	    { fallback: '😀'.repeat(2001) });
	assert.equal(spec.status, 400);
	assert.ok(spec.text.includes('😀'.repeat(2001)), 'the answer is kept');
});

// The longest values meet fixed-size buffers in the risk engine and the
// digest (src/risk.c messages): cut there, a multi-byte character must not
// be split, or the JSON drops the risk and the pages stop being UTF-8.
test('length: the longest multi-byte values survive every rendering',
    async () => {
	const pm = await createPerson(srv, { role: 'pm',
	    name: '€'.repeat(200) });
	const owner = await createPerson(srv, { role: 'ds',
	    name: '😀'.repeat(200) });
	const p = await createProject(srv, { pm_id: pm.id,
	    name: 'é'.repeat(199) + '€' });
	// Missed (due before today), owned, and titled at the limit: the
	// risk's sentence quotes the title.
	const c = await createCheckpoint(srv, p.id, { title: '€'.repeat(300),
	    due_on: addDays(TODAY, -3), owner_id: owner.id });
	const b = await createCheckpoint(srv, p.id, { title: '😀'.repeat(300),
	    due_on: addDays(TODAY, -2) });
	assert.equal((await srv.api('PATCH', `/api/v1/checkpoints/${b.id}`,
	    { status: 'blocked' })).status, 200);
	// A short title, as a control of what is looked for.
	const s = await createCheckpoint(srv, p.id, { title: 'Short control',
	    due_on: addDays(TODAY, -1) });
	assert.equal((await srv.api('PUT',
	    `/api/v1/projects/${p.id}/ownership/problem_framing/ds`,
	    { person_id: owner.id })).status, 200);

	const problems = [];
	// The lists page: narrow them to this project's PM, or ask for more.
	for (const path of [`/api/v1/projects/${p.id}`,
	    `/api/v1/projects/${p.id}/risks`, `/api/v1/risks?pm=${pm.id}`,
	    '/api/v1/digest?limit=200']) {
		const r = await srv.api('GET', path);
		assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 200)}`);
		// Each checkpoint's risk (missed; blocked) is there, whole.
		for (const [id, title] of [[s.id, 'Short control'],
		    [c.id, '€'.repeat(300)], [b.id, '😀'.repeat(300)]]) {
			if (!r.text.includes(`"checkpoint":{"id":${id},` +
			    `"title":${JSON.stringify(title)}}`))
				problems.push(`${path}: no risk of checkpoint ${id}`);
		}
	}
	for (const path of [`/projects/${p.id}`, '/', '/digest', '/digest.md',
	    '/people']) {
		const r = await fetch(srv.url + path,
		    { headers: { cookie: pmSession.cookie } });
		const body = Buffer.from(await r.arrayBuffer());
		assert.equal(r.status, 200, path);
		if (!isUtf8(body))
			problems.push(`${path} is not valid UTF-8`);
	}
	assert.deepEqual(problems, []);
});

// ---------------------------------------------------------------------------
// Numbers

const BAD_IDS = ['-1', '-9223372036854775808', '-9223372036854775809',
    '9223372036854775808', '99999999999999999999', '1e3', '1.5', '0x10',
    '1,2', 'NaN', 'Infinity', '１', '1 2'];
// Out of range for any limit or offset, too.
const BAD_INTS = [...BAD_IDS, '9223372036854775807'];

test('numbers: huge, negative and malformed limit, offset and ids in ' +
    'queries are 400 naming them', async () => {
	const lists = ['/api/v1/people', '/api/v1/projects',
	    `/api/v1/projects/${project.id}/history`];
	for (const path of lists) {
		for (const v of [...BAD_INTS, '0', '201', '1000']
		    .map(encodeURIComponent)) {
			assertError(await srv.api('GET', `${path}?limit=${v}`), 400,
			    'limit');
		}
		for (const v of [...BAD_INTS, '1000001'].map(encodeURIComponent)) {
			assertError(await srv.api('GET', `${path}?offset=${v}`), 400,
			    'offset');
		}
		// The bounds themselves are fine.
		assert.equal((await srv.api('GET', `${path}?limit=200&` +
		    'offset=1000000')).status, 200);
		assert.equal((await srv.api('GET', `${path}?limit=1&offset=0`))
		    .status, 200);
	}
	for (const v of [...BAD_IDS, '0'].map(encodeURIComponent)) {
		assertError(await srv.api('GET', `/api/v1/projects?pm=${v}`), 400,
		    'pm');
		assertError(await srv.api('GET', `/api/v1/risks?pm=${v}`), 400,
		    'pm');
		const page = await srv.request('GET', `/?pm=${v}`, { auth: false,
		    headers: { cookie: pmSession.cookie } });
		assert.equal(page.status, 400, `/?pm=${v}`);
	}
	await assertHealthy(srv);
});

test('numbers: ids in paths beyond any record are 404, pages and API',
    async () => {
	const before = await audit();
	const problems = [];
	const get = (path) => srv.request('GET', path, { auth: false,
	    headers: { cookie: pmSession.cookie } });
	for (const id of ['0', '00', '-1', '1e3', '999999999999999999',
	    '9223372036854775807', '9223372036854775808',
	    '99999999999999999999', '%31', '1%00', '1.0']) {
		const g = await get(`/projects/${id}`);
		if (g.status !== 404)
			problems.push(`GET /projects/${id}: ${g.status}`);
		for (const [path, fields] of [
			[`/projects/${id}/spec`, { decision: 'd' }],
			[`/projects/${id}/stage`, { stage: 'data' }],
			[`/projects/${project.id}/checkpoints/${id}/status`,
			    { status: 'done' }],
			[`/projects/${id}/checkpoints/${id}/due`,
			    { due_on: KICKOFF, reason: 'r' }],
			[`/projects/${id}/ownership/fallback/swe`,
			    { person_id: person.id }],
			[`/projects/${id}/handoffs/a/offer`,
			    { from_id: person.id, to_id: other.id }],
			[`/projects/${id}/handoffs/a/accept`, {}],
			[`/people/${id}/active`, { active: 'false' }],
			[`/tokens/${id}/revoke`, {}],
		]) {
			const r = await postForm(srv, pmSession, path, fields);
			if (r.status !== 404)
				problems.push(`POST ${path}: ${r.status}`);
		}
		for (const [m, path, body] of [
			['DELETE', `/api/v1/tokens/${id}`],
			['PATCH', `/api/v1/users/${id}`, { name: 'N' }],
			['GET', `/api/v1/projects/${id}/risks`],
		]) {
			const r = await srv.api(m, path, body);
			if (r.status !== 404 || r.json?.error === undefined)
				problems.push(`${m} ${path}: ${r.status} ${r.text}`);
		}
	}
	assert.deepEqual(problems, []);
	assert.equal(await audit(), before);
});

// The project in a form's address is part of what it names: a checkpoint
// sent under another project's address (or none) is not found.
test('paths: a checkpoint under another project\'s address is 404, ' +
    'nothing changed', async () => {
	const a = await createProject(srv);
	const b = await createProject(srv);
	const c = await createCheckpoint(srv, b.id);
	const before = await audit();
	for (const [path, fields] of [
		[`/projects/${a.id}/checkpoints/${c.id}/status`,
		    { status: 'done', completed_on: TODAY }],
		[`/projects/${a.id}/checkpoints/${c.id}/due`,
		    { due_on: addDays(KICKOFF, 60), reason: 'r' }],
		[`/projects/999999999999999999/checkpoints/${c.id}/status`,
		    { status: 'blocked' }],
	]) {
		const r = await postForm(srv, pmSession, path, fields);
		assert.equal(r.status, 404, `${path}: ${r.status} ` +
		    `${r.headers.get('location') ?? ''}`);
	}
	assert.equal(await audit(), before);
	const now = (await srv.api('GET', `/api/v1/checkpoints/${c.id}`)).json;
	assert.equal(now.status, 'pending');
	assert.equal(now.due_on, c.due_on);
});

test('numbers: ids in form fields that are not positive integers are 400',
    async () => {
	const before = await audit();
	const pid = project.id;
	// (An empty id is "nobody", which clears a box: not here.)
	for (const v of [...BAD_IDS, '0', '1 ', 'abc']) {
		for (const [path, fields, key] of [
			['/projects/new', { name: 'N', kickoff_on: KICKOFF,
			    target_launch_on: LAUNCH }, 'pm_id'],
			[`/projects/${pid}/ownership/fallback/swe`, {}, 'person_id'],
			[`/projects/${pid}/handoffs/a/offer`, { to_id: other.id },
			    'from_id'],
			[`/projects/${pid}/handoffs/a/offer`, { from_id: person.id },
			    'to_id'],
		]) {
			const r = await postForm(srv, pmSession, path,
			    { ...fields, [key]: v });
			assert.equal(r.status, 400, `${path} ${key}=${v}: ${r.status}`);
		}
	}
	assert.equal(await audit(), before);
});

// ---------------------------------------------------------------------------
// Dates

const BAD_DATES = ['2026-02-29', '2026-13-01', '2026-00-10', '0000-01-01',
    '2026-1-1', '2026-02-30', '2026-04-31', '2026-01-32', '2026-01-00',
    '2100-02-29', '10000-01-01', '-2026-01-01', '+2026-01-01', '2026/01/01',
    '2026-01-01T00:00:00Z', ' 2026-01-01', '2026-01-01 ', '２０２６-01-01',
    '2026-0１-01', '0999-12-31', '26-01-01', '2026-W10', 'today', ''];

function dateFields() {
	const pid = project.id;
	const cp = `/api/v1/checkpoints/${checkpoint.id}`;
	return [
		['POST', '/api/v1/projects', { name: 'N', pm_id: person.id,
		    target_launch_on: LAUNCH }, 'kickoff_on'],
		['POST', '/api/v1/projects', { name: 'N', pm_id: person.id,
		    kickoff_on: KICKOFF }, 'target_launch_on'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'kickoff_on'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'target_launch_on'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'plan.data.start'],
		['PATCH', `/api/v1/projects/${pid}`, {}, 'plan.monitoring.end'],
		['POST', `/api/v1/projects/${pid}/checkpoints`, { stage: 'data',
		    title: 'T' }, 'due_on'],
		['PATCH', cp, { reason: 'r' }, 'due_on'],
		['PATCH', cp, { status: 'done' }, 'completed_on'],
	];
}

function withDate(body, field, value) {
	const b = structuredClone(body);
	const parts = field.split('.');
	let o = b;
	for (const k of parts.slice(0, -1))
		o = o[k] ??= {};
	o[parts.at(-1)] = value;
	return b;
}

test('dates: impossible dates in every date field are 400 naming it',
    async () => {
	const before = await audit();
	for (const [m, path, body, field] of dateFields()) {
		for (const d of BAD_DATES) {
			const r = await srv.api(m, path, withDate(body, field, d));
			assertError(r, 400, field);
		}
		// Not a string at all.
		for (const d of [20260101, null, true, ['2026-01-01'],
		    { y: 2026 }]) {
			const r = await srv.api(m, path, withDate(body, field, d));
			assertError(r, 400, field);
		}
	}
	assert.equal(await audit(), before);

	// Leap days that exist are dates like any other.
	for (const d of ['2028-02-29', '2000-02-29', '2026-12-31']) {
		// (Before the kickoff, a due date needs its reason.)
		const r = await srv.api('POST',
		    `/api/v1/projects/${project.id}/checkpoints`,
		    { stage: 'data', title: `on ${d}`, due_on: d,
		    ...(d < KICKOFF ? { reason: 'long ago' } : {}) });
		assert.equal(r.status, 201, `${d}: ${r.text}`);
		assert.equal(r.json.due_on, d);
	}
});

test('dates: impossible dates in forms and queries are 400', async () => {
	const before = await audit();
	const pid = project.id;
	const cid = checkpoint.id;
	for (const d of BAD_DATES.filter((x) => x !== '')) {
		for (const [path, fields] of [
			['/projects/new', { name: 'N', pm_id: person.id,
			    kickoff_on: d, target_launch_on: LAUNCH }],
			['/projects/new', { name: 'N', pm_id: person.id,
			    kickoff_on: KICKOFF, target_launch_on: d }],
			[`/projects/${pid}/checkpoints/${cid}/due`,
			    { due_on: d, reason: 'r' }],
			[`/projects/${pid}/checkpoints/${cid}/status`,
			    { status: 'done', completed_on: d }],
		]) {
			const r = await postForm(srv, pmSession, path, fields);
			assert.equal(r.status, 400, `${path} ${JSON.stringify(d)}: ` +
			    `${r.status}`);
		}
		const q = encodeURIComponent(d);
		assertError(await srv.api('GET', `/api/v1/risks?as_of=${q}`), 400,
		    'as_of');
		assertError(await srv.api('GET',
		    `/api/v1/projects/${pid}/risks?as_of=${q}`), 400, 'as_of');
	}
	for (const w of ['2026-W00', '2026-W54', '2026-W1', '2026W10',
	    '2026-w10', '0000-W01', '2026-W10 ', '9999-W01']) {
		const q = encodeURIComponent(w);
		assertError(await srv.api('GET', `/api/v1/digest?week=${q}`), 400,
		    'week');
		const page = await srv.request('GET', `/digest?week=${q}`,
		    { auth: false, headers: { cookie: pmSession.cookie } });
		assert.equal(page.status, 400, w);
	}
	assert.equal(await audit(), before);
});

// ---------------------------------------------------------------------------
// Unknown fields

test('unknown fields are 400 naming the field, on every JSON route',
    async () => {
	const before = await audit();
	for (const [m, path, body, field] of [
		['POST', '/api/v1/tokens', { name: 't', scope: 'all' }, 'scope'],
		['POST', '/api/v1/tokens', { name: 't', token_hash: 'a'.repeat(64) },
		    'token_hash'],
		['POST', '/api/v1/tokens', { name: 't', user_id: 1 }, 'user_id'],
		['POST', '/api/v1/users', { email: `${unique('k')}@example.com`,
		    name: 'N', role: 'viewer', password: 'long-enough-1',
		    password_hash: '$argon2id$x' }, 'password_hash'],
		['POST', '/api/v1/users', { email: `${unique('k')}@example.com`,
		    name: 'N', role: 'viewer', password: 'long-enough-1',
		    active: false }, 'active'],
		['PATCH', `/api/v1/users/${userId}`, { email: 'new@example.com' },
		    'email'],
		['PATCH', `/api/v1/users/${userId}`, { failed_logins: 0 },
		    'failed_logins'],
		['PATCH', `/api/v1/projects/${project.id}`,
		    { spec: { bogus: 'x' } }, 'spec.bogus'],
		['PATCH', `/api/v1/projects/${project.id}`,
		    { plan: { data: { middle: KICKOFF } } }, 'plan.data.middle'],
		['PATCH', `/api/v1/projects/${project.id}`,
		    { plan: { launch: { end: KICKOFF } } }, 'plan.launch'],
	]) {
		assertError(await srv.api(m, path, body), 400, field);
	}
	assert.equal(await audit(), before);
});

// The README: "A body must be JSON (...no unknown fields)".  Signing in
// is a body route too.
test('unknown fields: signing in with one is 400 naming it, and no ' +
    'session', async () => {
	for (const [extra, field] of [[{ remember: true }, 'remember'],
	    [{ role: 'admin' }, 'role'], [{ user_id: 1 }, 'user_id']]) {
		const r = await srv.request('POST', '/api/v1/session', {
		    auth: false, body: { email: PM_EMAIL, password: PM_PASSWORD,
		    ...extra } });
		assertError(r, 400, field);
		assert.equal(r.headers.get('set-cookie'), null, field);
	}
});

// A route that takes no body has no known field: a body with one is
// refused, not ignored.
test('unknown fields: a body sent to a route that takes none is 400, ' +
    'nothing done', async () => {
	const p = await createProject(srv);
	const o = await srv.api('POST', `/api/v1/projects/${p.id}/handoffs/a/offer`,
	    { from_id: person.id, to_id: other.id });
	assert.equal(o.status, 200, o.text);
	const before = await audit();
	const r = await srv.api('POST', `/api/v1/projects/${p.id}/handoffs/a/accept`,
	    { accepted_on: '2020-01-01', note: 'x' });
	assertError(r, 400);
	assert.equal(await audit(), before);
	assert.equal((await srv.api('GET', `/api/v1/projects/${p.id}`)).json
	    .handoffs[0].state, 'offered');
});

// ---------------------------------------------------------------------------
// Sizes

// A form body of exactly n bytes: the given fields, then a long filler.
function formOfSize(fields, n, key = 'zz') {
	const head = formBody(fields);
	const pre = Buffer.concat([head, Buffer.from(head.length ? '&' : ''),
	    Buffer.from(`${key}=`)]);
	assert.ok(n > pre.length);
	return Buffer.concat([pre, Buffer.from('a'.repeat(n - pre.length))]);
}

test('size: just over 64 KiB is 413, on the account routes and every form',
    async () => {
	const before = await audit();
	const json = (n, head) => {
		const fill = n - head.length - 2;
		const s = `${head}${'a'.repeat(fill)}"}`;
		assert.equal(Buffer.byteLength(s), n);
		return s;
	};
	for (const [m, path, head] of [
		['POST', '/api/v1/tokens', '{"name":"'],
		['POST', '/api/v1/users', '{"name":"'],
		['PATCH', `/api/v1/users/${userId}`, '{"name":"'],
		['POST', '/api/v1/session', '{"password":"'],
	]) {
		const over = await srv.request(m, path, { body: Buffer.from(
		    json(65537, head)), auth: path !== '/api/v1/session',
		    headers: { 'content-type': 'application/json' } });
		assertError(over, 413);
		const at = await srv.request(m, path, { body: Buffer.from(
		    json(65536, head)), auth: path !== '/api/v1/session',
		    headers: { 'content-type': 'application/json' } });
		assert.ok(at.status !== 413 && at.status < 500,
		    `${m} ${path} at 64 KiB: ${at.status}`);
	}

	assert.equal(await audit(), before);

	// The filler goes into the form's text field (so that 64 KiB is
	// refused for its length, not taken), or a field the form ignores.
	const routes = [...formRoutes(), ['/logout', {}, 'x']];
	const other = await signIn(srv, PM_EMAIL, PM_PASSWORD);
	for (const [path, fields, key] of routes) {
		const s = path === '/logout' ? other : pmSession;
		const f = { ...fields, csrf: s.csrf };
		delete f[key];
		const send = (n) => srv.request('POST', path, { auth: false,
		    body: formOfSize(f, n, key),
		    headers: { cookie: s.cookie, 'content-type': FORM_TYPE } });
		const before = await audit();
		const over = await send(65537);
		assert.equal(over.status, 413, `${path}: ${over.status}`);
		assert.match(over.headers.get('content-type') ?? '', /^text\/html/);
		assert.equal((await send(65536 * 4)).status, 413, path);
		assert.equal(await audit(), before, path);
		if (path !== '/logout') {
			const at = await send(65536);
			assert.ok(at.status !== 413 && at.status < 500,
			    `${path} at 64 KiB: ${at.status}`);
		}
	}
	const login = await srv.request('POST', '/login', { auth: false,
	    body: formOfSize({ email: PM_EMAIL, password: PM_PASSWORD }, 65537),
	    headers: { 'content-type': FORM_TYPE } });
	assert.equal(login.status, 413);
	assert.equal(login.headers.get('set-cookie'), null);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: other.cookie }, auth: false })).status, 200);
});

test('size: over Kore\'s 1 MiB ceiling is 413 and the connection is ' +
    'closed', async () => {
	for (const [path, type, auth] of [
		['/api/v1/people', 'application/json',
		    `Authorization: Bearer ${await srv.token()}\r\n`],
		['/api/v1/session', 'application/json', ''],
		['/people', FORM_TYPE, `Cookie: ${pmSession.cookie}\r\n`],
		['/login', FORM_TYPE, ''],
	]) {
		for (const length of [1048577, 1073741824, 9007199254740991]) {
			const t0 = Date.now();
			// Headers and the start of a body: the server must not
			// wait for the rest.
			const r = await rawHttp(srv.port, `POST ${path} HTTP/1.1\r\n` +
			    `Host: 127.0.0.1\r\n${auth}Content-Type: ${type}\r\n` +
			    `Content-Length: ${length}\r\n\r\n` + 'a'.repeat(4096),
			    { timeoutMs: 8000 });
			assert.equal(r.status, 413, `${path} ${length}: ${r.head}`);
			assert.ok(r.closed, `${path} ${length}: the server closed ` +
			    'the connection');
			assert.ok(Date.now() - t0 < 5000, 'at once');
			assertCleanHead(r, path);
		}
	}
	// A body that claims less than it sends, or a negative length.
	for (const length of ['-1', '1e6', '0x10', ' ', '1, 2']) {
		const r = await rawHttp(srv.port, `POST /api/v1/session HTTP/1.1\r\n` +
		    `Host: 127.0.0.1\r\nContent-Type: application/json\r\n` +
		    `Content-Length: ${length}\r\nConnection: close\r\n\r\n{}`);
		assert.ok(r.status >= 400 && r.status < 500,
		    `Content-Length: ${length}: ${r.head}`);
	}
	await assertHealthy(srv);
});

// ---------------------------------------------------------------------------
// Static files

test('static: traversal and encoded tricks on /assets are 404, never a ' +
    'file', async () => {
	const makefile = readFileSync(join(TOP, 'Makefile'), 'utf8');
	const css = readFileSync(join(TOP, 'assets/style.css'));
	const get = (path, method = 'GET') => rawHttp(srv.port, `${method} ${path} ` +
	    'HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');

	// The real file, as a control.
	const ok = await get('/assets/style.css');
	assert.equal(ok.status, 200);
	assert.ok(ok.body.equals(css), 'style.css is served as it is');

	for (const path of [
		'/assets/../Makefile', '/assets/%2e%2e/Makefile',
		'/assets/..%2fMakefile', '/assets/%2e%2e%2fMakefile',
		'/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
		'/assets/../../../../etc/passwd', '/assets/..%5cMakefile',
		'/assets/%252e%252e%252fMakefile', '/assets/.%2e/Makefile',
		'/assets/%c0%ae%c0%ae/Makefile', '/assets/....//Makefile',
		'/assets/style.css%00.png', '/assets/style.css%00',
		'/assets/style.css/', '/assets/style.css/.', '/assets/./style.css',
		'/assets//style.css', '//assets/style.css', '/./assets/style.css',
		'/assets/STYLE.CSS', '/assets/%73tyle.css', '/assets/style.css.',
		'/assets/', '/assets', '/assets/.', '/assets/..',
		'/assets/Makefile', '/assets/handoff.conf',
		'/assets/../conf/handoff.conf', '/assets/..%2fconf%2fhandoff.conf',
		'/assets/..%2f..%2f..%2f..%2fproc%2fself%2fenviron',
		'/%2e%2e/Makefile', '/../Makefile', '/Makefile',
		'/assets/style.css;.png', '/assets/style.css?../../Makefile',
	]) {
		for (const method of ['GET', 'HEAD']) {
			const r = await get(path, method);
			const body = r.body.toString('latin1');
			const what = `${method} ${path}: ${r.head.split('\r\n')[0]}`;
			if (path === '/assets/style.css?../../Makefile') {
				// The query is not part of the name: the stylesheet.
				assert.equal(r.status, 200, what);
				continue;
			}
			assert.ok(r.status === 404 || (r.status === 400 &&
			    path.includes('%00')), what);
			assert.ok(!body.includes('root:x:0:0'), what);
			assert.ok(!body.includes(makefile.slice(0, 200)), what);
			assert.ok(!body.includes('handoff_init'), what);
			assert.ok(!body.includes('PATH='), what);
			assertCleanHead(r, what);
		}
	}
	await assertHealthy(srv);
});

// ---------------------------------------------------------------------------
// CR/LF and response headers

const CRLF_NEXT = ['/%0d%0aSet-Cookie:%20evil=1', '/%0aX-Injected:%201',
    '/%0dX-Injected:%201', '%0d%0a/x', '/x%0d%0a%0d%0a<script>evil</script>',
    '/%E5%98%8A%E5%98%8DSet-Cookie:%20evil=1', '/%c4%8d%c4%8aX-Injected:1',
    '/x%0D%0ALocation:%20//evil.example', '/x%250d%250aX-Injected:1',
    '/x%5cr%5cnX-Injected:1', '/%09/evil.example', '/%5c/evil.example',
    '/%09%5cevil.example', '/%0a/evil.example', '/%0d/evil.example'];

test('crlf: the sign-in page never puts a line break of next into the ' +
    'page\'s form or a header', async () => {
	for (const q of CRLF_NEXT) {
		const r = await rawHttp(srv.port, `GET /login?next=${q} HTTP/1.1\r\n` +
		    'Host: 127.0.0.1\r\nConnection: close\r\n\r\n');
		assertCleanHead(r, q);
		assert.equal(r.status, 200, q);
		const m = /name="next" value="([^"]*)"/.exec(r.body.toString());
		assert.ok(m, q);
		// As the browser will send it back, and then follow it.
		const next = m[1].replace(/&#9;|&#x9;/gi, '\t');
		assert.ok(!/[\r\n]/.test(next), `${q}: ${JSON.stringify(next)}`);
		assert.equal(new URL(next, srv.url).origin, srv.url,
		    `${q}: ${JSON.stringify(next)}`);
	}
});

test('crlf: signing in with a line break in next goes home, with no ' +
    'header injected', async () => {
	const problems = [];
	for (const q of CRLF_NEXT) {
		const body = formBody({ email: PM_EMAIL, password: PM_PASSWORD })
		    .toString() + `&next=${q}`;
		const r = await rawHttp(srv.port, 'POST /login HTTP/1.1\r\n' +
		    `Host: 127.0.0.1\r\nContent-Type: ${FORM_TYPE}\r\n` +
		    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
		    `Connection: close\r\n\r\n${body}`);
		assert.ok(r.status === 303 || r.status === 400, `${q}: ${r.head}`);
		if (r.status === 303) {
			const loc = /\r\nlocation: ([^\r\n]*)/i.exec(r.head)[1];
			// Only a path on this site, as a client resolves it (the
			// WHATWG URL parser drops tabs and line breaks first, so
			// "/<TAB>/evil.example" is "//evil.example").
			if (new URL(loc, srv.url).origin !== srv.url)
				problems.push(`${q}: Location ${JSON.stringify(loc)} ` +
				    `leads to ${new URL(loc, srv.url).origin}`);
		}
		try {
			assertCleanHead(r, q);
		} catch (e) {
			problems.push(`${q}: ${e.message.split('\n')[0]}`);
		}
	}
	assert.deepEqual(problems, []);
	// The JSON sign-in takes no next at all: no Location either way.
	const j = await srv.request('POST', '/api/v1/session', { auth: false,
	    body: { email: PM_EMAIL, password: PM_PASSWORD,
	    next: '/\r\nSet-Cookie: evil=1' } });
	assertNoInjected(j.headers, 'JSON sign-in');
	assert.equal(j.headers.get('location'), null);
});

test('crlf: a page asked for without a session sends the browser to sign ' +
    'in with the path encoded', async () => {
	for (const q of ['x=%0d%0aSet-Cookie:%20evil=1', 'a=%0aX-Injected:1',
	    'b=%E5%98%8A%E5%98%8D', 'c=%25%30%64', 'd=<>"\'']) {
		const path = `/projects/1?${q}`;
		const r = await rawHttp(srv.port, `GET ${path} HTTP/1.1\r\n` +
		    'Host: 127.0.0.1\r\nConnection: close\r\n\r\n');
		assertCleanHead(r, path);
		assert.equal(r.status, 303);
		const loc = /\r\nlocation: ([^\r\n]*)/i.exec(r.head)[1];
		assert.equal(loc, loginRedirect(path));
	}
});

test('crlf: raw CR and LF in the request line and headers never reach a ' +
    'response header, and the server stays up', async () => {
	const token = await srv.token();
	const cases = [
		// In the request target.
		'GET /projects/1?x=\r\nSet-Cookie: evil=1 HTTP/1.1\r\nHost: a\r\n\r\n',
		'GET /login?next=/\rX-Injected: 1 HTTP/1.1\r\nHost: a\r\n\r\n',
		'GET /login?next=/\nX-Injected: 1 HTTP/1.1\r\nHost: a\r\n\r\n',
		'GET /\r\nX-Injected: 1\r\n HTTP/1.1\r\nHost: a\r\n\r\n',
		// Folded (obsolete) header lines and bare CR or LF in values.
		'GET /login HTTP/1.1\r\nHost: a\r\nX-Request-Id: a\r\n X-Injected: 1\r\n\r\n',
		'GET /login HTTP/1.1\r\nHost: a\r\nX-Request-Id: a\rX-Injected: 1\r\n\r\n',
		'GET /login HTTP/1.1\r\nHost: a\r\nX-Request-Id: a\nX-Injected: 1\r\n\r\n',
		'GET /login HTTP/1.1\nHost: a\nX-Injected: 1\n\n',
		`GET /api/v1/projects HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer ${token}\rX-Injected: 1\r\n\r\n`,
		'GET /api/v1/session HTTP/1.1\r\nHost: a\r\nCookie: handoff_session=x\r\n\tX-Injected: 1\r\n\r\n',
		'GET /api/v1/session HTTP/1.1\r\nHost: a\r\nCookie: handoff_session=x\rX-Injected: 1\r\n\r\n',
		`PATCH /api/v1/projects/${project.id} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer ${token}\r\nIf-Match: "1"\rX-Injected: 1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
		'GET /assets/style.css HTTP/1.1\r\nHost: a\r\nIf-None-Match: x\r\nX-Injected: 1\r\n\r\n',
		// A header name with a line break, a space or a colon in it.
		'GET /login HTTP/1.1\r\nHost: a\r\nX-\rInjected: 1\r\n\r\n',
		'GET /login HTTP/1.1\r\nHost: a\r\nX Injected: 1\r\n\r\n',
	];
	for (const c0 of cases) {
		const c = c0.replace('Host: a\r\n', 'Host: a\r\nConnection: close\r\n');
		// (A request the server cannot parse may leave the connection
		// open after its answer: do not wait long for the close.)
		const r = await rawHttp(srv.port, c, { timeoutMs: 1500 });
		assertCleanHead(r, JSON.stringify(c));
		assert.ok(r.status !== 0, JSON.stringify(c));
		assert.ok(r.status < 500, `${JSON.stringify(c)}: ${r.head}`);
		assert.ok(!/x-injected/i.test(r.head), JSON.stringify(c));
	}
	await assertHealthy(srv);
});

test('crlf: line breaks in form values stay in the data, never in the ' +
    'redirect', async () => {
	const pm = await createPerson(srv, { role: 'pm' });
	const before = await audit();
	// A one-line field refuses them.
	for (const name of ['a\r\nX-Injected: 1', 'a\nb']) {
		const r = await postForm(srv, pmSession, '/projects/new', { name,
		    pm_id: pm.id, kickoff_on: KICKOFF, target_launch_on: LAUNCH });
		assert.equal(r.status, 400);
		assertNoInjected(r.headers, name);
		const p = await postForm(srv, pmSession, '/people', { name,
		    email: `${unique('cr')}@example.com`, role: 'ds' });
		assert.equal(p.status, 400);
	}
	assert.equal(await audit(), before);

	// A text field keeps them; the redirect is the new project's number.
	const v = 'first\r\nLocation: //evil.example\r\n\r\nX-Injected: 1';
	const k = await postForm(srv, pmSession, '/projects/new', { name: 'CRLF',
	    pm_id: pm.id, kickoff_on: KICKOFF, target_launch_on: LAUNCH,
	    fallback: v });
	assert.equal(k.status, 303, k.text);
	assertNoInjected(k.headers, 'kickoff');
	assert.match(k.headers.get('location'), /^\/projects\/\d+$/);
	const id = k.headers.get('location').split('/').pop();
	assert.equal((await srv.api('GET', `/api/v1/projects/${id}`)).json
	    .spec.fallback, v.replace(/\r\n/g, '\n'));

	// JSON values with line breaks are never echoed into headers either
	// (ETag and Location are numbers).
	const r = await srv.api('PATCH', `/api/v1/projects/${id}`,
	    { spec: { decision: 'x\r\nX-Injected: 1' } });
	assert.equal(r.status, 200, r.text);
	assertNoInjected(r.headers, 'PATCH');
	assert.match(r.headers.get('etag'), /^"\d+"$/);
	const e = await srv.api('POST', '/api/v1/people', { name: 'N',
	    email: `${unique('e')}@example.com`, role: 'ds',
	    'x\r\nX-Injected: 1': 1 });
	// A key not shaped like a field name is not echoed (protocol.test.js).
	assertError(e, 400, null);
	assert.ok(!e.text.includes('Injected'), e.text);
	assertNoInjected(e.headers, 'unknown field');
	await assertHealthy(srv);
});

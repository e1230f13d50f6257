// Exports: the CSV files (GET /portfolio.csv, /risks.csv,
// /projects/{id}/checkpoints.csv, /projects/{id}/ownership.csv) read back
// with Python's csv module must hold exactly the values the JSON API
// serves, hostile cells neutralised by one leading quote and nothing
// else; and the calendar feeds parsed with python3-icalendar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApi, createPerson, createProject, createCheckpoint, addDays,
    dbValue, KICKOFF, TODAY } from '../lib/fixtures.js';
import { TOP } from '../lib/harness.js';
import { signIn, postForm } from '../lib/security.js';

const execFileP = promisify(execFile);
const PUBLIC = 'https://handoff.example.com';

let srv, pm, owner, project, other, hostile;

// Python's csv module on the bytes served, rows of strings.
async function parseCsv(text) {
	const py = 'import csv, io, json, sys\n' +
	    'text = sys.stdin.buffer.read().decode("utf-8")\n' +
	    'print(json.dumps(list(csv.reader(io.StringIO(text, newline="")))))';
	const child = execFileP('/usr/bin/python3', ['-c', py]);
	child.child.stdin.end(Buffer.from(text, 'utf8'));
	const { stdout } = await child;
	return JSON.parse(stdout);
}

// What the C writer (src/export.c) makes of a JSON value, before quoting.
function cell(v) {
	let s;
	if (v === undefined || v === null)
		s = '';
	else if (typeof v === 'string')
		s = v;
	else if (typeof v === 'number' || typeof v === 'boolean')
		s = String(v);
	else
		s = JSON.stringify(v);
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function at(doc, path) {
	for (const k of path.split('.')) {
		if (doc === null || doc === undefined)
			return undefined;
		doc = doc[k];
	}
	return doc;
}

async function getCsv(path, name) {
	const r = await srv.request('GET', path);
	assert.equal(r.status, 200, `${path}: ${r.text}`);
	assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8');
	assert.match(r.headers.get('content-disposition'),
	    new RegExp(`^attachment; filename="handoff-${name}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
	// RFC 4180: every record ends with CRLF, the header row first.
	assert.ok(r.text.endsWith('\r\n'));
	return parseCsv(r.text);
}

before(async () => {
	srv = await startApi({ HANDOFF_PUBLIC_URL: PUBLIC });
	pm = await createPerson(srv, { role: 'pm', name: '=1+1' });
	owner = await createPerson(srv, { role: 'ds', name: '@SUM(A1)' });
	hostile = 'Say "hi", then; -2 — Grüße';
	project = await createProject(srv, { pm_id: pm.id, name: hostile });
	other = await createProject(srv, { pm_id: pm.id, name: '-2' });
});

after(async () => {
	await srv?.stop();
});

// Each CSV row against the JSON document it came from: header -> path.
function assertRows(rows, header, paths, docs) {
	assert.deepEqual(rows[0], header);
	assert.equal(rows.length - 1, docs.length, 'one row per document');
	docs.forEach((doc, i) => {
		const want = paths.map((p) => cell(p.startsWith('*.') ?
		    at(doc.slip, p.slice(2)) : at(doc, p)));
		assert.deepEqual(rows[i + 1], want, `row ${i + 1}`);
	});
}

test('the portfolio CSV holds what GET /api/v1/projects serves', async () => {
	const rows = await getCsv('/portfolio.csv', 'portfolio');
	const api = await srv.api('GET', '/api/v1/projects?limit=200');
	assert.equal(api.status, 200);
	assertRows(rows, ['id', 'name', 'pm', 'status', 'stage', 'kickoff_on',
	    'target_launch_on', 'created_on', 'updated_at'],
	    ['id', 'name', 'pm.name', 'status', 'stage', 'kickoff_on',
	    'target_launch_on', 'created_on', 'updated_at'], api.json.projects);
	// Hostile cells: a quote in front, the rest exactly as served.
	const names = rows.slice(1).map((r) => r[1]).sort();
	assert.deepEqual(names, ["'-2", hostile].sort());
	assert.ok(rows.slice(1).every((r) => r[2] === "'=1+1"));
});

const RISK_PATHS = ['severity', 'kind', 'project.id', 'project.name',
    'subject.type', 'message', 'actor.name', 'since', 'age_days',
    'launch_on', 'url'];

test('the risks CSV as of a day holds what GET /api/v1/risks serves',
    async () => {
	for (const day of [TODAY, addDays(TODAY, -7)]) {
		const rows = await getCsv(`/risks.csv?on=${day}`, 'risks');
		const api = await srv.api('GET',
		    `/api/v1/risks?as_of=${day}&limit=200`);
		assert.equal(api.status, 200);
		if (day === TODAY)
			assert.ok(api.json.risks.length > 0, 'the projects ' +
			    `have risks: ${api.text}`);
		assert.ok(api.json.risks.length < 200);
		assertRows(rows, ['severity', 'kind', 'project_id', 'project',
		    'subject', 'message', 'actor', 'since', 'age_days',
		    'launch_on', 'url'], RISK_PATHS, api.json.risks);
	}
	// Narrowed as the API narrows.
	const rows = await getCsv('/risks.csv?severity=high', 'risks');
	const api = await srv.api('GET', '/api/v1/risks?severity=high&limit=200');
	assertRows(rows, rows[0], RISK_PATHS, api.json.risks);
	// Bad input: 400 with the field.
	for (const q of ['on=2026-02-30', 'on=tomorrow', `on=${addDays(TODAY, 1)}`]) {
		const r = await srv.request('GET', `/risks.csv?${q}`);
		assert.equal(r.status, 400, q);
	}
});

test('a project\'s checkpoints CSV has a row per slip, as the API serves',
    async () => {
	const cp = await createCheckpoint(srv, project.id, {
		title: '=HYPERLINK("http://evil")', owner_id: owner.id,
		due_on: addDays(KICKOFF, 20) });
	const reasons = ['-2, because "vendors"\nsaid so', '@late; again'];
	let due = cp.due_on;
	for (const reason of reasons) {
		due = addDays(due, 7);
		const r = await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
		    { due_on: due, reason });
		assert.equal(r.status, 200, r.text);
	}
	const rows = await getCsv(`/projects/${project.id}/checkpoints.csv`,
	    'checkpoints');
	const doc = (await srv.api('GET', `/api/v1/projects/${project.id}`)).json;
	const flat = [];
	for (const c of doc.checkpoints) {
		const base = { ...c, project_id: doc.id, project_name: doc.name };
		if (c.slips.length === 0)
			flat.push(base);
		for (const slip of c.slips)
			flat.push({ ...base, slip });
	}
	assertRows(rows, ['project_id', 'project', 'checkpoint_id', 'stage',
	    'title', 'owner', 'status', 'original_due_on', 'due_on',
	    'completed_on', 'slip_from', 'slip_to', 'slip_reason', 'slip_on',
	    'slip_by'], ['project_id', 'project_name', 'id', 'stage', 'title',
	    'owner.name', 'status', 'original_due_on', 'due_on', 'completed_on',
	    '*.from_due_on', '*.to_due_on', '*.reason', '*.on', '*.actor'],
	    flat);
	const mine = rows.filter((r) => r[2] === String(cp.id));
	assert.deepEqual(mine.map((r) => r[12]), ["'" + reasons[0],
	    "'" + reasons[1]]);
	assert.equal(mine[0][4], '\'=HYPERLINK("http://evil")');
	assert.equal(mine[0][1], hostile);
});

test('a project\'s ownership CSV: responsibility x role, the person or empty',
    async () => {
	const r = await srv.api('PUT', `/api/v1/projects/${project.id}/` +
	    'ownership/problem_framing/ds', { person_id: owner.id });
	assert.equal(r.status, 200, r.text);
	const rows = await getCsv(`/projects/${project.id}/ownership.csv`,
	    'ownership');
	const doc = (await srv.api('GET', `/api/v1/projects/${project.id}`)).json;
	assertRows(rows, ['project_id', 'project', 'responsibility',
	    'responsibility_name', 'ds', 'mle', 'swe'], ['project_id',
	    'project_name', 'key', 'name', 'ds.person.name', 'mle.person.name',
	    'swe.person.name'], doc.ownership.map((o) => ({ ...o,
	    project_id: doc.id, project_name: doc.name })));
	const framing = rows.find((row) => row[2] === 'problem_framing');
	assert.deepEqual(framing.slice(4), ["'@SUM(A1)", '', '']);
	// Another project's file is its own; an unknown one is a 404.
	const two = await getCsv(`/projects/${other.id}/ownership.csv`,
	    'ownership');
	assert.ok(two.slice(1).every((row) => row[0] === String(other.id)));
	assert.equal((await srv.request('GET',
	    '/projects/999999/ownership.csv')).status, 404);
});

test('CSV files need a signed-in viewer', async () => {
	const viewer = await srv.token('viewer-csv@example.com', 'viewer');
	for (const path of ['/portfolio.csv', '/risks.csv',
	    `/projects/${project.id}/checkpoints.csv`,
	    `/projects/${project.id}/ownership.csv`]) {
		const anon = await srv.request('GET', path, { auth: false });
		assert.ok(anon.status === 401 || anon.status === 303 ||
		    anon.status === 302, `${path}: ${anon.status}`);
		const r = await srv.request('GET', path,
		    { headers: { authorization: `Bearer ${viewer}` } });
		assert.equal(r.status, 200, path);
	}
});

// Calendar feeds ------------------------------------------------------------

// A feed token through the API, as a calendar's owner would make one.
async function feedToken(feed, headers = {}) {
	const r = await srv.request('POST', '/api/v1/tokens',
	    { body: { name: `calendar ${feed}`, scope: 'feed', feed }, headers });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.json.scope, 'feed');
	assert.equal(r.json.feed, feed);
	assert.match(r.json.token, /^hf_/);
	return r.json;
}

// The feed's bytes checked as RFC 5545 says, then parsed by
// python3-icalendar (tests/lib/ical_parse.py).
async function getFeed(path, key) {
	const r = await srv.request('GET', `${path}?key=${encodeURIComponent(key)}`,
	    { auth: false });
	assert.equal(r.status, 200, `${path}: ${r.text}`);
	assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
	const raw = Buffer.from(r.text, 'utf8');
	assert.ok(r.text.endsWith('\r\n'));
	assert.ok(!/[^\r]\n/.test(r.text), 'every line ends with CRLF');
	for (const line of r.text.split('\r\n').slice(0, -1)) {
		const bytes = Buffer.from(line, 'utf8');
		assert.ok(bytes.length <= 75, `folded at 75 octets: ${line}`);
		// A fold never splits a UTF-8 sequence: each line decodes alone.
		assert.equal(new TextDecoder('utf-8', { fatal: true })
		    .decode(bytes), line);
	}
	const child = execFileP('/usr/bin/python3',
	    [`${TOP}/tests/lib/ical_parse.py`]);
	child.child.stdin.end(raw);
	return JSON.parse((await child).stdout);
}

test('feeds parse with python3-icalendar, hostile titles included',
    async () => {
	const cp = await createCheckpoint(srv, project.id, { owner_id: owner.id,
	    due_on: addDays(KICKOFF, 30) });
	const long = 'Ü' + 'x,;'.repeat(60) + 'é😀' + 'y'.repeat(17);
	const titles = ['Review, sign-off; and\nthe rest — naïve café 評価',
	    long];
	assert.equal([...titles[1]].length, 200);
	// Titles with newlines cannot come through the API (one line):
	// written straight into the database, as an import might.
	await dbValue(srv, `UPDATE checkpoints SET title = ` +
	    `'${titles[0].replaceAll("'", "''")}' WHERE id = ${cp.id}`);
	const cp2 = await createCheckpoint(srv, project.id,
	    { title: titles[1], due_on: addDays(KICKOFF, 31) });

	const tok = await feedToken(`project:${project.id}`);
	const cal = await getFeed(`/feeds/projects/${project.id}`, tok.token);
	assert.equal(cal.version, '2.0');
	assert.equal(cal.name, `handoff: ${hostile}`);
	const doc = (await srv.api('GET', `/api/v1/projects/${project.id}`)).json;
	const live = doc.checkpoints;
	assert.equal(cal.events.length, live.length);
	for (const c of live) {
		const e = cal.events.find((x) => x.uid === `checkpoint-${c.id}@handoff`);
		assert.ok(e, `an event for checkpoint ${c.id}`);
		assert.equal(e.summary, c.title);
		assert.equal(e.start, c.due_on);
		assert.equal(e.end, addDays(c.due_on, 1));
		assert.ok(e.all_day, 'an all-day event');
		assert.equal(e.sequence, c.slips.length);
		assert.match(e.description, new RegExp(`Status: ${c.status}\\n`));
		assert.ok(e.description.includes(`Project: ${hostile}\n`));
		assert.equal(e.url, `${PUBLIC}/projects/${project.id}` +
		    `#checkpoint-${c.id}`);
		assert.ok(e.description.endsWith(e.url));
	}
	assert.equal(cal.events.find((x) => x.uid ===
	    `checkpoint-${cp.id}@handoff`).summary, titles[0]);
	assert.equal(cal.events.find((x) => x.uid ===
	    `checkpoint-${cp2.id}@handoff`).summary, titles[1]);
});

test('a slipped checkpoint keeps its UID and raises its SEQUENCE',
    async () => {
	const cp = await createCheckpoint(srv, other.id, { owner_id: owner.id,
	    due_on: addDays(KICKOFF, 40) });
	const tok = await feedToken('portfolio');
	const uid = `checkpoint-${cp.id}@handoff`;
	const find = async () => (await getFeed('/feeds/portfolio', tok.token))
	    .events.filter((e) => e.uid === uid);
	let seen = await find();
	assert.equal(seen.length, 1);
	assert.deepEqual([seen[0].start, seen[0].sequence],
	    [addDays(KICKOFF, 40), 0]);
	for (const [n, due] of [[1, addDays(KICKOFF, 47)],
	    [2, addDays(KICKOFF, 40)]]) {
		const r = await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
		    { due_on: due, reason: `slip ${n}` });
		assert.equal(r.status, 200, r.text);
		seen = await find();
		assert.equal(seen.length, 1, 'one event, the same UID');
		assert.deepEqual([seen[0].start, seen[0].sequence], [due, n]);
	}
	// The whole portfolio: every checkpoint of every project.
	const all = await getFeed('/feeds/portfolio', tok.token);
	assert.equal(all.name, 'handoff: portfolio');
	const docs = await Promise.all([project, other].map(async (p) =>
	    (await srv.api('GET', `/api/v1/projects/${p.id}`)).json));
	assert.deepEqual(all.events.map((e) => e.uid).sort(),
	    docs.flatMap((d) => d.checkpoints).map((c) =>
	    `checkpoint-${c.id}@handoff`).sort());
});

test('a person\'s feed: the checkpoints they own, their projects\' stage ends',
    async () => {
	const tok = await feedToken(`person:${owner.id}`);
	const cal = await getFeed(`/feeds/people/${owner.id}`, tok.token);
	assert.equal(cal.name, 'handoff: @SUM(A1)');
	const docs = await Promise.all([project, other].map(async (p) =>
	    (await srv.api('GET', `/api/v1/projects/${p.id}`)).json));
	const owned = docs.flatMap((d) => d.checkpoints)
	    .filter((c) => c.owner?.id === owner.id);
	assert.ok(owned.length >= 2);
	// Owner of a box in the first project only (the ownership test).
	const stageEnds = docs[0].stages.map((s) => ({
	    uid: `stage-${docs[0].id}-${s.key}@handoff`, start: s.planned_end,
	    summary: `End of ${s.name}: ${docs[0].name}` }));
	const want = [...owned.map((c) => ({ uid: `checkpoint-${c.id}@handoff`,
	    start: c.due_on, summary: c.title })), ...stageEnds];
	const got = cal.events.map((e) => ({ uid: e.uid, start: e.start,
	    summary: e.summary }));
	const byUid = (a, b) => a.uid.localeCompare(b.uid);
	assert.deepEqual(got.sort(byUid), want.sort(byUid));

	// A stage's end moved in the plan: the same UID, SEQUENCE up by one.
	const uid = `stage-${docs[0].id}-baseline@handoff`;
	const was = cal.events.find((e) => e.uid === uid);
	const stage = docs[0].stages.find((s) => s.key === 'baseline');
	const end = addDays(stage.planned_end, 3);
	const r = await srv.api('PATCH', `/api/v1/projects/${docs[0].id}`,
	    { plan: { baseline: { end } } });
	assert.equal(r.status, 200, r.text);
	const now = (await getFeed(`/feeds/people/${owner.id}`, tok.token))
	    .events.filter((e) => e.uid === uid);
	assert.equal(now.length, 1);
	assert.deepEqual([now[0].start, now[0].sequence],
	    [end, was.sequence + 1]);
});

test('a feed key reads its feed and nothing else, until revoked', async () => {
	const tok = await feedToken(`project:${project.id}`);
	const key = tok.token;
	const asKey = { authorization: `Bearer ${key}` };
	// Its feed.
	await getFeed(`/feeds/projects/${project.id}`, key);
	// Not another feed.
	for (const path of [`/feeds/projects/${other.id}`, '/feeds/portfolio',
	    `/feeds/people/${owner.id}`]) {
		const r = await srv.request('GET', `${path}?key=${key}`,
		    { auth: false });
		assert.equal(r.status, 403, `${path}: ${r.text}`);
		assert.equal(r.json.error.message,
		    'this feed token reads another feed');
	}
	// Not the API, not a page, not a CSV, not a write: as a bearer
	// token, and as ?key= (which is no credential elsewhere).
	for (const path of ['/api/v1/projects', `/api/v1/projects/${project.id}`,
	    '/api/v1/tokens', '/api/v1/risks', '/portfolio.csv',
	    `/projects/${project.id}/checkpoints.csv`, '/api/v1/session']) {
		const r = await srv.request('GET', path, { headers: asKey });
		assert.equal(r.status, 403, `GET ${path} with the key: ${r.text}`);
		const q = await srv.request('GET', `${path}?key=${key}`,
		    { auth: false });
		assert.ok([401, 303].includes(q.status), `GET ${path}?key=: ` +
		    q.status);
	}
	const before = await dbValue(srv, 'SELECT count(*) FROM audit_log');
	for (const [method, path, body] of [
		['POST', '/api/v1/tokens', { name: 'more' }],
		['PATCH', `/api/v1/projects/${project.id}`, { name: 'taken' }],
		['DELETE', `/api/v1/tokens/${tok.id}`, undefined],
		['POST', '/api/v1/people', { name: 'X', email: 'x@example.com',
		    role: 'ds' }]]) {
		const r = await srv.request(method, path, { body, headers: asKey });
		assert.equal(r.status, 403, `${method} ${path}: ${r.text}`);
	}
	assert.equal(await dbValue(srv, 'SELECT count(*) FROM audit_log'),
	    before, 'nothing written');
	// No key, a wrong key, or an ordinary token (a feed reads ?key=
	// only): nobody.
	const none = await srv.request('GET', `/feeds/projects/${project.id}`,
	    { auth: false });
	assert.equal(none.status, 401);
	const wrong = await srv.request('GET',
	    `/feeds/projects/${project.id}?key=hf_nope`, { auth: false });
	assert.equal(wrong.status, 401);
	const plain = await srv.request('GET', `/feeds/projects/${project.id}`);
	assert.equal(plain.status, 401, plain.text);
	// An ordinary token as ?key=: refused for its missing scope.
	const admin = await srv.token();
	const asKeyOther = await srv.request('GET',
	    `/feeds/projects/${project.id}?key=${admin}`, { auth: false });
	assert.equal(asKeyOther.status, 403, asKeyOther.text);
	// Never written to the server's log (which names the path only).
	assert.ok(!srv.fullLog().includes(key), 'the key is not logged');
	// Stored as a hash only.
	assert.equal(await dbValue(srv, `SELECT count(*) FROM api_tokens ` +
	    `WHERE token_hash = '${key}' OR prefix = '${key}'`), '0');
	// Revoked (by its owner, through the API): the feed is gone.
	const rev = await srv.api('DELETE', `/api/v1/tokens/${tok.id}`);
	assert.equal(rev.status, 200, rev.text);
	const gone = await srv.request('GET',
	    `/feeds/projects/${project.id}?key=${key}`, { auth: false });
	assert.equal(gone.status, 401);
});

test('feed tokens: who makes them and what they name', async () => {
	const viewer = await srv.token('viewer-feed@example.com', 'viewer');
	const h = { authorization: `Bearer ${viewer}` };
	// A viewer makes one (a feed shows what a viewer reads) ...
	const t = await feedToken('portfolio', h);
	await getFeed('/feeds/portfolio', t.token);
	// ... but no other scoped token; and the feed must name one.
	for (const [body, status, field] of [
		[{ name: 'm', scope: 'metrics' }, 403, 'scope'],
		[{ name: 'f', scope: 'feed' }, 400, 'feed'],
		[{ name: 'f', feed: 'portfolio' }, 400, 'feed'],
		[{ name: 'f', scope: 'feed', feed: 'project:999999' }, 400, 'feed'],
		[{ name: 'f', scope: 'feed', feed: 'person:0' }, 400, 'feed'],
		[{ name: 'f', scope: 'feed', feed: 'everything' }, 400, 'feed']]) {
		const r = await srv.request('POST', '/api/v1/tokens',
		    { body, headers: h });
		assert.equal(r.status, status, `${JSON.stringify(body)}: ${r.text}`);
		assert.equal(r.json.error.field, field);
	}
	// Listed with the feed it reads.
	const list = await srv.request('GET', '/api/v1/tokens', { headers: h });
	assert.ok(list.json.tokens.some((x) => x.id === t.id &&
	    x.feed === 'portfolio' && x.scope === 'feed'));
	// An unknown project's feed is a 404 only for a key that may ask.
	const r = await srv.request('GET', '/feeds/projects/999999?key=' +
	    t.token, { auth: false });
	assert.equal(r.status, 403);
});

test('the tokens page makes a feed, shows its address once, and revokes it',
    async () => {
	await srv.account('feed-page@example.com', 'viewer', 'feed-page-pass-1');
	const s = await signIn(srv, 'feed-page@example.com', 'feed-page-pass-1');
	const page = await srv.request('GET', '/tokens',
	    { headers: { cookie: s.cookie } });
	assert.match(page.text, /New calendar feed/);
	const r = await postForm(srv, s, '/tokens', { name: 'phone, "work"',
	    feed: `project:${project.id}` });
	assert.equal(r.status, 200, r.text);
	const m = r.text.match(/<code id="new-feed">([^<]+)<\/code>/);
	assert.ok(m, 'the new feed\'s address is shown');
	const url = m[1].replaceAll('&amp;', '&');
	assert.ok(url.startsWith(`${PUBLIC}/feeds/projects/${project.id}?key=hf_`),
	    url);
	const path = url.slice(PUBLIC.length);
	const key = new URL(url).searchParams.get('key');
	const cal = await getFeed(path.split('?')[0], key);
	assert.equal(cal.name, `handoff: ${hostile}`);
	// Listed, never shown again; revoked with the page's own form.
	const list = await srv.request('GET', '/tokens',
	    { headers: { cookie: s.cookie } });
	assert.ok(!list.text.includes(key));
	assert.match(list.text, new RegExp(`calendar feed: project:${project.id}`));
	const id = await dbValue(srv, `SELECT id FROM api_tokens WHERE ` +
	    `feed = 'project:${project.id}' AND name = 'phone, "work"'`);
	const rev = await postForm(srv, s, `/tokens/${id.trim()}/revoke`, {});
	assert.equal(rev.status, 303, rev.text);
	const gone = await srv.request('GET', `${path}`, { auth: false });
	assert.equal(gone.status, 401);
	// A feed that is not one: the form says so, nothing is made.
	const bad = await postForm(srv, s, '/tokens', { name: 'x',
	    feed: 'project:999999' });
	assert.equal(bad.status, 400, bad.text);
	assert.ok(!/new-feed/.test(bad.text));
});

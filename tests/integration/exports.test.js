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
    KICKOFF, TODAY } from '../lib/fixtures.js';

const execFileP = promisify(execFile);

let srv, pm, owner, project, other, hostile;

// Python's csv module on the bytes served, rows of strings.
async function parseCsv(text) {
	const py = 'import csv, io, json, sys\n' +
	    'text = sys.stdin.buffer.read().decode("utf-8")\n' +
	    'print(json.dumps(list(csv.reader(io.StringIO(text, newline="")))))';
	const child = execFileP('python3', ['-c', py]);
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
	srv = await startApi();
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

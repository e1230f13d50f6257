// Issue 14, the small things left (item 8): a duplicate project name is a
// 409 unless confirmed (API and kickoff page), one meaning of "severity"
// (at least) in the API as on the page with severity_exact for exactly,
// and the portfolio's severity filter never moves counts between rows.
// On the demo portfolio, as a signed-in admin reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';
import { postForm, signIn } from '../lib/security.js';
import { assertError } from '../lib/fixtures.js';

const TODAY = '2026-11-25';	/* a Wednesday */
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
let srv, admin;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
	admin = await signIn(srv, 'admin@example.com', 'demo-admin-pass');
});

after(async () => { await srv?.stop(); });

async function page(path, session = admin) {
	const r = await srv.request('GET', path, { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
	return r.text;
}

async function get(path) {
	const r = await srv.api('GET', path);
	assert.equal(r.status, 200, `GET ${path}: ${r.text}`);
	return r.json;
}

test('a second project of the same name is a 409 unless confirmed',
    async () => {
	const existing = (await get('/api/v1/projects?status=all'))
	    .projects[0];
	const body = { name: existing.name.toUpperCase(),
	    pm_id: existing.pm.id, kickoff_on: TODAY,
	    target_launch_on: '2027-02-01' };
	const before = (await get('/api/v1/projects?status=all')).total;
	const r = await srv.api('POST', '/api/v1/projects', body);
	assertError(r, 409, 'name');
	assert.match(r.json.error.message, /already exists/);
	assert.equal((await get('/api/v1/projects?status=all')).total, before,
	    'nothing was created');
	// Not a boolean: a 400 at the field.
	assertError(await srv.api('POST', '/api/v1/projects',
	    { ...body, confirm_duplicate: 'yes' }), 400, 'confirm_duplicate');
	const ok = await srv.api('POST', '/api/v1/projects',
	    { ...body, confirm_duplicate: true });
	assert.equal(ok.status, 201, ok.text);
	assert.equal(ok.json.name, body.name);
	// A new name needs no confirmation.
	const fresh = await srv.api('POST', '/api/v1/projects',
	    { ...body, name: 'Quite another project' });
	assert.equal(fresh.status, 201, fresh.text);
});

test('the kickoff page warns of a duplicate name and creates it when ' +
    'confirmed', async () => {
	const existing = (await get('/api/v1/projects?status=active'))
	    .projects[1];
	const fields = { name: existing.name, pm_id: String(existing.pm.id),
	    kickoff_on: TODAY, target_launch_on: '2027-03-01' };
	const before = (await get('/api/v1/projects?status=all')).total;
	const r = await postForm(srv, admin, '/projects/new', fields);
	assert.equal(r.status, 409, r.text.slice(0, 200));
	assert.match(r.text, /class="field-error" id="kickoff-name-error" role="alert">[^<]*already exists/);
	assert.match(r.text, /<input type="checkbox" id="k-confirm_duplicate" name="confirm_duplicate" value="true">/);
	assert.equal((await get('/api/v1/projects?status=all')).total, before);
	// A fresh kickoff page has no such box.
	assert.doesNotMatch(await page('/projects/new'), /confirm_duplicate/);

	const ok = await postForm(srv, admin, '/projects/new',
	    { ...fields, confirm_duplicate: 'true' });
	assert.equal(ok.status, 303, ok.text.slice(0, 200));
	assert.match(ok.headers.get('location'), /^\/projects\/\d+$/);
	assert.equal((await get('/api/v1/projects?status=all')).total,
	    before + 1);
});

test('severity means at least in the API, severity_exact exactly',
    async () => {
	const all = await get('/api/v1/risks?limit=200');
	assert.ok(all.risks.length > 0 && all.risks.length < 200);
	const rank = (s) => SEVERITIES.indexOf(s);
	let seen = 0;
	for (const sev of SEVERITIES) {
		const least = await get(`/api/v1/risks?severity=${sev}&limit=200`);
		const want = all.risks.filter((r) => rank(r.severity) >=
		    rank(sev));
		assert.deepEqual(least.risks, want, `severity=${sev}`);
		assert.equal(least.counts.total, want.length);
		const exact = await get(
		    `/api/v1/risks?severity_exact=${sev}&limit=200`);
		const only = all.risks.filter((r) => r.severity === sev);
		assert.deepEqual(exact.risks, only, `severity_exact=${sev}`);
		assert.equal(exact.counts.total, only.length);
		seen += only.length;
		// The CSV narrows as the API does.
		const csv = await srv.request('GET', `/risks.csv?severity=${sev}`);
		assert.equal(csv.status, 200);
		assert.equal(csv.text.trim().split('\n').length - 1, want.length,
		    `/risks.csv?severity=${sev}`);
	}
	assert.equal(seen, all.risks.length);
	// The demo has risks of more than one severity, so "at least high"
	// and "exactly high" differ somewhere.
	assert.ok(all.counts.critical > 0 && all.counts.high > 0,
	    JSON.stringify(all.counts));
	assertError(await srv.api('GET',
	    '/api/v1/risks?severity=high&severity_exact=high'), 400,
	    'severity_exact');
	assertError(await srv.api('GET', '/api/v1/risks?severity_exact=big'),
	    400, 'severity_exact');
});

// The portfolio's rows: project id → the counts of its badges (by id: the
// tests above made two projects of one name).
function portfolioCounts(html) {
	const body = /<table class="portfolio[^"]*">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/
	    .exec(html)[1];
	const out = new Map();
	for (const m of body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
		const id = /<a href="\/projects\/(\d+)">/.exec(m[1]);
		if (id === null)
			continue;
		const counts = {};
		for (const b of m[1].matchAll(/>(\d+) (low|medium|high|critical)</g))
			counts[b[2]] = Number(b[1]);
		assert.ok(!out.has(id[1]), `project ${id[1]} listed twice`);
		out.set(id[1], counts);
	}
	return out;
}

test('"Risks at least" keeps each row\'s own counts', async () => {
	// Reproduced on the demo: each row under the filter shows the counts
	// it shows without it, and the rows are those with a risk that severe.
	const everyone = portfolioCounts(await page('/?status=all'));
	assert.ok(everyone.size >= 7, [...everyone.keys()].join());
	for (const sev of SEVERITIES) {
		const rows = portfolioCounts(await page(
		    `/?status=all&severity=${sev}`));
		const want = [...everyone].filter(([, c]) =>
		    SEVERITIES.slice(SEVERITIES.indexOf(sev)).some((s) =>
		    (c[s] ?? 0) > 0)).map(([n]) => n).sort();
		assert.deepEqual([...rows.keys()].sort(), want, sev);
		for (const [id, c] of rows)
			assert.deepEqual(c, everyone.get(id), `${sev}: ${id}`);
	}
	// And each row's counts are its project's open risks.
	const projects = (await get('/api/v1/projects?status=all')).projects;
	const critical = portfolioCounts(await page('/?status=all&severity=critical'));
	assert.ok(critical.size > 0);
	for (const [id, c] of critical) {
		assert.ok(projects.some((x) => String(x.id) === id), id);
		const doc = await get(`/api/v1/projects/${id}`);
		const own = {};
		for (const r of doc.risks)
			own[r.severity] = (own[r.severity] ?? 0) + 1;
		assert.deepEqual(c, own, `project ${id}`);
	}
});

// Item 4: the project's own fields and status, on its page.
async function freshProject(name) {
	const pm = (await get('/api/v1/people?role=pm')).people[0];
	const r = await srv.api('POST', '/api/v1/projects', { name, pm_id: pm.id,
	    kickoff_on: '2026-11-02', target_launch_on: '2027-02-01' });
	assert.equal(r.status, 201, r.text);
	return r.json;
}

test('the project form renames, changes the PM and moves the launch',
    async () => {
	const p = await freshProject('Form-edited project');
	const html = await page(`/projects/${p.id}`);
	assert.match(html, /<section id="edit"[\s\S]*<details><summary>Edit name, PM and dates<\/summary>/);
	assert.match(html, /<input type="date" id="project-target_launch_on" name="target_launch_on" value="2027-02-01"/);
	const pms = (await get('/api/v1/people?role=pm')).people;
	const other = pms.find((x) => x.id !== p.pm.id);
	const fields = { version: String(p.version), name: 'Form-renamed project',
	    pm_id: String(other.id), kickoff_on: '2026-11-02',
	    target_launch_on: '2027-02-01' };

	const ok = await postForm(srv, admin, `/projects/${p.id}/edit`, fields);
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'), `/projects/${p.id}#edit`);
	let doc = await get(`/api/v1/projects/${p.id}`);
	assert.equal(doc.name, 'Form-renamed project');
	assert.equal(doc.pm.id, other.id);
	assert.equal(doc.version, p.version + 1);

	// A new launch without its reason: 400, said with labels.
	const moved = { ...fields, version: String(doc.version),
	    target_launch_on: '2027-03-01' };
	const bad = await postForm(srv, admin, `/projects/${p.id}/edit`, moved);
	assert.equal(bad.status, 400);
	assert.match(bad.text, /id="project-reason-error" role="alert">a new target launch needs a reason</);
	assert.match(bad.text, /<details open><summary>Edit name, PM and dates/);
	const bad2 = await postForm(srv, admin, `/projects/${p.id}/edit`,
	    { ...moved, reason: 'x', kickoff_on: '2026-02-30' });
	assert.equal(bad2.status, 400);
	assert.match(bad2.text, /id="project-kickoff_on-error" role="alert">Kickoff/);
	const launch = await postForm(srv, admin, `/projects/${p.id}/edit`,
	    { ...moved, reason: 'vendor data late' });
	assert.equal(launch.status, 303, launch.text.slice(0, 300));
	doc = await get(`/api/v1/projects/${p.id}`);
	assert.equal(doc.target_launch_on, '2027-03-01');
	assert.equal(doc.launch_moves.at(-1).reason, 'vendor data late');

	// Drawn from an older version: 412, back to the page by GET.
	const stale = await postForm(srv, admin, `/projects/${p.id}/edit`,
	    { ...fields, name: 'Never saved' });
	assert.equal(stale.status, 303);
	assert.equal(stale.headers.get('location'),
	    `/projects/${p.id}?changed=project#edit`);
	assert.equal((await get(`/api/v1/projects/${p.id}`)).name,
	    'Form-renamed project');
});

test('the status form pauses and reactivates, with a reason and a ' +
    'confirmation', async () => {
	const p = await freshProject('Form-paused project');
	let html = await page(`/projects/${p.id}`);
	assert.match(html, /<summary>Pause, ship or cancel<\/summary>/);
	assert.match(html, /<option value="paused">Pause<\/option>\n<option value="shipped">Ship<\/option>\n<option value="cancelled">Cancel<\/option>/);
	const path = `/projects/${p.id}/status`;
	const base = { version: String(p.version), status: 'paused',
	    reason: 'budget review', confirm: 'true' };

	// Unconfirmed, or without a reason: 400 at the field, nothing changes.
	for (const [drop, field] of [['confirm', 'confirm'],
	    ['reason', 'reason']]) {
		const f = { ...base };
		delete f[drop];
		const r = await postForm(srv, admin, path, f);
		assert.equal(r.status, 400, drop);
		assert.match(r.text, new RegExp(
		    `id="project-status-${field}-error" role="alert">`), drop);
		assert.match(r.text, /<details open><summary>Pause, ship or cancel/);
	}
	const odd = await postForm(srv, admin, path, { ...base, status: 'gone' });
	assert.equal(odd.status, 400);
	assert.match(odd.text, /id="project-status-status-error"/);
	assert.equal((await get(`/api/v1/projects/${p.id}`)).status, 'active');

	const ok = await postForm(srv, admin, path, base);
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'), `/projects/${p.id}#edit`);
	let doc = await get(`/api/v1/projects/${p.id}`);
	assert.equal(doc.status, 'paused');
	const h = await get(`/api/v1/projects/${p.id}/history`);
	assert.ok(JSON.stringify(h).includes('budget review'), 'the reason ' +
	    'is in the history');
	html = await page(`/projects/${p.id}`);
	assert.match(html, /<strong>Paused since 2026-11-25<\/strong>: its risks are not counted/);
	assert.match(html, /<summary>Reactivate<\/summary>/);
	assert.match(html, /<option value="active">Reactivate<\/option>\n<\/select>/);

	// The same form again, from the version before: 412, by GET.
	const stale = await postForm(srv, admin, path, base);
	assert.equal(stale.status, 303);
	assert.equal(stale.headers.get('location'),
	    `/projects/${p.id}?changed=project-status#edit`);

	const back = await postForm(srv, admin, path, { version:
	    String(doc.version), status: 'active', reason: 'budget approved',
	    confirm: 'true' });
	assert.equal(back.status, 303, back.text.slice(0, 300));
	doc = await get(`/api/v1/projects/${p.id}`);
	assert.equal(doc.status, 'active');

	// The API: a reason may go with a new status, not with the same one.
	assertError(await srv.api('PATCH', `/api/v1/projects/${p.id}`,
	    { status: 'active', reason: 'no change' }), 400, 'reason');
});

test('a member sees no project forms', async () => {
	const p = (await get('/api/v1/projects?status=active')).projects[0];
	const member = await signIn(srv, 'ana@example.com', 'demo-member-pass');
	const html = await page(`/projects/${p.id}`, member);
	assert.match(html, /id="form-stage"|<section id="stage"/);
	assert.doesNotMatch(html, /id="form-project"|id="form-project-status"/);
	assert.match(await page(`/projects/${p.id}`), /id="form-project-status"/);
});

// Item 5: copy ownership from another project.
const ROLES = ['ds', 'mle', 'swe'];

// "key/role" → person id of the filled boxes of a project document.
function boxes(doc) {
	const out = new Map();
	for (const row of doc.ownership)
		for (const r of ROLES)
			if (row[r].person !== null)
				out.set(`${row.key}/${r}`, row[r].person.id);
	return out;
}

test('copy ownership fills the empty boxes, or all with overwrite',
    async () => {
	// The demo project with the most boxes filled by active people.
	const active = new Set((await get('/api/v1/people?active=true&limit=200'))
	    .people.map((x) => x.id));
	let src = null, want = new Map();
	for (const p of (await get('/api/v1/projects?status=all')).projects) {
		const b = new Map([...boxes(await get(`/api/v1/projects/${p.id}`))]
		    .filter(([, id]) => active.has(id)));
		if (b.size > want.size) {
			src = p;
			want = b;
		}
	}
	assert.ok(want.size >= 3, `a demo project with boxes: ${want.size}`);
	const dst = await freshProject('Copied ownership');
	assert.equal(boxes(dst).size, 0);

	// One box already held by someone else stays unless overwrite.
	const [held, owner] = [...want][0];
	const other = [...active].find((id) => id !== owner);
	const [key, role] = held.split('/');
	const put = await srv.api('PUT',
	    `/api/v1/projects/${dst.id}/ownership/${key}/${role}`,
	    { person_id: other });
	assert.equal(put.status, 200, put.text);

	const path = `/api/v1/projects/${dst.id}/ownership/copy`;
	const r = await srv.api('POST', path, { from_project_id: src.id });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.copied.length, want.size - 1);
	assert.equal(r.json.kept, 1);
	let got = boxes(await get(`/api/v1/projects/${dst.id}`));
	assert.deepEqual(got, new Map([...want].map(([k, v]) =>
	    [k, k === held ? other : v])));

	// Again: nothing to do; with overwrite the held box follows.
	const again = await srv.api('POST', path, { from_project_id: src.id });
	assert.deepEqual([again.json.copied.length, again.json.kept], [0, 1]);
	const over = await srv.api('POST', path, { from_project_id: src.id,
	    overwrite: true });
	assert.equal(over.status, 200, over.text);
	assert.deepEqual(over.json.copied.map((c) =>
	    `${c.responsibility}/${c.role}`), [held]);
	got = boxes(await get(`/api/v1/projects/${dst.id}`));
	assert.deepEqual(got, want);
	const h = await get(`/api/v1/projects/${dst.id}/history?limit=200`);
	assert.ok(JSON.stringify(h).includes(held.split('/')[0]));

	// Bad input: 400 naming the field; another project's boxes untouched.
	assertError(await srv.api('POST', path, {}), 400, 'from_project_id');
	assertError(await srv.api('POST', path, { from_project_id: dst.id }),
	    400, 'from_project_id');
	assertError(await srv.api('POST', path, { from_project_id: 999999 }),
	    400, 'from_project_id');
	assertError(await srv.api('POST', path, { from_project_id: src.id,
	    overwrite: 'yes' }), 400, 'overwrite');
	assertError(await srv.api('POST',
	    '/api/v1/projects/999999/ownership/copy',
	    { from_project_id: src.id }), 404, null);
});

test('the copy form on the project page', async () => {
	const dst = await freshProject('Copied by form');
	const html = await page(`/projects/${dst.id}`);
	assert.match(html, /<details><summary>Copy ownership from another project<\/summary>/);
	const m = /<select id="copy-from" name="from_project_id" required>\n<option value="">choose a project<\/option>\n<option value="(\d+)">/
	    .exec(html);
	assert.ok(m, 'the projects to copy from are listed');
	assert.doesNotMatch(html, new RegExp(`id="copy-from"[\\s\\S]*<option value="${dst.id}">[\\s\\S]*</select>`));
	const from = await get(`/api/v1/projects/${m[1]}`);

	const bad = await postForm(srv, admin, `/projects/${dst.id}/ownership-copy`,
	    { from_project_id: '' });
	assert.equal(bad.status, 400);
	assert.match(bad.text, /id="ownership-copy-from_project_id-error" role="alert">/);
	assert.match(bad.text, /<details open><summary>Copy ownership/);

	const ok = await postForm(srv, admin, `/projects/${dst.id}/ownership-copy`,
	    { from_project_id: m[1] });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'), `/projects/${dst.id}#ownership`);
	const got = boxes(await get(`/api/v1/projects/${dst.id}`));
	assert.ok(got.size > 0);
	for (const [k, id] of got)
		assert.equal(boxes(from).get(k), id, k);
	// A member may not copy (the route needs a PM).
	const member = await signIn(srv, 'ana@example.com', 'demo-member-pass');
	const no = await postForm(srv, member,
	    `/projects/${dst.id}/ownership-copy`, { from_project_id: m[1] });
	assert.equal(no.status, 403);
	assert.doesNotMatch(await page(`/projects/${dst.id}`, member),
	    /id="form-ownership-copy"/);
});

// Item 5: the whole matrix in one save, all or nothing.
test('PUT /ownership saves many boxes at once, or none if one is stale',
    async () => {
	const p = await freshProject('Matrix in one save');
	const people = (await get('/api/v1/people?active=true&limit=200')).people;
	const ds = people.find((x) => x.role === 'ds');
	const mle = people.find((x) => x.role === 'mle');
	const swe = people.find((x) => x.role === 'swe');
	const path = `/api/v1/projects/${p.id}/ownership`;
	const boxes = { 'problem_framing/ds': { person_id: ds.id, version: 1 },
	    'model_serving/mle': { person_id: mle.id, version: 1 },
	    'fallback/swe': { person_id: swe.id, version: 1 } };
	const r = await srv.api('PUT', path, { boxes });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.changed.length, 3);
	let got = boxes_(await get(`/api/v1/projects/${p.id}`));
	assert.deepEqual(Object.fromEntries(got), { 'problem_framing/ds': ds.id,
	    'model_serving/mle': mle.id, 'fallback/swe': swe.id });

	// One stale box (version 1 again) among fresh ones: 412 naming it,
	// and nothing saved.
	const stale = await srv.api('PUT', path, { boxes: {
	    'on_call/mle': { person_id: mle.id, version: 1 },
	    'model_serving/mle': { person_id: null, version: 1 } } });
	assertError(stale, 412, 'boxes.model_serving/mle');
	got = boxes_(await get(`/api/v1/projects/${p.id}`));
	assert.equal(got.get('on_call/mle'), undefined, 'the fresh box was ' +
	    'not saved either');
	assert.equal(got.get('model_serving/mle'), mle.id);

	// Clearing with null, at the current version.
	const clear = await srv.api('PUT', path, { boxes: {
	    'model_serving/mle': { person_id: null, version: 2 },
	    'fallback/swe': { person_id: swe.id, version: 2 } } });
	assert.equal(clear.status, 200, clear.text);
	assert.equal(clear.json.unchanged, 1);
	assert.equal(boxes_(await get(`/api/v1/projects/${p.id}`))
	    .get('model_serving/mle'), undefined);

	// Bad input: 400 naming the box.
	// (A box the project does not have is named by the statement; a
	// key not of the shape "name/name" by the field check, at boxes.)
	assertError(await srv.api('PUT', path, { boxes: {
	    'nonsense/ds': { person_id: ds.id, version: 1 } } }), 400,
	    'boxes.nonsense/ds');
	assertError(await srv.api('PUT', path, { boxes: {
	    'Nonsense': { person_id: ds.id, version: 1 } } }), 400,
	    'boxes');
	assertError(await srv.api('PUT', path, { boxes: {
	    'on_call/mle': { person_id: mle.id } } }), 400,
	    'boxes.on_call/mle.version');
	assertError(await srv.api('PUT', path, {}), 400, 'boxes');
	const gone = await srv.api('POST', '/api/v1/people', { name: 'Left',
	    email: 'left-matrix@example.com', role: 'mle', active: false });
	assert.equal(gone.status, 201, gone.text);
	assertError(await srv.api('PUT', path, { boxes: {
	    'on_call/mle': { person_id: gone.json.id, version: 1 } } }), 400,
	    'boxes.on_call/mle.person_id');
});

function boxes_(doc) {
	return boxes(doc);
}

test('the matrix form: every box in one save; a stale box is named',
    async () => {
	const p = await freshProject('Matrix by form');
	const html = await page(`/projects/${p.id}`);
	assert.match(html, /<summary>Edit the whole matrix in one save<\/summary>/);
	// A box's picker, on the page's one list of people (every active
	// one, as "Name (role) #id"), empty: nobody holds it yet.
	assert.match(html, /<input id="m-problem_framing-ds" name="problem_framing\/ds" type="text" list="people" autocomplete="off" placeholder="nobody" value="">/);
	const lists = [...html.matchAll(/<datalist id="people">([\s\S]*?)<\/datalist>/g)];
	assert.equal(lists.length, 1, 'the people listed once');
	const active = (await get('/api/v1/people?active=true&limit=200'))
	    .people;
	const offered = [...lists[0][1].matchAll(/<option value="([^"]*)">/g)]
	    .map((m) => m[1]);
	assert.equal(offered.length, active.length);
	for (const x of active)
		assert.ok(offered.includes(`${x.name} (${x.role}) #${x.id}`),
		    x.name);
	assert.match(html, /<input type="hidden" name="v:problem_framing\/ds" value="1">/);
	// Every expected box has its picker.
	const expected = p.ownership.reduce((n, row) => n + ROLES.filter((r) =>
	    row[r].expected).length, 0);
	assert.equal([...html.matchAll(/<input id="m-/g)].length, expected);

	// Fill every expected box in one post.
	const people = (await get('/api/v1/people?active=true&limit=200')).people;
	const fields = {};
	for (const row of p.ownership)
		for (const r of ROLES) {
			if (!row[r].expected)
				continue;
			// As a picker sends a choice from its list.
			const x = people.find((y) => y.role === r);
			fields[`${row.key}/${r}`] = `${x.name} (${x.role}) #${x.id}`;
			fields[`v:${row.key}/${r}`] = '1';
		}
	const ok = await postForm(srv, admin, `/projects/${p.id}/ownership`,
	    fields);
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'), `/projects/${p.id}#ownership`);
	let got = boxes(await get(`/api/v1/projects/${p.id}`));
	assert.equal(got.size, expected);

	// The same form again (versions 1): the first box is stale, nothing
	// is saved, and the page says which box.
	const again = { ...fields, 'problem_framing/ds': '' };
	const stale = await postForm(srv, admin, `/projects/${p.id}/ownership`,
	    again);
	assert.equal(stale.status, 303);
	const to = stale.headers.get('location');
	assert.match(to, /^\/projects\/\d+\?changed=matrix&field=boxes\.[a-z_]+\/(ds|mle|swe)#ownership$/);
	const shown = await page(to.replace(/#.*/, ''));
	assert.match(shown, /<td class="cell-stale" data-label="[^"]*"><p class="field-error" role="alert">Someone else changed this box/);
	assert.match(shown, /<details open><summary>Edit the whole matrix/);
	got = boxes(await get(`/api/v1/projects/${p.id}`));
	assert.equal(got.size, expected, 'nothing was cleared');

	// 400: a box without its version, named in words at the form.
	const bad = await postForm(srv, admin, `/projects/${p.id}/ownership`,
	    { 'problem_framing/ds': '' });
	assert.equal(bad.status, 400);
	assert.match(bad.text, /<details open><summary>Edit the whole matrix/);
	assert.match(bad.text, /Not saved: [^<]*version/);
});

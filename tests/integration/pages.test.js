// The pages of the demo portfolio as a signed-in person reads them (issue
// 14, "small things"): every id once per page, no entity escaped twice,
// the status filter of the portfolio, words instead of keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer, psql } from '../lib/harness.js';
import { postForm, signIn } from '../lib/security.js';

const TODAY = '2026-11-25';	/* a Wednesday */
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

// Every page of the demo a person can reach from the header and the lists.
async function demoPages() {
	const projects = await srv.api('GET', '/api/v1/projects?status=all');
	assert.equal(projects.status, 200);
	const paths = ['/', '/people', '/projects/new', '/digest', '/tokens',
	    '/accounts', '/templates', '/?status=paused', '/?status=all'];
	for (const p of projects.json.projects)
		paths.push(`/projects/${p.id}`);
	return paths;
}

test('every page of the demo has each id once', async () => {
	const paths = await demoPages();
	assert.ok(paths.length >= 14, `pages: ${paths}`);
	for (const path of paths) {
		const html = await page(path);
		const seen = new Map();
		for (const m of html.matchAll(/\sid="([^"]*)"/g))
			seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
		const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
		assert.deepEqual(twice, [], `${path}: ids used more than once`);
	}
});

test('no entity is escaped twice on any page', async () => {
	for (const path of await demoPages()) {
		const html = await page(path);
		assert.doesNotMatch(html, /&amp;[a-z]+;|&amp;#[0-9]+;/,
		    `${path} shows an entity as text`);
	}
	// Priya holds more boxes than anyone should: said with a dash.
	assert.match(await page('/people'),
	    /in all<\/strong> &mdash; more than anyone should hold/);
});

// The rows of the portfolio's table: [name, the words of its badges].
function rows(html) {
	const body = /<table class="portfolio[^"]*">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/
	    .exec(html)[1];
	return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
		const name = /<a href="\/projects\/\d+">([^<]*)<\/a>/.exec(m[1]);
		return name === null ? null : name[1];
	}).filter((n) => n !== null);
}

test('paused, shipped and cancelled projects are under a status filter',
    async () => {
	const active = rows(await page('/'));
	assert.equal(active.length, 6);
	assert.ok(!active.includes('Dynamic pricing'));
	const paused = await page('/?status=paused');
	assert.deepEqual(rows(paused), ['Dynamic pricing']);
	assert.match(paused, /<option value="paused" selected>paused<\/option>/);
	assert.match(paused, /Dynamic pricing<\/a> <span class="badge badge-paused">paused<\/span>/);
	assert.deepEqual(rows(await page('/?status=all')).sort(),
	    [...active, 'Dynamic pricing'].sort());
	assert.deepEqual(rows(await page('/?status=shipped')), []);

	// The API: every status when not asked (as it always was), as with
	// "all"; one status when named.
	const list = async (q) => {
		const r = await srv.api('GET', `/api/v1/projects${q}`);
		assert.equal(r.status, 200, r.text);
		return r.json;
	};
	const api = await list('?status=active');
	assert.equal(api.total, 6);
	assert.ok(api.projects.every((p) => p.status === 'active'));
	assert.deepEqual((await list('?status=paused')).projects.map((p) =>
	    p.name), ['Dynamic pricing']);
	assert.equal((await list('?status=all')).total, 7);
	assert.equal((await list('')).total, 7);
	const bad = await srv.api('GET', '/api/v1/projects?status=any');
	assert.equal(bad.status, 400);
	assert.equal(bad.json.error.field, 'status');
});

test('a paused project says so first, and not that its plan holds',
    async () => {
	const all = (await srv.api('GET', '/api/v1/projects?status=paused'))
	    .json.projects;
	const html = await page(`/projects/${all[0].id}`);
	const m = /<strong>Paused since (\d{4}-\d{2}-\d{2})<\/strong>: its risks are not counted/
	    .exec(html);
	assert.ok(m, 'the page says since when it is paused');
	assert.ok(m[1] > all[0].kickoff_on && m[1] <= TODAY, m[1]);
	assert.ok(html.indexOf('Paused since') < html.indexOf('id="risks"'));
	assert.doesNotMatch(html, /the plan holds/);
	assert.match(html, /No risks are counted while the project is paused/);
	// An active one says nothing of the kind.
	const active = (await srv.api('GET', '/api/v1/projects?status=active'))
	    .json.projects;
	assert.doesNotMatch(await page(`/projects/${active[0].id}`),
	    /class="status-note"/);
});

// The history list of a project page: [the text of each entry].
function historyOf(html) {
	const list = /<section id="history"[\s\S]*?<ol class="history">([\s\S]*?)<\/ol>/
	    .exec(html)[1];
	return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) =>
	    m[1].replace(/<[^>]*>/g, '').replace(/&rarr;/g, '→')
	    .replace(/&ldquo;|&rdquo;/g, '"').replace(/&amp;/g, '&'));
}

test('history says who did what to which, before and after, paged',
    async () => {
	const all = (await srv.api('GET', '/api/v1/projects')).json.projects;
	const churn = all.find((p) => p.name === 'Churn prediction');
	const first = historyOf(await page(`/projects/${churn.id}`));
	assert.ok(first.length > 0);
	// No keys and addresses: people, boxes and checkpoints by name.
	for (const line of first) {
		assert.doesNotMatch(line, /@example\.com|ownership [a-z_]+\/|checkpoint \d/,
		    line);
	}
	assert.ok(first.some((l) => /^\d{4}-\d{2}-\d{2} [A-Z][a-z]+ [A-Z][a-z]+: assigned [A-Z][^,]*, (DS|MLE|SWE): Owner: .* → [A-Z][a-z]+ [A-Z][a-z]+$/
	    .test(l)), first.join('\n'));

	// A project with a rename and 25 changes: twenty a page, older and
	// newer pages, the counts in words.
	const p = (await srv.api('POST', '/api/v1/projects', { name: 'History probe',
	    pm_id: churn.pm.id, kickoff_on: TODAY,
	    target_launch_on: '2027-03-01' })).json;
	assert.ok(p.id, 'created');
	let html = await page(`/projects/${p.id}`);
	assert.match(html, /<p class="muted">1 change in all\.<\/p>/);
	let version = p.version;
	for (let i = 1; i <= 24; i++) {
		const r = await srv.api('PATCH', `/api/v1/projects/${p.id}`,
		    { name: `History probe ${i}` }, { 'if-match': `"${version}"` });
		assert.equal(r.status, 200, r.text);
		version = r.json.version;
	}
	html = await page(`/projects/${p.id}`);
	const newest = historyOf(html);
	assert.equal(newest.length, 20);
	assert.match(newest[0], /: changed the project: Name: History probe 23 → History probe 24$/);
	assert.match(html, /Changes 1 to 20 of 25, the newest first\./);
	assert.match(html, /<a rel="next" href="\?history=20#history">Older &rarr;<\/a>/);
	assert.doesNotMatch(html, /rel="prev" href="\?history/);
	html = await page(`/projects/${p.id}?history=20`);
	const oldest = historyOf(html);
	assert.equal(oldest.length, 5);
	assert.match(oldest[4], /: created the project$/);
	assert.match(html, /Changes 21 to 25 of 25/);
	assert.match(html, /<a rel="prev" href="\?history=0#history">&larr; Newer<\/a>/);
	const bad = await srv.request('GET', `/projects/${p.id}?history=-1`,
	    { auth: false, headers: { cookie: admin.cookie } });
	assert.equal(bad.status, 400);
});

test('a refused form speaks of labels, not of field names', async () => {
	const pm = await signIn(srv, 'maya@example.com', 'demo-pm-pass');
	const people = (await srv.api('GET', '/api/v1/people?role=pm')).json
	    .people;
	const r = await postForm(srv, pm, '/projects/new', {
		name: 'Backwards', pm_id: people[0].id,
		kickoff_on: '2026-12-01', target_launch_on: '2026-11-01' });
	assert.equal(r.status, 400);
	assert.match(r.text, /role="alert">Target launch must not be before kickoff<\/p>/);
	assert.doesNotMatch(r.text, /target_launch_on must|kickoff_on</);
});

test('the overload threshold is on the people page; an admin changes it',
    async () => {
	let html = await page('/people');
	// The demo's threshold (sql/demo/seed.sql), not the default 8.
	assert.match(html, /more than <strong>16<\/strong> expected boxes/);
	assert.match(html, /<form method="post" action="\/people\/threshold"/);
	const pm = await signIn(srv, 'maya@example.com', 'demo-pm-pass');
	assert.doesNotMatch(await page('/people', pm), /action="\/people\/threshold"/);
	assert.equal((await postForm(srv, pm, '/people/threshold',
	    { value: '20' })).status, 403);

	const bad = await postForm(srv, admin, '/people/threshold',
	    { value: '0' });
	assert.equal(bad.status, 400);
	assert.match(bad.text, /id="threshold-value-error"|id="threshold-value"[^>]*aria-invalid/);
	const r = await postForm(srv, admin, '/people/threshold',
	    { value: '20' });
	assert.equal(r.status, 303, r.text);
	assert.equal(r.headers.get('location'), '/people#threshold');
	html = await page('/people');
	assert.match(html, /more than <strong>20<\/strong> expected boxes/);
	// Priya's 17 boxes are no longer more than anyone should hold.
	assert.doesNotMatch(html, /more than anyone should hold/);
	const back = await postForm(srv, admin, '/people/threshold',
	    { value: '16' });
	assert.equal(back.status, 303);
	assert.match(await page('/people'), /more than anyone should hold/);
});

test('a stale form goes back to the page by GET, said in words',
    async () => {
	const pm = await signIn(srv, 'maya@example.com', 'demo-pm-pass');
	const all = (await srv.api('GET', '/api/v1/projects')).json.projects;
	const churn = all.find((p) => p.name === 'Churn prediction');
	const doc = (await srv.api('GET', `/api/v1/projects/${churn.id}`)).json;
	const r = await postForm(srv, pm, `/projects/${churn.id}/spec`,
	    { version: String(doc.version - 1), baseline: 'stale answer' });
	assert.equal(r.status, 303, r.text);
	const to = r.headers.get('location');
	assert.equal(to, `/projects/${churn.id}?changed=spec#spec`);
	const html = await page(to, pm);
	assert.match(html, /Not saved: someone else changed this while you were editing/);
	assert.match(html, /<form method="post" action="\/projects\/\d+\/spec" id="form-spec">\n<input type="hidden" name="csrf" value="[^"]*">\n(?:<input type="hidden" name="_idem" value="[^"]*">\n)?<p class="form-notice" role="alert">Someone else changed this while you were editing\. The current values are shown below; nothing of yours was saved\.<\/p>/);
	assert.doesNotMatch(html, /version \d|stale answer/);
	// Nothing was saved.
	assert.equal((await srv.api('GET', `/api/v1/projects/${churn.id}`))
	    .json.version, doc.version);
	// A name that is no form of ours is ignored.
	assert.doesNotMatch(await page(`/projects/${churn.id}?changed=%3Cb%3E`),
	    /page-notice/);
});

// My work of a seeded member (issue 14): Ana Ruiz's account is hers (the
// demo's accounts are matched to its people by email), and /me and
// GET /api/v1/me show what the database says is hers, in order.
test('My work of the demo member: hers, overdue first', async () => {
	const ana = await signIn(srv, 'ana@example.com', 'demo-member-pass');
	const r = await srv.request('GET', '/api/v1/me', { auth: false,
	    headers: { cookie: ana.cookie } });
	assert.equal(r.status, 200, r.text);
	let m = r.json;
	assert.equal(m.person.name, 'Ana Ruiz');
	const q = (sql) => psql(sql, { dsn: srv.dsn });
	const anaId = Number(await q("SELECT id FROM people WHERE email = " +
	    "'ana@example.com'"));
	assert.equal(m.person.id, anaId);
	// The demo names no checkpoint owners: give her two overdue and two
	// coming checkpoints on a project she works on.
	const pid = m.boxes[0].project_id;
	const day = (n) => {
		const d = new Date(`${TODAY}T00:00:00Z`);
		d.setUTCDate(d.getUTCDate() + n);
		return d.toISOString().slice(0, 10);
	};
	for (const n of [9, -2, 4, -6]) {
		const w = await srv.api('POST', `/api/v1/projects/${pid}/` +
		    'checkpoints', { stage: 'data', title: `Ana's ${n} & co`,
		    due_on: day(n), owner_id: anaId });
		assert.equal(w.status, 201, w.text);
	}
	m = (await srv.request('GET', '/api/v1/me', { auth: false,
	    headers: { cookie: ana.cookie } })).json;
	// Her open checkpoints on active projects, overdue first, by day.
	const want = (await q('SELECT string_agg(c.id::text, \',\' ORDER BY ' +
	    `c.due_on < '${TODAY}' DESC, c.due_on, c.id) FROM checkpoints c ` +
	    'JOIN projects p ON p.id = c.project_id WHERE c.owner_id = ' +
	    `${anaId} AND c.deleted_on IS NULL AND c.status IN ` +
	    "('pending', 'blocked') AND p.status = 'active'")).trim();
	assert.equal(m.checkpoints.map((c) => c.id).join(','), want);
	const overdue = m.checkpoints.map((c) => c.overdue);
	assert.deepEqual(overdue, [true, true, false, false]);
	// Her boxes, and the handoffs waiting for her.
	assert.equal(m.boxes.length, Number(await q('SELECT count(*) FROM ' +
	    'ownership o JOIN projects p ON p.id = o.project_id WHERE ' +
	    `o.person_id = ${anaId} AND p.status = 'active'`)));
	assert.ok(m.boxes.length > 0);
	assert.equal(m.handoffs_to_me.length, Number(await q('SELECT count(*) ' +
	    'FROM handoffs h JOIN projects p ON p.id = h.project_id WHERE ' +
	    `h.to_id = ${anaId} AND h.offered_on IS NOT NULL AND ` +
	    "h.accepted_on IS NULL AND p.status = 'active'")));
	// The page: her name in the header, her first checkpoint first.
	const html = await page('/me', ana);
	assert.match(html, /<a href="\/tokens">Ana Ruiz<\/a>/);
	const at = m.checkpoints.map((c) => html.indexOf(`>${c.title
	    .replaceAll('&', '&amp;').replaceAll('"', '&quot;')
	    .replaceAll("'", '&#39;')}</a>`));
	assert.ok(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])),
	    at.join(' '));
});

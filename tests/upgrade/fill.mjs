// fill.mjs: the database of an old release, filled through its own API
// (run by tests/upgrade/make-fixture.sh, which explains when and why).
//
// It runs under the old release's tests/lib/with-cluster.sh and drives
// that release's kore with that release's harness (HANDOFF_OLD_TOP), so
// that every row is one the old code wrote.  It only uses what v0.2.0's
// harness and API have; the passwords and token secrets it sets go into
// the JSON beside the dump, for the test to sign in and authenticate with.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const execFileP = promisify(execFile);
const env = (name) => {
	const v = process.env[name];
	if (!v)
		throw new Error(`${name} is not set: ` +
		    'run tests/upgrade/make-fixture.sh');
	return v;
};
const OLD = env('HANDOFF_OLD_TOP');
const REF = env('HANDOFF_FIXTURE_REF');
const OUT = env('HANDOFF_FIXTURE_OUT');
const { Server, psql } = await import(join(OLD, 'tests/lib/harness.js'));

// Three days of three ISO weeks (2026-W46, W47, W48): the history spans
// them, and so do the digests the test asks for.
const DAYS = ['2026-11-09', '2026-11-18', '2026-11-25'];
const WEEKS = ['2026-W46', '2026-W47', '2026-W48'];
const DB = 'handoff_fixture';

const accounts = [
	{ email: 'up-admin@example.com', role: 'admin' },
	{ email: 'up-pm@example.com', role: 'pm' },
	{ email: 'up-member@example.com', role: 'member' },
	{ email: 'up-viewer@example.com', role: 'viewer' },
	// Made a viewer, promoted to member later.
	{ email: 'up-promoted@example.com', role: 'viewer' },
	// Deactivated later: must stay unable to sign in.
	{ email: 'up-leaver@example.com', role: 'member' },
].map((a) => ({ ...a, name: a.email.split('@')[0],
    password: `${a.email.split('@')[0]}-pass-2026` }));

const demoAdmin = { email: 'admin@example.com', password: 'demo-admin-pass' };

let srv;

// One exchange that must answer status (an array: any of them).
async function call(auth, method, path, body, status = 200, headers = {}) {
	const h = { ...auth, ...headers };
	const r = await srv.request(method, path, { body, headers: h,
	    auth: false });
	const want = Array.isArray(status) ? status : [status];
	assert.ok(want.includes(r.status),
	    `${method} ${path}: ${r.status} ${r.text}`);
	return r;
}

// A session through the API (kept in the dump as a sessions row).
async function signIn({ email, password }) {
	const r = await call({}, 'POST', '/api/v1/session',
	    { email, password });
	const cookie = r.headers.get('set-cookie').split(';')[0];
	return { cookie, 'x-csrf-token': r.json.csrf_token };
}

async function newToken(session, name) {
	const r = await call(session, 'POST', '/api/v1/tokens', { name }, 201);
	return { id: r.json.id, secret: r.json.token,
	    auth: { authorization: `Bearer ${r.json.token}` } };
}

async function start(day) {
	srv = new Server({ db: DB, env: { HANDOFF_TODAY: day } });
	await srv.start();
}

// --- the old release's database: its migrations, its demo ----------------

await psql(`CREATE DATABASE ${DB} TEMPLATE template0 OWNER handoff`);
const dsn = new Server({ db: DB }).dsn;
const tools = (name, extra = {}) => execFileP(join(OLD, 'src/tools', name),
    [], { env: { ...process.env, DATABASE_URL: dsn, ...extra } });
await tools('migrate.sh');
await tools('seed.sh', { HANDOFF_TODAY: DAYS[0] });

// --- day 1 (W46): accounts, tokens, people, projects ----------------------

await start(DAYS[0]);
const adminSession = await signIn(demoAdmin);
const admin = (await newToken(adminSession, 'fixture admin')).auth;

for (const a of accounts) {
	const r = await call(admin, 'POST', '/api/v1/users', { email: a.email,
	    name: a.name, role: a.role, password: a.password }, 201);
	a.id = r.json.id;
}
const acct = Object.fromEntries(accounts.map((a) => [a.name, a]));
const sessions = {};
for (const name of ['up-pm', 'up-member', 'up-viewer', 'up-admin'])
	sessions[name] = await signIn(acct[name]);
const pmToken = await newToken(sessions['up-pm'], 'pm automation');
const memberToken = await newToken(sessions['up-member'], 'member bot');
const viewerToken = await newToken(sessions['up-viewer'], 'dashboard');
const revokedToken = await newToken(sessions['up-viewer'], 'old laptop');
await call(viewerToken.auth, 'DELETE', `/api/v1/tokens/${revokedToken.id}`,
    undefined, [200, 204]);
const pm = pmToken.auth;
const member = memberToken.auth;

const people = {};
for (const [key, role] of [['pm', 'pm'], ['ds', 'ds'], ['mle', 'mle'],
    ['swe', 'swe'], ['ds2', 'ds']]) {
	const r = await call(pm, 'POST', '/api/v1/people', { name:
	    `Upgrade ${key.toUpperCase()}`, email: `person-${key}@example.com`,
	    role }, 201);
	people[key] = r.json.id;
}
await call(pm, 'PATCH', `/api/v1/people/${people.ds}`,
    { name: 'Upgrade DS (renamed)' }, 200, { 'if-match': '"1"' });

const projects = [];
const specs = [
	{ decision: 'Which invoices go to manual review',
	  primary_metric: 'Precision of 0.9 at 20 % recall' },
	{ decision: 'Which tickets are routed to tier 2',
	  primary_metric: 'Routing accuracy above 85 %',
	  fallback: 'Round robin' },
	{ decision: 'Which stores are restocked first',
	  primary_metric: 'MAPE under 12 % on weekly demand' },
];
for (const [i, kickoff] of ['2026-10-12', '2026-10-26', '2026-11-02']
    .entries()) {
	const r = await call(pm, 'POST', '/api/v1/projects', {
		name: `Upgrade project ${i + 1}`, pm_id: people.pm,
		kickoff_on: kickoff, target_launch_on: '2027-02-01',
		spec: specs[i] }, 201);
	projects.push(r.json);
}
const [p1, p2, p3] = projects;
const cp = (p, stage, nth = 0) =>
    p.checkpoints.filter((c) => c.stage === stage)[nth].id;

await call(pm, 'PATCH', `/api/v1/projects/${p1.id}`, {
	spec: { worse_error: 'A missed fraud case', baseline: 'Rules v3' },
	plan: { data: { end: '2026-11-15' } } }, 200, { 'if-match': '"1"' });
await call(pm, 'PATCH', `/api/v1/projects/${p2.id}`,
    { name: 'Upgrade project 2 (ticket routing)',
    target_launch_on: '2027-02-15' });
for (const p of projects) {
	await call(member, 'PUT', `/api/v1/projects/${p.id}/ownership/` +
	    'problem_framing/ds', { person_id: people.ds });
	await call(member, 'PUT', `/api/v1/projects/${p.id}/ownership/` +
	    'model_serving/mle', { person_id: people.mle });
}
await call(member, 'PATCH', `/api/v1/checkpoints/${cp(p1, 'framing')}`,
    { status: 'done', completed_on: '2026-10-16', evidence_url:
    'https://wiki.example.com/p1/framing', note: 'signed off' });
await call(member, 'PATCH', `/api/v1/checkpoints/${cp(p1, 'data')}`,
    { due_on: '2026-11-20', reason: 'label export is late' });
await call(member, 'POST', `/api/v1/projects/${p1.id}/handoffs/a/offer`,
    { from_id: people.swe, to_id: people.ds, artifact_url:
    'https://wiki.example.com/p1/label-logging' });
await srv.stop();

// --- day 2 (W47): stages, more slips, handoffs accepted, people leave -----

await start(DAYS[1]);
await call(pm, 'POST', `/api/v1/projects/${p1.id}/stage`,
    { stage: 'data', note: 'labels look usable' });
await call(pm, 'POST', `/api/v1/projects/${p2.id}/stage`,
    { stage: 'data', note: 'framing done' });
await call(member, 'PATCH', `/api/v1/checkpoints/${cp(p1, 'data')}`,
    { due_on: '2026-11-27', reason: 'second export failed' });
await call(member, 'PATCH', `/api/v1/checkpoints/${cp(p2, 'framing')}`,
    { status: 'blocked', note: 'waiting for legal' });
const added = await call(pm, 'POST', `/api/v1/projects/${p3.id}/checkpoints`,
    { stage: 'data', title: 'Store data access granted',
    due_on: '2026-11-30', owner_id: people.swe }, 201);
await call(pm, 'DELETE', `/api/v1/checkpoints/${cp(p3, 'monitoring')}`,
    undefined, 204);
await call(member, 'POST', `/api/v1/projects/${p1.id}/handoffs/a/accept`,
    undefined, 200, { 'content-length': '0' });
await call(member, 'POST', `/api/v1/projects/${p2.id}/handoffs/a/offer`,
    { from_id: people.swe, to_id: people.ds2 });
await call(member, 'PUT', `/api/v1/projects/${p2.id}/ownership/` +
    'problem_framing/ds', { person_id: people.ds2 });
await call(member, 'DELETE', `/api/v1/projects/${p3.id}/ownership/` +
    'model_serving/mle');
await call(pm, 'PATCH', `/api/v1/people/${people.ds2}`, { active: false });
await call(admin, 'PATCH', `/api/v1/users/${acct['up-leaver'].id}`,
    { active: false });
acct['up-leaver'].active = false;
await call(admin, 'PATCH', `/api/v1/users/${acct['up-promoted'].id}`,
    { role: 'member' });
acct['up-promoted'].role = 'member';
await srv.stop();

// --- day 3 (W48): decisions, a pause, a handoff offered again -------------

await start(DAYS[2]);
await call(member, 'PATCH', `/api/v1/checkpoints/${cp(p1, 'data')}`,
    { status: 'done', completed_on: '2026-11-24', outcome: 'go',
    note: 'Labels usable; 4 % noise' });
await call(pm, 'POST', `/api/v1/projects/${p1.id}/stage`,
    { stage: 'baseline', note: 'go' });
await call(pm, 'PATCH', `/api/v1/projects/${p3.id}`, { status: 'paused' });
await call(member, 'PATCH', `/api/v1/checkpoints/${added.json.id}`,
    { due_on: '2026-12-04', reason: 'access request queued' });
await call(member, 'POST', `/api/v1/projects/${p2.id}/handoffs/a/offer`,
    { from_id: people.swe, to_id: people.ds, artifact_url:
    'https://wiki.example.com/p2/v2' });
await call(member, 'POST', `/api/v1/projects/${p2.id}/handoffs/a/accept`,
    undefined, 200, { 'content-length': '0' });
// A project of the demo, changed too.
const demo = (await call(pm, 'GET', '/api/v1/projects?limit=1')).json
    .projects[0];
await call(pm, 'PATCH', `/api/v1/projects/${demo.id}`,
    { spec: { monitoring_trigger: 'Weekly drift report' } });
for (const w of WEEKS)
	await call(pm, 'GET', `/api/v1/digest?week=${w}`);
await srv.stop();

// --- the dump, and what it cannot tell ------------------------------------

const file = join(OUT, `${REF}.sql`);
await execFileP('pg_dump', ['--no-owner', '--no-privileges',
    '-h', env('HANDOFF_TEST_PGHOST'), '-U', 'postgres', '-d', DB,
    '-f', file]);
writeFileSync(join(OUT, `${REF}.json`), JSON.stringify({
	release: REF,
	commit: env('HANDOFF_FIXTURE_COMMIT'),
	note: 'made by tests/upgrade/make-fixture.sh: the dump in ' +
	    `${REF}.sql holds only hashes of these secrets`,
	days: DAYS,
	weeks: WEEKS,
	accounts: accounts.map(({ email, role, password, active }) =>
	    ({ email, role, password, active: active ?? true })),
	tokens: {
		kept: { secret: memberToken.secret,
		    email: 'up-member@example.com', role: 'member' },
		revoked: { secret: revokedToken.secret },
	},
}, null, '\t') + '\n');
console.log(`fill: ${file}`);

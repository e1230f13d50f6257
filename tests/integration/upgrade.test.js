// The upgrade: a database made and filled by the previous release is
// migrated by this one and keeps everything.  tests/upgrade/FIXTURE.sql is
// that database, dumped by tests/upgrade/make-fixture.sh from the release's
// own code and API (FIXTURE.json holds the passwords and token secrets it
// set); the test needs no git history.
//
// The dump is restored into a fresh database as the server's role, and
// src/tools/migrate.sh (what make migrate and handoff-migrate run) brings
// it to this checkout.  Then:
// - every row of the tables an upgrade must keep (projects, versions,
//   plans, stages, checkpoints and their versions and slips, handoffs and
//   their versions, ownership, people, audit log, accounts, sessions,
//   tokens) is there, the same over the columns the release had: counts
//   and checksums of the rows before and after, and the first rows that
//   differ when they do; a release's reference rows (stages, settings,
//   templates, vocabulary, the migrations applied) are all still there;
// - schema_migrations records every migration of this checkout, keeping
//   the dates of those the release had applied, and a second migrate
//   changes nothing at all;
// - this release's server serves it: every project's document, as the
//   rows say, and its history; the kept API token authenticates as its
//   owner and the revoked one does not; every account signs in with its
//   password (but the one deactivated); the digests of the fixture's weeks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, Server, psql, stopAll } from '../lib/harness.js';
import { asMigrated, canonical } from '../lib/reference-changes.js';

// The release the fixture comes from: the previous one.  At a release,
// tests/upgrade/make-fixture.sh makes the fixture of the new one, and this
// names it.
const FIXTURE = 'v0.2.0';
const fixtureSql = join(TOP, 'tests/upgrade', `${FIXTURE}.sql`);
const facts = JSON.parse(readFileSync(join(TOP, 'tests/upgrade',
    `${FIXTURE}.json`), 'utf8'));

// What an upgrade must keep, row for row, over the release's columns.
const KEPT = ['people', 'person_versions', 'projects', 'project_versions',
    'stage_plans', 'plan_versions', 'stage_transitions', 'checkpoints',
    'checkpoint_versions', 'checkpoint_slips', 'handoffs', 'handoff_versions',
    'responsibilities', 'ownership', 'ownership_versions', 'audit_log',
    'users', 'sessions', 'api_tokens'];
// The release's reference data and its record of migrations: a migration
// may add rows, never take one away or change it.
const REFERENCE = ['stages', 'handoff_kinds', 'settings',
    'checkpoint_templates', 'responsibility_templates', 'vocabulary',
    'schema_migrations'];
// Derived from the kept rows (the risk ledger, rebuilt by the server when
// lost) or short-lived (sign-in budgets): a migration may empty them.
const DERIVED = ['risk_spans', 'risk_profile', 'risk_holders', 'risk_deltas',
    'ledger_items', 'ledger_dirty', 'login_budgets'];

let db, dsn, srv, columns, fixture, migrated;

function run(cmd, args, env) {
	return new Promise((ok) => {
		execFile(cmd, args, { env: { ...process.env, ...env },
		    maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
			ok({ code: err ? err.code ?? 1 : 0, stdout, stderr }));
	});
}

const migrate = () => run(join(TOP, 'src/tools/migrate.sh'), [],
    { DATABASE_URL: dsn });

const q = (sql) => psql(sql, { dsn });

// The columns of every table of schema public, in their order.
async function tableColumns() {
	const rows = await q(`SELECT table_name, string_agg(column_name, ','
	    ORDER BY ordinal_position) FROM information_schema.columns
	    WHERE table_schema = 'public' GROUP BY table_name`);
	return Object.fromEntries(rows.split('\n').map((l) => {
		const [t, c] = l.split('|');
		return [t, c.split(',')];
	}));
}

// Each table's rows over the given columns, as JSON texts in order, with
// their count and checksum (one query for them all).
async function snapshot(cols) {
	const parts = Object.entries(cols).map(([t, c]) => `SELECT '${t}' AS t,
	    (SELECT coalesce(json_agg(r ORDER BY r), '[]') FROM
	    (SELECT to_jsonb(x)::text AS r FROM (SELECT ${c.map((n) =>
	    `"${n}"`).join(', ')} FROM public."${t}") x) s) AS rows`);
	const all = JSON.parse(await q('SELECT json_object_agg(t, rows) ' +
	    `FROM (${parts.join(' UNION ALL ')}) u`));
	const out = {};
	for (const [t, rows] of Object.entries(all)) {
		out[t] = { count: rows.length, md5: createHash('md5')
		    .update(rows.join('\n')).digest('hex'), rows };
	}
	return out;
}

// Rows of a that b lacks (both sorted lists of texts), at most n.
function missing(a, b, n = 3) {
	const have = new Set(b);
	return a.filter((r) => !have.has(r)).slice(0, n);
}

before(async () => {
	db = `upgrade_${process.pid}`;
	await psql(`CREATE DATABASE "${db}" TEMPLATE template0 OWNER handoff`);
	srv = new Server({ db, env: { HANDOFF_TODAY: facts.days.at(-1) } });
	dsn = srv.dsn;
	// As the server's role, as README's restore does (--no-owner).
	const r = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1',
	    '--single-transaction', '-d', dsn, '-f', fixtureSql]);
	assert.equal(r.code, 0, `the fixture did not restore:\n${r.stderr}`);
	columns = await tableColumns();
	fixture = await snapshot(columns);
});

after(async () => {
	await stopAll(srv);
});

test(`the fixture is ${FIXTURE}'s database, with data in every kept table`,
    () => {
	assert.deepEqual(Object.keys(columns).sort(),
	    [...KEPT, ...REFERENCE, ...DERIVED].sort(),
	    'every table of the fixture is either kept, reference or derived');
	for (const t of KEPT)
		assert.ok(fixture[t].count > 0, `${t} has rows to keep`);
	for (const t of ['checkpoint_slips', 'handoff_versions', 'api_tokens',
	    'sessions', 'ownership_versions'])
		assert.ok(fixture[t].count >= 3, `${t}: several rows`);
	assert.ok(fixture.risk_spans.count > 0, 'the release ran its ledger');
});

test('migrate.sh brings it to this release and keeps every row',
    async () => {
	const r = await migrate();
	assert.equal(r.code, 0, r.stderr);
	// For the tests after this one, whatever this one finds.
	migrated = await snapshot(await tableColumns());

	// Every column of the release is still there.
	const now = await tableColumns();
	for (const t of [...KEPT, ...REFERENCE]) {
		assert.ok(now[t], `table ${t} is kept`);
		const gone = columns[t].filter((c) => !now[t].includes(c));
		assert.deepEqual(gone, [], `columns of ${t} are kept`);
	}

	const after = await snapshot(Object.fromEntries([...KEPT, ...REFERENCE]
	    .map((t) => [t, columns[t]])));
	for (const t of KEPT) {
		const [a, b] = [fixture[t], after[t]];
		assert.deepEqual({ count: b.count, md5: b.md5 },
		    { count: a.count, md5: a.md5 },
		    `${t}: rows changed by the upgrade; before, not after: ` +
		    `${missing(a.rows, b.rows).join('\n')}\n` +
		    `after, not before: ${missing(b.rows, a.rows).join('\n')}`);
	}
	// Reference rows: none lost, none changed but as a migration says
	// it changes them (tests/lib/reference-changes.js).
	for (const t of REFERENCE) {
		const want = fixture[t].rows.map((r) =>
		    canonical(asMigrated(t, JSON.parse(r)))).sort();
		const have = after[t].rows.map((r) => canonical(JSON.parse(r)))
		    .sort();
		assert.deepEqual(missing(want, have), [],
		    `${t}: rows of the release lost or changed`);
	}

	// Every numbered migration of this checkout is recorded, once.
	const files = readdirSync(join(TOP, 'sql'))
	    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
	    .map((f) => f.replace(/\.sql$/, '')).sort();
	const recorded = (await q('SELECT string_agg(version, \',\' ORDER BY ' +
	    'version) FROM schema_migrations')).split(',');
	assert.deepEqual(recorded, files);
	const applied = fixture.schema_migrations.rows.map((r) =>
	    JSON.parse(r).version);
	assert.deepEqual([...r.stdout.matchAll(/applying (\S+)/g)]
	    .map((m) => m[1]), files.filter((f) => !applied.includes(f)),
	    'the migrations the release lacked ran, and only those');
});

test('a second migrate changes nothing', async () => {
	assert.ok(migrated, 'the first migrate ran');
	const r = await migrate();
	assert.equal(r.code, 0, r.stderr);
	assert.doesNotMatch(r.stdout, /applying/);
	const again = await snapshot(await tableColumns());
	assert.deepEqual(Object.keys(again).sort(),
	    Object.keys(migrated).sort());
	// Except where the reads kept whole start again (every migrate, by
	// sql/api/98_kept.sql): a transaction id and a time, no data.
	assert.equal(again.kept_horizon.count, 1);
	for (const t of Object.keys(migrated)) {
		if (t === 'kept_horizon')
			continue;
		assert.equal(again[t].md5, migrated[t].md5,
		    `${t} changed: ` +
		    `${missing(again[t].rows, migrated[t].rows)}`);
	}
});

// Rows as objects, for the checks through the API.
async function rows(sql) {
	return JSON.parse(await q(`SELECT coalesce(json_agg(x), '[]') FROM ` +
	    `(${sql}) x`));
}

test('this release serves the kept projects, checkpoints, slips, ' +
    'handoffs, ownership and history', async () => {
	assert.ok(migrated, 'the first migrate ran');
	await srv.start();
	const kept = { authorization: `Bearer ${facts.tokens.kept.secret}` };
	const get = async (path) => {
		const r = await srv.request('GET', path, { headers: kept });
		assert.equal(r.status, 200,
		    `${path}: ${r.text}\n${r.serverLog ?? ''}`);
		return r.json;
	};

	const projects = await rows('SELECT id, name, version, status, stage ' +
	    'FROM projects ORDER BY id');
	assert.equal((await get('/api/v1/projects?limit=200')).total,
	    projects.length);
	// What each project's document must show, from the rows, by project.
	const byProject = async (sql) => {
		const m = new Map(projects.map((p) => [p.id, []]));
		for (const { project_id: id, ...r } of await rows(sql))
			m.get(id).push(r);
		return m;
	};
	const checkpoints = await byProject(`SELECT c.project_id, c.id,
	    c.due_on::text, c.original_due_on::text, c.status,
	    c.completed_on::text, c.outcome, c.version, (SELECT count(*)
	    FROM checkpoint_slips s WHERE s.checkpoint_id = c.id)::int AS slips
	    FROM checkpoints c WHERE c.deleted_on IS NULL ORDER BY c.id`);
	const handoffs = await byProject(`SELECT project_id, key, from_id,
	    to_id, offered_on::text, accepted_on::text, version FROM handoffs
	    ORDER BY key`);
	const boxes = await byProject(`SELECT project_id, responsibility ||
	    '/' || role AS box, person_id, version FROM ownership
	    ORDER BY 2`);
	const audit = await byProject(`SELECT project_id, id FROM audit_log
	    WHERE project_id IS NOT NULL ORDER BY id DESC`);
	assert.ok([...checkpoints.values()].flat().some((c) => c.slips > 1),
	    'a checkpoint slipped more than once');

	for (const p of projects) {
		const doc = await get(`/api/v1/projects/${p.id}`);
		const { id, name, version, status, stage } = doc;
		assert.deepEqual({ id, name, version, status, stage }, p);
		assert.deepEqual(doc.checkpoints.map((c) => ({ id: c.id,
		    due_on: c.due_on, original_due_on: c.original_due_on,
		    status: c.status, completed_on: c.completed_on,
		    outcome: c.outcome, version: c.version,
		    slips: c.slips.length })).sort((a, b) => a.id - b.id),
		    checkpoints.get(p.id), `project ${p.id}: checkpoints`);
		assert.deepEqual(doc.handoffs.map((h) => ({ key: h.key,
		    from_id: h.from?.id ?? null, to_id: h.to?.id ?? null,
		    offered_on: h.offered_on, accepted_on: h.accepted_on,
		    version: h.version })), handoffs.get(p.id),
		    `project ${p.id}: handoffs`);
		const served = doc.ownership.flatMap((o) => ['ds', 'mle', 'swe']
		    .map((role) => ({ box: `${o.key}/${role}`,
		    person_id: o[role].person?.id ?? null,
		    version: o[role].version })))
		    .sort((a, b) => a.box < b.box ? -1 : 1);
		assert.deepEqual(served, boxes.get(p.id),
		    `project ${p.id}: ownership`);

		const ids = audit.get(p.id).map((a) => a.id);
		const history = await get(`/api/v1/projects/${p.id}/history` +
		    '?limit=200');
		assert.equal(history.total, ids.length);
		assert.deepEqual(history.entries.map((e) => e.id),
		    ids.slice(0, 200), `project ${p.id}: history`);
	}

	const people = await rows('SELECT id, name, active FROM people ' +
	    'ORDER BY id');
	const list = await get('/api/v1/people?limit=200');
	assert.deepEqual(list.people.map(({ id, name, active }) =>
	    ({ id, name, active })).sort((a, b) => a.id - b.id), people);
	assert.ok(people.some((p) => !p.active), 'a person who left');

	for (const week of facts.weeks) {
		const d = await get(`/api/v1/digest?week=${week}`);
		assert.equal(d.week, week);
	}
});

test('the kept token authenticates, the revoked one does not, every ' +
    'account signs in with its password', async () => {
	assert.ok(srv.child, 'the server runs');
	const me = await srv.request('GET', '/api/v1/session', { headers:
	    { authorization: `Bearer ${facts.tokens.kept.secret}` } });
	assert.equal(me.status, 200, me.text);
	assert.equal(me.json.via, 'token');
	assert.equal(me.json.user.email, facts.tokens.kept.email);
	assert.equal(me.json.user.role, facts.tokens.kept.role);
	const revoked = await srv.request('GET', '/api/v1/session', { headers:
	    { authorization: `Bearer ${facts.tokens.revoked.secret}` } });
	assert.equal(revoked.status, 401);

	let admin;
	for (const a of facts.accounts) {
		const r = await srv.request('POST', '/api/v1/session', { auth:
		    false, body: { email: a.email, password: a.password } });
		if (!a.active) {
			assert.equal(r.status, 401,
			    `${a.email} is deactivated`);
			continue;
		}
		assert.equal(r.status, 200, `${a.email}: ${r.text}`);
		assert.equal(r.json.user.role, a.role, a.email);
		if (a.role === 'admin')
			admin = r.headers.get('set-cookie').split(';')[0];
	}
	// The admin's view of every account and token, as the rows say.
	const users = await srv.request('GET', '/api/v1/users?limit=200',
	    { headers: { cookie: admin } });
	assert.equal(users.status, 200, users.text);
	const accounts = await rows('SELECT id, email, role, active ' +
	    'FROM users ORDER BY id');
	assert.deepEqual(users.json.users.map(({ id, email, role, active }) =>
	    ({ id, email, role, active })).sort((a, b) => a.id - b.id),
	    accounts);
	const member = accounts.find((u) =>
	    u.email === facts.tokens.kept.email);
	const tokens = await srv.request('GET',
	    `/api/v1/users/${member.id}/tokens`,
	    { headers: { cookie: admin } });
	assert.equal(tokens.status, 200, tokens.text);
	assert.deepEqual(tokens.json.tokens.map((t) => t.prefix).sort(),
	    (await rows(`SELECT prefix FROM api_tokens WHERE user_id =
	    ${member.id} AND revoked_at IS NULL`)).map((t) => t.prefix).sort());
	assert.ok(tokens.json.tokens.some((t) =>
	    facts.tokens.kept.secret.startsWith(t.prefix)));
});

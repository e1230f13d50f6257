// Migrations: applied once each, in order, each in its own transaction; a
// failing one leaves the database at the previous version.  Then, at every
// run, the functions of sql/api/ are loaded afresh into schema api, in one
// transaction (src/tools/migrate.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync,
    writeFileSync, rmSync }
    from 'node:fs';
import { join } from 'node:path';
import { TOP, createDatabase, psql } from '../lib/harness.js';
import { asMigrated, canonical } from '../lib/reference-changes.js';

const execFileP = promisify(execFile);

// Run migrate.sh (or, with script, another one through sh) on database db
// as role user; resolves with its exit code and output.
function migrate(dir, db, { user = 'handoff', script } = {}) {
	const [cmd, args] = script === undefined ?
	    [join(TOP, 'src/tools/migrate.sh'), []] : ['sh', [script]];
	return new Promise((ok) => {
		execFile(cmd, args, {
			env: {
				...process.env,
				MIGRATIONS_DIR: dir,
				DATABASE_URL: dsnOf(db, user),
			},
		}, (err, stdout, stderr) => ok({ code: err ? err.code : 0,
		    stdout, stderr }));
	});
}

function dsnOf(db, user = 'handoff') {
	return `host=${process.env.HANDOFF_TEST_PGHOST} dbname=${db} ` +
	    `user=${user}`;
}

// psql as the server's role, as the server would.
function asApp(sql, db) {
	return psql(sql, { dsn: dsnOf(db) });
}

function scratch(prefix) {
	return mkdtempSync(join(process.env.HANDOFF_TEST_DIR, prefix));
}

// A copy of this checkout's sql/, to edit.
function sqlCopy() {
	const dir = scratch('sql-');
	cpSync(join(TOP, 'sql'), dir, { recursive: true });
	return dir;
}

// Replace the one occurrence of from in a file.
function edit(path, from, to) {
	const text = readFileSync(path, 'utf8');
	assert.equal(text.split(from).length, 2, `${path}: one ${from}`);
	writeFileSync(path, text.replace(from, () => to));
}

// Every function of schema api as PostgreSQL would write it again.
function apiDefinitions(db) {
	return psql("SELECT string_agg(pg_get_functiondef(p.oid), E'\\n' " +
	    'ORDER BY p.oid::regprocedure::text) FROM pg_proc p ' +
	    "WHERE p.pronamespace = 'api'::regnamespace", { db });
}

function apiNames(db) {
	return psql("SELECT string_agg(oid::regprocedure::text, ',' " +
	    'ORDER BY oid::regprocedure::text) FROM pg_proc ' +
	    "WHERE pronamespace = 'api'::regnamespace", { db });
}

function versions(db) {
	return psql("SELECT string_agg(version || ' ' || applied_at, ',' " +
	    'ORDER BY version) FROM schema_migrations', { db });
}

const LIMIT_OF = "SELECT coalesce((p->'query'->>'limit')::int, 50) $$";

async function emptyDatabase() {
	const db = await createDatabase();
	// The template is migrated already; start this one from nothing.
	await psql('DROP SCHEMA public CASCADE; CREATE SCHEMA public ' +
	    'AUTHORIZATION handoff; DROP SCHEMA IF EXISTS api CASCADE',
	    { db });
	return db;
}

test('a failing migration stops, names the file, keeps the old version',
    async () => {
	const dir = mkdtempSync(join(process.env.HANDOFF_TEST_DIR, 'mig-'));
	try {
		const db = await emptyDatabase();
		writeFileSync(join(dir, '0001_first.sql'),
		    'CREATE TABLE first (id int);\n');
		writeFileSync(join(dir, '0002_broken.sql'),
		    'CREATE TABLE second (id int);\nSELECT no_such_column FROM first;\n');
		writeFileSync(join(dir, '0003_after.sql'),
		    'CREATE TABLE third (id int);\n');
		// Loaded after the numbered migrations: checked against the
		// table that the last of them makes.
		mkdirSync(join(dir, 'api'));
		writeFileSync(join(dir, 'api', '10_thirds.sql'),
		    'CREATE FUNCTION api.thirds() RETURNS bigint\n' +
		    'LANGUAGE sql AS $$ SELECT count(*) FROM third $$;\n');

		const r = await migrate(dir, db);
		assert.notEqual(r.code, 0);
		assert.match(r.stderr, /0002_broken\.sql/);
		assert.match(r.stderr, /column "no_such_column" does not exist/);
		assert.match(r.stderr, /0002_broken failed/);

		assert.equal(await psql('SELECT string_agg(version, \',\' ' +
		    'ORDER BY version) FROM schema_migrations', { db }),
		    '0001_first');
		assert.equal(await psql("SELECT to_regclass('second') IS NULL",
		    { db }), 't', 'the failed file left nothing behind');
		assert.equal(await psql("SELECT to_regclass('third') IS NULL",
		    { db }), 't', 'nothing after the failure ran');
		assert.equal(await psql("SELECT to_regnamespace('api') IS NULL",
		    { db }), 't', 'no functions over a half-migrated schema');

		// Fixed: the rest applies, once.
		writeFileSync(join(dir, '0002_broken.sql'),
		    'CREATE TABLE second (id int);\n');
		const fixed = await migrate(dir, db);
		assert.equal(fixed.code, 0, fixed.stderr);
		assert.match(fixed.stdout, /applying 0002_broken/);
		assert.match(fixed.stdout, /applying 0003_after/);
		assert.equal(await psql('SELECT api.thirds()', { db }), '0');

		const again = await migrate(dir, db);
		assert.equal(again.code, 0);
		assert.doesNotMatch(again.stdout, /applying/,
		    'no numbered migration runs twice');
		assert.equal(await psql('SELECT count(*) FROM schema_migrations',
		    { db }), '3');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the real migrations apply cleanly to an empty database', async () => {
	const db = await emptyDatabase();
	const r = await migrate(join(TOP, 'sql'), db);
	assert.equal(r.code, 0, r.stderr);
	assert.equal(r.stderr, '');
	const again = await migrate(join(TOP, 'sql'), db);
	assert.equal(again.code, 0, again.stderr);
	assert.doesNotMatch(again.stdout, /applying/);
});

test('a migrations directory without api/ is refused before anything runs',
    async () => {
	const dir = scratch('mig-');
	try {
		const db = await emptyDatabase();
		writeFileSync(join(dir, '0001_first.sql'),
		    'CREATE TABLE first (id int);\n');
		const r = await migrate(dir, db);
		assert.notEqual(r.code, 0);
		assert.match(r.stderr, /api is missing/);
		assert.equal(await psql("SELECT to_regclass('first') IS NULL",
		    { db }), 't');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('an edited function file is picked up by the next migrate, and no ' +
    'numbered migration runs again', async () => {
	const dir = sqlCopy();
	try {
		const db = await createDatabase();	/* up to date */
		const applied = await versions(db);
		const names = await apiNames(db);
		assert.equal(await asApp("SELECT api.limit_of('{}')", db), '50');
		// Left over from some earlier version of the files.
		await asApp('CREATE FUNCTION api.stale() RETURNS int ' +
		    'LANGUAGE sql AS $$ SELECT 1 $$', db);

		edit(join(dir, 'api/00_common.sql'), LIMIT_OF,
		    LIMIT_OF.replace('50', '7'));
		const r = await migrate(dir, db);
		assert.equal(r.code, 0, r.stderr);
		assert.doesNotMatch(r.stdout, /applying/);
		assert.match(r.stdout, new RegExp('loading the api functions ' +
		    `\\(${readdirSync(join(dir, 'api')).length} files`));

		assert.equal(await asApp("SELECT api.limit_of('{}')", db), '7');
		// ... and so do the functions that use it.
		assert.equal(await asApp("SELECT api.person_list('{}')->>'total'",
		    db), '0');
		assert.equal(await psql("SELECT to_regproc('api.stale') IS NULL",
		    { db }), 't', 'a function no file holds is gone');
		assert.equal(await apiNames(db), names);
		assert.equal(await versions(db), applied,
		    'schema_migrations is as it was');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a broken function file leaves the functions of before and names the ' +
    'file', async () => {
	const dir = sqlCopy();
	try {
		const db = await createDatabase();
		const before = await apiDefinitions(db);

		// An edit in an earlier file of the same run goes back too.
		edit(join(dir, 'api/00_common.sql'), LIMIT_OF,
		    LIMIT_OF.replace('50', '7'));
		writeFileSync(join(dir, 'api/35_broken.sql'),
		    '-- Checked when it is created: no such column.\n' +
		    'CREATE FUNCTION api.broken() RETURNS bigint\n' +
		    'LANGUAGE sql AS $$ SELECT count(no_such_column) ' +
		    'FROM people $$;\n');
		const r = await migrate(dir, db);
		assert.notEqual(r.code, 0);
		assert.match(r.stderr,
		    /35_broken\.sql:\d+: ERROR: +column "no_such_column"/);
		assert.match(r.stderr,
		    /api failed; the api functions are still those of before/);

		assert.equal(await apiDefinitions(db), before);
		assert.equal(await asApp("SELECT api.limit_of('{}')", db), '50');
		assert.equal(await psql("SELECT obj_description('api'::" +
		    "regnamespace, 'pg_namespace')", { db }), 'handoff: ' +
		    'functions called by the web application, one per operation');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('an object outside schema api that uses it stops the rebuild, named',
    async () => {
	const db = await createDatabase();
	const before = await apiDefinitions(db);
	await asApp('CREATE VIEW day_numbers AS ' +
	    'SELECT key, api.dnum(DATE \'2026-01-01\' + value) FROM settings',
	    db);

	const r = await migrate(join(TOP, 'sql'), db);
	assert.notEqual(r.code, 0);
	assert.match(r.stderr, /schema api cannot be dropped and made again: /);
	assert.match(r.stderr,
	    /view day_numbers uses function api\.dnum\(date\)/);
	assert.equal(await apiDefinitions(db), before);
	assert.equal(await psql("SELECT to_regclass('day_numbers') IS NOT NULL",
	    { db }), 't', 'the view is still there');
});

test('migrated by another role, schema api keeps its owner, grants and ' +
    'comment', async () => {
	const db = await createDatabase();
	assert.equal(await psql('SELECT pg_get_userbyid(nspowner) ' +
	    "FROM pg_namespace WHERE nspname = 'api'", { db }), 'handoff');
	await psql('GRANT USAGE ON SCHEMA api TO PUBLIC', { db });

	const r = await migrate(join(TOP, 'sql'), db, { user: 'postgres' });
	assert.equal(r.code, 0, r.stderr);
	assert.equal(await psql('SELECT pg_get_userbyid(nspowner) || \' \' || ' +
	    "(nspacl::text LIKE '%=U/%') FROM pg_namespace " +
	    "WHERE nspname = 'api'", { db }), 'handoff true');
	assert.equal(await psql("SELECT obj_description('api'::regnamespace, " +
	    "'pg_namespace')", { db }), 'handoff: functions called by the web ' +
	    'application, one per operation');
	assert.equal(await asApp("SELECT api.limit_of('{}')", db), '50',
	    'the server\'s role still calls the functions');
});

// The commit before the functions left the numbered migrations: its sql/
// and its migrate.sh, as files of the scratch directory dest.
const OLD = '7529588';

async function checkoutOld(dest) {
	const git = (...args) => execFileP('git', ['-C', TOP, ...args],
	    { maxBuffer: 16 << 20 });
	try {
		await git('cat-file', '-e', `${OLD}^{commit}`);
	} catch (e) {
		assert.fail(`the upgrade test needs commit ${OLD} of the git ` +
		    `history in ${TOP} (a clone with its history, not a ` +
		    `shallow one or an exported tree): ${e.stderr ?? e.message}`);
	}
	const files = (await git('ls-tree', '--name-only', OLD, 'sql/'))
	    .stdout.split('\n').filter((f) => f.endsWith('.sql'));
	assert.ok(files.length > 0, `no sql/*.sql in ${OLD}`);
	mkdirSync(join(dest, 'sql'));
	for (const f of [...files, 'src/tools/migrate.sh']) {
		const to = join(dest, f.startsWith('sql/') ? f : 'migrate.sh');
		writeFileSync(to, (await git('show', `${OLD}:${f}`)).stdout);
	}
}

// One API call through the functions, as the server makes it.
async function call(db, fn, p) {
	return JSON.parse(await asApp(`SELECT api.${fn}($json$` +
	    `${JSON.stringify({ actor: 'maya@example.com', ...p })}` +
	    '$json$::jsonb)', db));
}

// Every table of schema public with its columns.
async function tableColumns(db) {
	return JSON.parse(await psql("SELECT json_object_agg(table_name, c) " +
	    "FROM (SELECT table_name, json_agg(column_name::text ORDER BY " +
	    "ordinal_position) AS c FROM information_schema.columns WHERE " +
	    "table_schema = 'public' GROUP BY table_name) x", { db }));
}

// Each table of cols as its row count and the md5 of its rows over those
// columns, as this release's migrations leave them (a reference row a
// migration changes on purpose: tests/lib/reference-changes.js).
async function tableContents(db, cols) {
	const out = new Map();
	for (const [t, c] of Object.entries(cols)) {
		const rows = JSON.parse(await psql('SELECT coalesce(json_agg(' +
		    `to_jsonb(x)), '[]') FROM (SELECT ${c.map((n) => `"${n}"`)
		    .join(', ')} FROM public."${t}") x`, { db }));
		const text = rows.map((r) => canonical(asMigrated(t, r))).sort();
		out.set(t, `${t} ${rows.length} ${createHash('md5')
		    .update(text.join('\n')).digest('hex')}`);
	}
	return out;
}

test('a database made and filled by the old migrations upgrades: its data ' +
    'stays, the new functions work', async () => {
	const old = scratch('old-');
	try {
		await checkoutOld(old);
		const db = await emptyDatabase();
		const made = await migrate(join(old, 'sql'), db,
		    { script: join(old, 'migrate.sh') });
		assert.equal(made.code, 0, made.stderr);
		assert.match(made.stdout, /applying 0010_setting_plpgsql/);

		// Filled through the old functions.
		const maya = await call(db, 'person_create', { today: '2026-11-02',
		    body: { name: 'Maya Chen', email: 'maya@example.com',
		    role: 'pm' } });
		const ana = await call(db, 'person_create', { today: '2026-11-02',
		    body: { name: 'Ana Ruiz', email: 'ana@example.com',
		    role: 'ds' } });
		const project = await call(db, 'project_create', {
		    today: '2026-11-02', body: { name: 'Churn prediction',
		    pm_id: maya.id, kickoff_on: '2026-11-02',
		    target_launch_on: '2027-01-11', spec: {
		    decision: 'Which subscribers get a retention offer' } } });
		const [first, second] = project.checkpoints;
		await call(db, 'checkpoint_patch', { today: '2026-11-09',
		    path: { checkpoint: first.id }, if_match: first.version,
		    body: { status: 'done', owner_id: ana.id } });
		await call(db, 'checkpoint_patch', { today: '2026-11-10',
		    path: { checkpoint: second.id }, body: {
		    due_on: '2026-11-23', reason: 'the label needs a week' } });
		await call(db, 'ownership_put', { today: '2026-11-10', path: {
		    project: project.id, key: 'outcome_logging', role: 'ds' },
		    body: { person_id: ana.id } });
		await call(db, 'handoff_offer', { today: '2026-11-11', path: {
		    project: project.id, handoff: 'a' }, body: {
		    from_id: maya.id, to_id: ana.id } });
		const user = await call(db, 'user_create', { today: '2026-11-11',
		    body: { email: 'maya@example.com', name: 'Maya', role: 'pm',
		    password_hash: '$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$' +
		    'aGFzaA' } });
		await call(db, 'token_create', { today: '2026-11-11',
		    user_id: user.id, body: { name: 'bot' },
		    token_hash: 'a'.repeat(64), prefix: 'hf_aaaaaaa' });

		const cols = await tableColumns(db);
		const before = await tableContents(db, cols);
		const settingsBefore = await psql("SELECT string_agg(x::text, " +
		    "E'\\n' ORDER BY x.key) FROM settings x", { db });
		const settingsKeys = await psql("SELECT string_agg(" +
		    "quote_literal(key), ', ') FROM settings", { db });
		for (const t of ['people', 'projects', 'checkpoints',
		    'checkpoint_slips', 'ownership_versions', 'handoff_versions',
		    'audit_log', 'users', 'api_tokens'])
			assert.match(before.get(t), new RegExp(`^${t} [1-9]`),
			    `${t} has rows to keep`);

		const r = await migrate(join(TOP, 'sql'), db);
		assert.equal(r.code, 0, r.stderr);
		// Only the numbered migrations the old code did not have run.
		const oldOnes = new Set(readdirSync(join(old, 'sql')));
		const newOnes = readdirSync(join(TOP, 'sql'))
		    .filter((f) => /^\d{4}_.*\.sql$/.test(f) && !oldOnes.has(f))
		    .map((f) => f.replace(/\.sql$/, ''));
		assert.deepEqual([...r.stdout.matchAll(/applying (\S+)/g)]
		    .map((m) => m[1]), newOnes);
		// Every table of before holds what it held, over the columns
		// it had; schema_migrations only gained the new versions.
		const after = await tableContents(db, cols);
		for (const [table, line] of before) {
			if (table !== 'schema_migrations' && table !== 'settings')
				assert.equal(after.get(table), line, table);
		}
		// New migrations may add settings (0013: the sign-in
		// budgets); those of before stay as they were.
		assert.equal(await psql("SELECT string_agg(x::text, E'\\n' " +
		    "ORDER BY x.key) FROM settings x WHERE x.key IN (" +
		    `${settingsKeys})`, { db }), settingsBefore);
		assert.equal(await psql('SELECT count(*) FROM schema_migrations',
		    { db }), String([...oldOnes].filter((f) =>
		    /^\d{4}_/.test(f)).length + newOnes.length));
		// What existed is waiting for the risk ledger to take it in.
		assert.equal(await psql("SELECT count(DISTINCT item) FROM " +
		    "ledger_dirty WHERE kind = 'project'", { db }), '1');

		// The functions are those of a new database, nothing else.
		assert.equal(await apiDefinitions(db),
		    await apiDefinitions(await createDatabase()));

		const got = await call(db, 'project_get',
		    { path: { project: project.id } });
		assert.equal(got.name, 'Churn prediction');
		assert.equal(got.pm.name, 'Maya Chen');
		const done = got.checkpoints.find((c) => c.id === first.id);
		assert.equal(done.status, 'done');
		assert.equal(done.owner.name, 'Ana Ruiz');
		const slipped = got.checkpoints.find((c) => c.id === second.id);
		assert.equal(slipped.slips[0].reason, 'the label needs a week');
		assert.equal(got.handoffs.find((h) => h.key === 'a').state,
		    'offered');
		const patched = await call(db, 'person_patch', { today:
		    '2026-11-23', path: { person: ana.id }, if_match: 1,
		    body: { name: 'Ana Ruiz Vidal' } });
		assert.equal(patched.version, 2);
		// The old account's token still signs in (api.authorize, as
		// every signed-in statement begins).
		const auth = JSON.stringify({ auth: { token: 'a'.repeat(64),
		    need: 1 } });
		const who = JSON.parse(await asApp('SELECT w.who FROM ' +
		    `api.authorize($json$${auth}$json$::jsonb) w`, db));
		assert.equal(who.user.email, 'maya@example.com');
	} finally {
		rmSync(old, { recursive: true, force: true });
	}
});

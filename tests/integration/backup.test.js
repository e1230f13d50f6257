// A backup counts once it has been restored: the drill.  The demo portfolio
// is seeded, a person is changed through the API (an audited write of the
// server's own), `make backup` dumps the database, `make restore` loads the
// dump into a fresh database, and a second server on the copy must answer
// exactly as the first: the digest of this week and the two before, every
// project's document, the lists; and every table, the audit log first,
// must hold the same rows.  "Today" is pinned on both servers.
//
// Then the guard: make restore fills an empty database, refuses one that
// holds data, and replaces it with FORCE=1, on a cluster of the test's
// own standing in for the one of make run (HANDOFF_PG_DIR).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, Server, Cluster, startServer, createDatabase, psql, stopAll,
    eventually } from '../lib/harness.js';
import { make } from '../lib/installed.js';

const TODAY = '2026-11-25';	/* a Wednesday of 2026-W48 */
const backups = join(process.env.HANDOFF_TEST_DIR, 'backups');
let original, copy, cluster, dump;
const KEPT = ['kept_reads', 'read_changes', 'kept_horizon'];

// The ISO week (YYYY-Www) of the day n weeks before TODAY.
function isoWeek(weeksBefore) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 7 * weeksBefore);
	const thursday = new Date(d);
	thursday.setUTCDate(d.getUTCDate() + 3 - (d.getUTCDay() + 6) % 7);
	const year = thursday.getUTCFullYear();
	const jan4 = new Date(Date.UTC(year, 0, 4));
	const week = 1 + Math.round(((thursday - jan4) / 86400000 - 3 +
	    (jan4.getUTCDay() + 6) % 7) / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

// Every table of schema public, each as its row count and the md5 of its
// rows in order.
async function tables(dsn) {
	const names = (await psql(`SELECT string_agg(tablename, ' ' ORDER BY
	    tablename) FROM pg_tables WHERE schemaname = 'public'`, { dsn }))
	    .split(' ');
	const rows = await psql(names.map((t) => `SELECT '${t}', count(*) ||
	    ' ' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY
	    x::text)), '') FROM public."${t}" x`).join(' UNION ALL '), { dsn });
	return Object.fromEntries(rows.split('\n').map((l) => l.split('|')));
}

const auditLog = (dsn) => psql('SELECT coalesce(json_agg(a ORDER BY a.id), ' +
    '\'[]\') FROM audit_log a', { dsn });

function withoutDatabaseUrl(env) {
	const e = { ...process.env, ...env };
	delete e.DATABASE_URL;
	return e;
}

before(async () => {
	original = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: original.dsn,
		    HANDOFF_TODAY: TODAY },
	});
	const p = await original.api('PATCH', '/api/v1/people/1',
	    { name: 'Renamed before the backup' });
	assert.equal(p.status, 200, p.text);
	// The write left the risk ledger work (ledger_dirty) that the server's
	// background job does half a second later: the dump is taken once it
	// is done, so the original does not change under the comparison.
	await eventually(async () => await psql('SELECT count(*) FROM ' +
	    'ledger_dirty', { dsn: original.dsn }) === '0', 30000);
});

after(async () => {
	await stopAll(original, copy);
	await cluster?.stop();
});

test('make backup writes a whole custom-format dump, privately', async () => {
	const r = await make(['backup', `BACKUP_DIR=${backups}`],
	    { env: { DATABASE_URL: original.dsn } });
	dump = r.stdout.trim().split('\n').pop();
	assert.match(dump, /\/handoff-\d{8}T\d{6}Z\.dump$/);
	assert.ok(dump.startsWith(backups));
	assert.equal(statSync(backups).mode & 0o777, 0o700);
	assert.equal(statSync(dump).mode & 0o777, 0o600);
	const { stdout } = await promisify(execFile)('pg_restore',
	    ['--list', dump]);
	assert.match(stdout, /Format: CUSTOM/);
	assert.match(stdout, /TABLE DATA public audit_log/);
	for (const t of KEPT)
		assert.doesNotMatch(stdout, new RegExp(`TABLE DATA public ${t} `),
		    `${t}'s rows are left out`);
	assert.equal(existsSync(`${dump}.part`), false);
});

test('the dump restored into a fresh database answers the same', async () => {
	const db = await createDatabase();	/* migrated, empty */
	copy = new Server({ db, env: { HANDOFF_TODAY: TODAY } });
	await make(['restore', `FILE=${dump}`], { env: { DATABASE_URL: copy.dsn } });

	// Every row, before any request touches either database; but the
	// reads kept whole are a cache told true by this cluster's
	// transaction ids, which the dump leaves out (and which the
	// original's job prunes as time passes): nothing kept came, and the
	// restore started the horizon here.
	const [a, b] = [await tables(original.dsn), await tables(copy.dsn)];
	assert.equal(b.kept_reads, '0 ');
	assert.equal(b.read_changes, '0 ');
	assert.match(b.kept_horizon, /^1 /);
	for (const t of KEPT) {
		delete a[t];
		delete b[t];
	}
	assert.deepEqual(b, a);
	assert.ok(Number(a.audit_log.split(' ')[0]) > 0, 'an audit log');
	assert.ok(Number(a.projects.split(' ')[0]) === 7, 'the demo');

	// The start after a restore migrates (make run and the service do),
	// which starts the kept reads afresh in this database.
	await promisify(execFile)(join(TOP, 'src/tools/migrate.sh'), [],
	    { env: { ...process.env, DATABASE_URL: copy.dsn } });
	assert.equal(await psql('SELECT count(*) FROM kept_horizon',
	    { dsn: copy.dsn }), '1');
	await copy.start();
	const same = async (path) => {
		const [x, y] = [await original.api('GET', path),
		    await copy.api('GET', path)];
		assert.equal(x.status, 200, `${path}: ${x.text}`);
		assert.equal(y.status, x.status, path);
		assert.equal(y.headers.get('etag'), x.headers.get('etag'), path);
		assert.deepEqual(y.json, x.json, path);
		return x.json;
	};

	const weeks = [0, 1, 2].map(isoWeek);
	assert.equal(weeks[0], '2026-W48');
	for (const week of weeks) {
		const d = await same(`/api/v1/digest?week=${week}`);
		assert.equal(d.week, week);
	}
	const ids = (await psql('SELECT string_agg(id::text, \' \' ORDER BY id) ' +
	    'FROM projects', { dsn: original.dsn })).split(' ');
	assert.equal(ids.length, 7);
	for (const id of ids) {
		const p = await same(`/api/v1/projects/${id}`);
		assert.equal(String(p.id), id);
	}
	await same('/api/v1/projects');
	await same('/api/v1/people?limit=200');
	await same('/api/v1/risks');
	await same('/api/v1/people/1');

	// Reading changed nothing that was compared.
	assert.equal(await auditLog(copy.dsn), await auditLog(original.dsn));
	const demo = await copy.request('POST', '/api/v1/session', { auth: false,
	    body: { email: 'maya@example.com', password: 'demo-pm-pass' } });
	assert.equal(demo.status, 200, 'the accounts came back too');
});

test('make restore fills an empty database, refuses one with data, ' +
    'replaces it with FORCE=1', async () => {
	cluster = await new Cluster('backup-embedded').start();
	const env = withoutDatabaseUrl({ HANDOFF_PG_DIR: cluster.dir,
	    PGPORT: String(cluster.port) });
	const dsn = cluster.dsn('unix');
	const count = () => psql('SELECT count(*) FROM projects', { dsn });

	// make backup without DATABASE_URL dumps the cluster of make run.
	const empty = (await make(['backup', `BACKUP_DIR=${backups}-embedded`],
	    { env })).stdout.trim().split('\n').pop();
	assert.match(empty, /handoff-.*\.dump$/);

	await make(['restore', `FILE=${dump}`], { env });
	assert.equal(await count(), '7');

	await psql('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM ' +
	    'audit_log)', { dsn });
	const before = await auditLog(dsn);
	const refused = await make(['restore', `FILE=${dump}`], { env })
	    .then(() => null, (e) => e);
	assert.ok(refused, 'refused');
	assert.match(refused.stderr,
	    /holds data \(rows in: people projects users\); FORCE=1/);
	assert.equal(await auditLog(dsn), before, 'nothing changed');

	await make(['restore', `FILE=${dump}`, 'FORCE=1'], { env });
	assert.equal(await auditLog(dsn), await auditLog(original.dsn));

	// A plain dump carries the kept digests of its cluster: here, a
	// horizon far ahead and an answer kept from such a snapshot, which
	// no write here could end.  The restore empties them and starts the
	// horizon at its own transaction.
	const far = BigInt(await psql('SELECT pg_current_xact_id()',
	    { dsn })) + 1000000n;
	await psql(`UPDATE kept_horizon SET xid = '${far}', next = '${far}'; ` +
	    "INSERT INTO kept_reads (key, snap, body) VALUES ('digest x', " +
	    `'${far}:${far}:', 'kept elsewhere')`, { dsn });
	const plain = join(`${backups}-embedded`, 'plain.dump');
	await promisify(execFile)('pg_dump', ['--format=custom',
	    `--dbname=${dsn}`, `--file=${plain}`]);
	await make(['restore', `FILE=${plain}`, 'FORCE=1'], { env });
	assert.equal(await psql('SELECT count(*) FROM kept_reads', { dsn }),
	    '0');
	assert.equal(await psql('SELECT count(*) FROM kept_horizon WHERE ' +
	    'xid <= pg_current_xact_id()', { dsn }), '1');

	// And back to the empty one: the dump of an empty database.
	await make(['restore', `FILE=${empty}`, 'FORCE=1'], { env });
	assert.equal(await count(), '0');

	const bad = await make(['restore', `FILE=${join(TOP, 'README.md')}`],
	    { env }).then(() => null, (e) => e);
	assert.match(bad.stderr, /is not a dump of pg_dump -Fc/);
	const none = await make(['restore'], { env }).then(() => null, (e) => e);
	assert.match(none.stderr, /usage: make restore FILE=/);
});

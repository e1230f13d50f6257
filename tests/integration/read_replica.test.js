// A read replica (DATABASE_READ_URL): a streaming standby of the test
// cluster made with pg_basebackup -R (tests/lib/replica.sh), two handoff
// instances reading it behind nginx (tests/lib/nginx.js).  Each answer
// names the database that served it (X-Handoff-Db), and the standby's
// pg_stat_activity shows the instances' connections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, createDatabase, eventually, freePort, startServer }
    from '../lib/harness.js';
import { TODAY } from '../lib/fixtures.js';
import { CookieJar, startNginx } from '../lib/nginx.js';

let a;
let b;
let proxy;
let dir;
let rport;
let db;

function replica(cmd) {
	execFileSync(join(TOP, 'tests/lib/replica.sh'), [cmd, join(dir,
	    'replica'), process.env.HANDOFF_TEST_PGHOST,
	    process.env.HANDOFF_TEST_PGPORT, String(rport)],
	    { stdio: ['ignore', 'ignore', 'inherit'] });
}

// SQL as the superuser on the standby.
function onReplica(sql) {
	return execFileSync('psql', ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1',
	    '-h', join(dir, 'replica/run'), '-p', String(rport), '-U',
	    'postgres', '-d', db, '-c', sql], { encoding: 'utf8' }).trim();
}

// A browser of its own: signs in through nginx, keeps its cookies.
async function browser(email, password) {
	const jar = new CookieJar();
	const r = jar.take(await proxy.send('POST', '/api/v1/session', {
	    headers: { 'content-type': 'application/json' },
	    body: JSON.stringify({ email, password }) }));
	assert.equal(r.status, 200, r.text);
	const csrf = r.json.csrf_token;
	assert.ok(csrf, r.text);
	return {
		jar,
		async get(path) {
			return jar.take(await proxy.send('GET', path,
			    { headers: { cookie: jar.header() } }));
		},
		async post(path, doc) {
			return jar.take(await proxy.send('POST', path, {
			    headers: { cookie: jar.header(), 'x-csrf-token': csrf,
			    'content-type': 'application/json' },
			    body: JSON.stringify(doc) }));
		},
	};
}

before(async () => {
	dir = join(process.env.HANDOFF_TEST_DIR, `replica-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	db = await createDatabase();
	rport = await freePort();
	replica('start');
	const env = {
		HANDOFF_TODAY: TODAY, HANDOFF_TRUSTED_PROXIES: '127.0.0.1',
		DATABASE_READ_URL: `host=${join(dir, 'replica/run')} ` +
		    `port=${rport} dbname=${db} user=handoff`,
		HANDOFF_REPLICA_PROBE_MS: '500',
	};
	a = await startServer({ db, env: { ...env, HANDOFF_INSTANCE: 'alpha' } });
	b = await startServer({ db, env: { ...env, HANDOFF_INSTANCE: 'beta' } });
	await a.account('rhea@example.com', 'pm', 'replica-pass-1');
	proxy = await startNginx(dir, 'replica', [`127.0.0.1:${a.port}`,
	    `127.0.0.1:${b.port}`]);
});

after(async () => {
	proxy?.stop();
	await a?.stop();
	await b?.stop();
	if (rport !== undefined)
		replica('stop');
});

test('lag-tolerant reads are served by the standby, the rest by the ' +
    'primary, on both instances', async () => {
	const h = await eventually(async () => {
		const r = await a.api('GET', '/healthz');
		return r.json?.replica === 'ok' ? r.json : null;
	}, 10000);
	assert.ok(h, 'the replica is found good');
	assert.equal(typeof h.replica_lag_ms, 'number');
	const reader = await browser('rhea@example.com', 'replica-pass-1');
	// The sign-in was a write: its cookie sends the reader to the primary
	// until the standby has replayed it, which takes a moment.
	assert.ok(reader.jar.get('handoff_lsn'), 'the sign-in sets the position');
	// Each instance judges that by its own probe (once a second): wait
	// until both have sent the reader to the standby.
	const seen = new Set();
	const onStandby = new Set();
	assert.ok(await eventually(async () => {
		const r = await reader.get('/api/v1/people');
		assert.equal(r.status, 200, r.text);
		seen.add(r.headers['x-handoff-instance']);
		if (r.headers['x-handoff-db'] === 'replica')
			onStandby.add(r.headers['x-handoff-instance']);
		return onStandby.size === 2;
	}, 10000), 'GET /api/v1/people reads the standby, on both instances');
	for (let i = 0; i < 6; i++) {
		for (const path of ['/api/v1/people', '/api/v1/digest',
		    '/api/v1/risks', '/']) {
			const r = await reader.get(path);
			assert.equal(r.status, 200, `${path}: ${r.text}`);
			assert.equal(r.headers['x-handoff-db'], 'replica', path);
			seen.add(r.headers['x-handoff-instance']);
		}
		const s = await reader.get('/api/v1/session');
		assert.equal(s.status, 200);
		assert.equal(s.headers['x-handoff-db'], 'primary',
		    'a route not marked lag-ok reads the primary');
	}
	assert.deepEqual([...seen].sort(), ['alpha', 'beta']);
	// The standby itself says the instances are connected to it.
	const n = Number(onReplica("SELECT count(*) FROM pg_stat_activity " +
	    "WHERE usename = 'handoff' AND datname = current_database()"));
	assert.ok(n >= 2, `${n} handoff connections on the standby`);
	const m = await a.request('GET', '/metrics', { auth: false });
	assert.match(m.text, /^handoff_replica_up 1$/m);
	assert.match(m.text, /^handoff_replica_reads_total [1-9]/m);
	assert.match(m.text, /^handoff_replica_lag_seconds [0-9.]+$/m);
});

test('with replay paused, the writer sees the write on the next read; ' +
    'another reader, on the standby, does not yet', async () => {
	const writer = await browser('rhea@example.com', 'replica-pass-1');
	const other = await browser('rhea@example.com', 'replica-pass-1');
	// Both logins wrote: wait until the standby has replayed them and
	// every worker that answers has probed it since (once a second each,
	// slower under the sanitizers), so that several reads in a row, on
	// both instances, go to the standby.
	assert.ok(await eventually(async () => {
		const on = new Set();
		for (let i = 0; i < 6; i++) {
			const r = await other.get('/api/v1/people');
			if (r.headers['x-handoff-db'] !== 'replica')
				return false;
			on.add(r.headers['x-handoff-instance']);
		}
		return on.size === 2;
	}, 15000), 'before the pause, the other reader reads the standby');
	onReplica('SELECT pg_wal_replay_pause()');
	try {
		// A pause is a request: wait until replay has stopped.
		assert.ok(await eventually(() => onReplica(
		    'SELECT pg_get_wal_replay_pause_state()') === 'paused', 5000));
		const name = `Paused Write ${process.pid}`;
		const w = await writer.post('/api/v1/people', { name,
		    email: `paused-${process.pid}@example.com`, role: 'ds' });
		assert.equal(w.status, 201, w.text);
		assert.ok(writer.jar.get('handoff_lsn'));
		const r = await writer.get('/api/v1/people');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.headers['x-handoff-db'], 'primary',
		    'the writer reads the primary');
		assert.ok(r.text.includes(name), 'the writer sees the write');
		const o = await other.get('/api/v1/people');
		assert.equal(o.status, 200, o.text);
		assert.equal(o.headers['x-handoff-db'], 'replica');
		assert.ok(!o.text.includes(name),
		    'the paused standby has not replayed it');
		// Lagging past the bound (5 s), the standby is skipped by all.
		const h = await eventually(async () => {
			const x = await a.api('GET', '/healthz');
			return x.json?.replica === 'lagging' ? x.json : null;
		}, 10000);
		assert.ok(h && h.replica_lag_ms > 5000, JSON.stringify(h));
		// Every worker of both instances judges by its own probe.
		for (let i = 0; i < 8; i++) {
			const late = await eventually(async () => {
				const x = await other.get('/api/v1/people');
				return x.headers['x-handoff-db'] === 'primary' ?
				    x : null;
			}, 2000);
			assert.ok(late, 'the lagging standby is skipped');
			assert.ok(late.text.includes(name));
		}
	} finally {
		onReplica('SELECT pg_wal_replay_resume()');
	}
	assert.ok(await eventually(async () => (await other.get(
	    '/api/v1/people')).headers['x-handoff-db'] === 'replica', 5000),
	    'caught up, the standby serves reads again');
});

test('the standby stopped: reads fall back to the primary within 5 s with ' +
    'no error; started again: reads return to it', async () => {
	const reader = await browser('rhea@example.com', 'replica-pass-1');
	assert.ok(await eventually(async () => (await reader.get(
	    '/api/v1/digest')).headers['x-handoff-db'] === 'replica', 5000));
	replica('stop');
	const t0 = Date.now();
	let primaryAt = null;
	while (Date.now() - t0 < 5000) {
		for (const path of ['/api/v1/digest', '/api/v1/people', '/']) {
			const r = await reader.get(path);
			assert.equal(r.status, 200, `${path} with the standby ` +
			    `down: ${r.status} ${r.text}`);
			if (r.headers['x-handoff-db'] === 'primary')
				primaryAt ??= Date.now();
		}
	}
	assert.ok(primaryAt !== null && primaryAt - t0 < 5000,
	    'reads went to the primary');
	const h = await a.api('GET', '/healthz');
	assert.equal(h.status, 200);
	assert.equal(h.json.replica, 'down');
	const m = await b.request('GET', '/metrics', { auth: false });
	assert.match(m.text, /^handoff_replica_up 0$/m);
	replica('start');
	assert.ok(await eventually(async () => {
		const r = await reader.get('/api/v1/digest');
		assert.equal(r.status, 200, r.text);
		return r.headers['x-handoff-db'] === 'replica';
	}, 10000, 200), 'reads return to the standby once it is back');
	// Both instances, each of whose pooled connections to the old
	// standby died with it: each worker finds the standby back at its
	// own probe (once a second), so they are given ten seconds, not the
	// first dozen reads after the first instance's.
	const seen = new Set();
	await eventually(async () => {
		for (let i = 0; i < 12; i++) {
			const r = await reader.get('/api/v1/people');
			assert.equal(r.status, 200, r.text);
			if (r.headers['x-handoff-db'] === 'replica')
				seen.add(r.headers['x-handoff-instance']);
		}
		return seen.size === 2;
	}, 10000, 200);
	assert.deepEqual([...seen].sort(), ['alpha', 'beta']);
});

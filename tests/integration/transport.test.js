// The server reaches PostgreSQL over every transport a deployment uses,
// inside Kore's seccomp sandbox: the Unix socket, TCP on loopback, and TLS
// with the server certificate checked (sslmode=verify-full).  A connection
// that is refused (a certificate from another CA, for another host, a host
// that does not resolve) is a 503 and a log line that says why, never a
// dead worker (Server.stop() fails the test if one died).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, createDatabase, dbDsn, psql, Server, stopAll, workerDeaths }
    from '../lib/harness.js';
import { createPerson, createProject } from '../lib/fixtures.js';

const servers = [];

after(() => stopAll(...servers));

async function serve(opts) {
	const srv = new Server({ db: opts.db ?? await createDatabase(),
	    ...opts });
	servers.push(srv);
	return srv.start();
}

// How the server's own connections reach the database, as PostgreSQL sees
// them: [client address or null, whether TLS is on].
async function backendTransport(db) {
	const rows = await psql(`SELECT coalesce(host(a.client_addr), 'local'),
	    coalesce(s.ssl, false) FROM pg_stat_activity a
	    LEFT JOIN pg_stat_ssl s ON s.pid = a.pid
	    WHERE a.datname = '${db}' AND a.application_name = 'handoff'`);
	return [...new Set(rows.split('\n').filter(Boolean))];
}

const expected = {
	unix: ['local|f'],
	tcp: ['127.0.0.1|f'],
	tls: ['127.0.0.1|t'],
};

for (const transport of ['unix', 'tcp', 'tls']) {
	test(`health, a write, a read and a page over ${transport}`,
	    async () => {
		const srv = await serve({ transport });

		const health = await srv.api('GET', '/healthz');
		assert.equal(health.status, 200, health.text);
		assert.deepEqual(health.json, { status: 'ok', db: 'ok' });

		const pm = await createPerson(srv, { role: 'pm' });
		const project = await createProject(srv, { pm_id: pm.id });
		const read = await srv.api('GET', `/api/v1/projects/${project.id}`);
		assert.equal(read.status, 200, read.text);
		assert.equal(read.json.name, project.name);
		assert.equal(read.json.pm.id, pm.id);

		const page = await srv.request('GET', `/projects/${project.id}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(project.name));

		assert.deepEqual(await backendTransport(srv.db),
		    expected[transport]);
	});
}

// One refused connection: healthz says 503, the log says why.
async function refused(dsn, reason) {
	const srv = await serve({ db: 'unused', dsn });
	for (let i = 0; i < 4; i++) {
		const r = await srv.request('GET', '/healthz', { auth: false,
		    timeoutMs: 20000 });
		assert.equal(r.status, 503, r.text);
		assert.deepEqual(r.json, { status: 'degraded',
		    db: 'unreachable' });
	}
	assert.match(srv.log(), reason);
	assert.doesNotMatch(srv.log(), /sandbox violation|SIGSYS/);
}

test('a certificate from an unknown CA is refused with a reason',
    async () => {
	const db = await createDatabase();
	const dsn = dbDsn({ db, port: process.env.HANDOFF_TEST_PGPORT,
	    transport: 'tls' }).replace(/sslrootcert=\S+/, 'sslrootcert=' +
	    join(process.env.HANDOFF_TEST_CERTS, 'other-ca.crt'));
	await refused(dsn, /db: .*certificate verify failed/);
});

test('a certificate for another host name is refused with a reason',
    async () => {
	const db = await createDatabase();
	const dsn = `hostaddr=127.0.0.1 host=db.example.org ` +
	    `port=${process.env.HANDOFF_TEST_PGPORT} dbname=${db} ` +
	    `user=handoff sslmode=verify-full sslrootcert=` +
	    join(process.env.HANDOFF_TEST_CERTS, 'ca.crt');
	await refused(dsn, /db: .*does not match host name "db\.example\.org"/);
});

test('a host name that does not resolve is refused with a reason',
    async () => {
	await refused(`host=db.handoff.invalid port=5432 dbname=x ` +
	    'user=handoff', /db: .*could not translate host name/);
});

// The checks that turn a dead worker into a failure can fail: a log with
// the lines kore writes when a worker dies, and one without.
test('a dead worker in a kore log fails the run', () => {
	const dead = [
		'[parent]: worker [wrk 1] (4538) exited with status 31',
		'[parent]: worker 1 (pid: 4538) (hdlr: none) gone',
		'[parent]: worker 1 died from sandbox violation',
		'[parent]: restarting worker 1',
	].join('\n');
	const clean = '[parent]: worker [wrk 1] exited\n[parent]: goodbye\n';
	assert.equal(workerDeaths(dead).length, 3);
	assert.deepEqual(workerDeaths(clean), []);

	const check = join(TOP, 'tests/lib/check-kore-logs.sh');
	const dir = mkdtempSync(join(process.env.HANDOFF_TEST_DIR, 'logs-'));
	writeFileSync(join(dir, 'kore-ok.log'), clean);
	execFileSync(check, [dir], { stdio: 'pipe' });
	writeFileSync(join(dir, 'kore-dead.log'), dead);
	assert.throws(() => execFileSync(check, [dir], { stdio: 'pipe' }),
	    /kore-dead\.log/);
});

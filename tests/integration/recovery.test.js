// The server outlives its database: 503 while PostgreSQL is down, 200 again
// once it is back, without restarting kore and without losing a worker;
// over the Unix socket, over TCP, and over TLS with the certificate checked.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Cluster, Server, eventually, freePort, stopAll }
    from '../lib/harness.js';

const running = [];

after(async () => {
	try {
		await stopAll(...running.map((r) => r.srv));
	} finally {
		await stopAll(...running.map((r) => r.cluster));
	}
});

function workers(pid) {
	try {
		return execFileSync('pgrep', ['-P', String(pid)])
		    .toString().trim().split('\n').sort();
	} catch {
		return [];
	}
}

async function healthStatus(srv) {
	try {
		return (await srv.api('GET', '/healthz')).status;
	} catch {
		return 0;
	}
}

for (const transport of ['unix', 'tcp', 'tls']) {
	test(`healthz follows the database down and back up (${transport})`,
	    async () => {
		const cluster = await new Cluster(`recovery-${transport}`).start(
		    transport === 'unix' ? undefined : await freePort());
		const srv = new Server({ db: 'handoff',
		    dsn: cluster.dsn(transport) });
		running.push({ srv, cluster });
		await srv.start();

		const pid = srv.pid;
		const before = workers(pid);
		assert.ok(before.length >= 1, 'kore has workers');

		// Enough requests for pooled connections in both workers.
		for (let i = 0; i < 8; i++)
			assert.equal(await healthStatus(srv), 200);

		await cluster.stop();
		const t0 = Date.now();
		const down = await eventually(async () =>
		    (await healthStatus(srv)) === 503, 5000, 100);
		assert.ok(down, 'healthz went 503 within 5 seconds');
		assert.ok(Date.now() - t0 <= 5000);

		const r = await srv.api('GET', '/healthz');
		assert.equal(r.status, 503);
		assert.deepEqual(r.json, { status: 'degraded',
		    db: 'unreachable' });
		assert.ok(Number(r.headers.get('retry-after')) > 0);

		await cluster.start();
		const t1 = Date.now();
		const up = await eventually(async () =>
		    (await healthStatus(srv)) === 200, 5000, 100);
		assert.ok(up, 'healthz came back to 200 within 5 seconds');
		assert.ok(Date.now() - t1 <= 5000);

		// Every request now succeeds: no dead connection in a pool.
		for (let i = 0; i < 16; i++)
			assert.equal(await healthStatus(srv), 200);

		assert.equal(srv.pid, pid, 'the same kore process');
		assert.deepEqual(workers(pid), before, 'no worker died');
		// PostgreSQL's own "FATAL:  the database system is shutting down" is
		// expected; kore's fatal() prints "kore: ...".
		assert.doesNotMatch(srv.log(), /SIGSYS|seccomp violation|^kore: /m);
	});
}

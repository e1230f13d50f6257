// The server outlives its database: 503 while PostgreSQL is down, 200 again
// once it is back, without restarting kore and without losing a worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Cluster, Server, eventually } from '../lib/harness.js';

let cluster, srv;

before(async () => {
	cluster = await new Cluster('recovery').start();
	srv = await new Server({ db: 'handoff', pghost: cluster.pghost })
	    .start();
});

after(async () => {
	await srv?.stop();
	await cluster?.stop();
});

function workers(pid) {
	try {
		return execFileSync('pgrep', ['-P', String(pid)])
		    .toString().trim().split('\n').sort();
	} catch {
		return [];
	}
}

async function healthStatus() {
	try {
		return (await srv.api('GET', '/healthz')).status;
	} catch {
		return 0;
	}
}

test('healthz follows the database down and back up', async () => {
	const pid = srv.pid;
	const before = workers(pid);
	assert.ok(before.length >= 1, 'kore has workers');

	// Several requests so that pooled connections exist in both workers.
	for (let i = 0; i < 8; i++)
		assert.equal(await healthStatus(), 200);

	await cluster.stop();
	const t0 = Date.now();
	const down = await eventually(async () =>
	    (await healthStatus()) === 503, 5000, 100);
	assert.ok(down, 'healthz went 503 within 5 seconds');
	assert.ok(Date.now() - t0 <= 5000);

	const r = await srv.api('GET', '/healthz');
	assert.equal(r.status, 503);
	assert.deepEqual(r.json, { status: 'degraded', db: 'unreachable' });
	assert.ok(Number(r.headers.get('retry-after')) > 0);

	await cluster.start();
	const t1 = Date.now();
	const up = await eventually(async () =>
	    (await healthStatus()) === 200, 5000, 100);
	assert.ok(up, 'healthz came back to 200 within 5 seconds');
	assert.ok(Date.now() - t1 <= 5000);

	// Every request now succeeds: no connection is left dead in a pool.
	for (let i = 0; i < 16; i++)
		assert.equal(await healthStatus(), 200);

	assert.equal(srv.pid, pid, 'the same kore process');
	assert.deepEqual(workers(pid), before, 'no worker died');
	assert.doesNotMatch(srv.log(), /SIGSYS|seccomp violation|fatal/i);
});

// Stopping and reloading kore under load (README.md, "Production").
//
// SIGTERM goes to the kore parent alone, as the unit's KillMode=mixed sends
// it; the parent stops its workers.  Under a bounded load of writes, every
// write that was answered 2xx must be in the database afterwards, and no
// answer may be cut off half-way.  Requests that were never accepted fail
// to connect, or are reset in the listen queue when kore closes it: they
// are counted and reported, not failed.
//
// Kore 4.1.0 alone would not let a worker finish the requests it is
// serving: at SIGTERM the worker leaves its event loop at once and closes
// every connection (src/worker.c of Kore).  The module's
// kore_worker_teardown() (src/app.c) drains them first; the test of a
// request in flight, held in the database by a row lock while the signal
// comes, proves it.
//
// SIGHUP makes Kore 4.1.0 reload the module (not the configuration) in the
// parent and in each worker; the module is linked -z nodelete, so the
// reload only runs its start-up again (its code stays mapped under the
// requests in flight); in the production set-up the chrooted workers
// cannot see the module file and skip the reload.  Either way no request
// may fail, under our own load of writes and reads and under wrk's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Server, createDatabase, psql, sleep, stopAll, eventually }
    from '../lib/harness.js';
import { writeLoad } from '../lib/load.js';

const root = process.getuid() === 0;
const servers = [];
after(() => stopAll(...servers));

async function server(opts = {}) {
	const srv = new Server({ db: await createDatabase(), ...opts });
	servers.push(srv);
	return srv.start();
}

// POST /api/v1/people with a unique email per request.
function peopleLoad(srv, token, opts) {
	const tag = `${process.pid}-${Date.now()}`;
	return writeLoad(srv.url, { token, path: '/api/v1/people',
	    body: (i, n) => ({ name: `Load ${i} ${n}`, role: 'ds',
		email: `${tag}-${i}-${n}@example.com` }), ...opts });
}

function summary(run, written) {
	const un = run.results.filter((r) => r.outcome === 'unanswered');
	return `answered ${run.outcomes.answered} ` +
	    `(${JSON.stringify(run.statuses)}), refused ${run.outcomes.refused}, ` +
	    `unanswered ${un.length} (of which written anyway: ` +
	    `${un.filter((r) => written.has(r.body.email)).length}), ` +
	    `cut ${run.outcomes.cut}`;
}

async function emails(dsn) {
	return new Set((await psql('SELECT email FROM people', { dsn }))
	    .split('\n'));
}

test('SIGTERM under a load of writes: no acknowledged write is lost, ' +
    'no answer is cut', async (t) => {
	const srv = await server();
	const token = await srv.token();
	const load = peopleLoad(srv, token, { loops: 16, ms: 3000 });
	await sleep(1500);
	const t0 = Date.now();
	process.kill(srv.pid, 'SIGTERM');
	const end = await srv.exited;
	const stopMs = Date.now() - t0;
	const run = await load;

	const written = await emails(srv.dsn);
	t.diagnostic(`kore stopped in ${stopMs} ms; ${summary(run, written)}`);
	assert.deepEqual(end, { code: 0, signal: null });
	assert.ok(stopMs < 5000, `stopped in ${stopMs} ms`);

	const acked = run.results.filter((r) => r.outcome === 'answered');
	assert.ok(acked.length > 100, `a real load (${acked.length})`);
	for (const r of acked)
		assert.equal(r.status, 201, r.text);
	const lost = acked.filter((r) => !written.has(r.body.email));
	assert.deepEqual(lost.map((r) => r.body.email), [],
	    'every acknowledged write is in the database');
	assert.equal(run.outcomes.cut, 0, 'no answer cut off half-way');
	// A request a worker took is answered (the drain); one it never took
	// is never written.
	const unanswered = run.results.filter((r) => r.outcome ===
	    'unanswered' && written.has(r.body.email));
	assert.deepEqual(unanswered.map((r) => r.body.email), [],
	    'no unanswered write was committed');
	assert.ok(run.outcomes.refused > 0, 'the load went on after the stop');
});

test('SIGTERM lets a request in flight finish', async (t) => {
	const srv = await server();
	const made = await srv.api('POST', '/api/v1/people',
	    { name: 'Before', email: 'inflight@example.com', role: 'ds' });
	assert.equal(made.status, 201);
	const id = made.json.id;

	// A transaction of our own holds the row: the PATCH waits in the
	// database, its worker waits on it, and then kore is told to stop.
	const locker = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1',
	    '-d', srv.dsn], { stdio: ['pipe', 'ignore', 'inherit'] });
	// Node's fetch does not keep the test alive while it waits for the
	// answer (kore runs unref'd): this timer does.
	const alive = setInterval(() => {}, 1000);
	try {
		locker.stdin.write('BEGIN; SELECT 1 FROM people WHERE id = ' +
		    `${id} FOR UPDATE; SELECT pg_sleep(0);\n`);
		await sleep(300);
		const patch = srv.api('PATCH', `/api/v1/people/${id}`,
		    { name: 'After' }).then((r) => r, (e) => e);
		await sleep(300);
		process.kill(srv.pid, 'SIGTERM');
		await sleep(500);
		locker.stdin.end('COMMIT;\n');
		const r = await patch;
		await srv.exited;
		const name = await psql(`SELECT name FROM people WHERE id = ${id}`,
		    { dsn: srv.dsn });
		t.diagnostic(`answer: ${r.status ?? r.cause?.code ?? r}; ` +
		    `the row says ${name}`);
		assert.equal(r.status, 200, 'the request was answered');
		assert.equal(r.json.name, 'After');
		assert.equal(name, 'After');
	} finally {
		clearInterval(alive);
		locker.kill();
	}
});

// A load of writes and reads with a SIGHUP in the middle; every request
// must be answered 2xx and no worker may die.
async function hupUnderLoad(t, srv) {
	const token = await srv.token();
	const load = peopleLoad(srv, token, { loops: 8, ms: 2500 });
	const reads = writeLoad(srv.url, { loops: 4, ms: 2500, method: 'GET',
	    token, path: '/api/v1/risks', body: () => undefined });
	await sleep(1000);
	process.kill(srv.pid, 'SIGHUP');
	const [w, r] = await Promise.all([load, reads]);
	t.diagnostic(`writes: ${summary(w, await emails(srv.dsn))}; ` +
	    `reads: answered ${r.outcomes.answered}`);
	for (const run of [w, r]) {
		assert.equal(run.outcomes.answered, run.results.length,
		    JSON.stringify(run.outcomes));
		for (const x of run.results)
			assert.ok(x.status >= 200 && x.status < 300, x.text);
	}
	const h = await srv.request('GET', '/healthz', { auth: false });
	assert.equal(h.status, 200);
}

test('SIGHUP under load: the module is reloaded, no request fails',
    async (t) => {
	const srv = await server();
	await hupUnderLoad(t, srv);
	const reloaded = srv.fullLog().split('\n')
	    .filter((l) => /reloaded '.*' module/.test(l));
	assert.deepEqual(reloaded.map((l) => l.split(':')[0]).sort(),
	    ['[parent]', '[wrk 1]', '[wrk 2]']);
	await srv.stop();
});

// Only root can drop privileges and chroot (see production.test.js).
test('SIGHUP in the production set-up: the workers keep their module, ' +
    'no request fails', { skip: !root && 'needs root' }, async (t) => {
	const chroot = mkdtempSync(join(process.env.HANDOFF_TEST_DIR,
	    'chroot-'));
	const srv = await server({ transport: 'tcp',
	    privsep: { runas: 'nobody', root: chroot } });
	await hupUnderLoad(t, srv);
	const log = srv.fullLog();
	assert.match(log, /\[parent\]: reloaded '.*' module/);
	assert.equal(log.match(/\[wrk \d\]: stat\(.*skipping reload/g)?.length,
	    2, 'neither worker can see the module from its chroot');
	await srv.stop();
});

// wrk's own count of what failed: non-2xx answers and socket errors.
function wrkFailures(out) {
	const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1]
	    ?? 0);
	const m = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
	const sock = m ? m.slice(1).map(Number).reduce((a, b) => a + b) : 0;
	return { non2xx, sock };
}

test('SIGHUP under wrk: no request fails', async (t) => {
	const srv = await server();
	const token = await srv.token();
	const wrk = promisify(execFile)('wrk', ['-t2', '-c16', '-d5s',
	    '--timeout', '10s', '-H', `Authorization: Bearer ${token}`,
	    `${srv.url}/api/v1/projects`]);
	const reloads = () => srv.fullLog().split('\n')
	    .filter((l) => /\[wrk \d\]: reloaded '.*' module/.test(l)).length;
	await sleep(1000);
	process.kill(srv.pid, 'SIGHUP');
	await eventually(async () => reloads() === 2, 2000, 50);
	process.kill(srv.pid, 'SIGHUP');
	await eventually(async () => reloads() === 4, 2000, 50);
	const { stdout } = await wrk;
	const total = Number(stdout.match(/(\d+) requests in/)?.[1] ?? 0);
	const f = wrkFailures(stdout);
	t.diagnostic(`wrk: ${total} requests, ${f.non2xx} non-2xx, ` +
	    `${f.sock} socket errors ` +
	    `(${stdout.match(/Socket errors: .*/)?.[0] ?? 'none'})`);
	assert.ok(total > 100, `a real load: ${stdout}`);
	assert.deepEqual(f, { non2xx: 0, sock: 0 }, stdout);
	assert.equal(reloads(), 4, 'two workers reloaded twice');
	await srv.stop();
});

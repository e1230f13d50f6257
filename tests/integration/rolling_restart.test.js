// A rolling restart (README "Rolling restarts"): two instances behind
// nginx (conf/nginx-handoff-cluster.conf) under steady wrk GET load; each
// in turn is stopped (SIGTERM: its workers drain) and started again on its
// port, the "upgrade".  nginx sends the requests the stopped instance
// refuses to the other one: the client sees no failed request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, sleep, startServer } from '../lib/harness.js';
import { TODAY } from '../lib/fixtures.js';
import { CookieJar, startNginx } from '../lib/nginx.js';

let a;
let b;
let proxy;

before(async () => {
	const dir = join(process.env.HANDOFF_TEST_DIR, `rolling-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	const env = { HANDOFF_TODAY: TODAY, HANDOFF_TRUSTED_PROXIES: '127.0.0.1' };
	a = await startServer({ env: { ...env, HANDOFF_INSTANCE: 'alpha' } });
	b = await startServer({ db: a.db, env: { ...env,
	    HANDOFF_INSTANCE: 'beta' } });
	await a.account('roll@example.com', 'viewer', 'rolling-pass-1');
	proxy = await startNginx(dir, 'rolling', [`127.0.0.1:${a.port}`,
	    `127.0.0.1:${b.port}`]);
});

after(async () => {
	proxy?.stop();
	await a?.stop();
	await b?.stop();
});

// wrk's summary: requests, non-2xx/3xx answers and socket errors.
function wrkCounts(out) {
	const req = /(\d+) requests in/.exec(out);
	const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
	const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
	    .exec(out);
	return {
		requests: req ? Number(req[1]) : NaN,
		non2xx: non2xx ? Number(non2xx[1]) : 0,
		socket: sock ? sock.slice(1).map(Number)
		    .reduce((x, y) => x + y, 0) : 0,
	};
}

async function healthy(srv) {
	return eventually(async () => {
		try {
			return (await srv.api('GET', '/healthz')).status === 200;
		} catch {
			return false;
		}
	}, 15000);
}

test('each instance restarted in turn under wrk load: zero failed requests',
    async () => {
	const jar = new CookieJar();
	const s = jar.take(await proxy.send('POST', '/api/v1/session', {
	    headers: { 'content-type': 'application/json' },
	    body: JSON.stringify({ email: 'roll@example.com',
	    password: 'rolling-pass-1' }) }));
	assert.equal(s.status, 200, s.text);
	// Load for as long as the restarts take: wrk stops on SIGINT and
	// prints its summary then.
	const wrk = spawn('wrk', ['-t1', '-c4', '-d300s', '--timeout', '10s',
	    '-H', `Cookie: ${jar.header()}`,
	    `https://127.0.0.1:${proxy.port}/api/v1/people`],
	    { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	wrk.stdout.on('data', (d) => { out += d; });
	wrk.stderr.on('data', (d) => { out += d; });
	const load = new Promise((ok) => wrk.on('exit', () => ok()));
	try {
		await sleep(2000);
		for (const [srv, name] of [[a, 'alpha'], [b, 'beta']]) {
			await srv.stop();	// SIGTERM: the workers drain
			await sleep(1500);	// the other one alone
			await srv.start(undefined, { keepPort: true });
			assert.ok(await healthy(srv), 'the instance is back');
			// And the proxy sends to it again (nginx keeps a failed
			// upstream out for fail_timeout): only then may the
			// next one stop, as the README's procedure says.
			assert.ok(await eventually(async () => (await proxy.send(
			    'GET', '/healthz')).headers['x-handoff-instance'] ===
			    name, 15000), `nginx sends to ${name} again`);
		}
		assert.equal(wrk.exitCode, null, 'wrk ran through the restarts');
	} finally {
		wrk.kill('SIGINT');
	}
	await load;
	const c = wrkCounts(out);
	assert.ok(c.requests > 50, `wrk ran: ${out}`);
	assert.equal(c.non2xx, 0, `no failed answers: ${out}`);
	assert.equal(c.socket, 0, `no socket errors: ${out}`);
	// Both took traffic again afterwards.
	const seen = new Set();
	for (let i = 0; i < 10; i++) {
		const r = await proxy.send('GET', '/api/v1/people',
		    { headers: { cookie: jar.header() } });
		assert.equal(r.status, 200, r.text);
		seen.add(r.headers['x-handoff-instance']);
	}
	assert.deepEqual([...seen].sort(), ['alpha', 'beta']);
});

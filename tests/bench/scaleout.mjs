// scaleout.mjs: the scale-out row of `make bench` (run by run.sh under
// tests/lib/with-cluster.sh, HANDOFF_MODULE the module; alone with `make
// bench-scaleout`).  Through nginx (conf/nginx-handoff-cluster.conf, TLS),
// wrk on one project's page and on the digest with one instance, with two,
// and with two reading a streaming replica (tests/lib/replica.sh), side by
// side in one run so that the ratios share the machine's load.
//
// BENCH_SCALEOUT_SECONDS (5) per figure, BENCH_CONNECTIONS (16).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, createDatabase, eventually, freePort, startServer }
    from '../lib/harness.js';
import { TODAY, createProject } from '../lib/fixtures.js';
import { CookieJar, startNginx } from '../lib/nginx.js';

const seconds = Number(process.env.BENCH_SCALEOUT_SECONDS ?? 5);
const conns = Number(process.env.BENCH_CONNECTIONS ?? 16);
const dir = join(process.env.HANDOFF_TEST_DIR, `scaleout-${process.pid}`);
mkdirSync(dir, { recursive: true });
const rport = await freePort();

function replica(cmd) {
	execFileSync(join(TOP, 'tests/lib/replica.sh'), [cmd,
	    join(dir, 'replica'), process.env.HANDOFF_TEST_PGHOST,
	    process.env.HANDOFF_TEST_PGPORT, String(rport)],
	    { stdio: ['ignore', 'ignore', 'inherit'] });
}

function wrk(port, cookie, path) {
	const out = execFileSync('wrk', ['-t2', `-c${conns}`, `-d${seconds}s`,
	    '--timeout', '10s', '-H', `Cookie: ${cookie}`,
	    `https://127.0.0.1:${port}${path}`], { encoding: 'utf8' });
	const rps = /Requests\/sec:\s+([0-9.]+)/.exec(out);
	const bad = /Non-2xx or 3xx responses: (\d+)/.exec(out);
	if (!rps || bad)
		throw new Error(`wrk ${path}: ${out}`);
	return Math.round(Number(rps[1]));
}

const db = await createDatabase();
replica('start');
const servers = [];
const proxies = [];
try {
	const base = { HANDOFF_TODAY: TODAY, HANDOFF_TRUSTED_PROXIES: '127.0.0.1' };
	const readUrl = `host=${join(dir, 'replica/run')} port=${rport} ` +
	    `dbname=${db} user=handoff`;
	const start = async (name, env) => {
		const s = await startServer({ db, env: { ...base, ...env,
		    HANDOFF_INSTANCE: name } });
		servers.push(s);
		return s;
	};
	const a = await start('alpha', {});
	const b = await start('beta', {});
	const ra = await start('ralpha', { DATABASE_READ_URL: readUrl });
	const rb = await start('rbeta', { DATABASE_READ_URL: readUrl });
	await a.account('bench@example.com', 'viewer', 'scaleout-pass-1');
	const project = await createProject(a);
	const configs = [
		['one instance', [a]],
		['two instances', [a, b]],
		['two instances, replica reads', [ra, rb]],
	];
	const rows = [];
	for (const [name, srvs] of configs) {
		const proxy = await startNginx(dir, `p${proxies.length}`,
		    srvs.map((s) => `127.0.0.1:${s.port}`));
		proxies.push(proxy);
		const jar = new CookieJar();
		const r = jar.take(await proxy.send('POST', '/api/v1/session', {
		    headers: { 'content-type': 'application/json' },
		    body: JSON.stringify({ email: 'bench@example.com',
		    password: 'scaleout-pass-1' }) }));
		if (r.status !== 200)
			throw new Error(`sign-in: ${r.status} ${r.text}`);
		// Reads without the sign-in's position: the replica's, if any.
		const cookie = `handoff_session=${jar.get('handoff_session')}`;
		let db = 'primary';
		if (srvs[0] === ra) {
			const ok = await eventually(async () => (await proxy.send(
			    'GET', '/api/v1/digest', { headers: { cookie } }))
			    .headers['x-handoff-db'] === 'replica', 10000);
			if (!ok)
				throw new Error('the replica serves no reads');
			db = 'replica';
		}
		rows.push({ name, db,
		    page: wrk(proxy.port, cookie, `/projects/${project.id}`),
		    digest: wrk(proxy.port, cookie, '/api/v1/digest') });
	}
	console.log('\nscale-out through nginx (TLS), wrk -t2 ' +
	    `-c${conns} -d${seconds}s, req/s:`);
	console.log('| configuration | reads from | project page | digest (JSON) |');
	console.log('|---|---|---:|---:|');
	for (const r of rows)
		console.log(`| ${r.name} | ${r.db} | ${r.page} | ${r.digest} |`);
} finally {
	for (const p of proxies)
		p.stop();
	for (const s of servers)
		await s.stop();
	replica('stop');
}

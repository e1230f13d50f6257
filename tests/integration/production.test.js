// The production set-up of the README: kore started as root without -n -r,
// workers running as an unprivileged user inside an empty chroot, the
// seccomp filter on, the database over TCP.  Everything a person does
// still works: health, the sign-in page, assets, signing in (argon2id and
// random numbers from libsodium), pages and the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Cluster, Server, freePort } from '../lib/harness.js';

const root = process.getuid() === 0;
let cluster, srv;

before(async () => {
	if (!root)
		return;
	cluster = await new Cluster('production').start(await freePort());
	const chroot = mkdtempSync(join(process.env.HANDOFF_TEST_DIR, 'chroot-'));
	srv = await new Server({
		db: 'handoff',
		dsn: `host=127.0.0.1 port=${cluster.tcpPort} dbname=handoff ` +
		    'user=handoff',
		privsep: { runas: 'nobody', root: chroot },
	}).start();
});

after(async () => {
	await srv?.stop();
	await cluster?.stop();
});

// Only root can drop privileges and chroot; CI runs as root.
if (root)
test('workers run as nobody in a chroot, and the app works', async () => {
	const workers = execFileSync('ps', ['-o', 'user=', '--ppid',
	    String(srv.pid)]).toString().trim().split('\n');
	assert.ok(workers.length >= 1);
	for (const user of workers)
		assert.equal(user.trim(), 'nobody');

	assert.equal((await srv.request('GET', '/healthz', { auth: false }))
	    .status, 200);
	assert.equal((await srv.request('GET', '/login', { auth: false }))
	    .status, 200);
	assert.equal((await srv.request('GET', '/assets/style.css',
	    { auth: false })).status, 200);

	await srv.account('prod@example.com', 'pm', 'production-pass-1');
	const login = await srv.request('POST', '/api/v1/session', {
		body: { email: 'prod@example.com',
		    password: 'production-pass-1' }, auth: false });
	assert.equal(login.status, 200, login.text);
	const cookie = login.headers.get('set-cookie').split(';')[0];
	const page = await srv.request('GET', '/', { headers: { cookie } });
	assert.equal(page.status, 200);
	assert.match(page.text, /Portfolio/);

	const api = await srv.api('GET', '/api/v1/digest');
	assert.equal(api.status, 200, api.text);
	assert.doesNotMatch(srv.log(), /SIGSYS|seccomp violation|^kore: /m);
});

// `make install` as a package build runs it (DESTDIR=<staging> PREFIX=/usr),
// and then the installed files used the way the production host uses
// them: handoff-migrate on a fresh database, kore on the installed
// configuration, the account tool for the first administrator.
//
// The one adaptation: the staged files are run from the staging directory
// (tests/lib/installed.js, relocate()), and the configuration listens on a
// free port, writes its pid where the test run looks for it and the
// database is the test cluster's, over TCP as in production.  As root,
// kore starts as the unit starts it: root, no new privileges, the unit's
// capability bounding set, and the workers drop to the "handoff" user in
// the chroot by themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, statSync,
    existsSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TOP, psql, freePort } from '../lib/harness.js';
import { make, relocate, Kore, unitValue } from '../lib/installed.js';

const execFileP = promisify(execFile);
const root = process.getuid() === 0;

// Where the installed files name each other.
const ROOTS = ['/usr/lib/handoff', '/usr/share/handoff', '/usr/share/doc/handoff',
    '/usr/bin/handoff-migrate', '/etc/handoff', '/var/lib/handoff'];

let destdir, db, dsn, kore, port, createdUser = false;
const files = (dir) => readdirSync(dir, { recursive: true })
    .map((f) => join(dir, f)).filter((f) => statSync(f).isFile())
    .map((f) => '/' + relative(destdir, f)).sort();

function hasUser(name) {
	try {
		execFileSync('getent', ['passwd', name]);
		return true;
	} catch {
		return false;
	}
}

before(async () => {
	destdir = mkdtempSync(join(process.env.HANDOFF_TEST_DIR, 'destdir-'));
	await make(['install', `DESTDIR=${destdir}`, 'PREFIX=/usr']);

	// The user of the installed sysusers.d file, made as a package's
	// postinst makes it, when this machine does not have it yet.
	if (root && !hasUser('handoff')) {
		execFileSync('systemd-sysusers',
		    [join(destdir, 'usr/lib/sysusers.d/handoff.conf')],
		    { stdio: 'pipe' });
		createdUser = true;
	}

	db = `install_${process.pid}`;
	await psql(`CREATE DATABASE "${db}" OWNER handoff TEMPLATE template0`);
	dsn = `host=127.0.0.1 port=${process.env.HANDOFF_TEST_PGPORT} ` +
	    `dbname=${db} user=handoff`;
});

after(async () => {
	try {
		await kore?.stop();
	} finally {
		if (createdUser) {
			execFileSync('userdel', ['handoff']);
			try { execFileSync('groupdel', ['handoff'],
			    { stdio: 'ignore' }); } catch { /* gone with it */ }
		}
	}
});

test('make install puts each file where Debian expects it', () => {
	const got = files(destdir);
	for (const f of ['/usr/lib/handoff/handoff.so', '/usr/bin/handoffctl',
	    '/usr/bin/handoff-migrate', '/usr/share/handoff/migrate.sh',
	    '/usr/share/handoff/handoff.conf',
	    '/etc/handoff/handoff-production.conf', '/etc/handoff/handoff.env',
	    '/lib/systemd/system/handoff.service',
	    '/usr/lib/sysusers.d/handoff.conf',
	    '/usr/share/doc/handoff/README.md',
	    '/usr/share/doc/handoff/examples/handoff.env.example'])
		assert.ok(got.includes(f), `${f} installed`);

	// Every migration and every function file of the checkout, nothing
	// of the demo anywhere.
	const sql = readdirSync(join(TOP, 'sql'))
	    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
	    .map((f) => `/usr/share/handoff/sql/${f}`);
	const api = readdirSync(join(TOP, 'sql/api'))
	    .filter((f) => f.endsWith('.sql'))
	    .map((f) => `/usr/share/handoff/sql/api/${f}`);
	assert.deepEqual(got.filter((f) => f.startsWith('/usr/share/handoff/sql/')),
	    [...sql, ...api].sort());
	assert.deepEqual(got.filter((f) => /demo|seed/i.test(f)), []);

	assert.equal(statSync(join(destdir, 'etc/handoff/handoff.env')).mode &
	    0o777, 0o600, 'the environment file holds a password');
	assert.ok(statSync(join(destdir, 'var/lib/handoff')).isDirectory());
	assert.deepEqual(readdirSync(join(destdir, 'var/lib/handoff')), [],
	    'the chroot is empty');

	const conf = readFileSync(join(destdir,
	    'etc/handoff/handoff-production.conf'), 'utf8');
	assert.match(conf, /^load\s+\/usr\/lib\/handoff\/handoff\.so handoff_init$/m);
	assert.match(conf, /^runas\s+handoff$/m);
	assert.match(conf, /^root\s+\/var\/lib\/handoff$/m);
	assert.match(conf, /^\tbind\s+127\.0\.0\.1 8888$/m);
	assert.match(conf, /^include\s+\/usr\/share\/handoff\/handoff\.conf$/m);
	assert.doesNotMatch(conf, /@[A-Z_]+@/);
});

test('a reinstall keeps the configuration an administrator changed',
    async () => {
	const conf = join(destdir, 'etc/handoff/handoff-production.conf');
	const env = join(destdir, 'etc/handoff/handoff.env');
	const mine = readFileSync(conf, 'utf8').replace(/8888$/m, '8889');
	writeFileSync(conf, mine);
	writeFileSync(env, 'DATABASE_URL="host=10.0.0.5 user=handoff"\n');
	const r = await make(['install', `DESTDIR=${destdir}`, 'PREFIX=/usr']);
	assert.equal(readFileSync(conf, 'utf8'), mine);
	assert.match(readFileSync(env, 'utf8'), /10\.0\.0\.5/);
	assert.ok(existsSync(`${conf}.dist`) && existsSync(`${env}.dist`));
	assert.match(r.stdout, /kept .*handoff-production\.conf/);
	// Put the installed ones back for the tests below.
	writeFileSync(conf, readFileSync(`${conf}.dist`));
});

test('the unit passes systemd-analyze verify', async () => {
	const unit = readFileSync(join(destdir,
	    'lib/systemd/system/handoff.service'), 'utf8');
	// Run from the staging directory: the unit's own commands and files
	// are looked for there; kore and stdbuf are the system's.
	const staged = join(process.env.HANDOFF_TEST_DIR, 'handoff.service');
	writeFileSync(staged, relocate(unit, destdir, ROOTS));
	const r = await execFileP('systemd-analyze', ['verify', staged]);
	assert.equal(r.stderr, '', 'no warning');

	const sec = await execFileP('systemd-analyze', ['security',
	    '--offline=true', '--no-pager', staged]);
	const score = Number(sec.stdout.match(
	    /Overall exposure level for handoff\.service: ([\d.]+)/)[1]);
	console.log(`systemd-analyze security: exposure ${score}`);
	assert.ok(score <= 3.0, `exposure ${score} (was 2.6)`);

	assert.equal(unitValue(unit, 'EnvironmentFile'),
	    '/etc/handoff/handoff.env');
	assert.match(unitValue(unit, 'ExecStart'),
	    / -f -c \/etc\/handoff\/handoff-production\.conf$/);
	assert.equal(unitValue(unit, 'User'), null, 'kore drops privileges');
});

test('handoff-migrate migrates a fresh database, and again changes nothing',
    async () => {
	const migrate = join(destdir, 'usr/bin/handoff-migrate');
	const env = { PATH: process.env.PATH, DATABASE_URL: dsn };
	const first = await execFileP(migrate, [], { env });
	const sql = readdirSync(join(TOP, 'sql'))
	    .filter((f) => /^\d{4}_.*\.sql$/.test(f)).map((f) => f.slice(0, -4));
	for (const v of sql)
		assert.match(first.stdout, new RegExp(`applying ${v}$`, 'm'));
	assert.match(first.stdout,
	    new RegExp(`loading the api functions .* of ${destdir}/usr/share/handoff/sql/api`));
	assert.equal(await psql('SELECT string_agg(version, \' \' ORDER BY ' +
	    'version) FROM schema_migrations', { db }), sql.join(' '));

	const again = await execFileP(migrate, [], { env });
	assert.doesNotMatch(again.stdout, /applying/);
	assert.match(again.stdout, /loading the api functions/);
	assert.equal(await psql('SELECT count(*) FROM users', { db }), '0',
	    'no demo account');
});

test('the installed build serves: health, version, sign-in, the API',
    async () => {
	port = await freePort();
	const conf = readFileSync(join(destdir,
	    'etc/handoff/handoff-production.conf'), 'utf8');
	const dir = process.env.HANDOFF_TEST_DIR;
	const run = relocate(conf, destdir, ROOTS)
	    .replace(/^(\tbind\s+\S+) 8888$/m, `$1 ${port}`)
	    .replace(/^pidfile\s.*$/m, `pidfile\t\t${dir}/kore-install-${port}.pid`);
	const confPath = join(dir, `kore-install-${port}.conf`);
	writeFileSync(confPath, run);

	const unit = readFileSync(join(destdir,
	    'lib/systemd/system/handoff.service'), 'utf8');
	const caps = unitValue(unit, 'CapabilityBoundingSet').split(/\s+/);
	kore = new Kore({ conf: confPath, url: `http://127.0.0.1:${port}`,
	    env: { DATABASE_URL: dsn }, caps: root ? caps : undefined,
	    logPath: join(dir, `kore-install-${port}.log`),
	    flags: root ? ['-f'] : ['-f', '-n', '-r'] });
	if (!root)
		console.log('not root: kore runs with -n -r, without the ' +
		    'privilege separation of the unit');
	await kore.start();
	const url = kore.url;

	if (root) {
		const workers = execFileSync('ps', ['-o', 'pid=,user=', '--ppid',
		    String(kore.pid)]).toString().trim().split('\n')
		    .map((l) => l.trim().split(/\s+/));
		assert.ok(workers.length >= 1, 'workers');
		for (const [pid, user] of workers) {
			assert.equal(user, 'handoff');
			assert.equal(readlinkSync(`/proc/${pid}/root`),
			    join(destdir, 'var/lib/handoff'));
		}
	}

	const health = await fetch(`${url}/healthz`);
	assert.equal(health.status, 200);
	assert.deepEqual(await health.json(), { status: 'ok', db: 'ok' });

	const version = await fetch(`${url}/api/v1/version`);
	assert.equal(version.status, 200);
	assert.match(version.headers.get('content-type'), /^application\/json/);
	await version.json();

	const login = await fetch(`${url}/login`);
	assert.equal(login.status, 200);
	assert.match(login.headers.get('content-type'), /^text\/html/);
	assert.match(await login.text(), /<form/);

	const signIn = (email, password) => fetch(`${url}/api/v1/session`, {
		method: 'POST', headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password }) });

	// No demo account signs in.
	const demo = await signIn('admin@example.com', 'demo-admin-pass');
	assert.ok(demo.status >= 400 && demo.status < 500, `${demo.status}`);

	// The first administrator and a token, with the installed handoffctl.
	const ctl = join(destdir, 'usr/bin/handoffctl');
	const env = { PATH: process.env.PATH, DATABASE_URL: dsn };
	await new Promise((ok, fail) => {
		const p = execFile(ctl, ['user-add', '--role', 'admin', '--email',
		    'first@example.com', '--name', 'First Admin'], { env },
		    (e) => (e ? fail(e) : ok()));
		p.stdin.end('first-admin-pass\n');
	});
	assert.equal((await signIn('first@example.com', 'first-admin-pass'))
	    .status, 200);
	const token = (await execFileP(ctl, ['token-add', '--email',
	    'first@example.com', '--name', 'install test'], { env }))
	    .stdout.trim();
	assert.match(token, /^hf_/);
	const auth = { authorization: `Bearer ${token}` };

	const made = await fetch(`${url}/api/v1/people`, { method: 'POST',
	    headers: { ...auth, 'content-type': 'application/json' },
	    body: JSON.stringify({ name: 'Maya Chen', email: 'maya@example.com',
		role: 'pm' }) });
	assert.equal(made.status, 201, await made.clone().text());
	const people = await (await fetch(`${url}/api/v1/people`,
	    { headers: auth })).json();
	assert.equal(people.total, 1);

	// SIGTERM to kore alone (KillMode=mixed): the parent, with only the
	// unit's capabilities, stops its workers and exits.
	const t0 = Date.now();
	const end = await kore.stop();
	assert.deepEqual(end, { code: 0, signal: null }, kore.log());
	assert.ok(Date.now() - t0 < 5000);
	assert.doesNotMatch(kore.log(), /SIGSYS|seccomp violation|fatal/i);

	// systemctl restart: the unit's ExecStartPre migrates (nothing to
	// do), kore starts again on the same database; nothing is lost.
	const again = await execFileP(join(destdir, 'usr/bin/handoff-migrate'),
	    [], { env });
	assert.doesNotMatch(again.stdout, /applying/);
	await kore.start();
	const after = await (await fetch(`${url}/api/v1/people`,
	    { headers: auth })).json();
	assert.deepEqual(after.people.map((p) => [p.name, p.email]),
	    [['Maya Chen', 'maya@example.com']]);
	assert.equal((await signIn('first@example.com', 'first-admin-pass'))
	    .status, 200);
	assert.deepEqual(await kore.stop(), { code: 0, signal: null },
	    kore.log());
});

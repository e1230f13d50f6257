// Test harness: a real kore serving the module under test against a fresh
// database cloned from the migrated template of tests/lib/with-cluster.sh.
//
//   const srv = await startServer();          // own database, free port
//   const r = await srv.api('GET', '/healthz');
//   await srv.stop();
//
// Requests are signed with an API token of an admin account made for the
// test (tester@example.com), unless they carry their own Authorization or
// say { auth: false }.  A test can act as someone else with the test-only
// header x-handoff-actor: NAME, which the harness turns into a token of an
// admin account whose email is NAME (made on first use); it never reaches
// the server.  srv.token(email, role) gives a token for any role.
//
// Every server is stopped when the test process exits, even on failure.
//
// With HANDOFF_TEST_PROXY=prism, each server is reached through Stoplight's
// Prism in proxy mode with --errors, fed the document the server itself
// serves (/api/v1/openapi.json): a request or an answer the document does
// not describe comes back as Prism's error instead (422 for a request,
// 500 "VIOLATIONS" for an answer), which fails the test that sent it.
// srv.url is then Prism's; srv.directUrl is always kore's.
//
// Servers reach PostgreSQL over the transport named by { transport } or by
// HANDOFF_TEST_DB_TRANSPORT: 'unix' (the default: the cluster's socket),
// 'tcp' (127.0.0.1, no TLS) or 'tls' (sslmode=verify-full against the CA
// of the run).  A worker that dies (a seccomp violation, a crash) fails
// the test that stops its server, with the log lines that say so.

import { spawn, execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { mkdirSync, openSync, readFileSync, writeFileSync, existsSync }
    from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const execFileP = promisify(execFile);

export const TOP = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function env(name) {
	const v = process.env[name];
	if (!v)
		throw new Error(`${name} is not set: run the tests through ` +
		    'make test (tests/lib/with-cluster.sh sets it up)');
	return v;
}

const live = new Set();

process.on('exit', () => {
	for (const child of live) {
		try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
	}
});

export async function freePort() {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.unref();
		s.on('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => ok(port));
		});
	});
}

let dbCounter = 0;

export const DEFAULT_USER = 'tester@example.com';

// psql as the cluster's superuser; returns stdout.
// With dsn: as the application's role on that connection string instead.
export async function psql(sql, { db = 'postgres', host, dsn } = {}) {
	const target = dsn !== undefined ? ['-d', dsn] : ['-h',
	    host ?? env('HANDOFF_TEST_PGHOST'), '-U', 'postgres', '-d', db];
	// Some read the cluster's whole statement log, which outgrows
	// execFile's default of 1 MiB over a full run.
	const { stdout } = await execFileP('psql', ['-X', '-q', '-At',
	    '-v', 'ON_ERROR_STOP=1', ...target, '-c', sql],
	    { maxBuffer: 256 << 20 });
	return stdout.trim();
}

// The account tool: HANDOFF_CTL, or the one make builds.
export const CTL = resolve(TOP, process.env.HANDOFF_CTL ??
    '.build/handoffctl');

// handoffctl against the database of dsn, with input on its standard
// input; { stdout, stderr } when it exits 0, else an error carrying code,
// stdout and stderr.
export function ctl(args, { dsn, input = '', env: extraEnv = {} } = {}) {
	const run = execFileP(CTL, args, { env: { ...process.env,
	    ...(dsn !== undefined ? { DATABASE_URL: dsn } : {}),
	    ...extraEnv } });
	// A refusal may come before the input is read: no EPIPE error then.
	run.child.stdin.on('error', () => {});
	run.child.stdin.end(input);
	return run;
}

export async function createDatabase() {
	const name = `t_${process.pid}_${++dbCounter}`;
	await psql(`CREATE DATABASE "${name}" TEMPLATE ` +
	    `"${env('HANDOFF_TEST_TEMPLATE')}" OWNER handoff`);
	return name;
}

function sanitizerEnv() {
	if (!process.env.HANDOFF_SANITIZE)
		return {};
	const logs = join(env('HANDOFF_TEST_DIR'), 'sanitizer');
	mkdirSync(logs, { recursive: true });
	return {
		LD_PRELOAD: process.env.HANDOFF_ASAN_RUNTIME,
		// The symbolizer is spawned through pipe2, which seccomp kills:
		// symbolize afterwards instead.
		ASAN_OPTIONS: `symbolize=0:detect_leaks=0:abort_on_error=0:` +
		    `log_path=${logs}/asan`,
		UBSAN_OPTIONS: `print_stacktrace=1:symbolize=0:` +
		    `log_path=${logs}/ubsan`,
	};
}

// The connection string of database db on a cluster whose socket directory
// is pghost and whose port is port, over the given transport.
export function dbDsn({ db, pghost, port, transport }) {
	const common = `port=${port} dbname=${db} user=handoff`;
	switch (transport) {
	case 'unix':
		return `host=${pghost} ${common}`;
	case 'tcp':
		return `host=127.0.0.1 ${common} sslmode=disable`;
	case 'tls':
		return `host=localhost ${common} sslmode=verify-full ` +
		    `sslrootcert=${join(env('HANDOFF_TEST_CERTS'), 'ca.crt')}`;
	default:
		throw new Error(`unknown transport ${transport}`);
	}
}

// What kore says when a worker dies; never expected in a test.
const WORKER_DEATH = /died from sandbox violation|restarting worker|\(hdlr: [^)]*\) gone/;

export function workerDeaths(log) {
	return log.split('\n').filter((line) => WORKER_DEATH.test(line));
}

export class Server {
	constructor({ db, pghost, pgport, dsn, transport, env: extraEnv = {},
	    privsep, conf = '' }) {
		this.db = db;
		this.pghost = pghost ?? env('HANDOFF_TEST_PGHOST');
		this.pgport = pgport ?? env('HANDOFF_TEST_PGPORT');
		this.transport = transport ??
		    process.env.HANDOFF_TEST_DB_TRANSPORT ?? 'unix';
		this.fixedDsn = dsn;
		// { runas, root }: the production set-up, workers unprivileged
		// and chrooted (kore started without -n -r).
		this.privsep = privsep;
		// Kore settings after conf/handoff.conf's, which they override.
		this.conf = conf;
		this.extraEnv = extraEnv;
		this.child = null;
		this.tokens = new Map();
	}

	// A token for an account (made on first use) with the given role.
	async token(email = DEFAULT_USER, role = 'admin') {
		const key = `${email} ${role}`;
		if (this.tokens.has(key))
			return this.tokens.get(key);
		const token = 'hf_' + randomBytes(32).toString('base64url');
		const hash = createHash('sha256').update(token).digest('hex');
		const q = (v) => `'${String(v).replaceAll("'", "''")}'`;
		await psql(`INSERT INTO users (email, name, role, password_hash)
		    VALUES (${q(email)}, ${q(email.split('@')[0])}, ${q(role)},
		    '$argon2id$v=19$m=65536,t=2,p=1$bm90LWEtcmVhbC1zYWx0$bm90LWEtcmVhbC1oYXNoLWZvci1sb2dpbg')
		    ON CONFLICT ((lower(email))) DO UPDATE SET role = EXCLUDED.role;
		    INSERT INTO api_tokens (user_id, name, token_hash, prefix)
		    SELECT id, 'test', ${q(hash)}, ${q(token.slice(0, 10))}
		    FROM users WHERE lower(email) = lower(${q(email)})`,
		    { dsn: this.dsn });
		this.tokens.set(key, token);
		return token;
	}

	// An account that can sign in with a password (through handoffctl,
	// which reads the password on standard input, never in its argv).
	async account(email, role, password) {
		await ctl(['user-add', '--email', email, '--name',
		    email.split('@')[0], '--role', role],
		    { dsn: this.dsn, input: `${password}\n` });
	}

	get dsn() {
		return this.fixedDsn ?? dbDsn({ db: this.db, pghost: this.pghost,
		    port: this.pgport, transport: this.transport });
	}

	// keepPort: start again on the port it had (a proxy in front of it
	// knows that one).
	async start(extraEnv, { keepPort = false } = {}) {
		if (extraEnv !== undefined)
			this.extraEnv = extraEnv;
		const dir = env('HANDOFF_TEST_DIR');
		if (!keepPort || this.port === undefined)
			this.port = await freePort();
		this.url = `http://127.0.0.1:${this.port}`;
		const tag = `${this.db}-${this.port}`;
		this.confPath = join(dir, `kore-${tag}.conf`);
		this.logPath = join(dir, `kore-${tag}.log`);
		const { stdout } = await execFileP(join(TOP,
		    'src/tools/kore-conf.sh'), [env('HANDOFF_MODULE'),
		    String(this.port), join(dir, `kore-${tag}.pid`)]);
		writeFileSync(this.confPath, stdout + (this.privsep ?
		    `runas ${this.privsep.runas}\nroot ${this.privsep.root}\n` :
		    '') + this.conf);

		const log = openSync(this.logPath, 'a');
		// stdbuf execs kore (same pid) with its log line-buffered, so
		// that a test reads what the server said as it says it.
		this.child = spawn('stdbuf', ['-oL', 'kore', ...(this.privsep ?
		    ['-f'] : ['-f', '-n', '-r']), '-c', this.confPath], {
			cwd: TOP,
			detached: true,
			stdio: ['ignore', log, log],
			env: {
				...process.env,
				DATABASE_URL: this.dsn,
				...sanitizerEnv(),
				...this.extraEnv,
			},
		});
		// The test process may end while a server runs (a failed
		// test): the exit handler above then kills it.
		this.child.unref();
		live.add(this.child);
		this.exited = new Promise((ok) => this.child.on('exit',
		    (code, signal) => ok({ code, signal })));
		await this.waitReady();
		this.directUrl = this.url;
		if (process.env.HANDOFF_TEST_PROXY === 'prism')
			await this.startProxy(dir, tag);
		return this;
	}

	async startProxy(dir, tag) {
		const r = await fetch(`${this.url}/api/v1/openapi.json`);
		if (r.status !== 200)
			throw new Error(`no description to proxy with: ${r.status} ` +
			    await r.text());
		const docPath = join(dir, `openapi-${tag}.json`);
		writeFileSync(docPath, await r.text());
		const port = await freePort();
		const logPath = join(dir, `prism-${tag}.log`);
		const log = openSync(logPath, 'a');
		const child = spawn(join(TOP, 'tests/node_modules/.bin/prism'),
		    ['proxy', '--errors', '--cors=false', '-h', '127.0.0.1',
		    '-p', String(port), docPath, this.url],
		    { detached: true, stdio: ['ignore', log, log] });
		child.unref();
		live.add(child);
		this.proxy = child;
		this.proxyLogPath = logPath;
		const deadline = Date.now() + 60000;
		while (!/Prism is listening/.test(readFileSync(logPath, 'utf8'))) {
			if (child.exitCode !== null || Date.now() > deadline)
				throw new Error('prism did not start:\n' +
				    readFileSync(logPath, 'utf8').slice(-2000));
			await sleep(100);
		}
		this.url = `http://127.0.0.1:${port}`;
	}

	stopProxy() {
		if (!this.proxy)
			return;
		try { process.kill(-this.proxy.pid, 'SIGKILL'); } catch { }
		live.delete(this.proxy);
		this.proxy = null;
	}

	// Ready means kore answers HTTP; the database may be down on purpose.
	async waitReady(timeoutMs = 20000) {
		const deadline = Date.now() + timeoutMs;
		let last;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null)
				break;
			try {
				const r = await fetch(`${this.url}/api/v1/version`,
				    { signal: AbortSignal.timeout(1000) });
				if (r.status === 200)
					return;
				last = `status ${r.status}`;
			} catch (e) {
				last = e.message;
			}
			await sleep(50);
		}
		throw new Error(`kore did not come up (${last}); log:\n` +
		    this.log());
	}

	log() {
		return this.fullLog().slice(-4000);
	}

	fullLog() {
		return this.logPath && existsSync(this.logPath) ?
		    readFileSync(this.logPath, 'utf8') : '';
	}

	// The pid of the kore parent: the same process across a DB restart.
	get pid() {
		return this.child?.pid;
	}

	async stop() {
		this.stopProxy();
		if (!this.child)
			return;
		const child = this.child;
		this.child = null;
		if (child.exitCode === null) {
			try { process.kill(-child.pid, 'SIGTERM'); } catch { }
			// Workers drain first (about 2 s).
			const grace = 5000;
			const done = await Promise.race([this.exited,
			    sleep(grace).then(() => null)]);
			if (done === null) {
				try { process.kill(-child.pid, 'SIGKILL'); }
				catch { }
				// A timer keeps the event loop alive until the exit
				// is reported (the child does not: it is unref'd).
				const killed = await Promise.race([this.exited,
				    sleep(10000).then(() => null)]);
				if (killed === null)
					throw new Error(`kore ${child.pid} outlived ` +
					    `SIGKILL (${this.logPath})`);
				console.log(`kore ${this.logPath}: no exit within ` +
				    `${grace / 1000} s of SIGTERM; killed`);
			}
		}
		live.delete(child);
		const deaths = workerDeaths(this.fullLog());
		if (deaths.length > 0)
			throw new Error(`a kore worker died (${this.logPath}):\n` +
			    deaths.join('\n'));
	}

	async restart(extraEnv) {
		await this.stop();
		return this.start(extraEnv);
	}

	// One HTTP exchange.  body: object (sent as JSON), string or Buffer.
	async request(method, path, { body, headers = {}, timeoutMs = 10000,
	    auth = true } = {}) {
		const h = { ...headers };
		const actor = h['x-handoff-actor'];
		delete h['x-handoff-actor'];
		if (auth && h.authorization === undefined && h.cookie ===
		    undefined)
			h.authorization = 'Bearer ' + await this.token(actor ??
			    DEFAULT_USER);
		let payload = body;
		if (body !== undefined && typeof body === 'object' &&
		    !Buffer.isBuffer(body)) {
			payload = JSON.stringify(body);
			h['content-type'] ??= 'application/json';
		}
		// A request that fails outright (a timeout, a reset) says
		// which it was, how long it waited and what the server last
		// logged: a bare TimeoutError names nothing.
		const send = async (base) => {
			const t0 = Date.now();
			try {
				return await fetch(base + path, {
					method, headers: h, body: payload,
					redirect: 'manual',
					signal: AbortSignal.timeout(timeoutMs),
				});
			} catch (e) {
				throw new Error(`${method} ${base}${path}: ` +
				    `${e.name}: ${e.message} after ` +
				    `${Date.now() - t0} ms; the server's log ends:\n` +
				    this.fullLog().split('\n').slice(-15).join('\n'),
				    { cause: e });
			}
		};
		// Only the API is described.  Prism cannot pass on HEAD (it
		// parses the empty JSON body), nor a body given as bytes: it
		// parses and re-serialises JSON, so duplicate keys, invalid
		// UTF-8 and integers past 2^53 would not reach kore as sent.
		const raw = typeof body === 'string' || Buffer.isBuffer(body);
		let r = await send(method === 'HEAD' || raw ||
		    !path.startsWith('/api/') ? this.directUrl : this.url);
		let text = await r.text();
		if (this.proxy && (r.headers.get('content-type') ?? '')
		    .startsWith('application/problem+json')) {
			const said = `${method} ${path}: prism: ${r.status} ${text}`;
			// An answer the document does not describe: a failure.
			if (/#VIOLATIONS"/.test(text))
				throw new Error(`the answer breaks the description ` +
				    `(${this.directUrl}):\n${said}`);
			// A request the document says is invalid never reached
			// kore: send it there, which must refuse it too (4xx).
			r = await send(this.directUrl);
			text = await r.text();
			if (r.status < 400 || r.status >= 500)
				throw new Error(`the description refuses a request ` +
				    `that kore answers with ${r.status}:\n${said}`);
		}
		let json;
		if (text !== '' && (r.headers.get('content-type') ?? '')
		    .startsWith('application/json')) {
			json = JSON.parse(text);
		}
		// A fault of the server: what its log said, for the failure
		// message of whichever test asserts on the answer.
		const serverLog = r.status >= 500 ?
		    this.fullLog().split('\n').slice(-15).join('\n') : undefined;
		return { status: r.status, headers: r.headers, text, json,
		    serverLog };
	}

	api(method, path, body, headers) {
		return this.request(method, path, { body, headers });
	}
}

// Stop every server (and cluster) given, even when one of them fails; then
// fail with the first error.
export async function stopAll(...things) {
	const results = await Promise.allSettled(things.filter(Boolean)
	    .map((t) => t.stop()));
	const failed = results.find((r) => r.status === 'rejected');
	if (failed)
		throw failed.reason;
}

export async function startServer(opts = {}) {
	const db = opts.db ?? await createDatabase();
	const srv = new Server({ ...opts, db });
	return srv.start();
}

// A cluster of the test's own, for tests that stop and start PostgreSQL.
// It speaks TLS with the run's certificate; with a TCP port it also
// listens on 127.0.0.1 there.
export class Cluster {
	constructor(name) {
		this.dir = join(env('HANDOFF_TEST_DIR'), name);
	}

	// A server's view of database db on this cluster over a transport.
	dsn(transport, db = 'handoff') {
		return dbDsn({ db, pghost: this.pghost, port: this.port,
		    transport });
	}

	async pg(cmd, extraEnv = {}) {
		const { stdout } = await execFileP(join(TOP, 'src/tools/pg.sh'),
		    [cmd, this.dir], { env: { ...process.env, ...extraEnv } });
		return stdout.trim();
	}

	// tcpPort: also listen on 127.0.0.1 at that port (for a chrooted
	// server, which cannot see the Unix socket).
	async start(tcpPort) {
		this.tcpPort = tcpPort ?? this.tcpPort;
		this.port ??= this.tcpPort ?? await freePort();
		const extra = {
			PGPORT: String(this.port),
			PG_SSL_DIR: env('HANDOFF_TEST_CERTS'),
			PG_EXTRA_CONF: this.tcpPort ?
			    "fsync = off\nlisten_addresses = '127.0.0.1'" :
			    'fsync = off',
		};
		this.extra = extra;
		await this.pg('start', extra);
		this.pghost = join(this.dir, 'run');
		const dsn = await this.pg('dsn', extra);
		await execFileP(join(TOP, 'src/tools/migrate.sh'), [],
		    { env: { ...process.env, DATABASE_URL: dsn } });
		return this;
	}

	stop() {
		return this.pg('stop', this.extra);
	}
}

export function sleep(ms) {
	return new Promise((ok) => setTimeout(ok, ms));
}

// Poll fn until it returns a truthy value or the time runs out.
export async function eventually(fn, timeoutMs, intervalMs = 100) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await fn();
		if (last)
			return last;
		await sleep(intervalMs);
	}
	return last;
}

// Helpers for the tests of an installed handoff (tests/integration/
// install.test.js): run `make install` into a staging directory, read the
// files it installed as the production host would, and run kore on them.
//
// A staged install (DESTDIR) holds files whose contents name their final
// places (/usr/lib/handoff/handoff.so, /etc/handoff/...).  relocate() is
// the one adaptation the tests make to run them from the staging
// directory: every path of an installed file gets the DESTDIR in front.

import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openSync, readFileSync, existsSync } from 'node:fs';
import { TOP, sleep, workerDeaths } from './harness.js';

const execFileP = promisify(execFile);

// The environment of a make started by a test: without the jobserver and
// level of a make that may be running the tests.
function makeEnv(extra = {}) {
	const env = { ...process.env, ...extra };
	for (const k of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES'])
		delete env[k];
	return env;
}

// make TARGET VAR=value... in the checkout; { stdout, stderr }.
export function make(args, opts = {}) {
	return execFileP('make', ['--no-print-directory', ...args], {
		cwd: TOP, env: makeEnv(opts.env), maxBuffer: 16 << 20 });
}

// Prefix every absolute path that starts with one of roots (the places of
// installed files) with destdir.
export function relocate(text, destdir, roots) {
	const alt = roots.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
	    .join('|');
	return text.replace(new RegExp(`(^|[\\s=])((?:${alt})(?:/|\\b))`, 'gm'),
	    (m, pre, path) => `${pre}${destdir}${path}`);
}

// A kore started as systemd would start it, on a configuration file:
// in the foreground, with only the environment given (and PATH), run
// through `setpriv` when caps is given (the unit's bounding set, no new
// privileges).  flags: kore's ('-f'; '-n', '-r' too when not root).  The
// log goes to logPath; with a pid file in HANDOFF_TEST_DIR,
// tests/lib/with-cluster.sh stops a kore left behind.
export class Kore {
	constructor({ conf, env, caps, logPath, url, flags = ['-f'] }) {
		Object.assign(this, { conf, env, caps, logPath, url, flags });
	}

	async start() {
		const log = openSync(this.logPath, 'a');
		const kore = ['stdbuf', '-oL', 'kore', ...this.flags, '-c',
		    this.conf];
		const argv = this.caps ? ['setpriv', '--no-new-privs',
		    `--bounding-set=-all,${this.caps.map((c) => '+' +
		    c.replace(/^CAP_/, '').toLowerCase()).join(',')}`,
		    ...kore] : kore;
		this.child = spawn(argv[0], argv.slice(1), {
			cwd: '/', detached: true, stdio: ['ignore', log, log],
			env: { PATH: process.env.PATH, ...this.env },
		});
		this.child.unref();
		this.exited = new Promise((ok) => this.child.on('exit',
		    (code, signal) => ok({ code, signal })));
		const deadline = Date.now() + 20000;
		while (Date.now() < deadline && this.child.exitCode === null) {
			try {
				const r = await fetch(`${this.url}/api/v1/version`,
				    { signal: AbortSignal.timeout(1000) });
				if (r.status === 200)
					return this;
			} catch { /* not yet */ }
			await sleep(50);
		}
		throw new Error(`kore did not come up; log:\n${this.log()}`);
	}

	get pid() {
		return this.child?.pid;
	}

	log() {
		return existsSync(this.logPath) ?
		    readFileSync(this.logPath, 'utf8') : '';
	}

	// SIGTERM to kore alone, as the unit's KillMode=mixed does; SIGKILL
	// to the group after timeoutMs.  Returns how it ended.
	async stop(timeoutMs = 10000) {
		if (!this.child)
			return null;
		const child = this.child;
		this.child = null;
		if (child.exitCode === null && child.signalCode === null) {
			try { process.kill(child.pid, 'SIGTERM'); } catch { }
		}
		const done = await Promise.race([this.exited,
		    sleep(timeoutMs).then(() => null)]);
		if (done === null) {
			try { process.kill(-child.pid, 'SIGKILL'); } catch { }
			await this.exited;
		}
		const deaths = workerDeaths(this.log());
		if (deaths.length > 0)
			throw new Error(`a kore worker died (${this.logPath}):\n` +
			    deaths.join('\n'));
		return done;
	}
}

// The value of a key of a unit file ("CapabilityBoundingSet"), or null.
export function unitValue(unit, key) {
	const m = unit.match(new RegExp(`^${key}=(.*)$`, 'm'));
	return m ? m[1].trim() : null;
}

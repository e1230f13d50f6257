// A real SMTP server on the loopback for the email tests
// (tests/lib/smtp_sink.py, Debian's python3-aiosmtpd): start it, read
// what it received (each message with its envelope), parse a message as
// a mail client would (tests/lib/mail_parse.py), stop it.  Used by
// mail.test.js, reminders.test.js and digest_mail.test.js.
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOP } from './harness.js';

const execFileP = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The sink prints its port once it listens.
export async function startSink() {
	const dir = mkdtempSync(join(tmpdir(), 'handoff-smtp-'));
	const child = spawn('/usr/bin/python3',
	    [`${TOP}/tests/lib/smtp_sink.py`, dir],
	    { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
			if (out.includes('\n'))
				resolve(Number(out.trim()));
		});
		child.on('exit', (code) => reject(new Error(
		    `smtp_sink.py exited with ${code}`)));
	});
	const sink = {
		port,
		dir,
		// The server's environment to send to this sink.
		env(extra = {}) {
			return { HANDOFF_SMTP_HOST: '127.0.0.1',
			    HANDOFF_SMTP_PORT: String(port),
			    HANDOFF_SMTP_SECURITY: 'none',
			    HANDOFF_MAIL_FROM: 'handoff@example.org',
			    ...extra };
		},
		// The messages received, in order, each with its envelope.
		received() {
			return readdirSync(dir).filter((f) =>
			    f.endsWith('.eml')).sort().map((f) => ({
				raw: readFileSync(join(dir, f)),
				envelope: JSON.parse(readFileSync(join(dir,
				    f.replace(/\.eml$/, '.json')), 'utf8')) }));
		},
		async waitForMail(n, ms = 20000) {
			const until = Date.now() + ms;
			while (sink.received().length < n && Date.now() < until)
				await sleep(100);
			return sink.received();
		},
		async stop() {
			child.kill();
			rmSync(dir, { recursive: true, force: true });
		},
	};
	return sink;
}

export async function parseMail(raw) {
	const child = execFileP('/usr/bin/python3',
	    [`${TOP}/tests/lib/mail_parse.py`]);
	child.child.stdin.end(raw);
	return JSON.parse((await child).stdout);
}

// handoffctl, the account tool (src/cli/handoffctl.c), against a real
// database: every command of its table, the usage made from that table,
// a command line it does not understand (exit 2), and passwords read from
// standard input, a file or a terminal (without echo), never from argv.
// What it makes is then used on the web: a password signs in, a token
// authenticates, a role is what the server sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CTL, TOP, ctl, psql, startServer } from '../lib/harness.js';

let srv;
let scratch;

before(async () => {
	srv = await startServer();
	scratch = process.env.HANDOFF_TEST_DIR;
});
after(async () => { await srv?.stop(); });

// handoffctl on the server's database: { stdout, stderr } on exit 0.
function run(args, opts = {}) {
	return ctl(args, { dsn: srv.dsn, ...opts });
}

// handoffctl that must fail: { code, stdout, stderr }.
async function refused(args, opts = {}) {
	try {
		await run(args, opts);
	} catch (e) {
		return e;
	}
	assert.fail(`handoffctl ${args.join(' ')} succeeded`);
}

async function signIn(email, password) {
	return srv.request('POST', '/api/v1/session', {
		body: { email, password }, auth: false });
}

async function sql(text) {
	return psql(text, { dsn: srv.dsn });
}

function passwordFile(name, content) {
	const path = join(scratch, name);
	writeFileSync(path, content, { mode: 0o600 });
	return path;
}

// The commands of the table, read from the source: the usage must list
// each, whatever is added later.
function tableCommands() {
	const src = readFileSync(join(TOP, 'src/cli/handoffctl.c'), 'utf8');
	const table = src.slice(src.indexOf('commands[] = {'));
	const names = [...table.slice(0, table.indexOf('\n};'))
	    .matchAll(/^\t\{ "([a-z-]+)",/gm)].map((m) => m[1]);
	assert.ok(names.length >= 5, `commands found: ${names}`);
	return names;
}

test('the usage lists every command of the table, with its options',
    async () => {
	const names = tableCommands();
	for (const name of ['user-add', 'user-password', 'user-role',
	    'token-add', 'users'])
		assert.ok(names.includes(name), name);

	const help = await run(['--help']);
	const bare = await refused([]);
	assert.equal(bare.code, 2);
	assert.match(bare.stderr, /no command/);
	for (const out of [help.stdout, bare.stderr]) {
		for (const name of names)
			assert.match(out, new RegExp(`^  ${name}( |$)`, 'm'),
			    name);
		assert.ok(out.includes('  user-add --email EMAIL --name NAME ' +
		    '--role ROLE [--password-file FILE]\n'), out);
		assert.match(out, /DATABASE_URL/);
		assert.doesNotMatch(out, /--password /);
	}

	for (const name of names) {
		const one = await run([name, '--help']);
		assert.match(one.stdout, new RegExp(
		    `^usage: handoffctl ${name}( |$)`, 'm'));
	}
});

test('a command line not understood exits 2 and says why', async () => {
	const cases = [
		[['frobnicate'], /unknown command "frobnicate"/],
		[['users', '--frob', 'x'], /unknown option --frob/],
		[['users', '--email', 'a@example.com'],
		    /users takes no --email/],
		[['user-role', '--email', 'a@example.com'],
		    /user-role needs --role/],
		[['user-role', '--email'], /--email needs a value/],
		[['user-role', '--email', '--role', 'pm'],
		    /--email needs a value/],
		[['user-role', '--email=', '--role', 'pm'],
		    /--email needs a value/],
		[['user-role', '--email', 'a@example.com', '--email',
		    'b@example.com', '--role', 'pm'], /--email is given twice/],
		[['user-role', '--email', 'a@example.com', '--role', 'pm',
		    'stray'], /argument 6 is not an option/],
	];
	for (const [args, why] of cases) {
		const r = await refused(args);
		assert.equal(r.code, 2, args.join(' '));
		assert.match(r.stderr, why, args.join(' '));
		assert.match(r.stderr, /usage: handoffctl/, args.join(' '));
		assert.equal(r.stdout, '');
	}

	// Node writes argv as UTF-8: a shell passes the byte 0xff.
	const latin1 = await new Promise((resolve) => {
		execFile('sh', ['-c', '"$0" token-add --email a@example.com ' +
		    '--name "$(printf \'\\377\')"', CTL], (e, stdout, stderr) =>
		    resolve({ code: e?.code ?? 0, stderr }));
	});
	assert.equal(latin1.code, 2);
	assert.match(latin1.stderr, /--name is not UTF-8/);
});

test('a password is never taken from the command line', async () => {
	for (const args of [
		['user-add', '--email', 'argv@example.com', '--name', 'Argv',
		    '--role', 'pm', '--password', 'argv-password-1'],
		['user-add', '--email', 'argv@example.com', '--name', 'Argv',
		    '--role', 'pm', '--password=argv-password-1'],
		['user-password', '--password', 'argv-password-1', '--email',
		    'argv@example.com'],
	]) {
		// Even with a good password on standard input.
		const r = await refused(args, { input: 'stdin-password-1\n' });
		assert.equal(r.code, 2);
		assert.match(r.stderr, /--password is not accepted/);
		assert.match(r.stderr,
		    /standard input or with --password-file/);
		assert.doesNotMatch(r.stderr, /argv-password-1/,
		    'the refusal does not repeat the password');
	}
	assert.equal(await sql("SELECT count(*) FROM users WHERE email = " +
	    "'argv@example.com'"), '0');
});

test('user-add reads the password on standard input; it signs in',
    async () => {
	const r = await run(['user-add', '--email', 'Stdin@Example.com',
	    '--name', 'Stdin User', '--role', 'member'],
	    { input: 'stdin-password-1\n' });
	const made = JSON.parse(r.stdout);
	assert.equal(made.email, 'Stdin@Example.com');
	assert.equal(made.role, 'member');
	assert.equal(made.active, true);

	const s = await signIn('stdin@example.com', 'stdin-password-1');
	assert.equal(s.status, 200, s.text);
	assert.equal(s.json.user.role, 'member');

	// Stored as argon2id, audited as handoffctl on the server's day.
	assert.match(await sql("SELECT password_hash FROM users WHERE " +
	    "email = 'Stdin@Example.com'"), /^\$argon2id\$/);
	assert.equal(await sql("SELECT actor || ' ' || action FROM " +
	    "audit_log WHERE entity = 'user' AND after->>'email' = " +
	    "'Stdin@Example.com'"), 'handoffctl create');

	// Without a line there is no password; the same email is refused.
	const none = await refused(['user-add', '--email',
	    'none@example.com', '--name', 'None', '--role', 'pm']);
	assert.equal(none.code, 1);
	assert.match(none.stderr, /no password on standard input/);
	const twice = await refused(['user-add', '--email',
	    'stdin@example.com', '--name', 'Again', '--role', 'pm'],
	    { input: 'stdin-password-2\n' });
	assert.equal(twice.code, 1);
	assert.match(twice.stderr, /already exists/);
	const short = await refused(['user-add', '--email',
	    'short@example.com', '--name', 'Short', '--role', 'pm'],
	    { input: 'short\n' });
	assert.equal(short.code, 1);
	assert.match(short.stderr, /10 to 200 characters/);
	const role = await refused(['user-add', '--email',
	    'boss@example.com', '--name', 'Boss', '--role', 'boss'],
	    { input: 'boss-password-1\n' });
	assert.equal(role.code, 1);
	assert.equal(await sql("SELECT count(*) FROM users WHERE email IN " +
	    "('none@example.com', 'short@example.com', 'boss@example.com')"),
	    '0');
});

test('user-add and user-password read the first line of --password-file',
    async () => {
	const first = passwordFile('pw-first', 'file-password-1\nnot this\n');
	await run(['user-add', '--email', 'file@example.com', '--name',
	    'File User', '--role', 'viewer', '--password-file', first],
	    { input: 'stdin-is-not-read\n' });
	assert.equal((await signIn('file@example.com',
	    'file-password-1')).status, 200);

	// No newline at the end, and CR LF, are both one line.
	const bare = passwordFile('pw-bare', 'file-password-2');
	await run(['user-password', '--email', 'file@example.com',
	    `--password-file=${bare}`]);
	assert.equal((await signIn('file@example.com',
	    'file-password-2')).status, 200);
	const crlf = passwordFile('pw-crlf', 'file-password-3\r\n');
	await run(['user-password', '--email', 'file@example.com',
	    '--password-file', crlf]);
	assert.equal((await signIn('file@example.com',
	    'file-password-3')).status, 200);

	const missing = await refused(['user-password', '--email',
	    'file@example.com', '--password-file', join(scratch, 'nope')]);
	assert.equal(missing.code, 1);
	assert.match(missing.stderr, /nope: No such file/);
	const empty = await refused(['user-password', '--email',
	    'file@example.com', '--password-file', passwordFile('pw-empty',
	    '')]);
	assert.equal(empty.code, 1);
	assert.match(empty.stderr, /no password on/);
});

test('user-password: the new password works, the old one and its ' +
    'sessions end', async () => {
	await srv.account('change@example.com', 'pm', 'old-password-1');
	const s = await signIn('change@example.com', 'old-password-1');
	assert.equal(s.status, 200);
	const cookie = s.headers.get('set-cookie').split(';')[0];

	const r = await run(['user-password', '--email', 'CHANGE@example.com'],
	    { input: 'new-password-1\n' });
	assert.equal(JSON.parse(r.stdout).email, 'change@example.com');
	assert.equal((await signIn('change@example.com',
	    'old-password-1')).status, 401);
	assert.equal((await signIn('change@example.com',
	    'new-password-1')).status, 200);
	assert.equal((await srv.request('GET', '/api/v1/session',
	    { headers: { cookie } })).status, 401);
	assert.equal(await sql("SELECT actor || ' ' || action FROM audit_log " +
	    "WHERE entity = 'user' AND action = 'password' AND " +
	    "after->>'email' = 'change@example.com'"), 'handoffctl password');

	// Nobody to change: said before any password is read.
	const nobody = await refused(['user-password', '--email',
	    'nobody@example.com'], { input: 'new-password-1\n' });
	assert.equal(nobody.code, 1);
	assert.match(nobody.stderr,
	    /no user with the email nobody@example\.com/);
});

test('user-role changes the role the server sees', async () => {
	await srv.account('promote@example.com', 'viewer', 'promote-pass-1');
	const r = await run(['user-role', '--email', 'Promote@Example.COM',
	    '--role', 'admin']);
	const u = JSON.parse(r.stdout);
	assert.equal(u.role, 'admin');
	assert.equal(u.version, 2);
	const s = await signIn('promote@example.com', 'promote-pass-1');
	assert.equal(s.json.user.role, 'admin');

	const bad = await refused(['user-role', '--email',
	    'promote@example.com', '--role', 'emperor']);
	assert.equal(bad.code, 1);
	const nobody = await refused(['user-role', '--email',
	    'nobody@example.com', '--role', 'pm']);
	assert.equal(nobody.code, 1);
	assert.match(nobody.stderr, /no user with the email/);
});

test('token-add prints a token once; it authenticates as its owner',
    async () => {
	await srv.account('bot-owner@example.com', 'member', 'bot-owner-pass');
	const r = await run(['token-add', '--email', 'bot-owner@example.com',
	    '--name', 'chat bot']);
	const token = r.stdout.trim();
	assert.match(token, /^hf_[A-Za-z0-9_-]{43}$/);

	const me = await srv.request('GET', '/api/v1/session',
	    { headers: { authorization: `Bearer ${token}` } });
	assert.equal(me.status, 200, me.text);
	assert.equal(me.json.user.email, 'bot-owner@example.com');
	assert.equal(me.json.via, 'token');

	// Stored as its hash and prefix only, audited as handoffctl.
	const row = await sql("SELECT t.name || '|' || t.prefix || '|' || " +
	    "(t.token_hash = encode(sha256(convert_to(" +
	    `'${token}', 'UTF8')), 'hex')) FROM api_tokens t JOIN users u ` +
	    "ON u.id = t.user_id WHERE u.email = 'bot-owner@example.com'");
	assert.equal(row, `chat bot|${token.slice(0, 10)}|true`);
	assert.equal(await sql("SELECT count(*) FROM api_tokens WHERE " +
	    `token_hash = '${token}'`), '0');
	assert.equal(await sql("SELECT string_agg(actor, ',') FROM " +
	    "audit_log WHERE entity = 'token' AND after->>'name' = " +
	    "'chat bot'"), 'handoffctl');

	const nobody = await refused(['token-add', '--email',
	    'nobody@example.com', '--name', 'x']);
	assert.equal(nobody.code, 1);
	const long = await refused(['token-add', '--email',
	    'bot-owner@example.com', '--name', 'x'.repeat(101)]);
	assert.equal(long.code, 1);
});

test('users lists every account with its role and state', async () => {
	await srv.account('listed@example.com', 'pm', 'listed-pass-1');
	await srv.api('PATCH', `/api/v1/users/${await sql("SELECT id FROM " +
	    "users WHERE email = 'listed@example.com'")}`, { active: false });
	const r = await run(['users']);
	const lines = r.stdout.trim().split('\n');
	assert.equal(lines.length, Number(await sql('SELECT count(*) FROM ' +
	    'users')));
	assert.match(r.stdout,
	    /^listed@example\.com +pm +inactive +listed$/m);
	assert.match(r.stdout, /^tester@example\.com +admin +active +tester$/m);
});

test('the day of the audit is the server\'s: HANDOFF_TODAY when set',
    async () => {
	await run(['user-add', '--email', 'dated@example.com', '--name',
	    'Dated', '--role', 'viewer'], { input: 'dated-password-1\n',
	    env: { HANDOFF_TODAY: '2026-11-23' } });
	assert.equal(await sql("SELECT recorded_on FROM audit_log WHERE " +
	    "entity = 'user' AND after->>'email' = 'dated@example.com'"),
	    '2026-11-23');
});

test('without DATABASE_URL nothing is done', async () => {
	const r = await refused(['users'], { dsn: '' });
	assert.equal(r.code, 1);
	assert.match(r.stderr, /DATABASE_URL is not set/);
});

// At a terminal (script(1) makes one) the password is asked for twice and
// never echoed.  Each answer is typed only once its prompt is shown, as a
// person would: what is typed ahead is flushed.
function onTerminal(args, answers) {
	const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
	return new Promise((resolve, reject) => {
		const child = spawn('script', ['-qfec',
		    [CTL, ...args].map(q).join(' '), '/dev/null'], {
			env: { ...process.env, DATABASE_URL: srv.dsn },
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let out = '';
		let seen = 0;
		const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
		child.stdout.on('data', (d) => {
			out += d;
			while (answers.length > 0) {
				const at = out.indexOf(answers[0].prompt, seen);
				if (at === -1)
					break;
				seen = at + answers[0].prompt.length;
				child.stdin.write(answers.shift().line + '\n');
			}
		});
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			child.stdin.destroy();
			resolve({ code, out });
		});
	});
}

test('at a terminal the password is typed twice, without echo',
    { skip: !existsSync('/usr/bin/script') && 'no script(1)' }, async () => {
	const pw = 'typed-password-1';
	const ok = await onTerminal(['user-add', '--email', 'tty@example.com',
	    '--name', 'Tty', '--role', 'pm'], [
		{ prompt: 'Password: ', line: pw },
		{ prompt: 'Again: ', line: pw }]);
	assert.equal(ok.code, 0, ok.out);
	assert.match(ok.out, /Password: [\s\S]*Again: /);
	assert.doesNotMatch(ok.out, new RegExp(pw),
	    'the password is not echoed');
	assert.match(ok.out, /"email":"tty@example.com"/);
	assert.equal((await signIn('tty@example.com', pw)).status, 200);

	const differ = await onTerminal(['user-password', '--email',
	    'tty@example.com'], [
		{ prompt: 'Password: ', line: 'typed-password-2' },
		{ prompt: 'Again: ', line: 'typed-password-3' }]);
	assert.equal(differ.code, 1, differ.out);
	assert.match(differ.out, /the two passwords differ/);
	assert.doesNotMatch(differ.out, /typed-password-[23]/);
	assert.equal((await signIn('tty@example.com', pw)).status, 200);
});

test('user-role refuses to demote the last active admin', async () => {
	await srv.account('lone-admin@example.com', 'admin', 'lone-admin-pass');
	await sql("UPDATE users SET role = 'pm' WHERE role = 'admin' AND " +
	    "email <> 'lone-admin@example.com'");
	const r = await refused(['user-role', '--email',
	    'lone-admin@example.com', '--role', 'pm']);
	assert.equal(r.code, 1);
	assert.match(r.stderr, /lone-admin@example\.com is the last active admin/);
	assert.equal(await sql("SELECT role FROM users WHERE email = " +
	    "'lone-admin@example.com'"), 'admin');
	// Another admin first, and then it may be done.
	await srv.account('relief-admin@example.com', 'admin',
	    'relief-admin-pass');
	const ok = await run(['user-role', '--email', 'lone-admin@example.com',
	    '--role', 'pm']);
	assert.equal(JSON.parse(ok.stdout).role, 'pm');
});

test('user-password revokes the API tokens, unless --keep-tokens',
    async () => {
	await srv.account('ctl-tok@example.com', 'member', 'ctl-tok-pass-1');
	const made = async () => (await run(['token-add', '--email',
	    'ctl-tok@example.com', '--name', 'bot'])).stdout.trim();
	const works = async (token) => (await srv.request('GET',
	    '/api/v1/session', { headers: { authorization:
	    `Bearer ${token}` } })).status === 200;
	const t1 = await made();
	assert.ok(await works(t1));

	await run(['user-password', '--email', 'ctl-tok@example.com',
	    '--keep-tokens'], { input: 'ctl-tok-pass-2\n' });
	assert.ok(await works(t1), 'kept');
	const flagValue = await refused(['user-password', '--email',
	    'ctl-tok@example.com', '--keep-tokens=yes'],
	    { input: 'ctl-tok-pass-3\n' });
	assert.equal(flagValue.code, 2);
	assert.match(flagValue.stderr, /--keep-tokens takes no value/);
	const notHere = await refused(['user-role', '--email',
	    'ctl-tok@example.com', '--role', 'pm', '--keep-tokens']);
	assert.equal(notHere.code, 2);

	const t2 = await made();
	await run(['user-password', '--email', 'ctl-tok@example.com'],
	    { input: 'ctl-tok-pass-3\n' });
	assert.equal(await works(t1), false);
	assert.equal(await works(t2), false);
	assert.equal((await signIn('ctl-tok@example.com', 'ctl-tok-pass-3'))
	    .status, 200);
});

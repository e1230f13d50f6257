// Helpers for the security tests (tests/integration/security_*.test.js and
// tests/browser/security_*.test.js): roles in order, browser-like sessions
// signed in through the real /login form, urlencoded forms, raw HTTP over a
// socket for bytes fetch() refuses to send, and checks on what came back.

import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

// The roles of the README's "Who may do what", in order; "anonymous" is
// nobody signed in.
export const ROLES = ['viewer', 'member', 'pm', 'admin'];
export const LEVEL = { anonymous: 0, viewer: 1, member: 2, pm: 3,
    admin: 4 };

export const FORM_TYPE = 'application/x-www-form-urlencoded';

// An urlencoded body from {name: value}, as a browser sends it.  A value
// that is a Buffer is put in as raw bytes (for invalid UTF-8).
export function formBody(fields) {
	const parts = [];
	for (const [k, v] of Object.entries(fields)) {
		if (v === undefined)
			continue;
		if (Buffer.isBuffer(v)) {
			parts.push(Buffer.from(`${encodeURIComponent(k)}=`), v);
		} else {
			parts.push(Buffer.from(`${encodeURIComponent(k)}=` +
			    encodeURIComponent(String(v)).replace(/%20/g, '+')));
		}
		parts.push(Buffer.from('&'));
	}
	if (parts.length > 0)
		parts.pop();
	return Buffer.concat(parts);
}

// Where the server sends a browser that is not signed in: the path (and
// query) percent-encoded, '/' and unreserved characters kept (README,
// "Accounts"; the login page then comes back to it).
export function loginRedirect(pathAndQuery) {
	const enc = (s) => Array.from(Buffer.from(s, 'latin1')).map((c) => {
		const ch = String.fromCharCode(c);
		return /[A-Za-z0-9\-_.~/]/.test(ch) ? ch :
		    '%' + c.toString(16).toUpperCase().padStart(2, '0');
	}).join('');
	const q = pathAndQuery.indexOf('?');
	if (q === -1)
		return '/login?next=' + enc(pathAndQuery);
	return '/login?next=' + enc(pathAndQuery.slice(0, q)) + '%3F' +
	    enc(pathAndQuery.slice(q + 1));
}

// The CSRF token of a page's forms (every form carries the same one).
export function csrfOf(html) {
	const m = /name="csrf" value="([^"]*)"/.exec(html);
	assert.ok(m, 'the page has a form with its CSRF token');
	return m[1];
}

// The fields of a page's form as a browser would send it untouched: its
// hidden inputs and each select's selected option (none: empty), the CSRF
// token left out (postForm adds the session's).
// Text as an attribute value held it.
export function unescapeHtml(s) {
	return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
	    .replace(/&quot;/g, '"').replace(/&#39;/g, "'")
	    .replace(/&amp;/g, '&');
}

export function formFields(html, id) {
	const m = html.match(new RegExp(`<form method="post" action="[^"]+" ` +
	    `id="${id}">([\\s\\S]*?)</form>`));
	assert.ok(m, `a form ${id} in the page`);
	const fields = {};
	for (const [, name, value] of m[1].matchAll(
	    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
		fields[name] = value;
	for (const [, name, body] of m[1].matchAll(
	    /<select id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
		fields[name] = body.match(/<option value="([^"]*)" selected>/)
		    ?.[1] ?? '';
	// A person picker sends what it shows ("Name (role) #id").
	for (const [, name, value] of m[1].matchAll(
	    /<input id="[^"]+" name="([^"]+)"[^>]* list="people"[^>]* value="([^"]*)"/g))
		fields[name] = unescapeHtml(value);
	delete fields.csrf;
	return fields;
}

// Sign in like a browser: POST /login with the form, keep the cookie, read
// the CSRF token from a page.  { cookie, csrf, email }.
export async function signIn(srv, email, password) {
	const r = await srv.request('POST', '/login', { auth: false,
	    headers: { 'content-type': FORM_TYPE },
	    body: formBody({ email, password, next: '/tokens' }) });
	assert.equal(r.status, 303, `sign-in of ${email}: ${r.status} ${r.text}`);
	const set = r.headers.get('set-cookie');
	assert.ok(set, 'sign-in sets the session cookie');
	const cookie = set.split(';')[0];
	const page = await srv.request('GET', '/tokens',
	    { headers: { cookie } });
	assert.equal(page.status, 200, page.text);
	return { cookie, csrf: csrfOf(page.text), email };
}

// A form POST from a signed-in browser.  csrf: true (the session's token),
// false (none), or a string (that token).
export function postForm(srv, session, path, fields, { csrf = true,
    headers = {} } = {}) {
	const f = { ...fields };
	if (csrf === true)
		f.csrf = session.csrf;
	else if (typeof csrf === 'string')
		f.csrf = csrf;
	return srv.request('POST', path, { auth: false, body: formBody(f),
	    headers: { cookie: session.cookie, 'content-type': FORM_TYPE,
	    ...headers } });
}

// Is this valid UTF-8 (what every page and document must be)?
export function isUtf8(buf) {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(buf);
		return true;
	} catch {
		return false;
	}
}

// One exchange over a plain socket, for bytes fetch() will not send (raw
// CR/LF, dot segments, invalid percent-encodings, huge declared lengths).
// Resolves with the status, the head's lines, the body, and whether the
// server closed the connection by itself (closed) or we gave up (timedOut).
export function rawHttp(port, request, { timeoutMs = 5000 } = {}) {
	return new Promise((ok, fail) => {
		const sock = connect(port, '127.0.0.1');
		const chunks = [];
		let timedOut = false;
		sock.setTimeout(timeoutMs, () => {
			timedOut = true;
			sock.destroy();
		});
		sock.on('data', (c) => chunks.push(c));
		// A reset after the answer arrived is still an answer.
		sock.on('error', (e) => {
			if (chunks.length === 0 && !timedOut)
				fail(e);
		});
		sock.on('close', () => {
			const buf = Buffer.concat(chunks);
			const end = buf.indexOf('\r\n\r\n');
			const head = (end === -1 ? buf : buf.subarray(0, end))
			    .toString('latin1');
			const body = end === -1 ? Buffer.alloc(0) :
			    buf.subarray(end + 4);
			const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
			ok({ status: m ? Number(m[1]) : 0, head,
			    lines: head.split('\r\n'), body, raw: buf,
			    closed: !timedOut, timedOut });
		});
		// Not end(): a half-closed connection gets no answer.  Requests
		// say Connection: close, so the server closes.
		sock.write(Buffer.isBuffer(request) ? request :
		    Buffer.from(request, 'latin1'));
	});
}

// A response head must be lines of "name: value" of printable ASCII with
// no stray CR or LF inside a line, and no header a request smuggled in.
export function assertCleanHead(r, what = '') {
	const ctx = `${what}\n${r.head}`;
	assert.ok(r.status > 0, `an HTTP answer: ${ctx}`);
	const [statusLine, ...headers] = r.lines;
	assert.match(statusLine, /^HTTP\/1\.1 \d{3} [ -~]*$/, ctx);
	for (const line of headers) {
		assert.match(line, /^[A-Za-z0-9!#$%&'*+.^_`|~-]+: ?[ -~]*$/,
		    `a well-formed header line: ${JSON.stringify(line)} ${ctx}`);
	}
	// Nothing in the head outside proper "\r\n" line ends.
	assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(r.head),
	    `no bare CR or LF in the head: ${ctx}`);
	assertNoInjected(headers.map((l) => [l.slice(0, l.indexOf(':')),
	    l.slice(l.indexOf(':') + 1).trim()]), ctx);
}

// Headers (pairs, or a fetch Headers) show no sign of a smuggled header:
// none of the names the tests try to inject, no CR/LF in a value, and no
// cookie but the session's.  (A value may quote the request, encoded, as
// the sign-in redirect does.)
export function assertNoInjected(headers, ctx = '') {
	const pairs = typeof headers.entries === 'function' &&
	    !Array.isArray(headers) ? [...headers.entries()] : headers;
	for (const [name, value] of pairs) {
		const n = name.toLowerCase();
		assert.ok(!['x-injected', 'x-evil'].includes(n),
		    `no injected header ${name}: ${ctx}`);
		assert.ok(!/[\r\n]/.test(value), `no CR/LF in ${name}: ${ctx}`);
		if (n === 'set-cookie') {
			assert.match(value, /^handoff_session=[A-Za-z0-9_-]*;/,
			    `only the session cookie is ever set: ${ctx}`);
			assert.ok(!/evil/i.test(value), `${value}: ${ctx}`);
		}
	}
}

// What the kore parent logged about workers that died (a crash, a sandbox
// kill): each a line, [] when none.
export function workerDeaths(srv) {
	if (!existsSync(srv.logPath))
		return [];
	return readFileSync(srv.logPath, 'utf8').split('\n').filter((l) =>
	    /worker .*(gone|exited|died)|sandbox violation|SIGSEGV|SIGABRT/i
	    .test(l));
}

// The server is still up, healthy, and no worker died.
export async function assertHealthy(srv) {
	const h = await srv.request('GET', '/healthz', { auth: false });
	assert.equal(h.status, 200, h.text);
	assert.deepEqual(h.json, { status: 'ok', db: 'ok' });
	assert.equal(srv.child?.exitCode, null, 'kore is still running');
	assert.deepEqual(workerDeaths(srv), [], 'no worker died');
}

// One psql session kept open for many small queries (starting psql costs
// a fifth of a second, which hundreds of audit-log counts cannot afford).
//   const sql = openSql(srv); await sql.value('SELECT 1'); sql.close();
export function openSql(srv) {
	const host = process.env.HANDOFF_TEST_PGHOST;
	const child = spawn('psql', ['-X', '-q', '-At', '-h', host, '-U',
	    'postgres', '-d', srv.db], { stdio: ['pipe', 'pipe', 'pipe'] });
	let out = '';
	let err = '';
	let waiting = null;
	const MARK = '__security_sql_done__';
	child.stdout.on('data', (c) => {
		out += c.toString();
		const at = out.indexOf(MARK + '\n');
		if (at !== -1 && waiting) {
			const text = out.slice(0, at).trim();
			out = out.slice(at + MARK.length + 1);
			const w = waiting;
			waiting = null;
			const e = err;
			err = '';
			if (e.trim() !== '')
				w.fail(new Error(`psql: ${e.trim()}`));
			else
				w.ok(text);
		}
	});
	child.stderr.on('data', (c) => { err += c.toString(); });
	let chain = Promise.resolve();
	const run = (q) => new Promise((ok, fail) => {
		waiting = { ok, fail };
		child.stdin.write(`${q.replace(/;?\s*$/, ';')}\n\\echo ${MARK}\n`);
	});
	return {
		// Queries run one after another, in the order asked.
		value(q) {
			const p = chain.then(() => run(q));
			chain = p.catch(() => {});
			return p;
		},
		async auditCount() {
			return Number(await this.value(
			    'SELECT count(*) FROM audit_log'));
		},
		close() {
			child.stdin.end();
		},
	};
}

// A JSON error of the shared format with this status (and field).
export function assertJsonError(r, status, { code, field } = {}) {
	const what = `${r.status} ${r.text}`;
	assert.equal(r.status, status, what);
	assert.match(r.headers.get('content-type') ?? '', /^application\/json/,
	    what);
	assert.ok(r.json?.error, what);
	if (code !== undefined)
		assert.equal(r.json.error.code, code, what);
	if (field !== undefined)
		assert.equal(r.json.error.field, field, what);
}

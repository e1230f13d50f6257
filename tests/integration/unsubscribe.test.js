// The one-click unsubscribe link of emails, GET and POST /unsubscribe?t=
// (src/unsubscribe.c, sql/api/96_unsubscribe.sql, RFC 8058): the signed
// token is the credential; a forged or malformed one changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, auditCount, auditOf,
    dbValue } from '../lib/fixtures.js';

let srv;

before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

const tokenOf = (id) => dbValue(srv,
    `SELECT api.mail_unsubscribe_token(${Number(id)})`);
const digestOf = async (id) => (await srv.request('GET',
    `/api/v1/people/${id}/mail`)).json.digest;

test('unsubscribe: HMAC-SHA256 as RFC 4231 says', async () => {
	// RFC 4231, test case 2: key "Jefe".
	assert.equal(await dbValue(srv, "SELECT encode(api.hmac_sha256(" +
	    "'Jefe'::bytea, convert_to('what do ya want for nothing?', " +
	    "'UTF8')), 'hex')"), '5bdcc146bf60754e6a042426089575c75a003f0' +
	    '89d2739839dec58b964ec3843');
	// Test case 6: a key longer than the block (131 bytes of 0xaa).
	assert.equal(await dbValue(srv, "SELECT encode(api.hmac_sha256(" +
	    "decode(repeat('aa', 131), 'hex'), convert_to('Test Using " +
	    "Larger Than Block-Size Key - Hash Key First', 'UTF8')), 'hex')"),
	    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
});

test('unsubscribe: GET shows a button, POST turns the digest off',
    async () => {
	const p = await createPerson(srv, { name: 'Zoë <b>Ünsub</b>' });
	const t = await tokenOf(p.id);
	assert.match(t, new RegExp(`^${p.id}\\.[0-9a-f]{64}$`));
	assert.equal(await digestOf(p.id), 'all');

	const page = await srv.request('GET', `/unsubscribe?t=${t}`,
	    { auth: false });
	assert.equal(page.status, 200, page.text);
	assert.match(page.headers.get('content-type'), /^text\/html/);
	assert.ok(page.text.includes('Zoë &lt;b&gt;Ünsub&lt;/b&gt;'));
	assert.ok(!page.text.includes('<b>Ünsub'));
	assert.ok(page.text.includes(
	    `<form method="post" action="/unsubscribe?t=${t}"`));
	// Looking changes nothing.
	assert.equal(await digestOf(p.id), 'all');

	// The one-click POST a mail program sends (RFC 8058).
	const audits = await auditCount(srv, auditOf('mail_prefs', p.id));
	const r = await srv.request('POST', `/unsubscribe?t=${t}`, {
	    auth: false, body: 'List-Unsubscribe=One-Click',
	    headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 200, r.text);
	assert.ok(r.text.includes('id="unsubscribed"'));
	assert.equal(await digestOf(p.id), 'none');
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)),
	    audits + 1);
	// Again: still none, nothing more written.
	const again = await srv.request('POST', `/unsubscribe?t=${t}`,
	    { auth: false });
	assert.equal(again.status, 200, again.text);
	assert.equal(await auditCount(srv, auditOf('mail_prefs', p.id)),
	    audits + 1);
	const shown = await srv.request('GET', `/unsubscribe?t=${t}`,
	    { auth: false });
	assert.ok(shown.text.includes('id="unsubscribed"'));
	assert.ok(!shown.text.includes('<form method="post" ' +
	    'action="/unsubscribe'));
});

test('unsubscribe: a forged, altered or missing token changes nothing',
    async () => {
	const a = await createPerson(srv);
	const b = await createPerson(srv);
	const ta = await tokenOf(a.id);
	const sig = ta.split('.')[1];
	const flip = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
	for (const bad of [
		`${b.id}.${sig}`,		// a's signature on b's id
		`${a.id}.${flip}`,		// one digit changed
		`${a.id}.${sig.toUpperCase()}`,
		`${a.id}.${sig.slice(0, 40)}`,	// cut by a mail program
		`${a.id}`, 'x', `0${a.id}.${sig}`, `${a.id}.${sig}x`,
	]) {
		for (const method of ['GET', 'POST']) {
			const r = await srv.request(method,
			    `/unsubscribe?t=${encodeURIComponent(bad)}`,
			    { auth: false });
			assert.equal(r.status, 403, `${method} ${bad}: ${r.text}`);
		}
	}
	const none = await srv.request('POST', '/unsubscribe',
	    { auth: false });
	// A page, not the API: the error is an HTML page that says why.
	assert.equal(none.status, 400, none.text);
	assert.ok(none.text.includes('t is required'), none.text);
	assert.equal(await digestOf(a.id), 'all');
	assert.equal(await digestOf(b.id), 'all');
	// The real token still works, for its own person only.
	const r = await srv.request('POST', `/unsubscribe?t=${ta}`,
	    { auth: false });
	assert.equal(r.status, 200, r.text);
	assert.equal(await digestOf(a.id), 'none');
	assert.equal(await digestOf(b.id), 'all');
});

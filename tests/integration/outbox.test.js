// The outbox (sql/0026_outbox.sql, src/outbox.c): webhooks signed as the
// Standard Webhooks specification says, checked here with an independent
// implementation of it; retries with backoff, dead letters and an admin's
// retry; the refusals of internal addresses (at registration and at send
// time) and of redirects; chat messages; and each event delivered once by
// two server instances on one database.
//
// The backoff and the retry window are shortened for the test through the
// environment (HANDOFF_OUTBOX_BACKOFF_MS, HANDOFF_OUTBOX_WINDOW_S).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { eventually, psql, sleep, startServer } from '../lib/harness.js';
import { postForm, signIn } from '../lib/security.js';
import { assertError, createPerson, createProject, startApi, TODAY }
    from '../lib/fixtures.js';

const ENV = { HANDOFF_OUTBOX_BACKOFF_MS: '200', HANDOFF_OUTBOX_WINDOW_S: '3',
    HANDOFF_PUBLIC_URL: 'https://handoff.example.com' };

let srv;
let second;
let recv;
let pm;

// A receiver on the loopback: it records every request and answers, per
// path, the statuses queued for it (200 when none is left).
function receiver() {
	const seen = [];
	const plans = new Map();
	const server = createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			seen.push({ path: req.url, headers: req.headers, body,
			    at: Date.now() });
			const plan = plans.get(req.url) ?? [];
			const next = plan.length > 0 ? plan.shift() : 200;
			if (typeof next === 'object') {
				res.writeHead(next.status, next.headers);
				res.end();
				return;
			}
			res.writeHead(next, { 'content-type': 'text/plain' });
			res.end(next === 200 ? 'ok' : 'no');
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => resolve({
			server, seen, plans,
			url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
			at: (path) => seen.filter((s) => s.path === path),
		}));
	});
}

// The Standard Webhooks check, written from the specification: the key is
// the base64 after "whsec_"; the signed content "id.timestamp.body"; the
// header a space-separated list of "v1,<base64 HMAC-SHA256>".
function verify(secret, headers, body) {
	const id = headers['webhook-id'];
	const ts = headers['webhook-timestamp'];
	const sigs = headers['webhook-signature'];
	if (!id || !ts || !sigs || !secret.startsWith('whsec_'))
		return false;
	if (Math.abs(Date.now() / 1000 - Number(ts)) > 300)
		return false;
	const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
	const want = createHmac('sha256', key).update(`${id}.${ts}.${body}`)
	    .digest();
	return sigs.split(' ').some((s) => {
		const [v, b64] = s.split(',');
		const got = Buffer.from(b64 ?? '', 'base64');
		return v === 'v1' && got.length === want.length &&
		    timingSafeEqual(got, want);
	});
}

const q = (sql) => psql(sql, { db: srv.db });

before(async () => {
	srv = await startApi(ENV);
	recv = await receiver();
	pm = await createPerson(srv, { role: 'pm' });
});

after(async () => {
	await second?.stop();
	await srv?.stop();
	recv?.server.close();
});

async function allowLoopback(on) {
	const r = await srv.api('POST', '/api/v1/outbox/settings',
	    { allow_loopback: on });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.allow_loopback, on);
}

async function hook(path, events, extra = {}) {
	const r = await srv.api('POST', '/api/v1/webhooks', { name: path,
	    url: recv.url(path), events, ...extra });
	assert.equal(r.status, 201, r.text);
	return r.json;
}

// The ledger caught up and the endpoint's messages are all delivered.
async function settled(target) {
	assert.ok(await eventually(async () => await q(`SELECT count(*)
	    FROM ledger_dirty`) === '0' && await q(`SELECT count(*) FROM outbox
	    WHERE target_id = ${target} AND delivered_at IS NULL`) === '0',
	    20000), 'settled');
}

async function message(where) {
	return JSON.parse(await q(`SELECT row_to_json(o) FROM outbox o
	    WHERE ${where} ORDER BY id DESC LIMIT 1`));
}

test('endpoints on internal networks are refused when registered',
    async () => {
	await allowLoopback(false);
	for (const url of ['https://169.254.169.254/latest/meta-data',
	    'https://10.0.0.1/hook', 'https://192.168.1.20/hook',
	    'https://172.16.0.1/hook', 'https://[fd00::1]/hook',
	    'https://[::ffff:169.254.169.254]/hook',
	    'https://2852039166/hook', 'https://0x7f.1/hook',
	    'https://127.0.0.1/hook', 'https://localhost/hook',
	    'http://example.com/hook', 'ftp://example.com/hook',
	    'https://user:pw@example.com/hook', recv.url('/loop')]) {
		const r = await srv.api('POST', '/api/v1/webhooks',
		    { name: 'bad', url, events: 'risk.opened' });
		assertError(r, 400, 'url');
	}
	// The loopback, when an admin allows it; other networks still not.
	await allowLoopback(true);
	for (const url of ['https://169.254.169.254/x', 'https://10.0.0.1/x',
	    'http://10.0.0.1/x']) {
		const r = await srv.api('POST', '/api/v1/webhooks',
		    { name: 'bad', url, events: 'risk.opened' });
		assertError(r, 400, 'url');
	}
	const bad = await srv.api('POST', '/api/v1/webhooks', { name: 'bad',
	    url: 'https://hooks.example.com/x', events: 'risk.opened,nope' });
	assertError(bad, 400, 'events');
	const chat = await srv.api('POST', '/api/v1/webhooks', { name: 'bad',
	    channel: 'chat', url: 'https://hooks.example.com/x',
	    events: 'handoff.offered' });
	assertError(chat, 400, 'events');
	assert.equal(await q('SELECT count(*) FROM outbox_targets'), '0');
});

test('a webhook is signed, retried after two 500s, and delivered once',
    async () => {
	await allowLoopback(true);
	const h = await hook('/signed', 'project.stage_changed');
	assert.match(h.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
	const list = await srv.api('GET', '/api/v1/webhooks');
	assert.equal(list.status, 200);
	const shown = list.json.endpoints.find((e) => e.id === h.id);
	assert.equal(shown.url, recv.url('/signed'));
	assert.deepEqual(shown.events, ['project.stage_changed']);
	assert.equal(JSON.stringify(list.json).includes(h.secret), false,
	    'the secret is shown once');

	recv.plans.set('/signed', [500, 500]);
	const p = await createProject(srv, { pm_id: pm.id });
	const moved = await srv.api('POST', `/api/v1/projects/${p.id}/stage`,
	    { stage: 'data', note: 'feasible', override: true,
	      reason: 'gates are not what this test is about' });
	assert.equal(moved.status, 200, moved.text);

	assert.ok(await eventually(async () =>
	    recv.at('/signed').length >= 3, 20000), 'three attempts');
	await sleep(500);
	const got = recv.at('/signed');
	assert.equal(got.length, 3, 'delivered, then never again');
	for (const g of got) {
		assert.ok(verify(h.secret, g.headers, g.body),
		    `signature of ${g.body}`);
		assert.equal(g.headers['content-type'], 'application/json');
	}
	assert.equal(new Set(got.map((g) => g.headers['webhook-id'])).size, 1,
	    'one webhook-id on every attempt');
	// Exponential: 200 ms, then 400 ms.
	assert.ok(got[1].at - got[0].at >= 180, 'first backoff');
	assert.ok(got[2].at - got[1].at >= 380, 'second backoff');
	const body = JSON.parse(got[2].body);
	assert.equal(body.type, 'project.stage_changed');
	assert.equal(body.data.project.id, p.id);
	assert.equal(body.data.before.stage, 'framing');
	assert.equal(body.data.after.stage, 'data');
	// A signature made with another key, or over another body, fails.
	assert.equal(verify('whsec_' + Buffer.alloc(32).toString('base64'),
	    got[2].headers, got[2].body), false);
	assert.equal(verify(h.secret, got[2].headers, got[2].body + ' '),
	    false);
	const row = await message(`target_id = ${h.id}`);
	assert.equal(row.attempts, 3);
	assert.ok(row.delivered_at);
	assert.equal(row.msg_id, got[0].headers['webhook-id']);
});

test('risks opened and resolved come from the ledger, once each',
    async () => {
	await allowLoopback(true);
	const h = await hook('/risks', 'risk.opened,risk.resolved');
	const p = await createProject(srv, { pm_id: pm.id });
	const opened = (g) => JSON.parse(g.body).type === 'risk.opened' &&
	    JSON.parse(g.body).data.project.id === p.id;
	await settled(h.id);
	const first = recv.at('/risks').filter(opened).map((g) =>
	    JSON.parse(g.body).data.risk);
	// Its empty boxes ("key/role"), each opened once.
	const boxes = first.filter((r) => r.kind === 'empty_owner');
	assert.ok(boxes.length > 0, `empty boxes among ${JSON.stringify(first)}`);
	assert.equal(new Set(boxes.map((r) => r.subject)).size, boxes.length);
	for (const g of recv.at('/risks'))
		assert.ok(verify(h.secret, g.headers, g.body));

	const box = boxes[0];
	const [key, role] = box.subject.split('/');
	const person = await createPerson(srv, { role });
	const put = await srv.api('PUT',
	    `/api/v1/projects/${p.id}/ownership/${key}/${role}`,
	    { person_id: person.id });
	assert.equal(put.status, 200, put.text);
	const resolved = (g) => JSON.parse(g.body).type === 'risk.resolved' &&
	    JSON.parse(g.body).data.project.id === p.id &&
	    JSON.parse(g.body).data.risk.subject === box.subject;
	assert.ok(await eventually(async () =>
	    recv.at('/risks').some(resolved), 20000), 'risk.resolved');
	await sleep(600);
	assert.equal(recv.at('/risks').filter(resolved).length, 1);
	const ids = recv.at('/risks').map((g) => g.headers['webhook-id']);
	assert.equal(new Set(ids).size, ids.length, 'each message once');
});

test('a dead letter after the retry window; an admin sends it again',
    async () => {
	await allowLoopback(true);
	const h = await hook('/dead', 'checkpoint.updated');
	recv.plans.set('/dead', Array(50).fill(503));
	const p = await createProject(srv, { pm_id: pm.id });
	const cp = p.checkpoints[0];
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
	    { status: 'blocked', note: 'waiting for data access' });
	assert.equal(r.status, 200, r.text);
	assert.ok(await eventually(async () => {
		const l = await srv.api('GET', '/api/v1/outbox?status=dead');
		return l.json.messages.some((m) => m.target === h.id);
	}, 20000), 'a dead letter');
	const l = await srv.api('GET', '/api/v1/outbox');
	assert.equal(l.status, 200);
	assert.equal(l.json.status, 'dead');
	const dead = l.json.messages.find((m) => m.target === h.id);
	assert.equal(dead.status, 'dead');
	assert.equal(dead.event, 'checkpoint.updated');
	assert.equal(dead.last_error, 'HTTP 503');
	assert.ok(dead.attempts >= 3, `attempts ${dead.attempts}`);
	const tries = recv.at('/dead').length;
	assert.equal(tries, dead.attempts);
	await sleep(700);
	assert.equal(recv.at('/dead').length, tries, 'a dead letter rests');

	// The admin's page lists it with a button that sends it again.
	await srv.account('outbox-admin@example.com', 'admin',
	    'outbox-admin-pass');
	const admin = await signIn(srv, 'outbox-admin@example.com',
	    'outbox-admin-pass');
	const pageOf = async (path) => {
		const r = await srv.request('GET', path, { auth: false,
		    headers: { cookie: admin.cookie } });
		assert.equal(r.status, 200, r.text);
		return r.text;
	};
	const html = await pageOf('/outbox');
	assert.match(html, new RegExp(`<tr id="message-${dead.id}">` +
	    `<th scope="row"><code>${dead.msg_id}</code></th>` +
	    '<td>checkpoint.updated</td><td>webhook</td><td>dead</td>'));
	assert.match(html, new RegExp(`action="/outbox/${dead.id}/retry"`));
	assert.match(html, new RegExp(`<code>${recv.url('/dead')}</code>`));

	recv.plans.set('/dead', []);
	const again = await postForm(srv, admin, `/outbox/${dead.id}/retry`,
	    {});
	assert.equal(again.status, 303, again.text);
	assert.equal(again.headers.get('location'), '/outbox?status=pending');
	assert.ok(await eventually(async () =>
	    recv.at('/dead').length === tries + 1, 10000), 'sent again');
	const last = recv.at('/dead').at(-1);
	assert.ok(verify(h.secret, last.headers, last.body));
	assert.equal(JSON.parse(last.body).data.checkpoint.id, cp.id);
	assert.ok(await eventually(async () => (await message(
	    `id = ${dead.id}`)).delivered_at !== null, 5000));
	const twice = await srv.api('POST', `/api/v1/outbox/${dead.id}/retry`);
	assertError(twice, 409);
	const none = await srv.api('POST', '/api/v1/outbox/999999/retry');
	assertError(none, 404);
	assert.ok(Number(await q(`SELECT count(*) FROM audit_log
	    WHERE entity = 'outbox' AND entity_id = '${dead.id}'`)) === 1);
});

test('no redirect is followed, and internal addresses are refused when ' +
    'sending', async () => {
	await allowLoopback(true);
	const h = await hook('/redirect', 'project.stage_changed');
	recv.plans.set('/redirect', Array(50).fill({ status: 302,
	    headers: { location: 'http://169.254.169.254/latest/meta-data' } }));
	// Endpoints written past the API's check (an older server, a hand
	// edit): the sender checks every address it would connect to.
	await q(`INSERT INTO outbox_targets (channel, name, url, events,
	    secret, created_by) VALUES
	    ('webhook', 'metadata', 'http://169.254.169.254/latest', '{project.stage_changed}', '${h.secret}', 'test'),
	    ('webhook', 'private', 'https://10.0.0.1/hook', '{project.stage_changed}', '${h.secret}', 'test')`);
	const p = await createProject(srv, { pm_id: pm.id });
	const moved = await srv.api('POST', `/api/v1/projects/${p.id}/stage`,
	    { stage: 'data', override: true, reason: 'not gates' });
	assert.equal(moved.status, 200, moved.text);
	assert.ok(await eventually(async () => Number(await q(`SELECT count(*)
	    FROM outbox WHERE event = 'project.stage_changed' AND
	    last_error IS NOT NULL AND payload->'data'->'project'->>'id' =
	    '${p.id}'`)) === 3, 15000), 'three failed attempts');
	const errs = JSON.parse(await q(`SELECT json_object_agg(t.name,
	    o.last_error) FROM outbox o JOIN outbox_targets t
	    ON t.id = o.target_id WHERE t.name IN ('metadata', 'private',
	    '/redirect') AND o.payload->'data'->'project'->>'id' =
	    '${p.id}'`));
	assert.equal(errs['/redirect'], 'HTTP 302: redirects are not followed');
	assert.match(errs.metadata, /must not point into a private/);
	assert.match(errs.private, /must not point into a private/);
	// With the loopback not allowed any more, the receiver's endpoint is
	// refused as the sender opens the connection.  An attempt already
	// under way when the setting changes may still arrive: counted once
	// none of the endpoint's messages is leased any more.
	await allowLoopback(false);
	assert.ok(await eventually(async () => Number(await q(`SELECT count(*)
	    FROM outbox WHERE target_id = ${h.id} AND
	    leased_until > clock_timestamp()`)) === 0, 15000),
	    'no attempt under way');
	const n = recv.at('/redirect').length;
	await q(`UPDATE outbox SET due_at = clock_timestamp(),
	    since = clock_timestamp(), dead_at = NULL
	    WHERE target_id = ${h.id}`);
	assert.ok(await eventually(async () => /loopback|refused/.test(
	    (await message(`target_id = ${h.id}`)).last_error ?? '') &&
	    (await message(`target_id = ${h.id}`)).attempts > 1, 10000),
	    'refused at send time');
	assert.equal(recv.at('/redirect').length, n);
	await q(`DELETE FROM outbox_targets WHERE name IN ('metadata',
	    'private') OR id = ${h.id}`);
	await allowLoopback(true);
});

test('chat: a Slack-compatible message for a project\'s opened risks',
    async () => {
	await allowLoopback(true);
	const p = await createProject(srv, { pm_id: pm.id,
	    name: 'Churn <model> & co' });
	const r = await srv.api('POST', '/api/v1/webhooks', { name: 'chat',
	    channel: 'chat', url: recv.url('/chat'), events: 'risk.opened',
	    project_id: p.id });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.json.secret, undefined);
	const other = await createProject(srv, { pm_id: pm.id });
	// A change that opens a risk: the project moves past framing with its
	// spec empty.
	assert.equal((await srv.api('POST', `/api/v1/projects/${p.id}/stage`,
	    { stage: 'modelling', override: true, reason: 'not gates' })).status,
	    200);
	assert.equal((await srv.api('POST',
	    `/api/v1/projects/${other.id}/stage`, { stage: 'modelling',
	    override: true, reason: 'not gates' })).status, 200);
	assert.ok(await eventually(async () => recv.at('/chat').length > 0,
	    20000), 'a chat message');
	await sleep(600);
	for (const g of recv.at('/chat')) {
		const m = JSON.parse(g.body);
		assert.deepEqual(Object.keys(m), ['text']);
		assert.match(m.text, /^New (critical|high|medium|low) risk: /);
		assert.ok(m.text.endsWith(` \u00b7 <https://handoff.example.com/` +
		    `projects/${p.id}|Churn &lt;model&gt; &amp; co>`), m.text);
		assert.equal(g.headers['webhook-signature'], undefined);
	}
});

test('the Monday digest: once a week, as a chat message and a webhook',
    async () => {
	await allowLoopback(true);
	// TODAY is a Monday: the week's digest is written on the next idle
	// claim, once, whichever worker gets there first.
	assert.equal(new Date(`${TODAY}T00:00:00Z`).getUTCDay(), 1);
	const chatHook = await srv.api('POST', '/api/v1/webhooks', {
	    name: 'team channel', channel: 'chat', url: recv.url('/weekly'),
	    events: 'digest.weekly' });
	assert.equal(chatHook.status, 201, chatHook.text);
	const h = await hook('/weekly-hook', 'digest.weekly');
	assert.ok(await eventually(async () => recv.at('/weekly').length > 0 &&
	    recv.at('/weekly-hook').length > 0, 20000), 'the digest');
	await sleep(1500);
	assert.equal(recv.at('/weekly').length, 1, 'once');
	assert.equal(recv.at('/weekly-hook').length, 1, 'once');
	assert.equal(await q('SELECT count(*) FROM outbox_weeks'), '1');
	const text = JSON.parse(recv.at('/weekly')[0].body).text;
	assert.match(text, /^\*<https:\/\/handoff\.example\.com\/digest\?week=2026-W12\|Risk digest>, week 2026-W12\*\n\d+ open: \d+ critical, \d+ high/);
	// The same numbers as the digest's own chat form.
	const own = await srv.request('GET',
	    '/digest.md?format=chat');
	assert.equal(own.status, 200, own.text);
	assert.equal(text, own.text);
	const g = recv.at('/weekly-hook')[0];
	assert.ok(verify(h.secret, g.headers, g.body));
	const body = JSON.parse(g.body);
	assert.equal(body.type, 'digest.weekly');
	assert.equal(body.data.week, '2026-W12');
	assert.equal(body.data.chat, text);
	assert.deepEqual(Object.keys(body.data.open).sort(),
	    ['critical', 'high', 'low', 'medium']);
});

test('two instances deliver each message once', async () => {
	await allowLoopback(true);
	second = await startServer({ db: srv.db, env: { HANDOFF_TODAY: TODAY,
	    ...ENV } });
	const h = await hook('/twice', 'checkpoint.updated');
	const p = await createProject(srv, { pm_id: pm.id });
	const N = 24;
	for (let i = 0; i < N; i++) {
		const cp = p.checkpoints[i % p.checkpoints.length];
		const r = await (i % 2 ? second : srv).api('PATCH',
		    `/api/v1/checkpoints/${cp.id}`, { note: `note ${i}` });
		assert.equal(r.status, 200, r.text);
	}
	assert.equal(await q(`SELECT count(*) FROM outbox
	    WHERE target_id = ${h.id}`), String(N));
	assert.ok(await eventually(async () => await q(`SELECT count(*)
	    FROM outbox WHERE target_id = ${h.id} AND
	    delivered_at IS NOT NULL`) === String(N), 20000), 'all delivered');
	await sleep(1000);
	const got = recv.at('/twice');
	assert.equal(got.length, N);
	assert.equal(new Set(got.map((g) => g.headers['webhook-id'])).size, N);
	const runners = await q(`SELECT count(DISTINCT leased_by) FROM outbox
	    WHERE target_id = ${h.id}`);
	assert.equal(runners, '0', 'every lease let go');
	// Deleting the endpoint takes its messages.
	const del = await srv.api('DELETE', `/api/v1/webhooks/${h.id}`);
	assert.equal(del.status, 200, del.text);
	assert.equal(await q(`SELECT count(*) FROM outbox
	    WHERE target_id = ${h.id}`), '0');
});

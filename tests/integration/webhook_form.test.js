// Registering a webhook or chat endpoint on the /outbox page (admins):
// the form (src/page_outbox.c, POST /outbox/webhooks) does what POST
// /api/v1/webhooks does, and shows a webhook's signing secret once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, psql } from '../lib/fixtures.js';
import { FORM_TYPE, formBody } from '../lib/security.js';

let srv;
before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

const register = (fields) => srv.request('POST', '/outbox/webhooks', {
    headers: { 'content-type': FORM_TYPE }, body: formBody(fields) });

test('the outbox page has the form, one checkbox per event', async () => {
	const page = await srv.request('GET', '/outbox');
	assert.equal(page.status, 200, page.text);
	assert.match(page.text, /<form method="post" action="\/outbox\/webhooks"/);
	const events = (await srv.api('GET', '/api/v1/webhooks')).json.events;
	assert.ok(events.length > 5);
	for (const e of events)
		assert.ok(page.text.includes(`name="${e}" value="on"`), e);
});

test('a webhook registered by the form shows its secret once', async () => {
	const r = await register({ name: 'Tracker <b>', channel: 'webhook',
	    url: 'https://hooks.example.com/handoff', 'risk.opened': 'on',
	    'checkpoint.updated': 'on' });
	assert.equal(r.status, 200, r.text);
	const secret = r.text.match(/<code id="webhook-secret">(whsec_[A-Za-z0-9+/=]+)<\/code>/)?.[1];
	assert.ok(secret, r.text);
	assert.ok(r.text.includes('Tracker &lt;b&gt;'));
	const list = (await srv.api('GET', '/api/v1/webhooks')).json.endpoints;
	const e = list.find((x) => x.name === 'Tracker <b>');
	assert.deepEqual(e.events, ['checkpoint.updated', 'risk.opened']);
	assert.equal(e.channel, 'webhook');
	assert.equal(await psql(`SELECT secret FROM outbox_targets
	    WHERE id = ${e.id}`, { db: srv.db }), secret);
	// Never again: not on the page, not in the API.
	const page = await srv.request('GET', '/outbox');
	assert.ok(page.text.includes('Tracker &lt;b&gt;'));
	assert.ok(!page.text.includes(secret));
	assert.ok(!JSON.stringify(list).includes(secret));
});

test('a chat endpoint has no secret; refusals say which field', async () => {
	let r = await register({ name: 'Team chat', channel: 'chat',
	    url: 'https://chat.example.com/hooks/1', 'digest.weekly': 'on' });
	assert.equal(r.status, 200, r.text);
	assert.ok(!r.text.includes('webhook-secret'));
	const list = (await srv.api('GET', '/api/v1/webhooks')).json.endpoints;
	assert.deepEqual(list.find((x) => x.name === 'Team chat').events,
	    ['digest.weekly']);

	const before = list.length;
	for (const [fields, field] of [
	    [{ name: 'x', url: 'https://10.0.0.1/h', 'risk.opened': 'on' },
		'url'],
	    [{ name: 'x', url: 'https://hooks.example.com/h' }, 'events'],
	    [{ name: 'x', channel: 'chat', url: 'https://c.example.com/h',
		'checkpoint.updated': 'on' }, 'events'],
	    [{ url: 'https://hooks.example.com/h', 'risk.opened': 'on' },
		'name']]) {
		r = await register(fields);
		assert.equal(r.status, 400, r.text);
		assert.match(r.text, new RegExp(`role="alert">${field}: `));
	}
	assert.equal((await srv.api('GET', '/api/v1/webhooks')).json
	    .endpoints.length, before);
});

// The production readiness review's checklist:
// GET|PATCH /api/v1/projects/{id}/readiness, the review checkpoint's gate
// (done refused with an unanswered item unless a waiver reason is given).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, assertError, assertVersioned,
    auditCount, auditOf, rowCount, dbValue } from '../lib/fixtures.js';

let srv;

before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

const ITEMS = ['test_metrics_vs_baseline', 'calibration', 'slice_analysis',
    'feature_freeze', 'latency_budget', 'fallback_wired', 'feature_flag',
    'shadow_mode', 'circuit_breaker', 'monitoring_alert', 'on_call',
    'rollback_tested'];

const path = (p) => `/api/v1/projects/${p.id}/readiness`;

function review(doc) {
	const c = doc.checkpoints.find((c) =>
	    c.title.startsWith('Production readiness review'));
	assert.ok(c, 'the project has its readiness review');
	return c;
}

function answers(keys, answer, extra = {}) {
	return { items: Object.fromEntries(keys.map((k) =>
	    [k, { answer, ...extra }])) };
}

test('a new project: every item unanswered, version 1, no score',
    async () => {
	const p = await createProject(srv);
	const r = await srv.api('GET', path(p));
	assertVersioned(r, 200, 1);
	assert.deepEqual(r.json.items.map((i) => i.key), ITEMS);
	assert.ok(r.json.items.every((i) => i.answer === null &&
	    i.answered_by === null && i.evidence_url === null));
	assert.deepEqual(r.json.score, { yes: 0, no: 0, na: 0,
	    unanswered: 12, applicable: 12, ratio: 0 });
	assert.equal(r.json.review.checkpoint_id, review(p).id);
	assert.equal(r.json.waiver, null);

	const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
	assert.deepEqual(doc.json.readiness, r.json,
	    'the project document carries the checklist');
});

test('PATCH answers items: who, when, evidence, score, history',
    async () => {
	const p = await createProject(srv);
	const r = await srv.api('PATCH', path(p), {
		items: {
			rollback_tested: { answer: 'yes',
			    evidence_url: 'https://wiki.example.com/rollback' },
			calibration: { answer: 'na' },
			shadow_mode: { answer: 'no' },
		} }, { 'if-match': '"1"', 'x-handoff-actor': 'rita' });
	assertVersioned(r, 200, 2);
	const byKey = Object.fromEntries(r.json.items.map((i) => [i.key, i]));
	assert.equal(byKey.rollback_tested.answer, 'yes');
	assert.equal(byKey.rollback_tested.evidence_url,
	    'https://wiki.example.com/rollback');
	assert.equal(byKey.rollback_tested.answered_by, 'rita');
	assert.equal(byKey.rollback_tested.answered_on, '2026-03-16');
	assert.equal(byKey.calibration.answer, 'na');
	assert.equal(byKey.shadow_mode.answer, 'no');
	assert.equal(byKey.on_call.answer, null);
	// yes / items that apply: 1 / 11.
	assert.deepEqual(r.json.score, { yes: 1, no: 1, na: 1,
	    unanswered: 9, applicable: 11, ratio: 0.09 });

	// A second answer replaces the first; both stay in the versions.
	const r2 = await srv.api('PATCH', path(p),
	    { items: { shadow_mode: { answer: 'yes', evidence_url: null } } },
	    { 'if-match': '"2"' });
	assertVersioned(r2, 200, 3);
	assert.equal(r2.json.score.yes, 2);
	assert.equal(await rowCount(srv, 'readiness_versions',
	    `project_id = ${p.id}`), 4);
	assert.equal(await auditCount(srv, auditOf('readiness', p.id)), 2);
	const hist = await srv.api('GET', `/api/v1/projects/${p.id}/history`);
	assert.equal(hist.status, 200);
	assert.ok(hist.json.entries.some((e) => e.entity === 'readiness'),
	    hist.text);
});

test('PATCH with a stale If-Match: 412, nothing recorded', async () => {
	const p = await createProject(srv);
	const ok = await srv.api('PATCH', path(p),
	    answers(['on_call'], 'yes'), { 'if-match': '"1"' });
	assertVersioned(ok, 200, 2);
	const r = await srv.api('PATCH', path(p),
	    answers(['on_call'], 'no'), { 'if-match': '"1"' });
	assertError(r, 412, null);
	assert.equal(await rowCount(srv, 'readiness_versions',
	    `project_id = ${p.id}`), 1);
});

test('PATCH with bad input: 400 naming the field', async () => {
	const p = await createProject(srv);
	assertError(await srv.api('PATCH', path(p),
	    { items: { on_call: { answer: 'maybe' } } }),
	    400, 'items.on_call.answer');
	assertError(await srv.api('PATCH', path(p),
	    { items: { on_call: {} } }), 400, 'items.on_call.answer');
	assertError(await srv.api('PATCH', path(p),
	    { items: { vibes: { answer: 'yes' } } }), 400, 'items.vibes');
	assertError(await srv.api('PATCH', path(p),
	    { items: { on_call: { answer: 'yes',
	    evidence_url: 'javascript:alert(1)' } } }),
	    400, 'items.on_call.evidence_url');
	assertError(await srv.api('PATCH', path(p), { items: {} }), 400,
	    'items');
	assertError(await srv.api('PATCH', path(p), {}), 400, 'items');
	assertError(await srv.api('PATCH', '/api/v1/projects/999999/readiness',
	    answers(['on_call'], 'yes')), 404);
	assertError(await srv.api('GET', '/api/v1/projects/999999/readiness'),
	    404);
	assert.equal(await rowCount(srv, 'readiness_versions',
	    `project_id = ${p.id}`), 0);
});

test('the review cannot be done with an unanswered item: 409 naming them',
    async () => {
	const p = await createProject(srv);
	await srv.api('PATCH', path(p), answers(ITEMS.slice(0, 10), 'yes'));
	const c = review(p);
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { status: 'done' });
	assertError(r, 409, 'waiver_reason');
	assert.match(r.json.error.message, /2 unanswered item\(s\): on_call, rollback_tested/);
	const after = await srv.api('GET', `/api/v1/checkpoints/${c.id}`);
	assert.equal(after.json.status, 'pending');

	// Another checkpoint is not gated, and takes no waiver.
	const other = p.checkpoints.find((x) => x.id !== c.id);
	assertError(await srv.api('PATCH', `/api/v1/checkpoints/${other.id}`,
	    { status: 'done', waiver_reason: 'no' }), 400, 'waiver_reason');
	const fine = await srv.api('PATCH', `/api/v1/checkpoints/${other.id}`,
	    { status: 'done' });
	assert.equal(fine.status, 200, fine.text);
});

test('the review done with a waiver reason: accepted and recorded',
    async () => {
	const p = await createProject(srv);
	const c = review(p);
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { status: 'done', waiver_reason: 'launch is dark; on-call next week' },
	    { 'x-handoff-actor': 'paula' });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.status, 'done');
	const rd = await srv.api('GET', path(p));
	assert.deepEqual(rd.json.waiver, { reason:
	    'launch is dark; on-call next week', by: 'paula',
	    on: '2026-03-16' });
	assert.equal(rd.json.review.status, 'done');
	const after = await dbValue(srv, `SELECT after->>'waiver_reason' ||
	    ' ' || (after->'waived_items'->>0) FROM audit_log WHERE
	    ${auditOf('checkpoint', c.id)} AND action = 'status_done'`);
	assert.equal(after, 'launch is dark; on-call next week ' +
	    'test_metrics_vs_baseline');
});

test('the review done with every item answered needs no waiver',
    async () => {
	const p = await createProject(srv);
	await srv.api('PATCH', path(p), answers(ITEMS, 'na'));
	const c = review(p);
	assertError(await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { status: 'done', waiver_reason: 'just in case' }), 400,
	    'waiver_reason');
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { status: 'done' });
	assert.equal(r.status, 200, r.text);
	const rd = await srv.api('GET', path(p));
	assert.equal(rd.json.score.ratio, null, 'nothing applies: no score');
	assert.equal(rd.json.waiver, null);
});

test('a "no" within 14 days of the launch is a readiness gap, from its day',
    async () => {
	const p = await createProject(srv, { kickoff_on: '2026-01-05',
	    target_launch_on: '2026-03-25' });
	const r = await srv.api('PATCH', path(p), { items: {
		shadow_mode: { answer: 'no' }, on_call: { answer: 'yes' } } });
	assert.equal(r.status, 200, r.text);
	const gaps = async (asOf) => {
		const x = await srv.api('GET',
		    `/api/v1/projects/${p.id}/risks?as_of=${asOf}`);
		assert.equal(x.status, 200, x.text);
		return x.json.risks.filter((k) => k.kind === 'readiness_gaps');
	};
	// Answered on 2026-03-16 (today): not before.
	assert.deepEqual(await gaps('2026-03-15'), []);
	const now = await gaps('2026-03-16');
	assert.equal(now.length, 1, JSON.stringify(now));
	assert.equal(now[0].severity, 'medium');
	assert.equal(now[0].since, '2026-03-16');
	assert.deepEqual(now[0].subject, { key: 'readiness/shadow_mode',
	    type: 'readiness_item', item: 'shadow_mode' });
	assert.equal(now[0].url, `/projects/${p.id}#readiness`);
	assert.match(now[0].message, /answered no to "shadow mode run" on 2026-03-16, 9 days before the launch\./);

	// Answered yes: resolved.
	const y = await srv.api('PATCH', path(p),
	    { items: { shadow_mode: { answer: 'yes' } } });
	assert.equal(y.status, 200, y.text);
	assert.deepEqual(await gaps('2026-03-16'), []);
	const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
	assert.ok(!doc.json.risks.some((k) => k.kind === 'readiness_gaps'));
});

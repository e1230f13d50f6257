// The red flags through the API (README, the rules table), over four
// days (the server restarted with the next day): a decision's outcome is
// versioned, and a pivot or stop followed by a move forward is a critical
// stop_ignored until a new framing or a go; modelling with no baseline is
// high, critical from production, until the spec names one; a primary
// metric changed after the project left the data stage is moving
// goalposts until it is back; a checkpoint moved later three times is
// just a few more weeks.  The boundaries day by day, back-dated versions
// included, are in tests/unit/risk/*.case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, createCheckpoint, dbValue, addDays,
    TODAY } from '../lib/fixtures.js';

let srv;
const day = [TODAY, addDays(TODAY, 1), addDays(TODAY, 2), addDays(TODAY, 3)];
const p = {};		// A: pivot, B: stop, C: no baseline, D: goalposts,
			// E: slips
let feasA, feasB, slipping;

before(async () => { srv = await startApi({ HANDOFF_TODAY: day[0] }); });
after(async () => { await srv?.stop(); });

const SPEC = {
	decision: 'Route a ticket, or leave it in the shared queue',
	primary_metric: 'Precision of 0.90',
	secondary_constraint: 'Within a minute',
	worse_error: 'A ticket sent to the wrong team',
	fallback: 'The shared queue',
	monitoring_trigger: 'Re-routed tickets above 10 %',
};

async function ok(method, path, body) {
	const r = await srv.api(method, path, body);
	assert.equal(r.status, 200, `${method} ${path}: ${r.text}`);
	return r.json;
}

const stage = (x, to) => ok('POST', `/api/v1/projects/${x.id}/stage`,
    { stage: to, note: 'review', override: true, reason: 'gates later' });
const spec = (x, s) => ok('PATCH', `/api/v1/projects/${x.id}`, { spec: s });
const checkpoint = (c, body) => ok('PATCH', `/api/v1/checkpoints/${c.id}`,
    body);

async function risksOf(x, kind) {
	const r = await ok('GET', `/api/v1/projects/${x.id}/risks`);
	return r.risks.filter((k) => k.kind === kind);
}

const RED = ['stop_ignored', 'no_baseline', 'moving_goalposts',
    'few_more_weeks'];

async function redFlags(x) {
	const r = await ok('GET', `/api/v1/projects/${x.id}/risks`);
	return r.risks.filter((k) => RED.includes(k.kind))
	    .map((k) => `${k.kind} ${k.severity} since ${k.since}`);
}

test('day 0: five projects, no red flag yet', async () => {
	for (const k of ['A', 'B', 'C', 'D', 'E']) {
		p[k] = await createProject(srv, { spec: SPEC });
		await stage(p[k], 'data');
	}
	feasA = p.A.checkpoints.find((c) => c.decision);
	feasB = p.B.checkpoints.find((c) => c.decision);
	slipping = await createCheckpoint(srv, p.E.id,
	    { due_on: addDays(day[0], 20) });
	for (const k of ['A', 'B', 'C', 'D', 'E'])
		assert.deepEqual(await redFlags(p[k]), [], k);
});

test('day 1: a pivot and a stop recorded; modelling with no baseline',
    async () => {
	await srv.restart({ HANDOFF_TODAY: day[1] });
	await checkpoint(feasA, { status: 'done', outcome: 'pivot' });
	await checkpoint(feasB, { status: 'done', outcome: 'stop' });
	// The outcome is in the checkpoint's history, not only its row.
	assert.equal(await dbValue(srv, 'SELECT outcome FROM ' +
	    `checkpoint_versions WHERE checkpoint_id = ${feasA.id} ` +
	    'ORDER BY id DESC LIMIT 1'), 'pivot');
	await stage(p.C, 'baseline');
	await stage(p.C, 'modelling');
	await stage(p.D, 'baseline');
	await checkpoint(slipping, { due_on: addDays(day[0], 27),
	    reason: 'the labels need a second pass' });

	assert.deepEqual(await redFlags(p.A), [], 'a pivot alone');
	assert.deepEqual(await redFlags(p.B), [], 'a stop alone');
	assert.deepEqual(await redFlags(p.D), [], 'left data, same metric');
	assert.deepEqual(await redFlags(p.E), [], 'one slip');
	const [r] = await risksOf(p.C, 'no_baseline');
	assert.ok(r, 'in modelling without a baseline');
	assert.equal(r.severity, 'high');
	assert.equal(r.since, day[1]);
	assert.equal(r.subject.key, 'project');
	assert.equal(r.url, `/projects/${p.C.id}#spec`);
	assert.equal(r.actor.id, p.C.pm.id);
	assert.match(r.message, /^[^:]+: no baseline comparison: the project is in Modelling & iteration .*cannot prove ML adds value\.$/);
});

test('day 2: moved on after the pivot and the stop; the metric changed',
    async () => {
	await srv.restart({ HANDOFF_TODAY: day[2] });
	await stage(p.A, 'baseline');
	await stage(p.B, 'baseline');
	await stage(p.C, 'evaluation');
	await stage(p.C, 'production');
	await spec(p.D, { primary_metric: 'Recall of 0.95' });
	await checkpoint(slipping, { due_on: addDays(day[0], 34),
	    reason: 'urgent tickets are too few' });

	const [s] = await risksOf(p.A, 'stop_ignored');
	assert.ok(s, 'the move forward ignores the pivot');
	assert.equal(s.severity, 'critical');
	assert.equal(s.since, day[2]);
	assert.equal(s.subject.key, `checkpoint/${feasA.id}`);
	assert.equal(s.subject.type, 'checkpoint');
	assert.equal(s.url, `/projects/${p.A.id}#checkpoint-${feasA.id}`);
	assert.equal(s.actor.id, p.A.pm.id);
	assert.match(s.message, new RegExp(`recorded pivot on ${day[1]}, ` +
	    `and the project moved forward on ${day[2]} without a new ` +
	    'framing \\(now in Baseline\\)'));
	assert.deepEqual(await redFlags(p.B),
	    [`stop_ignored critical since ${day[2]}`]);
	assert.deepEqual(await redFlags(p.C),
	    [`no_baseline critical since ${day[1]}`]);
	const [g] = await risksOf(p.D, 'moving_goalposts');
	assert.ok(g, 'the goalposts moved');
	assert.equal(g.severity, 'high');
	assert.equal(g.since, day[2]);
	assert.equal(g.subject.key, 'spec/primary_metric');
	assert.equal(g.subject.field, 'primary_metric');
	assert.match(g.message, new RegExp('the primary metric or its ' +
	    `target changed on ${day[2]}, after the project left Data ` +
	    `exploration on ${day[1]}`));
	assert.deepEqual(await redFlags(p.E), [], 'two slips, 14 days');
});

test('day 3: a new framing, a go, a baseline, the metric back; a third ' +
    'slip', async () => {
	await srv.restart({ HANDOFF_TODAY: day[3] });
	await stage(p.A, 'framing');
	await checkpoint(feasB, { outcome: 'go' });
	await spec(p.C, { baseline: 'The rules: precision 0.62' });
	await spec(p.D, { primary_metric: 'Precision of 0.90' });
	await checkpoint(slipping, { due_on: addDays(day[0], 41),
	    reason: 'just a few more weeks' });

	for (const k of ['A', 'B', 'C', 'D'])
		assert.deepEqual(await redFlags(p[k]), [], k);
	const [w] = await risksOf(p.E, 'few_more_weeks');
	assert.ok(w, 'slipped three times');
	assert.equal(w.severity, 'medium');
	assert.equal(w.since, day[3]);
	assert.equal(w.subject.key, `checkpoint/${slipping.id}`);
	assert.equal(w.actor.id, p.E.pm.id, 'nobody owns it: the PM');
	assert.match(w.message, new RegExp(`has slipped 3 times, from ` +
	    `${addDays(day[0], 20)} to ${addDays(day[0], 41)} \\(21 days in ` +
	    'all\\): just a few more weeks\\?$'));
	// The portfolio's list, from the ledger, says the same.
	const all = await ok('GET', '/api/v1/risks?limit=200');
	assert.ok(all.risks.some((r) => r.kind === 'few_more_weeks' &&
	    r.project.id === p.E.id && r.since === day[3]));
});

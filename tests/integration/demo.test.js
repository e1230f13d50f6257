// The demo portfolio that `make run` seeds tells a story per project (the
// comments of sql/demo/seed.sql): seeded as of a fixed day, the risks are
// the ones those stories set up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

const TODAY = '2026-11-25';	/* a Wednesday */
let srv, risks;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
	risks = (await srv.api('GET', '/api/v1/risks')).json.risks;
});

after(async () => { await srv?.stop(); });

function of(project) {
	return risks.filter((r) => (r.project?.name ?? null) === project)
	    .map((r) => `${r.kind} ${r.severity} ${r.subject.key}`).sort();
}

test('seven projects, about twelve people, demo accounts', async () => {
	const p = await srv.api('GET', '/api/v1/projects?status=all');
	assert.equal(p.json.total, 7);
	const people = await srv.api('GET', '/api/v1/people');
	assert.equal(people.json.total, 12);
	const roles = new Set(people.json.people.map((x) => x.role));
	assert.deepEqual([...roles].sort(), ['ds', 'mle', 'pm', 'swe']);
	const login = await srv.request('POST', '/api/v1/session', { auth: false,
	    body: { email: 'maya@example.com', password: 'demo-pm-pass' } });
	assert.equal(login.status, 200);
	assert.equal(login.json.user.role, 'pm');
});

// On-call is a box to own once the project leaves framing (assign at
// kickoff): medium in modelling, rising as its stage nears.
test('churn: on track, one empty box (on-call SWE)', () => {
	assert.deepEqual(of('Churn prediction'),
	    ['empty_owner medium on_call/swe']);
});

test('fraud: the week-6 error analysis ten days late and passed over by ' +
    'an override, handoff C waiting', () => {
	const fraud = risks.filter((r) => r.project?.name ===
	    'Card fraud flags');
	const late = fraud.find((r) => r.kind === 'missed_checkpoint')
	    .subject.key;
	assert.deepEqual(of('Card fraud flags'), [
		'handoff_not_accepted medium handoff/c',
		`missed_checkpoint high ${late}`,
		`overridden_gate high ${late}`,
	]);
	assert.match(fraud.find((r) => r.kind === 'overridden_gate').message,
	    /moved to Evaluation & sign-off on \d{4}-\d\d-\d\d with 1 unmet gate:/i);
	const missed = fraud.find((r) => r.kind === 'missed_checkpoint');
	assert.match(missed.message, /Improved model with error analysis/);
	assert.match(missed.message, /10 days overdue/);
});

test('recommendations: nobody owns monitoring or the rollback decision, ' +
    'and the shadow run a week before launch answered no', () => {
	assert.deepEqual(of('Long-tail product recommendations'), [
		'empty_owner critical rollback_decision/mle',
		'empty_owner critical rollback_decision/swe',
		'empty_owner high monitoring_drift/mle',
		'readiness_gaps high readiness/shadow_mode',
	]);
	assert.match(risks.find((r) => r.kind === 'readiness_gaps').message,
	    /^Maya Chen: the readiness review answered no to "shadow mode run" on \d{4}-\d{2}-\d{2}, 7 days before the launch\.$/);
});

test('credit risk: spec gaps, and the boxes of the data scientist who left',
    () => {
	const got = of('Instant-loan credit risk');
	assert.ok(got.includes('incomplete_spec high spec/fallback'));
	assert.ok(got.includes('incomplete_spec high spec/monitoring_trigger'));
	const boxes = got.filter((x) => x.startsWith('empty_owner'));
	assert.equal(boxes.length, 7, 'every DS box of Lena');
	for (const b of boxes)
		assert.match(b, /\/ds$/);
	assert.ok(boxes.includes('empty_owner critical problem_framing/ds'));
	const lena = risks.find((r) => r.subject.key === 'problem_framing/ds');
	assert.match(lena.message, /Lena Fischer is inactive/);
});

// The red flags (README, the rules table): a pivot ignored, no baseline,
// the metric changed after the data stage, a checkpoint that keeps
// slipping; the baseline answer the spec never had; and the data audit
// that never said how reliable the labels are.
test('ticket routing: the project that would not stop', () => {
	const routing = risks.filter((r) => r.project?.name ===
	    'Support ticket routing');
	const key = (kind) => routing.find((r) => r.kind === kind)
	    ?.subject.key;
	assert.deepEqual(of('Support ticket routing'), [
		'data_audit_missing high audit',
		`few_more_weeks medium ${key('few_more_weeks')}`,
		'incomplete_spec high spec/baseline',
		'moving_goalposts high spec/primary_metric',
		'no_baseline high project',
		`stop_ignored critical ${key('stop_ignored')}`,
	]);
	const msg = (kind) => routing.find((r) => r.kind === kind).message;
	assert.match(msg('stop_ignored'), /^Tom Okafor: checkpoint "Data exploration findings and feasibility call \(go \/ pivot \/ stop\)" recorded pivot on \d{4}-\d{2}-\d{2}, and the project moved forward on /);
	assert.match(msg('no_baseline'), /cannot prove ML adds value/);
	assert.match(msg('data_audit_missing'), /^Tom Okafor: the data audit does not say how reliable the labels are, and the project left Data exploration on \d{4}-\d{2}-\d{2}\.$/);
	assert.match(msg('moving_goalposts'), /after the project left Data exploration on /);
	assert.match(msg('few_more_weeks'), /Improved model with error analysis by slice" has slipped 3 times, .* \(21 days in all\)/);
	for (const kind of ['stop_ignored', 'few_more_weeks'])
		assert.equal(routing.find((r) => r.kind === kind).subject.type,
		    'checkpoint');
	assert.equal(routing.find((r) => r.kind === 'moving_goalposts')
	    .subject.field, 'primary_metric');
});

test('spam filter is quiet; dynamic pricing is paused', () => {
	assert.deepEqual(of('Spam filter for messaging'), []);
	assert.deepEqual(of('Dynamic pricing'), []);
});

test('one person owns too many boxes', () => {
	assert.deepEqual(of(null), ['overloaded_owner medium person/6']);
	assert.match(risks.find((r) => r.kind === 'overloaded_owner').message,
	    /Priya Nair/);
});

test('this week and the weeks before show new, resolved and a trend',
    async () => {
	const d = (await srv.api('GET', '/api/v1/digest')).json;
	assert.ok(d.new.length >= 7, `${d.new.length} new`);
	assert.ok(d.new.some((r) => r.kind === 'overloaded_owner'));
	assert.deepEqual(d.resolved.map((r) => r.subject.key).sort(),
	    ['feature_pipeline/mle', 'latency_budget/swe']);
	assert.ok(d.resolved.every((r) => r.resolved_by === 'maya@example.com'));
	const totals = d.trend.map((t) => t.counts.total);
	assert.ok(new Set(totals).size > 2, `a real trend: ${totals}`);
	assert.ok(d.due_next_week.length >= 1);
});

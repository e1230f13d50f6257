// A plan from both ends, and the launch ledger: a new project's stages fit
// between its kickoff and its target launch (the cases of
// tests/integration/cases/plan.cases); moving the launch needs a reason,
// is kept in the ledger, and carries the launch-anchored checkpoints and
// the part of the plan not started yet with it, each shift recorded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_USER, TOP } from '../lib/harness.js';
import { startApi, createPerson, createProject, assertError,
    assertVersioned, auditCount, auditOf, historyOf, rowCount, stored,
    addDays, TODAY, KICKOFF, LAUNCH } from '../lib/fixtures.js';
import { STAGE_TEMPLATE, daysBetween, fitLengths, fitPlan,
    minimumWindow } from '../lib/plan.js';

let srv;
let pm;

before(async () => {
	srv = await startApi();
	pm = await createPerson(srv, { name: 'Lia Launch', role: 'pm' });
});
after(async () => { await srv?.stop(); });

const PROJECTS = '/api/v1/projects';
const BEFORE_LAUNCH = STAGE_TEMPLATE.length - 1;
const MONITORING_DAYS = 7 * STAGE_TEMPLATE[BEFORE_LAUNCH].weeks;

function create(kickoff, launch) {
	return srv.api('POST', PROJECTS, { name: `Plan ${kickoff} ${launch}`,
	    pm_id: pm.id, kickoff_on: kickoff, target_launch_on: launch });
}

function lengths(stages) {
	return stages.slice(0, BEFORE_LAUNCH).map((s) =>
	    daysBetween(s.planned_start, s.planned_end) + 1);
}

// What must hold of any plan, whatever the numbers: back to back from
// the start, production ending the day before the launch, monitoring
// from the launch, each stage at least its minimum and, unless at its
// minimum, within a day of its proportional share.
function assertFits(stages, start, launch, from = 0) {
	const span = daysBetween(start, launch);
	const tail = stages.slice(from);
	assert.equal(tail.length, STAGE_TEMPLATE.length - from);
	let day = start;
	tail.slice(0, -1).forEach((s, i) => {
		const t = STAGE_TEMPLATE[from + i];
		assert.equal(s.key, t.key);
		assert.equal(s.planned_start, day, `${s.key} starts where ` +
		    'the one before ends');
		const len = daysBetween(s.planned_start, s.planned_end) + 1;
		assert.ok(len >= t.min, `${s.key}: ${len} >= ${t.min}`);
		day = addDays(s.planned_end, 1);
	});
	assert.equal(day, launch, 'production ends the day before the launch');
	const mon = tail[tail.length - 1];
	assert.equal(mon.key, 'monitoring');
	assert.equal(mon.planned_start, launch);
	const weeks = STAGE_TEMPLATE.slice(from, -1).reduce((n, t) =>
	    n + 7 * t.weeks, 0);
	tail.slice(0, -1).forEach((s, i) => {
		const t = STAGE_TEMPLATE[from + i];
		const len = daysBetween(s.planned_start, s.planned_end) + 1;
		if (len > t.min && span * 7 * t.weeks >= t.min * weeks)
			assert.ok(Math.abs(len - span * 7 * t.weeks / weeks) < 1 +
			    1e-9 || len > t.min, s.key);
	});
}

// The case file: "kickoff launch: lengths" or "kickoff launch: refused
// earliest".
const CASES = readFileSync(join(TOP, 'tests/integration/cases/plan.cases'),
    'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
	const m = l.match(/^(\S+) (\S+): (refused (\S+)|[\d ]+)$/);
	assert.ok(m, `a case: ${l}`);
	return { kickoff: m[1], launch: m[2], earliest: m[4],
	    lengths: m[4] ? null : m[3].split(' ').map(Number) };
});

for (const c of CASES) {
	test(`plan ${c.kickoff} to ${c.launch}: ` + (c.lengths ?
	    c.lengths.join(' ') : `refused, earliest ${c.earliest}`),
	    async () => {
		const r = await create(c.kickoff, c.launch);
		if (c.lengths === null) {
			assertError(r, 400, 'target_launch_on');
			const need = minimumWindow();
			assert.equal(addDays(c.kickoff, need), c.earliest);
			assert.match(r.json.error.message, new RegExp(
			    `at least ${need}\\b.*${c.earliest}`));
			assert.equal(fitLengths(daysBetween(c.kickoff,
			    c.launch)), null);
			return;
		}
		assert.equal(r.status, 201, r.text);
		assert.deepEqual(lengths(r.json.stages), c.lengths);
		assertFits(r.json.stages, c.kickoff, c.launch);
		const mon = r.json.stages[BEFORE_LAUNCH];
		assert.equal(mon.planned_end, addDays(c.launch,
		    MONITORING_DAYS - 1));
		// The rule as tests/lib/plan.js says it agrees.
		assert.deepEqual(fitLengths(daysBetween(c.kickoff, c.launch)),
		    c.lengths);
		// The framing sign-off is due a week after the kickoff.
		assert.equal(r.json.checkpoints.find((x) =>
		    x.stage === 'framing').due_on, addDays(c.kickoff, 7));
	});
}

test('every window from 10 to 40 days: refused below the minimum, fitted ' +
    'from it on', async () => {
	const kickoff = '2026-12-20';
	for (let span = 10; span <= 40; span++) {
		const launch = addDays(kickoff, span);
		const r = await create(kickoff, launch);
		if (span < minimumWindow()) {
			assertError(r, 400, 'target_launch_on');
			continue;
		}
		assert.equal(r.status, 201, `${span}: ${r.text}`);
		assertFits(r.json.stages, kickoff, launch);
		assert.deepEqual(r.json.stages.map((s) => [s.key,
		    s.planned_start, s.planned_end]), fitPlan(kickoff, launch)
		    .map((s) => [s.key, s.planned_start, s.planned_end]),
		    `${span} days`);
	}
});

// The launch ledger ----------------------------------------------------

function patch(id, body, headers) {
	return srv.api('PATCH', `${PROJECTS}/${id}`, body, headers);
}

async function getProject(id) {
	const r = await srv.api('GET', `${PROJECTS}/${id}`);
	assert.equal(r.status, 200, r.text);
	return stored(r.json);
}

const launchCheckpoint = (d) => d.checkpoints.find((c) =>
    c.stage === 'monitoring');

// What a refused write must leave alone.
async function ledgerRows(id) {
	const where = `project_id = ${id}`;
	return [await auditCount(srv, where),
	    await rowCount(srv, 'launch_moves', where),
	    await rowCount(srv, 'plan_versions', where),
	    await rowCount(srv, 'checkpoint_slips', `checkpoint_id IN ` +
		`(SELECT id FROM checkpoints WHERE ${where})`)];
}

test('a new project: the plan fits kickoff to launch, the launch ledger is ' +
    'empty', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	assertFits(p.stages, KICKOFF, LAUNCH);
	assert.deepEqual(p.launch_moves, []);
	assert.equal(launchCheckpoint(p).due_on, addDays(LAUNCH, 14));
});

test('moving the launch without a reason is a 400 naming reason, and ' +
    'changes nothing; a reason without a move too', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const rows = await ledgerRows(p.id);
	for (const body of [{ target_launch_on: addDays(LAUNCH, 7) },
	    { target_launch_on: addDays(LAUNCH, 7), reason: ' \t' },
	    { name: 'Renamed', target_launch_on: addDays(LAUNCH, 7),
		reason: null },
	    { reason: 'nothing moves' },
	    { target_launch_on: LAUNCH, reason: 'the same day' }]) {
		const r = await patch(p.id, body);
		assertError(r, 400, body.reason === null ? undefined :
		    'reason');
	}
	assert.deepEqual(await getProject(p.id), p);
	assert.deepEqual(await ledgerRows(p.id), rows);
	// The same launch again needs no reason.
	assertVersioned(await patch(p.id, { target_launch_on: LAUNCH }), 200,
	    2);
	assert.equal(await rowCount(srv, 'launch_moves',
	    `project_id = ${p.id}`), 0);
});

// The move of the brief: seven weeks later, the project in framing.
test('moving the launch later: ledger, checkpoint slip, plan versions, ' +
    'history', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const to = addDays(LAUNCH, 49);
	const reason = 'legal review of the <new> consent flow';
	const rows = await ledgerRows(p.id);
	const r = await patch(p.id, { target_launch_on: to, reason },
	    { 'if-match': '"1"', 'x-handoff-actor': 'lia@example.com' });
	assertVersioned(r, 200, 2);
	const d = stored(r.json);
	assert.equal(d.target_launch_on, to);

	// The ledger.
	assert.equal(d.launch_moves.length, 1);
	const m = d.launch_moves[0];
	assert.deepEqual({ ...m, at: undefined }, { from_launch_on: LAUNCH,
	    to_launch_on: to, reason, on: TODAY, actor: 'lia@example.com',
	    at: undefined });
	assert.match(m.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

	// The launch-anchored checkpoint moved as far, with a slip whose
	// reason is the launch move; the kickoff-anchored ones did not.
	const before = launchCheckpoint(p);
	const cp = launchCheckpoint(d);
	assert.equal(cp.due_on, addDays(before.due_on, 49));
	assert.equal(cp.due_on, addDays(to, 14));
	assert.equal(cp.original_due_on, before.original_due_on);
	assert.equal(cp.version, 2);
	assert.equal(cp.slips.length, 1);
	assert.equal(cp.slips[0].from_due_on, before.due_on);
	assert.equal(cp.slips[0].to_due_on, cp.due_on);
	assert.equal(cp.slips[0].on, TODAY);
	assert.equal(cp.slips[0].actor, 'lia@example.com');
	assert.equal(cp.slips[0].reason,
	    `launch moved from ${LAUNCH} to ${to}: ${reason}`);
	for (const c of d.checkpoints.filter((x) => x.id !== cp.id))
		assert.deepEqual(c, p.checkpoints.find((x) => x.id === c.id));
	const got = await srv.api('GET', `/api/v1/checkpoints/${cp.id}`);
	assertVersioned(got, 200, 2);

	// The plan: framing (current) keeps its dates; the rest is fitted
	// again from the day after it to the new launch; monitoring keeps
	// its length.
	assert.deepEqual(d.stages[0], p.stages[0]);
	const from = addDays(p.stages[0].planned_end, 1);
	assertFits(d.stages, from, to, 1);
	const want = fitPlan(from, to, 1, MONITORING_DAYS);
	assert.deepEqual(d.stages.slice(1).map((s) => [s.key, s.planned_start,
	    s.planned_end]), want.map((s) => [s.key, s.planned_start,
	    s.planned_end]));

	// Each shift recorded: one ledger row, a plan version per stage
	// that moved (all six after framing), one slip, three audit rows
	// (the project, the checkpoint's slip).
	const moved = d.stages.filter((s, i) => s.planned_start !==
	    p.stages[i].planned_start || s.planned_end !==
	    p.stages[i].planned_end).length;
	assert.equal(moved, 6);
	assert.deepEqual(await ledgerRows(p.id), [rows[0] + 2, rows[1] + 1,
	    rows[2] + moved, rows[3] + 1]);
	assert.equal(await rowCount(srv, 'checkpoint_versions',
	    `checkpoint_id = ${cp.id}`), 2);

	const h = await historyOf(srv, p.id);
	const proj = h.entries.find((e) => e.entity === 'project' &&
	    e.action === 'launch_move');
	assert.ok(proj, 'the history names the launch move');
	assert.equal(proj.before.target_launch_on, LAUNCH);
	assert.equal(proj.after.target_launch_on, to);
	assert.equal(proj.after.reason, reason);
	assert.deepEqual(Object.keys(proj.after.plan).sort(),
	    want.map((s) => s.key).sort());
	const slip = h.entries.find((e) => e.entity === 'checkpoint' &&
	    e.entity_id === String(cp.id));
	assert.equal(slip.action, 'slip');
	assert.equal(slip.after.due_on, cp.due_on);
	assert.equal(await auditCount(srv, auditOf('checkpoint', cp.id)), 1);

	assert.deepEqual(await getProject(p.id), d);
});

test('moving the launch back, then forward again: the ledger keeps both, ' +
    'the checkpoint slips twice', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const sooner = addDays(LAUNCH, -30);
	const r1 = await patch(p.id, { target_launch_on: sooner,
	    reason: 'marketing date moved up' });
	assertVersioned(r1, 200, 2);
	const from = addDays(p.stages[0].planned_end, 1);
	assertFits(r1.json.stages, from, sooner, 1);
	assert.equal(launchCheckpoint(r1.json).due_on, addDays(sooner, 14));

	const r2 = await patch(p.id, { target_launch_on: LAUNCH,
	    reason: 'marketing date back' }, { 'if-match': '"2"' });
	assertVersioned(r2, 200, 3);
	const d = stored(r2.json);
	assert.deepEqual(d.launch_moves.map((m) => [m.from_launch_on,
	    m.to_launch_on, m.reason]), [
		[LAUNCH, sooner, 'marketing date moved up'],
		[sooner, LAUNCH, 'marketing date back']]);
	const cp = launchCheckpoint(d);
	assert.equal(cp.due_on, launchCheckpoint(p).due_on);
	assert.deepEqual(cp.slips.map((s) => [s.from_due_on, s.to_due_on]), [
		[addDays(LAUNCH, 14), addDays(sooner, 14)],
		[addDays(sooner, 14), addDays(LAUNCH, 14)]]);
	// Fitted again from the day after framing: the same ends as at the
	// start, the days between rounded for the shorter window.
	assert.deepEqual(d.stages[0], p.stages[0]);
	assert.deepEqual(d.stages.slice(1).map((s) => [s.key,
	    s.planned_start, s.planned_end]), fitPlan(from, LAUNCH, 1,
	    MONITORING_DAYS).map((s) => [s.key, s.planned_start,
	    s.planned_end]));
	assert.deepEqual(d.stages[5].planned_end, p.stages[5].planned_end);
	assert.deepEqual(d.stages[6], p.stages[6]);
});

test('a launch too soon for the stages left is refused with the earliest ' +
    'that fits, and that one is accepted', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const rows = await ledgerRows(p.id);
	// Framing is current: data to production are left, from the day
	// after framing's planned end.
	const from = addDays(p.stages[0].planned_end, 1);
	const earliest = addDays(from, minimumWindow(1));
	const r = await patch(p.id, { target_launch_on: addDays(earliest, -1),
	    reason: 'too soon' });
	assertError(r, 400, 'target_launch_on');
	assert.match(r.json.error.message, new RegExp(`${earliest}$`));
	assert.deepEqual(await getProject(p.id), p);
	assert.deepEqual(await ledgerRows(p.id), rows);

	const ok = await patch(p.id, { target_launch_on: earliest,
	    reason: 'as soon as it can be' });
	assertVersioned(ok, 200, 2);
	assertFits(ok.json.stages, from, earliest, 1);
	assert.deepEqual(lengths(ok.json.stages).slice(1),
	    STAGE_TEMPLATE.slice(1, -1).map((t) => t.min));
});

test('If-Match: a stale one moves nothing, the current one moves the launch',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	assertVersioned(await patch(p.id, { name: 'First' },
	    { 'if-match': '"1"' }), 200, 2);
	const rows = await ledgerRows(p.id);
	const now = await getProject(p.id);
	const stale = await patch(p.id, { target_launch_on: addDays(LAUNCH,
	    14), reason: 'stale' }, { 'if-match': '"1"' });
	assertError(stale, 412);
	assert.deepEqual(await getProject(p.id), now);
	assert.deepEqual(await ledgerRows(p.id), rows);

	const ok = await patch(p.id, { target_launch_on: addDays(LAUNCH, 14),
	    reason: 'current' }, { 'if-match': '"2"' });
	assertVersioned(ok, 200, 3);
	assert.equal(ok.json.launch_moves.length, 1);
	// The checkpoint it moved has a new version (its own ETag).
	const cp = launchCheckpoint(ok.json);
	const old = launchCheckpoint(now);
	assert.equal(cp.version, old.version + 1);
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
	    { note: 'stale tag' }, { 'if-match': `"${old.version}"` });
	assertError(r, 412);
});

test('a launch checkpoint already done stays where it was', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const cp = launchCheckpoint(p);
	assert.equal((await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
	    { status: 'done', completed_on: TODAY })).status, 200);
	const r = await patch(p.id, { target_launch_on: addDays(LAUNCH, 21),
	    reason: 'later' });
	assertVersioned(r, 200, 2);
	const after = launchCheckpoint(r.json);
	assert.equal(after.due_on, cp.due_on);
	assert.deepEqual(after.slips, []);
});

test('in production, the stage keeps its start and ends at the new launch; ' +
    'in monitoring the plan stays', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const st = await srv.api('POST', `${PROJECTS}/${p.id}/stage`,
	    { stage: 'production', note: 'fast', override: true, reason: 'gates later' });
	assert.equal(st.status, 200, st.text);
	const prod = p.stages[5];
	const to = addDays(LAUNCH, 10);
	const r = await patch(p.id, { target_launch_on: to,
	    reason: 'vendor late' });
	assertVersioned(r, 200, 3);
	assert.deepEqual(r.json.stages.slice(0, 5), stored(st.json).stages
	    .slice(0, 5));
	assertFits(r.json.stages, prod.planned_start, to, 5);

	const mon = await srv.api('POST', `${PROJECTS}/${p.id}/stage`,
	    { stage: 'monitoring', note: 'live', override: true, reason: 'gates later' });
	assert.equal(mon.status, 200, mon.text);
	const plans = await rowCount(srv, 'plan_versions',
	    `project_id = ${p.id}`);
	const r2 = await patch(p.id, { target_launch_on: addDays(to, 3),
	    reason: 'the date we really launched' });
	assertVersioned(r2, 200, 5);
	assert.deepEqual(r2.json.stages.map((s) => [s.planned_start,
	    s.planned_end]), mon.json.stages.map((s) => [s.planned_start,
	    s.planned_end]));
	assert.equal(await rowCount(srv, 'plan_versions',
	    `project_id = ${p.id}`), plans);
	assert.equal(launchCheckpoint(r2.json).due_on, addDays(to, 17));
	assert.equal(r2.json.launch_moves.length, 2);
});

test('the project page lists the launch moves, escaped', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const to = addDays(LAUNCH, 7);
	assert.equal((await patch(p.id, { target_launch_on: to,
	    reason: 'the <b>API</b> & "fallback"' })).status, 200);
	const page = await srv.request('GET', `/projects/${p.id}`);
	assert.equal(page.status, 200);
	const list = page.text.match(
	    /<ul class="slips launch-moves" aria-label="Launch moved">([^]*?)<\/ul>/);
	assert.ok(list, 'the page has the launch ledger');
	assert.ok(list[1].includes(`${TODAY}: launch moved from ${LAUNCH} ` +
	    `to ${to} by ${DEFAULT_USER}`), list[1]);
	assert.ok(list[1].includes('the &lt;b&gt;API&lt;/b&gt; &amp; ' +
	    '&quot;fallback&quot;'), list[1]);
	assert.ok(!page.text.includes('<b>API</b>'));
});

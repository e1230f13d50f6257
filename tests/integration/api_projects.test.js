// Projects: GET|POST /api/v1/projects, GET|PATCH /api/v1/projects/{id},
// POST /api/v1/projects/{id}/stage, GET /api/v1/projects/{id}/history, and
// what a new project gets from the templates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_USER } from '../lib/harness.js';
import { startApi, createPerson, createProject, assertError, assertVersioned,
    auditCount, auditOf, historyOf, rowCount, stored, addDays, TODAY, KICKOFF,
    LAUNCH } from '../lib/fixtures.js';
import { fitPlan } from '../lib/plan.js';

let srv;
let pm;

before(async () => {
	srv = await startApi();
	pm = await createPerson(srv, { name: 'Priya PM', role: 'pm' });
});
after(async () => { await srv?.stop(); });

const PROJECTS = '/api/v1/projects';

// The lifecycle (sql/0002_domain.sql's stages): key, name, default length
// in weeks.
const STAGES = [
	['framing', 'Problem framing', 1],
	['data', 'Data exploration', 2],
	['baseline', 'Baseline', 2],
	['modelling', 'Modelling & iteration', 2],
	['evaluation', 'Evaluation & sign-off', 1],
	['production', 'Production & integration', 2],
	['monitoring', 'Monitoring & maintenance', 4],
];

// The default checkpoints, with their decision flags and handoffs, as in
// sql/0002_domain.sql's checkpoint_templates: anchor, weeks, stage, title.
const CHECKPOINTS = [
	['kickoff', 1, 'framing', 'Framing signed off: every spec field filled',
	    false],
	['kickoff', 2, 'data', 'Data exploration findings and feasibility ' +
	    'call (go / pivot / stop)', true],
	['kickoff', 4, 'baseline', 'Baseline results against the primary ' +
	    'metric', false],
	['kickoff', 5, 'modelling', 'Training pipeline reproduces the ' +
	    'notebook (handoff B accepted)', false],
	['kickoff', 6, 'modelling', 'Improved model with error analysis by ' +
	    'slice', false],
	['kickoff', 7, 'evaluation', 'API contract and fallback agreed ' +
	    '(handoff C accepted)', false],
	['kickoff', 8, 'production', 'Production readiness review: rollback ' +
	    'tested, monitoring trigger wired, on-call named', true],
	['launch', 2, 'monitoring', 'Launch to operations handoff (handoff D ' +
	    'accepted) and first monitoring review', false],
];

// sql/0002_domain.sql responsibility_templates: key, name, needed_by,
// expected ds, mle, swe, handoff.
const RESPONSIBILITIES = [
	['problem_framing', 'Problem framing and data understanding',
	    'framing', true, false, false, null],
	['outcome_logging', 'Outcome and label logging', 'data',
	    true, false, true, 'a'],
	['feature_model_choice', 'Feature selection and model choice',
	    'baseline', true, false, false, null],
	['offline_evaluation', 'Offline evaluation and error analysis',
	    'modelling', true, false, false, null],
	['training_pipeline', 'Reproducible training pipeline', 'evaluation',
	    true, true, false, 'b'],
	['feature_pipeline', 'Feature pipeline, training/serving parity',
	    'production', true, true, false, null],
	['model_serving', 'Model serving', 'production',
	    false, true, false, null],
	['model_registry', 'Model registry and versioning', 'production',
	    false, true, false, null],
	['api_contract', 'API contract and product integration', 'production',
	    false, true, true, 'c'],
	['fallback', 'Fallback behaviour and error states', 'production',
	    false, false, true, null],
	['ab_testing', 'A/B test wiring and experiment logging', 'production',
	    false, false, true, null],
	['latency_budget', 'Latency budget', 'production',
	    false, true, true, null],
	['monitoring_drift', 'Monitoring and drift detection', 'monitoring',
	    false, true, false, 'd'],
	['on_call', 'On-call for model health', 'monitoring',
	    false, true, true, null],
	['retraining_trigger', 'Retraining trigger: decide (DS) and execute ' +
	    '(MLE)', 'monitoring', true, true, false, null],
	['rollback_decision', 'Rollback decision', 'production',
	    false, true, true, null],
];

const SPEC_KEYS = ['decision', 'primary_metric', 'secondary_constraint',
    'worse_error', 'fallback', 'monitoring_trigger', 'baseline',
    // The data availability audit (sql/0030_audit.sql).
    'data_outcome_logged', 'data_history', 'data_label_quality',
    'data_examples'];

function emptySpec() {
	return Object.fromEntries(SPEC_KEYS.map((k) => [k, null]));
}

// The planned periods, from the kickoff to the launch (tests/lib/plan.js).
function plannedStages(kickoff, launch) {
	return fitPlan(kickoff, launch).map((s, i) => ({ key: s.key,
	    name: STAGES[i][1], position: i + 1,
	    planned_start: s.planned_start, planned_end: s.planned_end }));
}

function expectedCheckpoints(kickoff, launch) {
	return CHECKPOINTS.map(([anchor, weeks, stage, title, decision]) => {
		const due = addDays(anchor === 'kickoff' ? kickoff : launch,
		    7 * weeks);
		return { stage, title, due_on: due, original_due_on: due,
		    owner: null, status: 'pending', completed_on: null,
		    decision, outcome: null, evidence_url: null, note: null,
		    version: 1, slips: [] };
	});
}

async function getProject(id) {
	const r = await srv.api('GET', `${PROJECTS}/${id}`);
	assertVersioned(r, 200, r.json?.version);
	return stored(r.json);
}

async function listAll(query = '') {
	const r = await srv.api('GET', `${PROJECTS}?limit=200${query}`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

// A project as it appears in the list: the flat fields only.
function flat(doc) {
	const { id, name, pm: p, status, stage, kickoff_on, target_launch_on,
	    created_on, updated_at, version, spec } = doc;
	return { id, name, pm: p, status, stage, kickoff_on, target_launch_on,
	    created_on, updated_at, version, spec };
}

test('POST /projects: 201, Location, ETag "1" and the whole project',
    async () => {
	const body = { name: 'Card fraud flags', pm_id: pm.id,
	    kickoff_on: KICKOFF, target_launch_on: LAUNCH,
	    spec: { decision: 'flag a card transaction for manual review',
		primary_metric: 'recall at precision 0.95' } };
	const r = await srv.api('POST', PROJECTS, body,
	    { 'x-handoff-actor': 'priya@example.com' });
	assertVersioned(r, 201, 1);
	const id = r.json.id;
	assert.ok(Number.isInteger(id) && id > 0);
	assert.equal(r.headers.get('location'), `${PROJECTS}/${id}`);

	assert.ok(Array.isArray(r.json.risks), 'the new project has its risks');
	const d = stored(r.json);
	assert.equal(d.name, body.name);
	assert.deepEqual(d.pm, { id: pm.id, name: pm.name, active: true });
	assert.equal(d.status, 'active');
	assert.equal(d.stage, 'framing');
	assert.equal(d.kickoff_on, KICKOFF);
	assert.equal(d.target_launch_on, LAUNCH);
	assert.equal(d.created_on, TODAY);
	assert.match(d.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	assert.deepEqual(d.spec, { ...emptySpec(), ...body.spec });
	for (const k of ['stages', 'checkpoints', 'handoffs', 'ownership'])
		assert.ok(Array.isArray(d[k]), k);

	// The Location serves the same document.
	const got = await srv.api('GET', r.headers.get('location'));
	assertVersioned(got, 200, 1);
	assert.deepEqual(stored(got.json), d);

	// One audit entry, by the actor of the header.
	const h = await historyOf(srv, id);
	assert.equal(h.total, 1);
	assert.equal(h.entries.length, 1);
	const e = h.entries[0];
	assert.equal(e.actor, 'priya@example.com');
	assert.equal(e.entity, 'project');
	assert.equal(e.entity_id, String(id));
	assert.equal(e.action, 'create');
	assert.equal(e.recorded_on, TODAY);
});

test('a new project gets the template: 7 stages from kickoff to launch',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const expected = plannedStages(KICKOFF, LAUNCH);
	// Spelled out once, so that the arithmetic above is checked too: 91
	// days for 70 of template, 1.3 days each: running totals 9.1, 27.3,
	// 45.5, 63.7, 72.8, 91 round to 9, 27, 46, 64, 73, 91; production
	// ends the day before the launch, monitoring starts at it.
	assert.deepEqual(expected.map((s) => [s.planned_start, s.planned_end]), [
		['2026-03-02', '2026-03-10'], ['2026-03-11', '2026-03-28'],
		['2026-03-29', '2026-04-16'], ['2026-04-17', '2026-05-04'],
		['2026-05-05', '2026-05-13'], ['2026-05-14', '2026-05-31'],
		['2026-06-01', '2026-06-28']]);

	assert.equal(p.stages.length, 7);
	p.stages.forEach((s, i) => {
		const want = expected[i];
		assert.equal(s.key, want.key);
		assert.equal(s.name, want.name);
		assert.equal(s.position, want.position);
		assert.equal(s.planned_start, want.planned_start, s.key);
		assert.equal(s.planned_end, want.planned_end, s.key);
		assert.equal(s.current, s.key === 'framing', s.key);
		assert.equal(typeof s.done_looks_like, 'string');
		assert.ok(s.done_looks_like.length > 0);
		// In framing since the kickoff; no other stage entered yet.
		assert.deepEqual(s.periods, s.key === 'framing' ?
		    [{ entered_on: KICKOFF, left_on: null }] : [], s.key);
	});
});

test('a new project gets the 8 default checkpoints at the right dates',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const expected = expectedCheckpoints(KICKOFF, LAUNCH);
	assert.deepEqual(expected.map((c) => c.due_on), ['2026-03-09',
	    '2026-03-16', '2026-03-30', '2026-04-06', '2026-04-13',
	    '2026-04-20', '2026-04-27', '2026-06-15']);

	assert.equal(p.checkpoints.length, 8);
	const ids = p.checkpoints.map((c) => c.id);
	assert.equal(new Set(ids).size, 8);
	p.checkpoints.forEach((c, i) => {
		assert.ok(Number.isInteger(c.id) && c.id > 0);
		const { id, project_id, ...rest } = c;
		assert.equal(project_id, p.id);
		assert.deepEqual(rest, expected[i], `checkpoint ${i + 1}`);
	});
	// Each is a resource of its own with an ETag.
	const one = await srv.api('GET', `/api/v1/checkpoints/${ids[1]}`);
	assertVersioned(one, 200, 1);
	assert.deepEqual(one.json, p.checkpoints[1]);
});

test('the launch checkpoint follows the target launch, not the kickoff',
    async () => {
	const launch = '2026-09-30';
	const p = await createProject(srv, { pm_id: pm.id,
	    kickoff_on: '2026-01-05', target_launch_on: launch });
	const expected = expectedCheckpoints('2026-01-05', launch);
	assert.deepEqual(p.checkpoints.map((c) => [c.due_on, c.title]),
	    expected.map((c) => [c.due_on, c.title]));
	assert.equal(p.checkpoints[7].due_on, '2026-10-14');
	assert.deepEqual(p.stages.map((s) => [s.planned_start, s.planned_end]),
	    plannedStages('2026-01-05', launch).map((s) => [s.planned_start,
		s.planned_end]));
});

test('a new project gets the 16-row ownership matrix, all cells empty',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	assert.equal(p.ownership.length, 16);
	p.ownership.forEach((row, i) => {
		const [key, name, neededBy, ds, mle, swe, handoff] =
		    RESPONSIBILITIES[i];
		// added_on: null, the template's (a row of the project's
		// own has the day it was added on).
		assert.deepEqual(row, { key, name, needed_by: neededBy,
		    handoff, added_on: null,
		    ds: { expected: ds, person: null, version: 1 },
		    mle: { expected: mle, person: null, version: 1 },
		    swe: { expected: swe, person: null, version: 1 } }, key);
	});
	// As many expected boxes as the template marks, all of them empty.
	const expectedCells = p.ownership.flatMap((r) =>
	    [r.ds, r.mle, r.swe]).filter((c) => c.expected);
	assert.equal(expectedCells.length, RESPONSIBILITIES.reduce((n, r) =>
	    n + r.slice(3, 6).filter(Boolean).length, 0));
	assert.ok(expectedCells.every((c) => c.person === null));
});

test('a new project has the four handoffs, none offered', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	assert.deepEqual(p.handoffs.map((h) => h.key), ['a', 'b', 'c', 'd']);
	for (const h of p.handoffs) {
		assert.equal(h.state, 'not_offered');
		assert.equal(h.from, null);
		assert.equal(h.to, null);
		assert.equal(h.artifact_url, null);
		assert.equal(h.offered_on, null);
		assert.equal(h.accepted_on, null);
		assert.equal(h.version, 1);
	}
});

test('GET /projects/{id} and HEAD carry the ETag', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const r = await srv.api('GET', `${PROJECTS}/${p.id}`);
	assertVersioned(r, 200, 1);
	assert.deepEqual(stored(r.json), p);
	const head = await srv.api('HEAD', `${PROJECTS}/${p.id}`);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
	assert.equal(head.headers.get('etag'), '"1"');
});

test('GET /projects lists, filters by status, stage and pm, and pages',
    async () => {
	const otherPm = await createPerson(srv, { role: 'pm' });
	const a = await createProject(srv, { pm_id: otherPm.id });
	const b = await createProject(srv, { pm_id: otherPm.id,
	    status: 'paused' });
	const c = await createProject(srv, { pm_id: pm.id });
	const moved = await srv.api('POST', `${PROJECTS}/${c.id}/stage`,
	    { stage: 'baseline', override: true, reason: 'gates later' });
	assert.equal(moved.status, 200, moved.text);

	const all = await listAll('&status=all');
	assert.deepEqual(Object.keys(all).sort(), ['projects', 'total']);
	assert.equal(all.total, all.projects.length);
	const ids = all.projects.map((p) => p.id);
	assert.equal(new Set(ids).size, ids.length);
	assert.deepEqual(all.projects.find((p) => p.id === a.id), flat(a));
	assert.deepEqual(all.projects.find((p) => p.id === c.id),
	    flat(moved.json));

	const byId = (l) => l.map((p) => p.id).sort((x, y) => x - y);
	const where = (f) => byId(all.projects.filter(f));

	// Without a status filter: every status, as with "all".
	assert.deepEqual(byId((await listAll()).projects), byId(all.projects));
	const active = await listAll('&status=active');
	assert.deepEqual(byId(active.projects),
	    where((p) => p.status === 'active'));
	assert.ok(!byId(active.projects).includes(b.id));
	assert.equal(active.total, active.projects.length);

	const paused = await listAll('&status=paused');
	assert.deepEqual(byId(paused.projects),
	    where((p) => p.status === 'paused'));
	assert.ok(byId(paused.projects).includes(b.id));
	assert.equal(paused.total, paused.projects.length);

	const baseline = await listAll('&stage=baseline');
	assert.deepEqual(byId(baseline.projects), [c.id]);
	assert.equal(baseline.total, 1);

	const mine = await listAll(`&pm=${otherPm.id}&status=all`);
	assert.deepEqual(byId(mine.projects), [a.id, b.id]);
	const combo = await listAll(`&pm=${otherPm.id}&status=active`);
	assert.deepEqual(byId(combo.projects), [a.id]);
	const none = await listAll('&pm=999999');
	assert.deepEqual(none, { projects: [], total: 0 });

	const page = await srv.api('GET',
	    `${PROJECTS}?limit=2&offset=1&status=all`);
	assert.equal(page.status, 200);
	assert.equal(page.json.total, all.total);
	assert.deepEqual(page.json.projects, all.projects.slice(1, 3));
	const past = await srv.api('GET',
	    `${PROJECTS}?offset=${all.total}&status=all`);
	assert.deepEqual(past.json, { projects: [], total: all.total });

	const head = await srv.api('HEAD', PROJECTS);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
});

test('GET /projects refuses bad query arguments, naming them', async () => {
	for (const [q, field] of [
		['status=done', 'status'],
		['stage=deploy', 'stage'],
		['stage=%C3', 'stage'],
		['pm=0', 'pm'],
		['pm=-3', 'pm'],
		['pm=abc', 'pm'],
		['pm=99999999999999999999', 'pm'],
		['limit=0', 'limit'],
		['limit=201', 'limit'],
		['offset=-1', 'offset'],
	]) {
		assertError(await srv.api('GET', `${PROJECTS}?${q}`), 400,
		    field);
	}
});

test('POST /projects validates every field and creates nothing on error',
    async () => {
	const inactive = await createPerson(srv, { role: 'pm',
	    active: false });
	const base = () => ({ name: 'Valid', pm_id: pm.id, kickoff_on: KICKOFF,
	    target_launch_on: LAUNCH });
	const cases = [
		[{ name: undefined }, 'name'],
		[{ name: '' }, 'name'],
		[{ name: 'é'.repeat(201) }, 'name'],
		[{ name: 'line\nbreak' }, 'name'],
		[{ pm_id: undefined }, 'pm_id'],
		[{ pm_id: null }, 'pm_id'],
		[{ pm_id: '1' }, 'pm_id'],
		[{ pm_id: 1.5 }, 'pm_id'],
		[{ pm_id: 0 }, 'pm_id'],
		[{ pm_id: -4 }, 'pm_id'],
		[{ pm_id: 999999 }, 'pm_id'],
		[{ pm_id: 9223372036854775807n }, 'pm_id'],
		[{ pm_id: inactive.id }, 'pm_id'],
		[{ kickoff_on: undefined }, 'kickoff_on'],
		[{ kickoff_on: '2026-02-30' }, 'kickoff_on'],
		[{ kickoff_on: '2026-13-01' }, 'kickoff_on'],
		[{ kickoff_on: '2026-3-2' }, 'kickoff_on'],
		[{ kickoff_on: '02/03/2026' }, 'kickoff_on'],
		[{ kickoff_on: '2026-03-02T00:00:00Z' }, 'kickoff_on'],
		[{ kickoff_on: 20260302 }, 'kickoff_on'],
		[{ target_launch_on: '2025-02-29' }, 'target_launch_on'],
		[{ target_launch_on: addDays(KICKOFF, -1) },
		    'target_launch_on'],
		[{ status: 'done' }, 'status'],
		[{ status: null }, 'status'],
		[{ stage: 'data' }, 'stage'],
		[{ spec: 'everything' }, 'spec'],
		[{ spec: [] }, 'spec'],
		[{ spec: { decision: 5 } }, 'spec.decision'],
		[{ spec: { fallback: 'x'.repeat(2001) } }, 'spec.fallback'],
		[{ spec: { baseline: '😀'.repeat(2001) } }, 'spec.baseline'],
		[{ spec: { wishes: 'x' } }, 'spec.wishes'],
		[{ owner: 'me' }, 'owner'],
	];
	const before = (await listAll()).total;
	for (const [patch, field] of cases) {
		const body = { ...base(), ...patch };
		for (const k of Object.keys(patch))
			if (patch[k] === undefined)
				delete body[k];
		const text = JSON.stringify(body, (k, v) =>
		    typeof v === 'bigint' ? `@@${v}@@` : v)
		    .replace(/"@@(\d+)@@"/g, '$1');
		const r = await srv.request('POST', PROJECTS, {
		    body: Buffer.from(text),
		    headers: { 'content-type': 'application/json' } });
		assertError(r, 400, field);
	}
	assert.equal((await listAll()).total, before, 'nothing was created');
});

test('spec answers of 2000 characters fit, counted as characters',
    async () => {
	const spec = { fallback: '😀'.repeat(2000),
	    monitoring_trigger: 'line one\nline two\tand a tab' };
	const p = await createProject(srv, { pm_id: pm.id, spec });
	assert.deepEqual(p.spec, { ...emptySpec(), ...spec });
});

test('PATCH /projects/{id} changes fields, spec and plan: ETag "2"',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id,
	    spec: { decision: 'd', baseline: 'b' } });
	const newPm = await createPerson(srv, { role: 'pm' });
	const r = await srv.api('PATCH', `${PROJECTS}/${p.id}`, {
		name: 'Renamed',
		pm_id: newPm.id,
		status: 'paused',
		spec: { decision: 'new decision', baseline: null,
		    fallback: 'manual review' },
		plan: { data: { start: '2026-03-11', end: '2026-03-29' },
		    monitoring: { end: '2026-08-30' } },
	});
	assertVersioned(r, 200, 2);
	const d = r.json;
	assert.equal(d.id, p.id);
	assert.equal(d.name, 'Renamed');
	assert.deepEqual(d.pm, { id: newPm.id, name: newPm.name,
	    active: true });
	assert.equal(d.status, 'paused');
	// (A new launch moves the plan: tests/integration/launch.test.js.)
	assert.equal(d.target_launch_on, LAUNCH);
	assert.equal(d.kickoff_on, KICKOFF);
	assert.deepEqual(d.spec, { ...emptySpec(), decision: 'new decision',
	    fallback: 'manual review' });
	const planned = plannedStages(KICKOFF, LAUNCH);
	planned[1].planned_start = '2026-03-11';
	planned[1].planned_end = '2026-03-29';
	planned[6].planned_end = '2026-08-30';
	assert.deepEqual(d.stages.map((s) => [s.key, s.planned_start,
	    s.planned_end]), planned.map((s) => [s.key, s.planned_start,
	    s.planned_end]));
	// The rest of the document is untouched.
	assert.deepEqual(d.checkpoints, p.checkpoints);
	assert.deepEqual(d.ownership, p.ownership);
	assert.deepEqual(d.handoffs, p.handoffs);

	assert.deepEqual(await getProject(p.id), stored(d));
	const h = await historyOf(srv, p.id);
	assert.equal(h.total, 2);
	assert.equal(h.entries[0].action, 'update');
	assert.equal(h.entries[0].entity, 'project');
});

test('PATCH /projects/{id} with the current If-Match succeeds', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const r = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { name: 'Matched' }, { 'if-match': '"1"' });
	assertVersioned(r, 200, 2);
	assert.equal(r.json.name, 'Matched');
});

test('PATCH /projects/{id} with a stale If-Match: 412, nothing changes',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const first = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { name: 'First' }, { 'if-match': '"1"' });
	assertVersioned(first, 200, 2);
	const audits = await auditCount(srv, `project_id = ${p.id}`);

	const stale = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { name: 'Second', plan: { data: { end: '2026-04-30' } } },
	    { 'if-match': '"1"' });
	assertError(stale, 412);
	assert.deepEqual(await getProject(p.id), stored(first.json));
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
	assert.equal((await historyOf(srv, p.id)).total, audits);
});

// The history rows of one project, to see that a failed write added none.
async function historyRows(id) {
	const where = `project_id = ${id}`;
	return [await auditCount(srv, where),
	    await rowCount(srv, 'project_versions', where),
	    await rowCount(srv, 'plan_versions', where),
	    await rowCount(srv, 'stage_transitions', where)];
}

test('PATCH /projects/{id} is all or nothing: a bad plan keeps the name',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const audits = await auditCount(srv, `project_id = ${p.id}`);
	const rows = await historyRows(p.id);
	assert.deepEqual(rows, [1, 1, 7, 1]);
	const r = await srv.api('PATCH', `${PROJECTS}/${p.id}`, {
		name: 'Should not stick',
		spec: { decision: 'nor this' },
		plan: { framing: { end: '2026-03-05' },
		    data: { start: '2026-03-30', end: '2026-03-20' } },
	});
	assertError(r, 400, 'plan.data.end');
	const now = await getProject(p.id);
	assert.deepEqual(now, p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
	assert.deepEqual(await historyRows(p.id), rows);

	// A good write adds its history rows and its audit row together.
	const ok = await srv.api('PATCH', `${PROJECTS}/${p.id}`, {
		name: 'Sticks', plan: { framing: { end: '2026-03-05' } } });
	assertVersioned(ok, 200, 2);
	assert.deepEqual(await historyRows(p.id), [2, 2, 8, 1]);
});

test('PATCH /projects/{id}: launch before kickoff is a 400 naming the ' +
    'field, and changes nothing', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const audits = await auditCount(srv, `project_id = ${p.id}`);

	const early = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { name: 'Nope', target_launch_on: addDays(KICKOFF, -1) });
	assertError(early, 400, 'target_launch_on');
	const late = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { name: 'Nope', kickoff_on: addDays(LAUNCH, 1) });
	assertError(late, 400, 'kickoff_on');

	assert.deepEqual(await getProject(p.id), p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
	assert.deepEqual(await historyRows(p.id), [1, 1, 7, 1]);

	// Launch on the kickoff day itself leaves no days for the stages
	// (tests/integration/launch.test.js: the shortest window).
	const same = await srv.api('PATCH', `${PROJECTS}/${p.id}`,
	    { target_launch_on: KICKOFF, reason: 'sooner' });
	assertError(same, 400, 'target_launch_on');
	assert.deepEqual(await getProject(p.id), p);
});

test('PATCH /projects/{id} validates its fields, naming them', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const inactive = await createPerson(srv, { role: 'pm',
	    active: false });
	for (const [body, field] of [
		[{ name: '' }, 'name'],
		[{ name: null }, 'name'],
		[{ name: 'x'.repeat(201) }, 'name'],
		[{ pm_id: 999999 }, 'pm_id'],
		[{ pm_id: inactive.id }, 'pm_id'],
		[{ pm_id: 0 }, 'pm_id'],
		[{ pm_id: null }, 'pm_id'],
		[{ kickoff_on: '2026-02-30' }, 'kickoff_on'],
		[{ target_launch_on: '2026-04-31' }, 'target_launch_on'],
		[{ status: 'archived' }, 'status'],
		[{ stage: 'data' }, 'stage'],
		[{ version: 1 }, 'version'],
		[{ spec: { decision: ['x'] } }, 'spec.decision'],
		[{ spec: { nope: 'x' } }, 'spec.nope'],
		[{ plan: [] }, 'plan'],
		[{ plan: { deploy: { start: '2026-03-02' } } }, 'plan.deploy'],
		[{ plan: { data: '2026-03-02' } }, 'plan.data'],
		[{ plan: { data: { start: '2026-02-30' } } },
		    'plan.data.start'],
		[{ plan: { data: { end: null } } }, 'plan.data.end'],
		[{ plan: { data: { middle: '2026-03-10' } } },
		    'plan.data.middle'],
		[{ name: 'Fine', extra: true }, 'extra'],
	]) {
		const r = await srv.api('PATCH', `${PROJECTS}/${p.id}`, body);
		assertError(r, 400, field);
	}
	assert.deepEqual(await getProject(p.id), p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), 1);
});

test('POST /projects/{id}/stage moves forward and back, recording periods',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const fwd = await srv.api('POST', `${PROJECTS}/${p.id}/stage`,
	    { stage: 'data', note: 'feasible', override: true, reason: 'gates later' },
	    { 'x-handoff-actor': 'dana' });
	assertVersioned(fwd, 200, 2);
	const d = fwd.json;
	assert.equal(d.stage, 'data');
	assert.deepEqual(d.stages.filter((s) => s.current).map((s) => s.key),
	    ['data']);
	const period = (doc, key) => doc.stages.find((s) => s.key === key)
	    .periods;
	assert.deepEqual(period(d, 'framing'),
	    [{ entered_on: KICKOFF, left_on: TODAY }]);
	assert.deepEqual(period(d, 'data'),
	    [{ entered_on: TODAY, left_on: null }]);
	assert.deepEqual(period(d, 'baseline'), []);
	const last = d.transitions[d.transitions.length - 1];
	assert.equal(last.from, 'framing');
	assert.equal(last.to, 'data');
	assert.equal(last.on, TODAY);
	assert.equal(last.note, 'feasible');
	assert.equal(last.actor, 'dana');
	// Everything else is as it was.
	assert.deepEqual(d.checkpoints, p.checkpoints);
	assert.deepEqual(d.ownership, p.ownership);
	assert.deepEqual(d.stages.map((s) => [s.planned_start, s.planned_end]),
	    p.stages.map((s) => [s.planned_start, s.planned_end]));

	// Skipping ahead and going back are allowed and recorded.
	const skip = await srv.api('POST', `${PROJECTS}/${p.id}/stage`,
	    { stage: 'modelling', override: true, reason: 'gates later' });
	assertVersioned(skip, 200, 3);
	const back = await srv.api('POST', `${PROJECTS}/${p.id}/stage`,
	    { stage: 'framing', note: null }, { 'if-match': '"3"' });
	assertVersioned(back, 200, 4);
	assert.equal(back.json.stage, 'framing');
	assert.deepEqual(period(back.json, 'framing'), [
		{ entered_on: KICKOFF, left_on: TODAY },
		{ entered_on: TODAY, left_on: null }]);
	assert.deepEqual(period(back.json, 'modelling'),
	    [{ entered_on: TODAY, left_on: TODAY }]);
	assert.equal(back.json.transitions.length, 4);
	assert.deepEqual(await getProject(p.id), stored(back.json));

	const h = await historyOf(srv, p.id);
	assert.equal(h.total, 4);
	assert.equal(h.entries[2].actor, 'dana');
});

test('POST /projects/{id}/stage: errors', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const path = `${PROJECTS}/${p.id}/stage`;
	for (const [body, field] of [
		[{}, 'stage'],
		[{ stage: null }, 'stage'],
		[{ stage: 'deploy' }, 'stage'],
		[{ stage: 3 }, 'stage'],
		[{ stage: 'data', note: 'x'.repeat(2001) }, 'note'],
		[{ stage: 'data', note: 7 }, 'note'],
		[{ stage: 'data', reason: 'x' }, 'reason'],
	])
		assertError(await srv.api('POST', path, body), 400, field);

	// Moving to the stage it is in is a conflict, not a move.
	assertError(await srv.api('POST', path, { stage: 'framing' }), 409);

	// A stale If-Match changes nothing.
	const ok = await srv.api('POST', path, { stage: 'data',
	    override: true, reason: 'gates later' }, { 'if-match': '"1"' });
	assertVersioned(ok, 200, 2);
	const stale = await srv.api('POST', path, { stage: 'baseline',
	    override: true, reason: 'gates later' }, { 'if-match': '"1"' });
	assertError(stale, 412);
	assert.deepEqual(await getProject(p.id), stored(ok.json));
	assert.equal((await historyOf(srv, p.id)).total, 2);

	assertError(await srv.api('POST', path, { stage: 'data' },
	    { 'if-match': 'two' }), 400, 'If-Match');
	assertError(await srv.api('POST', `${PROJECTS}/999999/stage`,
	    { stage: 'data' }), 404);
});

test('GET /projects/{id}/history: newest first, paged, with totals',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id }, {
	    'x-handoff-actor': 'creator' });
	for (const name of ['one', 'two', 'three'])
		assert.equal((await srv.api('PATCH', `${PROJECTS}/${p.id}`,
		    { name }, { 'x-handoff-actor': `editor ${name}` })).status,
		    200);
	const cp = p.checkpoints[0];
	assert.equal((await srv.api('PATCH', `/api/v1/checkpoints/${cp.id}`,
	    { note: 'seen' })).status, 200);

	const r = await srv.api('GET', `${PROJECTS}/${p.id}/history`);
	assert.equal(r.status, 200);
	// Not a versioned resource: its tag is a hash of the answer (for
	// If-None-Match), never a version that If-Match could name.
	assert.match(r.headers.get('etag'), /^"[0-9a-f]{20}"$/);
	const { entries, total } = r.json;
	assert.deepEqual(Object.keys(r.json).sort(), ['entries', 'total']);
	assert.equal(total, 5);
	assert.equal(entries.length, 5);
	const ids = entries.map((e) => e.id);
	assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
	assert.deepEqual(entries.map((e) => [e.entity, e.action, e.actor]), [
		['checkpoint', 'update', DEFAULT_USER],
		['project', 'update', 'editor three'],
		['project', 'update', 'editor two'],
		['project', 'update', 'editor one'],
		['project', 'create', 'creator'],
	]);
	assert.equal(entries[0].entity_id, String(cp.id));
	for (const e of entries) {
		assert.equal(e.recorded_on, TODAY);
		assert.match(e.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	}
	assert.equal(entries[1].before.name, 'two');
	assert.equal(entries[1].after.name, 'three');

	const page = await srv.api('GET',
	    `${PROJECTS}/${p.id}/history?limit=2&offset=1`);
	assert.equal(page.status, 200);
	assert.deepEqual(page.json, { entries: entries.slice(1, 3), total: 5 });
	const end = await srv.api('GET',
	    `${PROJECTS}/${p.id}/history?offset=5`);
	assert.deepEqual(end.json, { entries: [], total: 5 });

	const head = await srv.api('HEAD', `${PROJECTS}/${p.id}/history`);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');

	for (const [q, field] of [['limit=0', 'limit'], ['limit=500', 'limit'],
	    ['limit=x', 'limit'], ['offset=-2', 'offset']])
		assertError(await srv.api('GET',
		    `${PROJECTS}/${p.id}/history?${q}`), 400, field);
	assertError(await srv.api('GET', `${PROJECTS}/999999/history`), 404);
});

test('unknown, zero and negative project ids are 404 on every route',
    async () => {
	for (const id of ['999999', '0', '-1', 'x', '1234567890123456789']) {
		const base = `${PROJECTS}/${id}`;
		assertError(await srv.api('GET', base), 404);
		assertError(await srv.api('PATCH', base, { name: 'x' }), 404);
		assertError(await srv.api('POST', `${base}/stage`,
		    { stage: 'data' }), 404);
		assertError(await srv.api('GET', `${base}/history`), 404);
		assertError(await srv.api('POST', `${base}/checkpoints`,
		    { stage: 'data', title: 't', due_on: KICKOFF }), 404);
	}
});

test('wrong methods on project routes: 405 with Allow', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const table = [
		[PROJECTS, ['PUT', 'PATCH', 'DELETE'], 'GET, HEAD, POST'],
		[`${PROJECTS}/${p.id}`, ['POST', 'PUT', 'DELETE'],
		    'GET, HEAD, PATCH'],
		[`${PROJECTS}/${p.id}/stage`, ['GET', 'PUT', 'PATCH', 'DELETE'],
		    'POST'],
		[`${PROJECTS}/${p.id}/checkpoints`,
		    ['GET', 'PUT', 'PATCH', 'DELETE'], 'POST'],
		[`${PROJECTS}/${p.id}/history`, ['POST', 'PUT', 'PATCH',
		    'DELETE'], 'GET, HEAD'],
	];
	for (const [path, methods, allow] of table) {
		for (const m of methods) {
			const r = await srv.api(m, path, m === 'GET' ?
			    undefined : {});
			assertError(r, 405);
			assert.equal(r.headers.get('allow'), allow, `${m} ${path}`);
		}
	}
	assert.deepEqual(await getProject(p.id), p);
});

test('changing one project leaves the other projects alone', async () => {
	const p1 = await createProject(srv, { pm_id: pm.id });
	const p2 = await createProject(srv, { pm_id: pm.id });
	const r = await srv.api('PATCH', `${PROJECTS}/${p1.id}`,
	    { plan: { framing: { end: '2026-03-10' } } });
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(await getProject(p2.id), p2);
	assert.equal(await auditCount(srv, auditOf('project', p2.id)), 1);
});

// The benchmark portfolio (tests/bench/generate.sql) writes the domain
// tables directly, set-based, instead of calling the api.* functions: it
// must write what those functions would have.  A small portfolio is
// generated into a fresh database and checked row against row (the last
// version of everything is its current state, every change has its audit
// row on its day, slips and stage moves their ledgers), for the variety
// the benchmarks rely on, for determinism, and then served by the real
// server: every project document, the digest and the risks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { TOP, createDatabase, eventually, psql, startServer }
    from '../lib/harness.js';

const N = 40;
const TODAY = '2026-11-23';
let db, srv;

async function generate(name, n = N) {
	await promisify(execFile)('psql', ['-X', '-q', '-At', '-v',
	    'ON_ERROR_STOP=1', '-h', process.env.HANDOFF_TEST_PGHOST, '-U',
	    'postgres', '-d', name, '-v', `n=${n}`, '-v', `today=${TODAY}`,
	    '-v', 'threshold=8',
	    '-f', join(TOP, 'tests/bench/generate.sql')]);
}

function q(sql) {
	return psql(sql, { db });
}

async function count(sql) {
	return Number(await q(sql));
}

before(async () => {
	db = await createDatabase();
	await generate(db);
	srv = await startServer({ db, env: { HANDOFF_TODAY: TODAY } });
});

after(async () => { await srv?.stop(); });

// The expected box (responsibility, role) of an ownership row o joined to
// its responsibility r.
const EXPECTED = `CASE o.role WHEN 'ds' THEN r.expects_ds
    WHEN 'mle' THEN r.expects_mle ELSE r.expects_swe END`;

// Each query counts the rows that break a rule; all must be 0.
const RULES = {
	'the last version of each checkpoint is the checkpoint': `
	    SELECT count(*) FROM checkpoints c
	    JOIN LATERAL (SELECT * FROM checkpoint_versions v
		WHERE v.checkpoint_id = c.id ORDER BY v.id DESC LIMIT 1) v
		ON true
	    WHERE (v.status, v.due_on, v.completed_on, v.owner_id, v.deleted,
		v.stage, v.title) IS DISTINCT FROM (c.status, c.due_on,
		c.completed_on, c.owner_id, c.deleted_on IS NOT NULL, c.stage,
		c.title)`,
	'a checkpoint has as many versions as its version number': `
	    SELECT count(*) FROM checkpoints c WHERE c.version <>
		(SELECT count(*) FROM checkpoint_versions v
		WHERE v.checkpoint_id = c.id)`,
	'the last version of each ownership box is the box': `
	    SELECT count(*) FROM ownership o
	    LEFT JOIN LATERAL (SELECT * FROM ownership_versions v
		WHERE v.project_id = o.project_id
		AND v.responsibility = o.responsibility AND v.role = o.role
		ORDER BY v.id DESC LIMIT 1) v ON true
	    WHERE CASE WHEN v.id IS NULL THEN o.person_id IS NOT NULL
		ELSE v.person_id IS DISTINCT FROM o.person_id END`,
	'a box has one version per change': `
	    SELECT count(*) FROM ownership o WHERE o.version <> 1 +
		(SELECT count(*) FROM ownership_versions v
		WHERE v.project_id = o.project_id
		AND v.responsibility = o.responsibility AND v.role = o.role)`,
	'the last version of each handoff is the handoff': `
	    SELECT count(*) FROM handoffs h
	    LEFT JOIN LATERAL (SELECT * FROM handoff_versions v
		WHERE v.project_id = h.project_id AND v.key = h.key
		ORDER BY v.id DESC LIMIT 1) v ON true
	    WHERE CASE WHEN v.id IS NULL THEN h.offered_on IS NOT NULL
		OR h.from_id IS NOT NULL
		ELSE (v.from_id, v.to_id, v.offered_on, v.accepted_on)
		IS DISTINCT FROM (h.from_id, h.to_id, h.offered_on,
		h.accepted_on) END`,
	'a handoff has one version per change': `
	    SELECT count(*) FROM handoffs h WHERE h.version <> 1 +
		(SELECT count(*) FROM handoff_versions v
		WHERE v.project_id = h.project_id AND v.key = h.key)`,
	'the last version of each project is the project': `
	    SELECT count(*) FROM projects p
	    JOIN LATERAL (SELECT * FROM project_versions v
		WHERE v.project_id = p.id ORDER BY v.id DESC LIMIT 1) v ON true
	    WHERE (v.name, v.pm_id, v.status, v.stage, v.target_launch_on,
		v.decision, v.primary_metric, v.secondary_constraint,
		v.worse_error, v.fallback, v.monitoring_trigger, v.baseline)
		IS DISTINCT FROM (p.name, p.pm_id, p.status, p.stage,
		p.target_launch_on, p.decision, p.primary_metric,
		p.secondary_constraint, p.worse_error, p.fallback,
		p.monitoring_trigger, p.baseline)`,
	'a project has one snapshot per change': `
	    SELECT count(*) FROM projects p WHERE p.version <>
		(SELECT count(*) FROM project_versions v
		WHERE v.project_id = p.id)`,
	'the last version of each person is the person': `
	    SELECT count(*) FROM people p
	    LEFT JOIN LATERAL (SELECT * FROM person_versions v
		WHERE v.person_id = p.id ORDER BY v.id DESC LIMIT 1) v ON true
	    WHERE v.id IS NULL OR (v.active, v.name) IS DISTINCT FROM
		(p.active, p.name)`,
	'the last plan version of each stage is the plan': `
	    SELECT count(*) FROM stage_plans s
	    LEFT JOIN LATERAL (SELECT * FROM plan_versions v
		WHERE v.project_id = s.project_id AND v.stage = s.stage
		ORDER BY v.id DESC LIMIT 1) v ON true
	    WHERE (v.planned_start, v.planned_end) IS DISTINCT FROM
		(s.planned_start, s.planned_end)`,
	'every project has its plan, responsibilities, boxes, handoffs': `
	    SELECT count(*) FROM projects p
	    WHERE (SELECT count(*) FROM stage_plans s
		WHERE s.project_id = p.id) <> 7
	    OR (SELECT count(*) FROM responsibilities r
		WHERE r.project_id = p.id) <> 16
	    OR (SELECT count(*) FROM ownership o
		WHERE o.project_id = p.id) <> 48
	    OR (SELECT count(*) FROM handoffs h
		WHERE h.project_id = p.id) <> 4
	    OR (SELECT count(*) FROM checkpoints c
		WHERE c.project_id = p.id AND c.template IS NOT NULL) <> 8`,
	'the stage is where the last move went, each move from the last': `
	    SELECT count(*) FROM (SELECT p.stage, t.to_stage, t.from_stage,
		lag(t.to_stage) OVER w AS prev, t.effective_on,
		lag(t.effective_on) OVER w AS prev_on,
		row_number() OVER (PARTITION BY t.project_id
		    ORDER BY t.id DESC) AS last
		FROM stage_transitions t JOIN projects p ON p.id = t.project_id
		WINDOW w AS (PARTITION BY t.project_id ORDER BY t.id)) x
	    WHERE x.from_stage IS DISTINCT FROM x.prev
		OR x.effective_on < x.prev_on
		OR x.last = 1 AND x.stage <> x.to_stage`,
	'every stage move is audited on its day': `
	    SELECT count(*) FROM stage_transitions t
	    WHERE t.from_stage IS NOT NULL AND NOT EXISTS (SELECT 1
		FROM audit_log a WHERE a.project_id = t.project_id
		AND a.entity = 'project' AND a.action IN ('stage_forward',
		'stage_back') AND a.recorded_on = t.effective_on
		AND a.after->>'stage' = t.to_stage)`,
	'every project change is audited on its day': `
	    SELECT count(*) FROM project_versions v
	    WHERE NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.entity = 'project'
		AND a.entity_id = v.project_id::text
		AND a.recorded_on = v.effective_on)
	    UNION ALL SELECT (SELECT count(*) FROM project_versions) -
		(SELECT count(*) FROM audit_log WHERE entity = 'project')`,
	'every box change is audited on its day, with its person': `
	    SELECT count(*) FROM ownership_versions v
	    WHERE NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.project_id = v.project_id AND a.entity = 'ownership'
		AND a.entity_id = v.responsibility || '/' || v.role
		AND a.recorded_on = v.effective_on
		AND (a.after->'person'->>'id')::bigint IS NOT DISTINCT FROM
		    v.person_id)
	    UNION ALL SELECT (SELECT count(*) FROM ownership_versions) -
		(SELECT count(*) FROM audit_log WHERE entity = 'ownership')`,
	'every handoff change is audited on its day': `
	    SELECT count(*) FROM handoff_versions v
	    WHERE NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.project_id = v.project_id AND a.entity = 'handoff'
		AND a.entity_id = v.key AND a.recorded_on = v.effective_on
		AND (a.after->>'offered_on')::date
		    IS NOT DISTINCT FROM v.offered_on
		AND (a.after->>'accepted_on')::date
		    IS NOT DISTINCT FROM v.accepted_on)
	    UNION ALL SELECT (SELECT count(*) FROM handoff_versions) -
		(SELECT count(*) FROM audit_log WHERE entity = 'handoff')`,
	'every checkpoint change is audited (completions from their date)': `
	    SELECT count(*) FROM checkpoint_versions v
	    JOIN checkpoints c ON c.id = v.checkpoint_id
	    WHERE NOT (c.template IS NOT NULL AND v.id = (SELECT min(w.id)
		FROM checkpoint_versions w WHERE w.checkpoint_id = c.id))
	    AND NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.entity = 'checkpoint' AND a.entity_id = c.id::text
		AND (a.recorded_on = v.effective_on OR
		    (a.after->>'completed_on')::date = v.effective_on
		    AND a.recorded_on >= v.effective_on))
	    UNION ALL SELECT (SELECT count(*) FROM checkpoint_versions) -
		(SELECT count(*) FROM checkpoints WHERE template IS NOT NULL) -
		(SELECT count(*) FROM audit_log WHERE entity = 'checkpoint')`,
	'every change of a due date is in the slip ledger, and audited': `
	    SELECT count(*) FROM checkpoints c WHERE c.due_on <>
		coalesce((SELECT s.to_due_on FROM checkpoint_slips s
		WHERE s.checkpoint_id = c.id ORDER BY s.id DESC LIMIT 1),
		c.original_due_on)
	    UNION ALL SELECT count(*) FROM (SELECT from_due_on,
		lag(to_due_on) OVER (PARTITION BY checkpoint_id ORDER BY id)
		    AS prev, checkpoint_id
		FROM checkpoint_slips) s JOIN checkpoints c
		ON c.id = s.checkpoint_id
		WHERE s.from_due_on <> coalesce(s.prev, c.original_due_on)
	    UNION ALL SELECT (SELECT count(*) FROM checkpoint_slips) -
		(SELECT count(*) FROM audit_log WHERE entity = 'checkpoint'
		AND action = 'slip')
	    UNION ALL SELECT count(*) FROM checkpoint_slips s
		WHERE NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.entity = 'checkpoint' AND a.action = 'slip'
		AND a.entity_id = s.checkpoint_id::text
		AND a.recorded_on = s.effective_on
		AND a.after->>'reason' = s.reason)`,
	'every change of a person is audited on its day': `
	    SELECT count(*) FROM person_versions v
	    WHERE NOT EXISTS (SELECT 1 FROM audit_log a
		WHERE a.entity = 'person' AND a.entity_id = v.person_id::text
		AND a.recorded_on = v.effective_on)
	    UNION ALL SELECT (SELECT count(*) FROM person_versions) -
		(SELECT count(*) FROM audit_log WHERE entity = 'person')`,
	'the audit log is in the order the changes were made': `
	    SELECT count(*) FROM (SELECT recorded_on, at,
		lag(recorded_on) OVER (ORDER BY id) AS prev_on,
		lag(at) OVER (ORDER BY id) AS prev_at FROM audit_log) a
	    WHERE a.recorded_on < a.prev_on OR a.at < a.prev_at`,
	'nothing happens before its project exists or after today': `
	    SELECT count(*) FROM audit_log a JOIN projects p
		ON p.id = a.project_id WHERE a.recorded_on < p.created_on
	    UNION ALL SELECT count(*) FROM audit_log
		WHERE recorded_on > '${TODAY}'
	    UNION ALL SELECT count(*) FROM checkpoint_versions
		WHERE effective_on > '${TODAY}'
	    UNION ALL SELECT count(*) FROM projects
		WHERE created_on > '${TODAY}'`,
	'completions are between the kickoff and today': `
	    SELECT count(*) FROM checkpoints c JOIN projects p
		ON p.id = c.project_id
	    WHERE c.completed_on < p.kickoff_on
		OR c.completed_on > '${TODAY}'`,
	'nobody is given a box, a checkpoint or a handoff after leaving': `
	    SELECT count(*) FROM (
		SELECT person_id AS who, effective_on AS day
		FROM ownership_versions
		UNION ALL SELECT owner_id, effective_on FROM (SELECT owner_id,
		    effective_on, lag(owner_id) OVER (PARTITION BY
		    checkpoint_id ORDER BY id) AS before
		    FROM checkpoint_versions) v
		WHERE owner_id IS DISTINCT FROM before
		UNION ALL SELECT from_id, offered_on FROM handoff_versions
		UNION ALL SELECT to_id, offered_on FROM handoff_versions
		UNION ALL SELECT pm_id, effective_on FROM project_versions) x
	    JOIN person_versions pv ON pv.person_id = x.who
		AND NOT pv.active AND pv.effective_on <= x.day`,
	'a handoff goes from one person to another, accepted once offered': `
	    SELECT count(*) FROM handoff_versions
	    WHERE from_id = to_id OR accepted_on < offered_on
		OR (offered_on IS NULL) <> (from_id IS NULL)`,
};

for (const [rule, sql] of Object.entries(RULES)) {
	test(rule, async () => {
		const out = await q(sql);
		assert.deepEqual(out.split('\n').map(Number).filter((x) => x),
		    [], `violations: ${out}`);
	});
}

test('the identities continue after the generated ids', async () => {
	for (const table of ['people', 'projects', 'checkpoints', 'audit_log']) {
		const [last, max] = (await q(`SELECT pg_sequence_last_value(
		    pg_get_serial_sequence('${table}', 'id')),
		    (SELECT max(id) FROM ${table})`)).split('|');
		assert.equal(last, max, table);
	}
});

test('an organisation: about one person per two projects, four roles, ' +
    'a few who left', async () => {
	const people = await count('SELECT count(*) FROM people');
	assert.ok(people >= N * 0.4 && people <= N * 0.7, `${people} people`);
	assert.equal(await q("SELECT string_agg(DISTINCT role, ' ') " +
	    'FROM people'), 'ds mle pm swe');
	// Each project's boxes are held by a handful of people.
	const holders = await count(`SELECT max(n) FROM (SELECT project_id,
	    count(DISTINCT person_id) AS n FROM ownership
	    WHERE person_id IS NOT NULL GROUP BY 1) x`);
	assert.ok(holders >= 3 && holders <= 12, `${holders} holders`);
	// A larger portfolio for what 40 projects are too few to show.
	const big = await createDatabase();
	await generate(big, 400);
	const [left, over] = (await psql(`SELECT
	    (SELECT count(*) FROM people WHERE NOT active),
	    (SELECT count(*) FROM (SELECT o.person_id FROM ownership o
		JOIN responsibilities r ON r.project_id = o.project_id
		AND r.key = o.responsibility
		JOIN projects p ON p.id = o.project_id
		WHERE p.status = 'active' AND o.person_id IS NOT NULL
		AND ${EXPECTED} GROUP BY 1 HAVING count(*) > (SELECT value
		FROM settings WHERE key = 'overload_threshold')) x)`,
	    { db: big })).split('|').map(Number);
	assert.ok(left >= 1, `${left} people left`);
	assert.ok(over >= 1, `${over} overloaded`);
	const statuses = await psql("SELECT string_agg(DISTINCT status, ' ') " +
	    'FROM projects', { db: big });
	assert.equal(statuses, 'active cancelled paused shipped');
});

test('projects in every stage, with the history that got them there',
    async () => {
	const stages = await count("SELECT count(DISTINCT stage) FROM projects " +
	    "WHERE status = 'active'");
	assert.ok(stages >= 5, `${stages} stages`);
	// Kickoffs over the year before today, launches 8 to 30 weeks later.
	const [first, last, short, long] = (await q(`SELECT min(kickoff_on),
	    max(kickoff_on), min(target_launch_on - kickoff_on),
	    max(target_launch_on - kickoff_on) FROM projects`)).split('|');
	assert.ok(first >= '2025-11-23' && last <= '2026-12-07',
	    `${first} ${last}`);
	assert.ok(Number(short) >= 56 && Number(long) <= 210, `${short} ${long}`);
	const counts = (await q(`SELECT
	    (SELECT count(*) FROM checkpoints WHERE status = 'done'),
	    (SELECT count(*) FROM checkpoints WHERE completed_on > due_on),
	    (SELECT count(*) FROM audit_log WHERE entity = 'checkpoint'
		AND action = 'status_done'
		AND recorded_on > (after->>'completed_on')::date),
	    (SELECT count(*) FROM checkpoints WHERE status = 'pending'
		AND due_on < '${TODAY}'),
	    (SELECT count(DISTINCT checkpoint_id) FROM checkpoint_slips),
	    (SELECT count(*) FROM checkpoints WHERE template IS NULL),
	    (SELECT count(*) FROM handoffs WHERE accepted_on IS NOT NULL),
	    (SELECT count(*) FROM handoffs WHERE offered_on IS NOT NULL
		AND accepted_on IS NULL),
	    (SELECT count(*) FROM projects WHERE fallback IS NULL
		AND stage <> 'framing'),
	    (SELECT count(*) FROM (SELECT project_id FROM audit_log
		GROUP BY 1 HAVING max(recorded_on) < DATE '${TODAY}' - 21) x)
	    `)).split('|').map(Number);
	const names = ['done', 'done late', 'done, recorded later',
	    'missed', 'slipped', 'added by the team', 'handoffs accepted',
	    'handoffs waiting', 'spec answers missing', 'stale'];
	names.forEach((name, k) => assert.ok(counts[k] > 0,
	    `no checkpoint/project ${name}`));
});

test('the same n and today give the same portfolio', async () => {
	const again = await createDatabase();
	await generate(again);
	for (const table of ['people', 'person_versions', 'projects',
	    'project_versions', 'stage_plans', 'plan_versions',
	    'stage_transitions', 'checkpoints', 'checkpoint_versions',
	    'checkpoint_slips', 'responsibilities', 'ownership',
	    'ownership_versions', 'handoffs', 'handoff_versions',
	    'audit_log']) {
		const digest = `SELECT md5(string_agg(t::text, '' ORDER BY
		    t::text)) FROM ${table} t`;
		assert.equal(await psql(digest, { db: again }), await q(digest),
		    table);
	}
});

test('the server serves every generated project', async () => {
	const ids = (await q('SELECT id FROM projects ORDER BY id')).split('\n');
	assert.equal(ids.length, N);
	for (const id of ids) {
		const r = await srv.api('GET', `/api/v1/projects/${id}`);
		assert.equal(r.status, 200, `project ${id}: ${r.text}`);
		assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
		// The history, newest first, is in the order of the days.
		const history = await srv.api('GET',
		    `/api/v1/projects/${id}/history?limit=200`);
		assert.equal(history.status, 200);
		assert.equal(history.json.entries.length, history.json.total);
		const days = history.json.entries.map((e) => e.recorded_on);
		assert.deepEqual(days, [...days].sort().reverse());
	}
});

// Every risk of today, through the pages of /api/v1/risks.
async function allRisks() {
	const all = [];
	for (let offset = 0; ; offset += 200) {
		const r = await srv.api('GET', `/api/v1/risks?limit=200&` +
		    `offset=${offset}`);
		assert.equal(r.status, 200, r.text);
		all.push(...r.json.risks);
		if (r.json.risks.length < 200)
			return all;
	}
}

test('the digest and the risks of the generated portfolio', async () => {
	const digest = await srv.api('GET', '/api/v1/digest');
	assert.equal(digest.status, 200, digest.text);
	assert.ok(digest.json.counts.total > 0);
	const kinds = new Set((await allRisks()).map((r) => r.kind));
	for (const kind of ['empty_owner', 'missed_checkpoint',
	    'stage_overrun', 'overloaded_owner'])
		assert.ok(kinds.has(kind), `no ${kind} risk`);
});

// The generated portfolio is one the engine accepts: once the ledger has
// caught up with it (its writes mark every item dirty), the server's risks
// of today and the digest of this week are the engine's, computed by
// tests/integration/oracle.c over api.facts_all().
test('the engine and the ledger agree on the generated portfolio',
    async () => {
	await eventually(async () => await count('SELECT count(*) FROM ' +
	    'ledger_dirty') === 0, 60000, 200);
	const facts = await q('SELECT api.facts_all()');
	const oracle = (...args) => new Promise((ok, fail) => {
		const child = execFile(join(dirname(process.env.HANDOFF_MODULE),
		    'oracle'), args, { maxBuffer: 1 << 28 }, (err, out) =>
		    err ? fail(err) : ok(JSON.parse(out)));
		child.stdin.end(facts);
	});
	const want = await oracle('risks', TODAY);
	assert.ok(want.risks.length > 100, `${want.risks.length} risks`);
	assert.deepEqual(await allRisks(), want.risks);
	const digest = await srv.api('GET', '/api/v1/digest');
	assert.deepEqual(digest.json, await oracle('digest', '2026-W48',
	    TODAY, '0', '50'));
});

// Who must act (README, "Who must act"): every risk the API serves names
// its actor and its url, and the actor of each kind is the one the rule
// says, read from the project's own document: the PM for boxes, spec
// fields, overruns, stale projects and the red flags (moving goalposts, no
// baseline, a stop ignored); a checkpoint's owner, else the PM (a missed,
// blocked or slipping checkpoint);
// a handoff's receiver, else the PM; for an overloaded person, the PM of
// one of the projects where they hold boxes.  A blocked checkpoint's risk
// carries the checkpoint's note as its reason, in the JSON and the
// sentence.  The demo portfolio holds every kind but a blocked checkpoint,
// which the test makes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

const TODAY = '2026-11-25';
let srv;
const docs = new Map();

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
});

after(async () => { await srv?.stop(); });

async function projectDoc(id) {
	if (!docs.has(id)) {
		const r = await srv.api('GET', `/api/v1/projects/${id}`);
		assert.equal(r.status, 200, r.text);
		docs.set(id, r.json);
	}
	return docs.get(id);
}

// The actor the rule names for risk r, from the project's document.
async function expectedActor(r) {
	const p = await projectDoc(r.project.id);
	const pm = p.pm?.id ?? null;
	switch (r.kind) {
	case 'missed_checkpoint':
	case 'blocked_checkpoint':
	case 'few_more_weeks': {
		const c = p.checkpoints.find((x) =>
		    x.id === r.subject.checkpoint.id);
		return c.owner?.id ?? pm;
	}
	case 'handoff_not_accepted': {
		const h = p.handoffs.find((x) => x.key === r.subject.handoff.key);
		return h.to?.id ?? pm;
	}
	default:
		return pm;
	}
}

async function allRisks() {
	const r = await srv.api('GET', '/api/v1/risks?limit=200');
	assert.equal(r.status, 200, r.text);
	return r.json.risks;
}

test('every risk of the portfolio names who must act, the rule\'s person',
    async () => {
	const risks = await allRisks();
	const kinds = new Set(risks.map((r) => r.kind));
	for (const k of ['empty_owner', 'missed_checkpoint',
	    'handoff_not_accepted', 'incomplete_spec', 'overloaded_owner',
	    'moving_goalposts', 'few_more_weeks', 'no_baseline',
	    'stop_ignored'])
		assert.ok(kinds.has(k), `the demo has a ${k} risk`);

	for (const r of risks) {
		const what = `${r.kind} ${r.subject.key}`;
		assert.equal(typeof r.url, 'string', what);
		assert.ok(r.actor !== null, `${what}: an actor`);
		assert.equal(typeof r.actor.name, 'string', what);
		assert.ok(r.message.startsWith(`${r.actor.name}: `),
		    `${what}: the sentence names ${r.actor.name}: ${r.message}`);
		if (r.kind === 'overloaded_owner') {
			// The PM of one of the projects where the person holds
			// boxes.
			const pms = [];
			for (const d of (await srv.api('GET',
			    '/api/v1/projects?limit=200&status=all')).json.projects) {
				const doc = await projectDoc(d.id);
				if (JSON.stringify(doc.ownership).includes(
				    `"id":${r.subject.person.id},`))
					pms.push(doc.pm?.id);
			}
			assert.ok(pms.includes(r.actor.id),
			    `${what}: ${r.actor.id} in ${pms}`);
			continue;
		}
		assert.equal(r.actor.id, await expectedActor(r), what);
		assert.match(r.url, new RegExp(`^/projects/${r.project.id}#`),
		    what);
	}
	// Each url leads to a page that has its anchor.
	const pages = new Map();
	for (const r of risks) {
		const [path, anchor] = r.url.split('#');
		if (!pages.has(path)) {
			const page = await srv.request('GET', path);
			assert.equal(page.status, 200, path);
			pages.set(path, page.text);
		}
		assert.ok(pages.get(path).includes(`id="${anchor}"`),
		    `${r.url}: the page has the anchor`);
	}
});

test('a blocked checkpoint names its owner and carries its reason',
    async () => {
	const list = (await srv.api('GET', '/api/v1/projects?limit=200')).json
	    .projects;
	const fraud = await projectDoc(list.find((p) =>
	    p.name === 'Card fraud flags').id);
	const c = fraud.checkpoints.find((x) => x.status === 'pending');
	assert.ok(c, 'a pending checkpoint');
	const owner = (await srv.api('GET', '/api/v1/people?limit=200')).json
	    .people.find((x) => x.role === 'mle' && x.active &&
	    x.id !== fraud.pm.id);
	const note = 'Waiting for the labelled set from vendor; ETA Friday';
	const r = await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { status: 'blocked', note, owner_id: owner.id },
	    { 'if-match': `"${c.version}"` });
	assert.equal(r.status, 200, r.text);

	const risks = (await srv.api('GET',
	    `/api/v1/projects/${fraud.id}/risks`)).json.risks;
	const b = risks.find((x) => x.kind === 'blocked_checkpoint' &&
	    x.subject.checkpoint.id === c.id);
	assert.ok(b, JSON.stringify(risks.map((x) => x.kind)));
	assert.deepEqual(b.actor, { id: owner.id, name: owner.name });
	assert.equal(b.reason, note);
	assert.ok(b.message.includes(note), b.message);
	assert.equal(b.url, `/projects/${fraud.id}#checkpoint-${c.id}`);
	for (const x of risks)
		if (x.kind !== 'blocked_checkpoint')
			assert.equal(x.reason, undefined, x.kind);
});

test('the digest\'s risks carry actor and url, new, open and resolved',
    async () => {
	for (const week of ['2026-W46', '2026-W47', '2026-W48']) {
		const d = (await srv.api('GET', `/api/v1/digest?week=${week}`))
		    .json;
		const all = [...d.open, ...d.new, ...d.resolved];
		assert.ok(all.length > 0, week);
		for (const r of all) {
			assert.ok('actor' in r && typeof r.url === 'string',
			    `${week} ${r.kind}`);
			if (r.actor !== null)
				assert.ok(r.message.startsWith(
				    `${r.actor.name}: `), r.message);
		}
	}
});

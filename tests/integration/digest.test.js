// The weekly digest, built through the API over three weeks with the
// server's day pinned (HANDOFF_TODAY) and a completion recorded late with
// its real date; asserted exactly, and the HTML and Markdown forms must
// carry the same numbers as the JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';

let srv, project, audit, review;

const PUBLIC = 'https://handoff.example.com';

async function on(day) {
	await srv.restart({ HANDOFF_TODAY: day, HANDOFF_PUBLIC_URL: PUBLIC });
}

async function ok(method, path, body, actor) {
	const r = await srv.api(method, path, body,
	    actor ? { 'x-handoff-actor': actor } : {});
	assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ` +
	    r.text);
	return r.json;
}

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: '2026-11-02',
	    HANDOFF_PUBLIC_URL: PUBLIC } });

	// Monday 2 November (2026-W45): kickoff, everyone but on-call SWE;
	// the ML boxes shared by two so that nobody holds more than 8.
	const person = async (name, role) => (await ok('POST', '/api/v1/people',
	    { name, email: `${name.toLowerCase()}@example.com`, role })).id;
	const paula = await person('Paula', 'pm');
	const ids = { ds: await person('Dan', 'ds'),
	    mle: await person('Mia', 'mle'), swe: await person('Sam', 'swe') };
	const max = await person('Max', 'mle');
	let mle = 0;
	project = await ok('POST', '/api/v1/projects', {
		// 70 days: the template's own lengths, so that data
		// exploration is planned to end on the 22nd.
		name: 'Digest test', pm_id: paula, kickoff_on: '2026-11-02',
		target_launch_on: '2027-01-11', spec: { decision: 'd',
		primary_metric: 'm', secondary_constraint: 'c', worse_error: 'w',
		fallback: 'f', monitoring_trigger: 't', baseline: 'b' } });
	for (const row of project.ownership) {
		for (const role of ['ds', 'mle', 'swe']) {
			if (!row[role].expected || (row.key === 'on_call' &&
			    role === 'swe'))
				continue;
			const who = role === 'mle' && mle++ % 2 ? max : ids[role];
			await ok('PUT', `/api/v1/projects/${project.id}/ownership/` +
			    `${row.key}/${role}`, { person_id: who });
		}
	}
	const w0 = project.checkpoints.find((c) => c.stage === 'framing');
	await ok('PATCH', `/api/v1/checkpoints/${w0.id}`, { status: 'done' });

	// Tuesday 10 November (W46): handoff A accepted, into data, two more
	// checkpoints.
	await on('2026-11-10');
	await ok('POST', `/api/v1/projects/${project.id}/handoffs/a/offer`,
	    { from_id: ids.swe, to_id: ids.ds });
	// The test's admin accepts for Dan, saying why.
	await ok('POST', `/api/v1/projects/${project.id}/handoffs/a/accept`,
	    { reason: 'Dan accepted in the review' });
	await ok('POST', `/api/v1/projects/${project.id}/stage`,
	    { stage: 'data', override: true, reason: 'gates later' });
	audit = await ok('POST', `/api/v1/projects/${project.id}/checkpoints`,
	    { stage: 'data', title: 'Label audit', due_on: '2026-11-12' });
	review = await ok('POST', `/api/v1/projects/${project.id}/checkpoints`,
	    { stage: 'data', title: 'Feature store review',
	    due_on: '2026-11-25' });

	// Wednesday 18 November (W47): the audit was done on the 17th,
	// recorded a day late; Sam takes the on-call box.
	await on('2026-11-18');
	await ok('PATCH', `/api/v1/checkpoints/${audit.id}`,
	    { status: 'done', completed_on: '2026-11-17' }, 'mia@example.com');
	await ok('PUT', `/api/v1/projects/${project.id}/ownership/on_call/swe`,
	    { person_id: ids.swe }, 'sam@example.com');

	// Read on Monday 23 November (W48).
	await on('2026-11-23');
});

after(async () => { await srv?.stop(); });

const zero = { critical: 0, high: 0, medium: 0, low: 0, total: 0 };
const counts = (c) => ({ ...zero, ...c, total: Object.values(c).reduce(
    (a, b) => a + b, 0) });

test('the digest of 2026-W47, exactly', async () => {
	const r = await srv.api('GET', '/api/v1/digest?week=2026-W47');
	assert.equal(r.status, 200, r.text);
	const d = r.json;
	const w2 = project.checkpoints.find((c) => c.due_on === '2026-11-16');

	assert.equal(d.week, '2026-W47');
	assert.equal(d.monday, '2026-11-16');
	assert.equal(d.sunday, '2026-11-22');
	assert.equal(d.as_of, '2026-11-22');
	assert.equal(d.previous_as_of, '2026-11-15');
	assert.deepEqual(d.counts, counts({ medium: 1 }));

	// Open: the week-2 checkpoint, missed since the 17th, new this week.
	assert.deepEqual(d.open.map((x) => [x.kind, x.severity, x.subject.key,
	    x.since, x.age_days]), [['missed_checkpoint', 'medium',
	    `checkpoint/${w2.id}`, '2026-11-17', 5]]);
	assert.deepEqual(d.new.map((x) => x.subject.key), [`checkpoint/${w2.id}`]);
	assert.deepEqual(d.projects.map((g) => [g.name, g.risks.length,
	    g.risks[0].new]), [['Digest test', 1, true]]);

	// Resolved: the audit (done on the 17th, recorded by Mia on the 18th)
	// and the on-call box (Sam, the 18th).
	assert.deepEqual(d.resolved.map((x) => [x.kind, x.subject.key,
	    x.resolved_on, x.resolved_by]).sort(), [
		['empty_owner', 'on_call/swe', '2026-11-18', 'sam@example.com'],
		['missed_checkpoint', `checkpoint/${audit.id}`, '2026-11-17',
		    'mia@example.com'],
	    ].sort());

	// Due in W48.
	assert.deepEqual(d.due_next_week.map((x) => [x.checkpoint.id,
	    x.due_on, x.status]), [[review.id, '2026-11-25', 'pending']]);

	// The trend: W39..W46 at their Sundays; the project exists from the
	// 2nd of November.
	assert.deepEqual(d.trend.map((t) => t.week), ['2026-W39', '2026-W40',
	    '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45',
	    '2026-W46']);
	assert.deepEqual(d.trend.map((t) => t.counts.total),
	    [0, 0, 0, 0, 0, 0, 1, 2]);
	assert.deepEqual(d.trend[6].counts, counts({ low: 1 }));
	// W46: the missed audit, and the on-call box, to be owned once the
	// project left framing (assign at kickoff): medium in data.
	assert.deepEqual(d.trend[7].counts, counts({ medium: 2 }));
});

test('the same week as of a past date knows nothing later', async () => {
	// As of the 15th the audit was missed (completed on the 17th).
	const r = await srv.api('GET', `/api/v1/projects/${project.id}/risks` +
	    '?as_of=2026-11-15');
	assert.deepEqual(r.json.risks.map((x) => [x.kind, x.severity,
	    x.subject.key]).sort(), [
		['empty_owner', 'medium', 'on_call/swe'],
		['missed_checkpoint', 'medium', `checkpoint/${audit.id}`],
	    ].sort());
	// And the current week (W48) starts from W47's end.
	const now = await srv.api('GET', '/api/v1/digest');
	assert.equal(now.json.week, '2026-W48');
	assert.equal(now.json.as_of, '2026-11-23');
	assert.equal(now.json.previous_as_of, '2026-11-22');
	// Data exploration was planned to end on the 22nd: over from today.
	assert.deepEqual(now.json.new.map((x) => [x.kind, x.subject.key,
	    x.since]), [['stage_overrun', 'stage/data', '2026-11-23']]);
});

test('HTML and Markdown carry the numbers of the JSON', async () => {
	const json = (await srv.api('GET', '/api/v1/digest?week=2026-W47')).json;
	const html = await srv.request('GET', '/digest?week=2026-W47');
	const md = await srv.request('GET', '/digest.md?week=2026-W47');
	assert.equal(html.status, 200);
	assert.equal(md.status, 200);
	assert.equal(md.headers.get('content-type'),
	    'text/markdown; charset=utf-8');

	const m = md.text.match(/\*\*(\d+) open risks?\*\*: (\d+) critical, (\d+) high, (\d+) medium, (\d+) low; (\d+) projects? at risk\. (\d+) new this week, (\d+) resolved this week, (\d+) checkpoints? due this week, (\d+) next week\./);
	assert.ok(m, md.text);
	assert.deepEqual(m.slice(1).map(Number), [json.counts.total,
	    json.counts.critical, json.counts.high, json.counts.medium,
	    json.counts.low, json.projects_at_risk, json.new.length,
	    json.resolved.length, json.due_this_week.length,
	    json.due_next_week.length]);
	assert.match(md.text, /^# Risk digest, week 2026-W47$/m);
	assert.match(md.text, /^## Resolved this week \(2\)$/m);
	assert.match(md.text, new RegExp(`\\| 2026-W46 \\| ` +
	    `${json.trend[7].projects_at_risk} \\| 0 \\| 0 \\| 2 \\| 0 \\| 2 \\|`));

	for (const sev of ['critical', 'high', 'medium', 'low']) {
		const c = html.text.match(new RegExp(`<li class="count-${sev}">` +
		    '<span class="n">(\\d+)</span>'));
		assert.equal(Number(c[1]), json.counts[sev], sev);
	}
	const s = html.text.match(/<strong>(\d+)<\/strong> projects? at risk, <strong>(\d+)<\/strong> new this week, <strong>(\d+)<\/strong> resolved this week, <strong>(\d+)<\/strong> checkpoints? due this week and <strong>(\d+)<\/strong> next week/);
	assert.deepEqual(s.slice(1).map(Number), [json.projects_at_risk,
	    json.new.length, json.resolved.length, json.due_this_week.length,
	    json.due_next_week.length]);
	assert.match(html.text, /rel="prev">&larr; 2026-W46</);
	assert.match(html.text, /rel="next">2026-W48 &rarr;</);
});

test('weeks that do not exist or have not begun are 400', async () => {
	for (const w of ['2026-W54', '2026W10', 'abc', '2025-W53', '2026-W00',
	    '2026-W49']) {
		for (const path of ['/api/v1/digest', '/digest', '/digest.md']) {
			const r = await srv.request('GET', `${path}?week=${w}`);
			assert.equal(r.status, 400, `${path} ${w}`);
			if (path.startsWith('/api'))
				assert.equal(r.json.error.field, 'week');
		}
	}
	for (const d of ['2026-02-30', 'tomorrow', '2026-11-24'])
		assert.equal((await srv.api('GET', `/api/v1/risks?as_of=${d}`))
		    .status, 400, d);
});

test('ISO week 53 of 2026 and the turn of the year', async () => {
	await on('2027-01-04');
	try {
		const w53 = await srv.api('GET', '/api/v1/digest?week=2026-W53');
		assert.equal(w53.status, 200, w53.text);
		assert.equal(w53.json.monday, '2026-12-28');
		assert.equal(w53.json.sunday, '2027-01-03');
		const w1 = await srv.api('GET', '/api/v1/digest');
		assert.equal(w1.json.week, '2027-W01');
		assert.equal(w1.json.previous_as_of, '2027-01-03');
		assert.equal(w1.json.trend[7].week, '2026-W53');
	} finally {
		await on('2026-11-23');
	}
});

test('who must act, due this week, paused, links and the chat form',
    async () => {
	// A blocked checkpoint (high) due this week, and a paused project.
	await ok('PATCH', `/api/v1/checkpoints/${review.id}`,
	    { status: 'blocked', note: 'waiting for <the> store & co' });
	const pm = project.pm_id ?? project.pm?.id;
	const paused = await ok('POST', '/api/v1/projects', {
		name: 'Held back', pm_id: pm, kickoff_on: '2026-11-02',
		target_launch_on: '2027-01-11', status: 'paused' });
	const d = (await srv.api('GET', '/api/v1/digest')).json;

	// Every risk of every list names its actor and its link.
	for (const x of [...d.actions.flatMap((g) => g.risks), ...d.open,
	    ...d.new, ...d.resolved]) {
		assert.ok('actor' in x, JSON.stringify(x));
		assert.match(x.url, /^\/(projects\/\d+|people)#/);
	}
	// The action list: the open critical and high risks, whole, grouped
	// by actor, each group's risks its actor's.
	const act = d.actions.flatMap((g) => g.risks);
	assert.deepEqual(act.map((x) => x.subject.key).sort(),
	    d.open.filter((x) => ['critical', 'high'].includes(x.severity))
		.map((x) => x.subject.key).sort());
	assert.ok(act.some((x) => x.kind === 'blocked_checkpoint' &&
	    x.subject.checkpoint.id === review.id), JSON.stringify(d.actions));
	for (const g of d.actions)
		for (const x of g.risks)
			assert.deepEqual(x.actor, g.actor);
	// Projects at risk: those with a high or critical risk.
	assert.equal(d.projects_at_risk, new Set(act.filter((x) => x.project)
	    .map((x) => x.project.id)).size);

	// Due this week (W48) and still open: the blocked review.
	assert.ok(d.due_this_week.every((x) => x.due_on >= d.monday &&
	    x.due_on <= d.sunday));
	assert.deepEqual(d.due_this_week.filter((x) => x.checkpoint.id ===
	    review.id).map((x) => x.status), ['blocked']);
	assert.deepEqual(d.paused.filter((x) => x.id === paused.id), [{
	    id: paused.id, name: 'Held back', since: '2026-11-23',
	    url: `/projects/${paused.id}` }]);

	// The Markdown links every risk and project line to the app.
	const md = (await srv.request('GET', '/digest.md')).text;
	assert.match(md, new RegExp(`\\(${PUBLIC}/projects/${paused.id}\\), ` +
	    'paused since 2026-11-23'));
	for (const line of md.split('\n').filter((l) => /^- \*\*/.test(l)))
		assert.ok(line.includes(`](${PUBLIC}/`), line);

	// The chat form: mrkdwn, short, escaped, linked.
	const chat = await srv.request('GET', '/digest.md?format=chat');
	assert.equal(chat.status, 200);
	assert.doesNotMatch(chat.text, /^#/m);
	assert.doesNotMatch(chat.text, /^\|/m);
	assert.ok(chat.text.length < 3000, String(chat.text.length));
	assert.match(chat.text, new RegExp(`<${PUBLIC}/projects/${project.id}` +
	    `#checkpoint-${review.id}\\|[^<>]*>`));
	assert.match(chat.text, new RegExp(`<${PUBLIC}/digest\\?week=` +
	    `${d.week}\\|the full digest>`));
	assert.ok(!chat.text.includes('<the>') &&
	    chat.text.includes('&lt;the&gt; store &amp; co'), chat.text);
	assert.match(chat.text, new RegExp(`^\\*Act now \\(${act.length}\\)\\*$`,
	    'm'));

	// The pages answer errors as text; the field is named in it.
	const bad = await srv.request('GET', '/digest.md?format=bogus');
	assert.equal(bad.status, 400);
	assert.match(bad.text, /\bformat\b/);
});

// The three journeys of the product, driven through the real pages in
// Chromium against the real server and a throwaway database:
//
//   1. a PM kicks off a project, sees the empty boxes and the incomplete
//      spec as risks, fills two boxes (and two spec answers) and the risks
//      for them disappear; one step is done with the keyboard only;
//   2. a team member marks a missed checkpoint done with a note: the risk
//      leaves the project page and is resolved in this week's digest;
//   3. on Monday the digest shows the new and resolved risks and the
//      checkpoints due next week, and the Markdown and the JSON carry the
//      same numbers as the page.
//
// Every person signs in through /login with an account of their own.
// What a journey says already exists (the team, last week's project) is
// made through the API, on the day it happened (HANDOFF_TODAY), before the
// server is moved on to the journey's day.  Every page visited is saved
// in tests/output/ (j1-*, j2-*, j3-*).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { launch, screenshot } from '../lib/browser.js';
import { addDays, focusOutline, isoWeek, makePeople, newContext,
    optionLabel, personRef, projectRisks, signIn, submit, tabTo } from
    '../lib/pages.js';

const servers = [];
let browser;

after(async () => {
	await browser?.close();
	for (const s of servers)
		await s.stop();
});

async function server(today) {
	const srv = await startServer({ env: { HANDOFF_TODAY: today } });
	servers.push(srv);
	browser ??= await launch();
	return srv;
}

async function ok(srv, method, path, body, actor) {
	const r = await srv.api(method, path, body,
	    actor ? { 'x-handoff-actor': actor } : {});
	assert.ok(r.status >= 200 && r.status < 300,
	    `${method} ${path}: ${r.status} ${r.text}`);
	return r.json;
}

const FULL_SPEC = {
	decision: 'Hold a card payment for manual review, or let it through',
	primary_metric: 'Recall of at least 0.90 at precision of at least 0.95',
	secondary_constraint: 'Under 50 ms at p99',
	worse_error: 'A missed fraud costs more than a held payment',
	fallback: 'Manual review of payments over 500 EUR',
	monitoring_trigger: 'Weekly recall on labelled chargebacks below 0.85',
	baseline: 'The current rules engine: recall 0.62',
};

const W2_TITLE = 'Data exploration findings and feasibility call ' +
    '(go / pivot / stop)';

// The matrix cell of a responsibility ("Model serving") and role ("MLE").
function cell(page, resp, role) {
	const col = { DS: 3, MLE: 4, SWE: 5 }[role];
	return page.locator('table.matrix tbody tr', { has: page.locator(
	    'th', { hasText: new RegExp(`^${resp}`) }) })
	    .locator(`td:nth-child(${col})`);
}

test('journey 1: a PM kicks off a project and fills two boxes',
    async () => {
	const today = '2026-03-02';		// a Monday
	const srv = await server(today);
	const team = await makePeople(srv, [['Paula Park', 'pm'],
	    ['Dana Diaz', 'ds'], ['Milo Marsh', 'mle'], ['Sara Stone', 'swe']]);
	await srv.account('pm@example.com', 'pm', 'journey-pm-pass');

	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, srv, 'pm@example.com', 'journey-pm-pass',
	    'j1-login');
	assert.equal(await page.title(), 'Portfolio · handoff');
	assert.match(await page.locator('table.portfolio').innerText(),
	    /No active project matches/);
	await screenshot(page, 'j1-portfolio-empty');

	// Kick off, from the navigation.
	await submit(page, page.getByRole('navigation', { name: 'Main' })
	    .getByRole('link', { name: 'Kick off a project' }));
	assert.equal(new URL(page.url()).pathname, '/projects/new');
	await screenshot(page, 'j1-kickoff');
	assert.equal(await page.getByLabel('Kickoff date').inputValue(), today);
	assert.equal(await page.getByLabel('Target launch').inputValue(),
	    addDays(today, 70));
	await page.getByLabel('Project name').fill('Churn prediction');
	await page.getByLabel('PM', { exact: true }).selectOption({
	    label: optionLabel(team['Paula Park']) });
	await page.getByLabel('Decision the model makes').fill(
	    'Offer a retention discount to subscribers likely to cancel');
	await page.getByLabel('Primary metric and target').fill(
	    'Recall of at least 0.6 among next month\'s cancellations');
	await screenshot(page, 'j1-kickoff-filled');
	await submit(page, page.getByRole('button', { name: 'Kick off' }));

	// The new project: every expected box empty, in red and in words.
	const path = new URL(page.url()).pathname;
	assert.match(path, /^\/projects\/\d+$/);
	await screenshot(page, 'j1-project-new');
	assert.equal(await page.locator('h1').innerText(), 'Churn prediction');
	assert.match(await page.locator('.facts').innerText(),
	    /In Problem framing · PM Paula Park · kickoff 2026-03-02/);

	const empty = page.locator('table.matrix td.cell-empty');
	assert.equal(await empty.count(), 24, 'the 24 expected boxes');
	for (const text of await empty.allInnerTexts())
		assert.match(text, /Empty: nobody owns this/);
	const red = await empty.first().evaluate((el) =>
	    getComputedStyle(el).backgroundColor);
	const plain = await page.locator('table.matrix td.cell-unexpected')
	    .first().evaluate((el) => getComputedStyle(el).backgroundColor);
	assert.notEqual(red, plain, 'empty boxes are coloured too');

	let risks = await projectRisks(page);
	// One line per responsibility, naming its empty roles, the PM first
	// (who must act): the roles named add up to the empty boxes.
	const boxRoles = (list) => list.map((r) => r.match(
	    /: nobody (?:active )?on ([A-Z]+(?: or [A-Z]+)*) /)?.[1])
	    .filter(Boolean).reduce((n, roles) =>
	    n + roles.split(' or ').length, 0);
	assert.equal(boxRoles(risks), 24, risks.join('\n'));
	assert.ok(risks.some((r) => r === 'critical Paula Park: nobody on DS ' +
	    'has owned Problem framing and data understanding since ' +
	    '2026-03-02, and the project has already reached Problem ' +
	    'framing, which needs it. (since 2026-03-02)'), risks.join('\n'));
	assert.ok(risks.some((r) => /^high Paula Park: nobody on DS or SWE owns Outcome and label logging; the project enters Data exploration on \d{4}-\d{2}-\d{2}\./
	    .test(r)), risks.join('\n'));
	// Every sentence starts with its severity in words.
	for (const r of risks)
		assert.match(r, /^(critical|high|medium|low) /);

	// The spec: five answers not written yet, and the data audit's four
	// questions.  While the project is in framing they are marked, not
	// yet risks (incomplete_spec and data_audit_missing in the README's
	// rules, "Risks and the weekly digest").
	assert.equal(await page.locator('#spec .missing-note').count(), 5 + 4);
	assert.equal(await page.locator('#spec .field-missing').count(), 5 + 4);
	assert.equal(await page.locator('#data-audit ~ .field .missing-note')
	    .count(), 4);
	assert.ok(!risks.some((r) => /the spec is missing/.test(r)));

	// Keyboard only: from the top of the page, Tab to the stage form's
	// disclosure, open it with Enter, Tab to the stage picker, type the
	// stage, Tab to the note, type it, Enter.
	await page.locator('body').focus();
	await page.evaluate(() => window.scrollTo(0, 0));
	assert.equal(await page.locator('#stage-stage').isVisible(), false,
	    'the stage form is behind its disclosure');
	await tabTo(page, '#stage summary');
	await page.keyboard.press('Enter');
	const presses = await tabTo(page, '#stage-stage');
	let outline = await focusOutline(page);
	assert.ok(outline.matchesFocus && outline.style !== 'none' &&
	    outline.width >= 2, `visible focus on the stage picker (after ` +
	    `${presses} Tabs): ${JSON.stringify(outline)}`);
	await page.keyboard.type('Data');
	assert.equal(await page.locator('#stage-stage').inputValue(), 'data');
	await page.keyboard.press('Tab');
	outline = await focusOutline(page);
	assert.equal(outline.id, 'stage-note');
	assert.ok(outline.style !== 'none' && outline.width >= 2,
	    `visible focus on the note: ${JSON.stringify(outline)}`);
	await screenshot(page, 'j1-keyboard-focus');
	await page.keyboard.type('Framing done; labels exist');
	// Framing's checkpoints are not done yet: the page says so, and the
	// move needs the override, ticked and given a reason, by keyboard.
	assert.match(await page.locator('#stage-gates').innerText(),
	    /unmet gates? before Data exploration/);
	await page.keyboard.press('Tab');
	assert.equal((await focusOutline(page)).id, 'stage-override');
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	assert.equal((await focusOutline(page)).id, 'stage-reason');
	await page.keyboard.type('framing reviewed in the kickoff meeting');
	await Promise.all([page.waitForNavigation(),
	    page.keyboard.press('Enter')]);
	assert.equal(new URL(page.url()).pathname, path);
	await screenshot(page, 'j1-project-data');
	assert.match(await page.locator('.facts').innerText(),
	    /In Data exploration/);
	assert.match(await page.locator('ol.transitions').innerText(),
	    /2026-03-02: Data exploration — Framing done; labels exist/);

	// Out of framing, the five missing answers are risks.
	risks = await projectRisks(page);
	const specRisks = (list) => list.filter((r) =>
	    /the spec is missing/.test(r));
	assert.deepEqual(specRisks(risks).map((r) => r.match(
	    /missing (.*), and the project left/)[1]).sort(), [
		'the baseline', 'the fallback behaviour',
		'the monitoring trigger', 'the secondary constraint',
		'which error is worse and why'].sort(), risks.join('\n'));
	for (const r of specRisks(risks))
		assert.match(r, /^high Paula Park: the spec is missing .*, and the project left Problem framing on 2026-03-02\./);

	// Box 1, with the mouse: Dana takes problem framing (DS).
	const framingRisk = (list) => list.filter((r) =>
	    /nobody on DS has owned Problem framing and data understanding/
	    .test(r));
	assert.equal(framingRisk(risks).length, 1);
	const c1 = cell(page, 'Problem framing and data understanding', 'DS');
	await c1.locator('summary').click();
	await c1.getByLabel('DS for Problem framing and data understanding')
	    .fill(personRef(team['Dana Diaz']));
	await screenshot(page, 'j1-cell-open');
	await submit(page, c1.getByRole('button', { name: 'Save DS for ' +
	    'Problem framing and data understanding' }));
	await screenshot(page, 'j1-box-1');
	risks = await projectRisks(page);
	assert.equal(framingRisk(risks).length, 0, risks.join('\n'));
	assert.equal(boxRoles(risks), 23);
	const c1after = cell(page, 'Problem framing and data understanding',
	    'DS');
	assert.match(await c1after.innerText(), /^Dana Diaz/);
	assert.doesNotMatch(await c1after.innerText(), /Empty/);
	assert.equal(await c1after.getAttribute('class'), 'cell-owned');

	// Box 2, keyboard only: Sara takes outcome logging (SWE).
	const loggingRisk = (list) => list.filter((r) =>
	    /nobody on (?:DS or )?SWE (owns|has owned) Outcome and label logging/
	    .test(r));
	assert.equal(loggingRisk(risks).length, 1);
	await page.locator('body').focus();
	await tabTo(page, '#resp-outcome_logging td:nth-child(5) summary');
	outline = await focusOutline(page);
	assert.ok(outline.style !== 'none' && outline.width >= 2,
	    `visible focus on the cell's summary: ${JSON.stringify(outline)}`);
	await page.keyboard.press('Enter');		// opens the form
	await page.keyboard.press('Tab');
	assert.equal((await focusOutline(page)).id,
	    'cell-outcome_logging-swe-person');
	// The picker offers the people as one types (a browser's own list,
	// which a headless one does not show); a name that names one
	// person is taken as it is.
	await page.keyboard.type('Sara');
	assert.equal(await page.locator('#cell-outcome_logging-swe-person')
	    .inputValue(), 'Sara');
	assert.equal(await page.locator('#cell-outcome_logging-swe-person')
	    .getAttribute('list'), 'people');
	await page.keyboard.press('Tab');
	outline = await focusOutline(page);
	assert.equal(outline.tag, 'button');
	assert.ok(outline.style !== 'none' && outline.width >= 2,
	    `visible focus on Save: ${JSON.stringify(outline)}`);
	await Promise.all([page.waitForNavigation(),
	    page.keyboard.press('Enter')]);
	await screenshot(page, 'j1-box-2');
	risks = await projectRisks(page);
	assert.equal(loggingRisk(risks).length, 0, risks.join('\n'));
	assert.equal(boxRoles(risks), 22);
	assert.match(await cell(page, 'Outcome and label logging', 'SWE')
	    .innerText(), /^Sara Stone/);
	assert.equal(await page.locator('table.matrix td.cell-empty').count(),
	    22);

	// Two spec answers: their risks go too.
	const spec = page.locator('#spec');
	await spec.getByText('Edit the spec', { exact: true }).click();
	await spec.getByLabel('Fallback behaviour').fill(
	    'No discount offer; the usual renewal email');
	await spec.getByLabel('Monitoring trigger').fill(
	    'Weekly precision on offers below 0.4');
	await submit(page, page.getByRole('button', { name: 'Save the spec' }));
	await screenshot(page, 'j1-spec-saved');
	risks = await projectRisks(page);
	assert.deepEqual(specRisks(risks).map((r) => r.match(
	    /missing (.*), and the project left/)[1]).sort(), [
		'the baseline', 'the secondary constraint',
		'which error is worse and why'].sort(), risks.join('\n'));
	// Three spec answers left, and the four audit questions.
	assert.equal(await page.locator('#spec .missing-note').count(), 3 + 4);

	// The portfolio shows the project with its open risks in words.
	await submit(page, page.getByRole('navigation', { name: 'Main' })
	    .getByRole('link', { name: 'Portfolio' }));
	await screenshot(page, 'j1-portfolio');
	const row = page.locator('table.portfolio tbody tr', { hasText:
	    'Churn prediction' });
	assert.match(await row.innerText(), /Paula Park\tData exploration/);
	assert.match(await row.locator('td').last().innerText(),
	    /\d+ critical/);

	assert.deepEqual(context.errors, [], 'no console errors (CSP)');
	await context.close();
});

test('journey 2: a member marks a missed checkpoint done with a note',
    async () => {
	// Last week the project was set up; the week-2 review was missed.
	const setup = '2026-03-04';		// Wednesday, 2026-W10
	const today = '2026-03-10';		// Tuesday, 2026-W11
	const kickoff = '2026-02-09';
	const srv = await server(setup);
	const team = await makePeople(srv, [['Paula Park', 'pm'],
	    ['Dana Diaz', 'ds'], ['Milo Marsh', 'mle'], ['Sara Stone', 'swe']]);
	const project = await ok(srv, 'POST', '/api/v1/projects', {
		name: 'Card fraud flags', pm_id: team['Paula Park'].id,
		kickoff_on: kickoff, target_launch_on: '2026-05-04',
		spec: FULL_SPEC });
	const w0 = project.checkpoints.find((c) => c.stage === 'framing');
	const w2 = project.checkpoints.find((c) => c.title === W2_TITLE);
	assert.equal(w2.due_on, addDays(kickoff, 14));
	await ok(srv, 'PATCH', `/api/v1/checkpoints/${w0.id}`,
	    { status: 'done', completed_on: kickoff });
	await ok(srv, 'POST', `/api/v1/projects/${project.id}/stage`,
	    { stage: 'data', note: 'framing signed off', override: true,
	    reason: 'handoff A next week' });
	await srv.account('member@example.com', 'member',
	    'journey-member-pass');

	await srv.restart({ HANDOFF_TODAY: today });
	const before = await ok(srv, 'GET', `/api/v1/projects/${project.id}` +
	    '/risks');
	assert.ok(before.risks.some((r) => r.subject.key ===
	    `checkpoint/${w2.id}`), JSON.stringify(before));

	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, srv, 'member@example.com', 'journey-member-pass',
	    'j2-login');
	await screenshot(page, 'j2-portfolio');
	const row = page.locator('table.portfolio tbody tr', { hasText:
	    'Card fraud flags' });
	assert.match(await row.innerText(), new RegExp(`due ${w2.due_on} ` +
	    '\\(missed\\)'));
	await submit(page, row.getByRole('link', { name: 'Card fraud flags' }));
	await screenshot(page, 'j2-project-missed');

	const sentence = `Paula Park: checkpoint "${W2_TITLE}" was due on ` +
	    `${w2.due_on} and is 15 days overdue.`;
	let risks = await projectRisks(page);
	assert.ok(risks.some((r) => r.includes(sentence)), risks.join('\n'));
	const cpRow = page.locator(`#checkpoint-${w2.id}`);
	assert.match(await cpRow.locator('td').last().innerText(),
	    /missed, 15 days late/);

	// The status form of that checkpoint, in the row under it.
	const form = page.locator(`#form-cp-${w2.id}-status`);
	await page.locator(`#checkpoint-${w2.id} + tr.actions summary`,
	    { hasText: 'Update status' }).click();
	await form.getByLabel('Status').selectOption('done');
	assert.equal(await form.getByLabel(/Completed on/).inputValue(), today);
	await form.getByLabel('Outcome').selectOption('go');
	await form.getByLabel('Note').fill('Labels usable; 4 % noise. Go.');
	await screenshot(page, 'j2-status-form');
	await submit(page, form.getByRole('button', { name: 'Save' }));
	await screenshot(page, 'j2-project-done');

	risks = await projectRisks(page);
	assert.ok(!risks.some((r) => r.includes(W2_TITLE)), risks.join('\n'));
	const status = await page.locator(`#checkpoint-${w2.id} td`).last()
	    .innerText();
	assert.match(status, new RegExp(`^done ${today} go$`));
	assert.match(await page.locator(`#checkpoint-${w2.id} .note`)
	    .innerText(), /Labels usable; 4 % noise\. Go\./);

	// This week's digest has it as resolved, by the member, today.
	await submit(page, page.getByRole('navigation', { name: 'Main' })
	    .getByRole('link', { name: 'Weekly digest' }));
	await screenshot(page, 'j2-digest');
	assert.equal(await page.locator('h1').innerText(),
	    `Risk digest, week ${isoWeek(today)}`);
	const resolved = page.locator('section', { has: page.getByRole(
	    'heading', { name: /^Resolved this week/ }) });
	const items = await resolved.locator('li').allInnerTexts();
	const mine = items.filter((t) => t.includes(W2_TITLE));
	assert.equal(mine.length, 1, items.join('\n'));
	assert.match(mine[0], new RegExp('^resolved Card fraud flags: ' +
	    `Paula Park: checkpoint "${W2_TITLE.replace(/[()]/g, '\\$&')}" ` +
	    'was due on ' +
	    `${w2.due_on} and is \\d+ days overdue\\. \\(resolved ${today} ` +
	    'by member@example.com\\)$'));
	// Struck through, and said in words ("resolved"), not colour only.
	assert.equal(await resolved.locator('li', { hasText: W2_TITLE })
	    .locator('s').count(), 1);
	const open = page.locator('section', { has: page.getByRole('heading',
	    { name: /^Still open/ }) });
	assert.doesNotMatch(await open.innerText(), /feasibility call/);

	// The JSON agrees.
	const digest = await ok(srv, 'GET', '/api/v1/digest');
	assert.ok(digest.resolved.some((r) => r.subject.key ===
	    `checkpoint/${w2.id}` && r.resolved_on === today &&
	    r.resolved_by === 'member@example.com'), JSON.stringify(
	    digest.resolved));

	assert.deepEqual(context.errors, [], 'no console errors (CSP)');
	await context.close();
});

test('journey 3: on Monday the digest shows the week, in every format',
    async () => {
	const lastWeek = '2026-11-18';		// Wednesday, 2026-W47
	const monday = '2026-11-23';		// 2026-W48
	const week = isoWeek(monday);
	assert.equal(week, '2026-W48');
	const srv = await server(lastWeek);
	const team = await makePeople(srv, [['Paula Park', 'pm'],
	    ['Dana Diaz', 'ds'], ['Milo Marsh', 'mle'], ['Sara Stone', 'swe'],
	    ['Omar Ortiz', 'mle'], ['Ivy Ito', 'swe']]);
	const staff = { ds: team['Dana Diaz'].id, mle: team['Milo Marsh'].id,
	    swe: team['Sara Stone'].id };

	// Card fraud flags: kicked off four weeks ago, in data exploration;
	// three boxes empty, the week-2 review missed, a label audit due on
	// Sunday.
	const fraud = await ok(srv, 'POST', '/api/v1/projects', {
		name: 'Card fraud flags', pm_id: team['Paula Park'].id,
		kickoff_on: '2026-10-26', target_launch_on: '2027-01-18',
		spec: FULL_SPEC });
	const skip = ['model_serving/mle', 'monitoring_drift/mle',
	    'on_call/swe'];
	for (const row of fraud.ownership) {
		for (const role of ['ds', 'mle', 'swe']) {
			if (row[role].expected && !skip.includes(
			    `${row.key}/${role}`))
				await ok(srv, 'PUT', `/api/v1/projects/` +
				    `${fraud.id}/ownership/${row.key}/${role}`,
				    { person_id: staff[role] });
		}
	}
	const fw0 = fraud.checkpoints.find((c) => c.stage === 'framing');
	const fw2 = fraud.checkpoints.find((c) => c.title === W2_TITLE);
	const fw5 = fraud.checkpoints.find((c) => c.due_on === '2026-11-30');
	assert.ok(fw5, 'week 5 falls in the week after the digest');
	await ok(srv, 'PATCH', `/api/v1/checkpoints/${fw0.id}`,
	    { status: 'done', completed_on: '2026-10-26' });
	await ok(srv, 'POST', `/api/v1/projects/${fraud.id}/stage`,
	    { stage: 'data', override: true, reason: 'handoff A next week' });
	const audit = await ok(srv, 'POST',
	    `/api/v1/projects/${fraud.id}/checkpoints`, { stage: 'data',
	    title: 'Label audit with the support team', due_on: '2026-11-22' });

	// Churn prediction: kicked off last Monday, still in framing.
	const churn = await ok(srv, 'POST', '/api/v1/projects', {
		name: 'Churn prediction', pm_id: team['Paula Park'].id,
		kickoff_on: '2026-11-16', target_launch_on: '2027-02-15',
		spec: { decision: 'Offer a retention discount' } });
	await ok(srv, 'PUT', `/api/v1/projects/${churn.id}/ownership/` +
	    'problem_framing/ds', { person_id: team['Dana Diaz'].id });
	const cw0 = churn.checkpoints.find((c) => c.stage === 'framing');
	const cw2 = churn.checkpoints.find((c) => c.title === W2_TITLE);
	assert.equal(cw2.due_on, '2026-11-30');
	await ok(srv, 'PATCH', `/api/v1/checkpoints/${cw0.id}`,
	    { status: 'done', completed_on: '2026-11-16' });

	// Monday morning: Sara took the on-call box, Milo recorded the
	// week-2 review as done.
	await srv.restart({ HANDOFF_TODAY: monday });
	await ok(srv, 'PUT', `/api/v1/projects/${fraud.id}/ownership/on_call/` +
	    'swe', { person_id: team['Sara Stone'].id }, 'sara@example.com');
	await ok(srv, 'PATCH', `/api/v1/checkpoints/${fw2.id}`, {
		status: 'done', completed_on: monday, outcome: 'go',
		note: 'Feasible' }, 'milo@example.com');
	await srv.account('pm@example.com', 'pm', 'journey-pm-pass');

	const json = await ok(srv, 'GET', `/api/v1/digest?week=${week}`);
	assert.equal(json.as_of, monday);
	assert.deepEqual(json.resolved.map((r) => [r.subject.key,
	    r.resolved_on, r.resolved_by]).sort(), [
		[`checkpoint/${fw2.id}`, monday, 'milo@example.com'],
		['on_call/swe', monday, 'sara@example.com'],
	    ].sort());
	assert.ok(json.new.some((r) => r.subject.key ===
	    `checkpoint/${audit.id}`), JSON.stringify(json.new));
	assert.deepEqual(json.due_next_week.map((d) => [d.due_on,
	    d.checkpoint.id]), [['2026-11-30', fw5.id],
	    ['2026-11-30', cw2.id]]);

	// The PM opens the digest on Monday.
	const context = await newContext(browser);
	const page = await context.newPage();
	await signIn(page, srv, 'pm@example.com', 'journey-pm-pass',
	    'j3-login');
	await screenshot(page, 'j3-portfolio');
	await submit(page, page.getByRole('navigation', { name: 'Main' })
	    .getByRole('link', { name: 'Weekly digest' }));
	await screenshot(page, 'j3-digest');
	assert.equal(await page.title(), `Risk digest ${week} · handoff`);
	assert.equal(await page.locator('h1').innerText(),
	    `Risk digest, week ${week}`);
	assert.match(await page.locator('.digest-head').innerText(),
	    /2026-11-23 to 2026-11-29, as of the end of 2026-11-23/);

	const section = (name) => page.locator('section', { has:
	    page.getByRole('heading', { level: 2, name }) });
	const heading = async (name) => {
		const t = await page.getByRole('heading', { level: 2, name })
		    .innerText();
		return Number(t.match(/\((\d+)\)$/)[1]);
	};

	// New this week: the label audit, missed since Monday.
	const newItems = await section(/^New this week/).locator('li')
	    .allInnerTexts();
	assert.equal(await heading(/^New this week/), json.new.length);
	assert.equal(newItems.length, json.new.length);
	assert.ok(newItems.some((t) => t.includes('Card fraud flags: ') &&
	    t.includes(': checkpoint "Label audit with the support team" was ' +
	    'due on 2026-11-22 and is 1 day overdue.')), newItems.join('\n'));

	// Resolved this week: the on-call box and the week-2 review.
	const resolved = await section(/^Resolved this week/).locator('li')
	    .allInnerTexts();
	assert.equal(await heading(/^Resolved this week/), 2);
	assert.equal(resolved.length, 2);
	assert.ok(resolved.some((t) => /^resolved Card fraud flags: [^:]+: nobody on SWE (owns|has owned) On-call for model health.*\(resolved 2026-11-23 by sara@example\.com\)$/
	    .test(t)), resolved.join('\n'));
	assert.ok(resolved.some((t) => t.startsWith('resolved Card fraud ' +
	    'flags: ') && t.includes(`: checkpoint "${W2_TITLE}" was due on ` +
	    '2026-11-09') &&
	    t.endsWith('(resolved 2026-11-23 by milo@example.com)')),
	    resolved.join('\n'));

	// Due next week: a week-5 and a week-2 checkpoint, on the 30th.
	const due = await section(/^Due next week/).locator('li')
	    .allInnerTexts();
	assert.equal(await heading(/^Due next week/), 2);
	assert.deepEqual(due, [
		'2026-11-30 Card fraud flags: Training pipeline reproduces ' +
		    'the notebook (handoff B accepted)',
		`2026-11-30 Churn prediction: ${W2_TITLE}`,
	]);

	// The counts, as the page shows them.
	const shown = {};
	for (const sev of ['critical', 'high', 'medium', 'low'])
		shown[sev] = Number(await page.locator(`ul.severity-counts ` +
		    `li.count-${sev} .n`).innerText());
	shown.total = Number(await page.locator('ul.severity-counts li')
	    .last().locator('.n').innerText());
	assert.deepEqual(shown, json.counts);
	assert.ok(json.counts.total > 0);
	const summary = (await section('Summary').locator('p').first()
	    .innerText()).match(/^(\d+) projects? at risk, (\d+) new this week, (\d+) resolved this week, (\d+) checkpoints? due this week and (\d+) next week\.$/);
	assert.ok(summary, 'the summary sentence');
	assert.deepEqual(summary.slice(1).map(Number), [json.projects_at_risk,
	    json.new.length, 2, json.due_this_week.length, 2]);
	assert.equal(await heading(/^Still open, by project/),
	    json.open.length);
	// The trend's numbers are on the page too (not only as bar colours):
	// the last row is this digest.
	await page.getByText('The numbers, week by week').click();
	const trend = await page.locator('details.trend-numbers tbody tr')
	    .allInnerTexts();
	assert.equal(trend.length, json.trend.length + 1);
	assert.equal(trend.at(-1), `${week} (this digest)\t${shown.critical}` +
	    `\t${shown.high}\t${shown.medium}\t${shown.low}\t${shown.total}` +
	    `\t${json.projects_at_risk}`);
	assert.equal(trend[0].split('\t')[0], json.trend[0].week);
	assert.equal(Number(trend.at(-2).split('\t')[5]),
	    json.trend.at(-1).counts.total);
	// Counts in words next to their colour: "3 critical", never a dot.
	for (const li of await page.locator('ul.severity-counts li')
	    .allInnerTexts())
		assert.match(li, /^\d+\s+(critical|high|medium|low|open in all)$/);

	// The Markdown, fetched with the session cookie, says the same.
	const cookie = (await context.cookies(srv.url)).map((c) =>
	    `${c.name}=${c.value}`).join('; ');
	const mdr = await fetch(`${srv.url}/digest.md?week=${week}`,
	    { headers: { cookie } });
	assert.equal(mdr.status, 200);
	assert.match(mdr.headers.get('content-type'), /^text\/markdown/);
	const md = await mdr.text();
	const m = md.match(/\*\*(\d+) open risks\*\*: (\d+) critical, (\d+) high, (\d+) medium, (\d+) low; (\d+) projects? at risk\. (\d+) new this week, (\d+) resolved this week, (\d+) checkpoints? due this week, (\d+) next week\./);
	assert.ok(m, md);
	assert.deepEqual(m.slice(1).map(Number), [shown.total, shown.critical,
	    shown.high, shown.medium, shown.low, json.projects_at_risk,
	    newItems.length, resolved.length, json.due_this_week.length,
	    due.length]);
	const mdHeading = (name) => Number(md.match(new RegExp(
	    `^## ${name} \\((\\d+)\\)$`, 'm'))[1]);
	assert.equal(mdHeading('New this week'), newItems.length);
	assert.equal(mdHeading('Resolved this week'), 2);
	assert.equal(mdHeading('Due next week'), 2);
	assert.equal(mdHeading('Still open, by project'), json.open.length);
	assert.match(md, new RegExp(`^\\| ${week} \\(this digest\\) \\| ` +
	    `${json.projects_at_risk} \\| ` +
	    `${shown.critical} \\| ${shown.high} \\| ${shown.medium} \\| ` +
	    `${shown.low} \\| ${shown.total} \\|$`, 'm'));
	assert.match(md, /^- Card fraud flags: ~~\[[^\]]*nobody on SWE/m);
	assert.match(md, /^- 2026-11-30 Churn prediction: \[Data exploration findings/m);
	// Without the cookie there is no digest.
	const anon = await fetch(`${srv.url}/digest.md?week=${week}`,
	    { redirect: 'manual' });
	assert.ok([302, 303, 401].includes(anon.status), String(anon.status));

	// Last week's digest is a link away, and did not know Monday yet.
	await submit(page, page.getByRole('link', { name: '← 2026-W47' }));
	await screenshot(page, 'j3-digest-previous');
	assert.equal(await page.locator('h1').innerText(),
	    'Risk digest, week 2026-W47');
	assert.equal(await heading(/^Resolved this week/), 0);
	// The audit was due on Sunday, the last day of W47: not missed yet.
	// (Every risk of W47 was new that week: listed under "New this week",
	// and "Still open" says so instead of repeating them.)
	assert.doesNotMatch(await page.locator('main').innerText(),
	    /Label audit with the support team" was due/);
	assert.match(await section(/^New this week/).innerText(),
	    /checkpoint "Data exploration findings .*" was due on 2026-11-09/);
	assert.match(await section(/^Still open/).innerText(),
	    /\d+ new, listed above/);
	assert.match(await section(/^Due next week/).innerText(),
	    /2026-11-23 Card fraud flags: Baseline results/);
	await submit(page, page.getByRole('link', { name: `${week} →` }));
	assert.equal(await page.locator('h1').innerText(),
	    `Risk digest, week ${week}`);

	// A checkpoint due next week leads to its row on the project page.
	await submit(page, section(/^Due next week/).getByRole('link',
	    { name: 'Card fraud flags' }));
	await screenshot(page, 'j3-project');
	const url = new URL(page.url());
	assert.equal(url.pathname, `/projects/${fraud.id}`);
	assert.equal(url.hash, `#checkpoint-${fw5.id}`);
	assert.match(await page.locator(`#checkpoint-${fw5.id}`).innerText(),
	    /2026-11-30\tTraining pipeline reproduces the notebook/);

	assert.deepEqual(context.errors, [], 'no console errors (CSP)');
	await context.close();
});

// The Monday digest by email (sql/0035_digestmail.sql, sql/api/
// 97_digest_mail.sql, src/outbox.c, views.c's views_digest_mail): at the
// digest's weekday and hour (HANDOFF_TODAY and HANDOFF_HOUR pin the
// clock), one email per person whose preference is not none, once per
// week across two servers on one database, delivered to a real SMTP
// server on the loopback (tests/lib/smtp_sink.py) and read with Python's
// email package (tests/lib/mail_parse.py).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/harness.js';
import { startApi, createPerson, createProject, addDays, psql, sleep,
    LAUNCH, TODAY } from '../lib/fixtures.js';
import { startSink, parseMail } from '../lib/smtp.js';

const BASE = 'http://app.example.org';
const WEEK = '2026-W12';		// TODAY's, a Monday
// Projects past the digest's first page of 50: a "mine" email holds
// every project of its person, wherever it ranks.
const BULK = 54;
let a, b, sink, everyone, mine, none, p1, p2, lastP, late;

const q = (sql) => psql(sql, { db: a.db });
const env = (hour, day = TODAY) => sink.env({ HANDOFF_TODAY: day,
    HANDOFF_HOUR: String(hour), HANDOFF_PUBLIC_URL: BASE });

before(async () => {
	sink = await startSink();
	a = await startApi(env(7));
	everyone = await createPerson(a, { role: 'pm', name: 'Ann Àll' });
	mine = await createPerson(a, { role: 'ds', name: 'Mo Mine' });
	none = await createPerson(a, { role: 'ds', name: 'No Body' });
	p1 = await createProject(a, { pm_id: everyone.id });
	p2 = await createProject(a);
	const box = p1.ownership.find((r) => r.ds.expected);
	let r = await a.api('PUT',
	    `/api/v1/projects/${p1.id}/ownership/${box.key}/ds`,
	    { person_id: mine.id });
	assert.equal(r.status, 200, r.text);
	r = await a.api('PATCH', `/api/v1/people/${mine.id}/mail`,
	    { digest: 'mine' });
	assert.equal(r.status, 200, r.text);
	r = await a.api('PATCH', `/api/v1/people/${none.id}/mail`,
	    { digest: 'none' });
	assert.equal(r.status, 200, r.text);

	// 55 more projects with open risks, launching later than p1 and p2
	// so they rank after them (and equal risks rank by name: the last of
	// them last).
	const later = { pm_id: everyone.id,
	    target_launch_on: addDays(LAUNCH, 200) };
	for (let i = 0; i < BULK; i++)
		await createProject(a, { ...later,
		    name: `Zb bulk ${String(i).padStart(2, '0')}` });
	lastP = await createProject(a, { ...later, name: 'Zz ranked last' });
	late = await createPerson(a, { role: 'ds', name: 'Lu Last' });
	const lbox = lastP.ownership.find((x) => x.ds.expected);
	r = await a.api('PUT',
	    `/api/v1/projects/${lastP.id}/ownership/${lbox.key}/ds`,
	    { person_id: late.id });
	assert.equal(r.status, 200, r.text);
	r = await a.api('PATCH', `/api/v1/people/${late.id}/mail`,
	    { digest: 'mine' });
	assert.equal(r.status, 200, r.text);
});
after(async () => {
	await b?.stop();
	await a?.stop();
	await sink?.stop();
});

// The week's emails written, and every email row delivered.
async function weekDone(week) {
	const until = Date.now() + 40000;
	while (Date.now() < until) {
		const written = await q(`SELECT count(*) FROM digest_mail_weeks
		    WHERE week = '${week}'`);
		const left = await q(`SELECT count(*) FROM outbox
		    WHERE channel = 'email' AND delivered_at IS NULL AND
		    dead_at IS NULL`);
		if (written === '1' && left === '0')
			return;
		await sleep(100);
	}
	assert.fail(`the digest emails of ${week} were not written and sent`);
}

// The digests each address received, parsed.
async function digestsTo(email, week) {
	const out = [];
	for (const m of sink.received().filter((x) =>
	    x.envelope.to[0] === email)) {
		const p = await parseMail(m.raw);
		if (p.subject.startsWith(`handoff digest ${week}`))
			out.push(p);
	}
	return out;
}

const recipients = async () => (await q(`SELECT string_agg(pe.email, ' '
    ORDER BY pe.id) FROM people pe LEFT JOIN mail_prefs m
    ON m.person_id = pe.id WHERE pe.active AND
    coalesce(m.digest, 'all') <> 'none'`)).split(' ');

test('before the configured hour nothing is written or sent', async () => {
	await sleep(3000);	// six claims of each worker
	assert.equal(await q('SELECT count(*) FROM digest_mail_weeks'), '0');
	assert.equal(sink.received().length, 0);
});

test('at the hour, two servers send one digest to each person, none to ' +
    'none', async () => {
	await a.restart(env(9));
	b = await startServer({ db: a.db, env: env(9) });
	await weekDone(WEEK);
	const to = await recipients();
	assert.ok(to.includes(everyone.email) && to.includes(mine.email));
	assert.ok(!to.includes(none.email));
	for (const email of to)
		assert.equal((await digestsTo(email, WEEK)).length, 1, email);
	assert.equal((await digestsTo(none.email, WEEK)).length, 0);
	assert.equal(await q(`SELECT mails FROM digest_mail_weeks
	    WHERE week = '${WEEK}'`), String(to.length));
	await b.stop();
	b = undefined;
});

test('the whole digest: text is the Markdown digest, HTML has nothing ' +
    'remote, one-click unsubscribe headers', async () => {
	const [m] = await digestsTo(everyone.email, WEEK);
	assert.deepEqual(m.defects, []);
	assert.equal(m.content_type, 'multipart/alternative');
	assert.deepEqual(m.parts.map((x) => x.type),
	    ['text/plain', 'text/html']);
	assert.match(m.subject, new RegExp(`^handoff digest ${WEEK}: ` +
	    '\\d+ critical, \\d+ high, \\d+ new, \\d+ resolved$'));
	assert.ok(m.to.includes('Ann Àll'), m.to);

	const md = await a.request('GET', `/digest.md?week=${WEEK}`);
	assert.equal(md.status, 200, md.text);
	const norm = (s) => s.replace(/\r\n/g, '\n').trimEnd();
	assert.equal(norm(m.parts[0].body), norm(md.text));
	assert.ok(md.text.includes(p1.name) && md.text.includes(p2.name));

	const html = m.parts[1].body;
	assert.ok(html.includes(`Risk digest, week ${WEEK}`));
	// (p2 ranks first; p1, whose critical box Mo holds, is past the
	// first page of 50 once the bulk projects are in.)
	assert.ok(html.includes(`href="${BASE}/projects/${p2.id}"`));
	assert.doesNotMatch(html,
	    /<script|<link|<img|<style|<iframe|src=|url\(|@import/i);
	for (const [, url] of html.matchAll(/href="([^"]*)"/g))
		assert.ok(url.startsWith(`${BASE}/`), url);

	const t = await q(`SELECT api.mail_unsubscribe_token(${everyone.id})`);
	assert.equal(m.headers['List-Unsubscribe'],
	    `<${BASE}/unsubscribe?t=${t}>`);
	assert.equal(m.headers['List-Unsubscribe-Post'],
	    'List-Unsubscribe=One-Click');
});

test('mine: only the projects the person leads or holds a box in',
    async () => {
	const [m] = await digestsTo(mine.email, WEEK);
	const text = m.parts[0].body;
	assert.ok(text.includes('Only the projects you lead or hold a box in'));
	assert.ok(text.includes(p1.name), text);
	assert.ok(!text.includes(p2.name), text);
	assert.ok(!text.includes('## Trend'));
	assert.ok(m.parts[1].body.includes(p1.name));
	assert.ok(!m.parts[1].body.includes(p2.name));
	const [all] = await digestsTo(everyone.email, WEEK);
	assert.notEqual(text, all.parts[0].body);
});

test('mine: a project ranked past the first page is in it, with its ' +
    'risks; all still links the rest', async () => {
	// The last project is not on the digest's first page of 50.
	const first = await a.api('GET', `/api/v1/digest?week=${WEEK}`);
	assert.equal(first.status, 200, first.text);
	assert.equal(first.json.projects.length, 50);
	assert.ok(!first.json.projects.some((g) => g.name === lastP.name));
	const rest = await a.api('GET',
	    `/api/v1/digest?week=${WEEK}&offset=50`);
	assert.equal(rest.status, 200, rest.text);
	const g = rest.json.projects.find((x) => x.name === lastP.name);
	assert.ok(g, rest.text);
	assert.ok(g.risks.length > 0);

	const [m] = await digestsTo(late.email, WEEK);
	assert.ok(m, 'the mine email of the last project\'s box holder');
	const text = m.parts[0].body.replace(/\r\n/g, '\n');
	assert.ok(text.includes('Only the projects you lead or hold a box ' +
	    'in, all of them.'));
	assert.ok(text.includes(`[${lastP.name}](${BASE}/projects/${lastP.id})`),
	    text);
	// Its risks, all of them, and no other project's.
	assert.ok(text.includes(`## Still open, by project (${g.risks.length})`),
	    text);
	assert.equal([...text.matchAll(/^### \[/gm)].length, 1, text);
	assert.ok(!text.includes(p1.name) && !text.includes('Zb bulk'), text);
	assert.doesNotMatch(text, /more projects? with open risks/);
	assert.ok(m.parts[1].body.includes(lastP.name));
	assert.ok(m.parts[1].body.includes(`${BASE}/projects/${lastP.id}`));

	// The whole digest's email: the first page, and how many are left.
	const [all] = await digestsTo(everyone.email, WEEK);
	const atext = all.parts[0].body.replace(/\r\n/g, '\n');
	assert.ok(!atext.includes(`### [${lastP.name}]`), atext);
	const left = atext.match(new RegExp('\\n(\\d+) more projects? with ' +
	    `open risks: ${BASE}/digest\\?week=${WEEK}&offset=50\\n`));
	assert.ok(left, atext);
	assert.equal(Number(left[1]), rest.json.projects.length);
	assert.ok(all.parts[1].body.includes(
	    `${BASE}/digest?week=${WEEK}&amp;offset=50`), all.parts[1].body);
});

test('the one-click POST stops next week\'s digest', async () => {
	const [m] = await digestsTo(everyone.email, WEEK);
	const url = m.headers['List-Unsubscribe'].slice(1, -1);
	const r = await a.request('POST', url.slice(BASE.length), {
	    auth: false, body: 'List-Unsubscribe=One-Click',
	    headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	assert.equal(r.status, 200, r.text);

	const next = addDays(TODAY, 7);
	await a.restart(env(9, next));
	await weekDone('2026-W13');
	assert.equal((await digestsTo(everyone.email, '2026-W13')).length, 0);
	assert.equal((await digestsTo(mine.email, '2026-W13')).length, 1);
	assert.equal((await digestsTo(none.email, '2026-W13')).length, 0);
});

// GET /projects/{id}/model-card.md: a model card draft of one project,
// held against a golden file for the demo's "Card fraud flags"
// (HANDOFF_GOLDEN_UPDATE=1 rewrites it; review the diff like code), and
// hostile text in the spec and the checkpoints escaped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

const TODAY = '2026-11-25';
const GOLDEN = join(TOP, 'tests/integration/golden');
let srv;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
});

after(async () => { await srv?.stop(); });

function golden(name, text) {
	const file = join(GOLDEN, name);
	if (process.env.HANDOFF_GOLDEN_UPDATE === '1' || !existsSync(file)) {
		assert.ok(process.env.HANDOFF_GOLDEN_UPDATE === '1',
		    `${file} is missing: make it with HANDOFF_GOLDEN_UPDATE=1`);
		writeFileSync(file, text);
	}
	assert.equal(text, readFileSync(file, 'utf8'), `${name} differs from ` +
	    'its golden file (HANDOFF_GOLDEN_UPDATE=1 rewrites it)');
}

async function projectId(name) {
	const r = await srv.api('GET', '/api/v1/projects?limit=200');
	assert.equal(r.status, 200, r.text);
	const p = r.json.projects.find((x) => x.name === name);
	assert.ok(p, `the demo has ${name}`);
	return p.id;
}

const SECTIONS = ['Model details', 'Intended use', 'Factors', 'Metrics',
    'Evaluation data', 'Training data', 'Quantitative analyses',
    'Ethical considerations', 'Caveats and recommendations'];

test('the demo\'s Card fraud flags: every section, as golden', async () => {
	const id = await projectId('Card fraud flags');
	const r = await srv.request('GET', `/projects/${id}/model-card.md`);
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/markdown/);
	assert.deepEqual(r.text.split('\n').filter((l) => l.startsWith('## '))
	    .map((l) => l.slice(3)), SECTIONS);
	assert.ok(r.text.includes('Recall of at least 0.90 at precision of ' +
	    'at least 0.95'), 'the metric and target from the spec');
	assert.ok(r.text.includes('handoff does not know this: the training ' +
	    'data'), 'what handoff cannot know is said so');
	golden('demo.model-card.md', r.text);

	const page = await srv.request('GET', `/projects/${id}`);
	assert.equal(page.status, 200);
	assert.ok(page.text.includes(`href="/projects/${id}/model-card.md"`),
	    'the project page links to the card');
});

test('hostile text in the spec and checkpoints is escaped', async () => {
	const pm = await srv.api('POST', '/api/v1/people', { name:
	    'Eve *bold* [x](javascript:alert(1))', email: 'eve@example.com',
	    role: 'pm' });
	assert.equal(pm.status, 201, pm.text);
	const hostile = '# Title\n| a | b |\n<script>alert(1)</script> ' +
	    '[click](javascript:alert(1)) `code` *em* _u_ ~~s~~ \\';
	const p = await srv.api('POST', '/api/v1/projects', {
		name: 'Hostile ]] | # project', pm_id: pm.json.id,
		kickoff_on: '2026-11-02', target_launch_on: '2027-02-01',
		spec: { decision: hostile, baseline: 'a) b( <c>' } });
	assert.equal(p.status, 201, p.text);
	const rd = await srv.api('PATCH',
	    `/api/v1/projects/${p.json.id}/readiness`, { items: {
		rollback_tested: { answer: 'yes', evidence_url:
		    'https://wiki.example.com/a_(b)<c>' } } });
	assert.equal(rd.status, 200, rd.text);

	const r = await srv.request('GET',
	    `/projects/${p.json.id}/model-card.md`);
	assert.equal(r.status, 200, r.text);
	const t = r.text;
	assert.ok(t.startsWith('# Model card draft: Hostile \\]\\] \\| \\# ' +
	    'project\n'), t.slice(0, 80));
	assert.ok(t.includes('\\# Title \\| a \\| b \\| \\<script\\>alert(1)' +
	    '\\</script\\> \\[click\\](javascript:alert(1)) \\`code\\` ' +
	    '\\*em\\* \\_u\\_ \\~\\~s\\~\\~ \\\\'), 'the decision, escaped');
	assert.ok(t.includes('Eve \\*bold\\* \\[x\\](javascript:alert(1))'));
	assert.ok(t.includes('[evidence](https://wiki.example.com/' +
	    'a_%28b%29%3Cc%3E)'), 'the link cannot be broken out of');
	assert.doesNotMatch(t, /<script>/);
	assert.doesNotMatch(t, /^(#|\|) ?Title/m);

	const none = await srv.request('GET', '/projects/999999/model-card.md');
	assert.equal(none.status, 404);
	const anon = await srv.request('GET',
	    `/projects/${p.json.id}/model-card.md`, { auth: false });
	assert.notEqual(anon.status, 200);
});

// The Monday digest of the demo portfolio, as a newcomer sees it after
// `make run`: the page, the Markdown and the chat message of this week,
// each held against a golden file (tests/integration/golden/), with the
// public base URL set as a deployment sets it.  "Today" is pinned and the
// demo is seeded relative to it, so the answers are the same every run;
// the sign-out form's CSRF token, the one part that varies, is blanked.
//
// After a deliberate change: HANDOFF_GOLDEN_UPDATE=1 rewrites the files;
// review the diff like code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

const TODAY = '2026-11-25';
const BASE = 'https://handoff.example.com';
const GOLDEN = join(TOP, 'tests/integration/golden');
let srv;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY,
	    HANDOFF_PUBLIC_URL: BASE } });
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

test('the demo\'s chat message: short, mrkdwn, linked, as golden', async () => {
	const r = await srv.request('GET', '/digest.md?format=chat');
	assert.equal(r.status, 200, r.text);
	// Short: Slack's advice for a message's text is at most 4,000
	// characters; twelve actions at most (then "and N more") keep it so.
	assert.ok(r.text.length < 4000, `${r.text.length} characters`);
	assert.doesNotMatch(r.text, /^#/m, 'no Markdown headings');
	assert.doesNotMatch(r.text, /^\|/m, 'no tables');
	assert.ok(r.text.includes(`<${BASE}/digest?week=2026-W48|`),
	    'a link to the whole digest');
	golden('demo.digest.chat', r.text);
});

test('the demo\'s Markdown digest, every line linked, as golden',
    async () => {
	const r = await srv.request('GET', '/digest.md');
	assert.equal(r.status, 200, r.text);
	const lines = r.text.split('\n').filter((l) => /^- \*\*/.test(l));
	assert.ok(lines.length > 10, 'risk lines');
	for (const line of lines)
		assert.ok(line.includes(`](${BASE}/`), `a link: ${line}`);
	golden('demo.digest.md', r.text);
});

test('the demo\'s digest page, as golden', async () => {
	const r = await srv.request('GET', '/digest');
	assert.equal(r.status, 200, r.text);
	golden('demo.digest.html', r.text.replace(
	    /(name="csrf" value=")[^"]*"/g, '$1"'));
});

// Large answers: a response or page past glibc's mmap threshold (128 KiB)
// grows by realloc() through mremap, a system call Kore 4.1.0's seccomp
// list lacks; without it in src/app.c the worker dies (SIGSYS) and the
// client sees an empty reply.  This portfolio's digest is well past that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../lib/harness.js';

let srv;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: '2026-11-23' } });
	const pm = (await srv.api('POST', '/api/v1/people', { name: 'Pam',
	    email: 'pam@example.com', role: 'pm' })).json.id;
	for (let i = 0; i < 24; i++) {
		const r = await srv.api('POST', '/api/v1/projects', {
			name: `Project number ${i} with a longer name`,
			pm_id: pm, kickoff_on: '2026-09-01',
			target_launch_on: '2027-03-01' });
		assert.equal(r.status, 201, r.text);
	}
});

after(async () => { await srv?.stop(); });

function workers() {
	return execFileSync('pgrep', ['-P', String(srv.pid)]).toString()
	    .trim().split('\n').sort();
}

test('answers past 128 KiB are served and no worker dies', async () => {
	const before = workers();
	const digest = await srv.api('GET', '/api/v1/digest');
	assert.equal(digest.status, 200);
	assert.ok(digest.text.length > 256 * 1024,
	    `the digest is ${digest.text.length} bytes`);
	const page = await srv.request('GET', '/digest');
	assert.equal(page.status, 200);
	assert.ok(page.text.length > 128 * 1024, `${page.text.length} bytes`);
	const md = await srv.request('GET', '/digest.md');
	assert.equal(md.status, 200);
	const risks = await srv.api('GET', '/api/v1/risks');
	assert.equal(risks.status, 200);
	assert.deepEqual(workers(), before, 'the same workers');
	assert.doesNotMatch(srv.log(), /sandbox violation|SIGSYS/);
});

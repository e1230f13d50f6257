// Bounded write load for the stop and reload tests: N loops, each sending
// one request at a time on a connection of its own, for a fixed time, and
// recording what became of every request.
//
//   const run = await writeLoad(url, { loops: 16, ms: 3000, token,
//       body: (loop, n) => ({ ... }), path: '/api/v1/people' });
//
// Each request ends in exactly one of these outcomes (run.outcomes):
//   answered   a complete HTTP response (run.answers lists status and body)
//   refused    the TCP connect failed: nobody was listening any more
//   unanswered the connection was made and the request sent, and the
//              server closed or reset it before the first byte of an
//              answer (the kernel's backlog of a listener that closes, or
//              a request dropped by the server)
//   cut        the status line came, then the connection ended before the
//              body was complete: a reset in the middle of an answer
//
// One request per connection (Connection: close), so that a connection
// the server closes between two requests of a keep-alive client (which the
// client would retry) is never counted as a failure.

import http from 'node:http';

function once(url, { method, path, body, token, timeoutMs }) {
	return new Promise((ok) => {
		const payload = body === undefined ? undefined :
		    Buffer.from(JSON.stringify(body));
		const started = { connected: false, headers: false };
		const req = http.request(new URL(path, url), {
			method,
			agent: false,
			headers: {
				authorization: `Bearer ${token}`,
				connection: 'close',
				...(payload ? { 'content-type': 'application/json',
				    'content-length': payload.length } : {}),
			},
			timeout: timeoutMs,
		});
		const done = (outcome, extra = {}) => {
			if (done.called)
				return;
			done.called = true;
			ok({ outcome, ...started, ...extra });
		};
		req.on('socket', (s) => s.on('connect', () => {
			started.connected = true;
		}));
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('response', (res) => {
			started.headers = true;
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString();
				const want = Number(res.headers['content-length']);
				if (!res.complete || (Number.isFinite(want) &&
				    Buffer.byteLength(text) !== want)) {
					done('cut', { status: res.statusCode });
					return;
				}
				done('answered', { status: res.statusCode, text });
			});
			res.on('error', (e) => done('cut',
			    { status: res.statusCode, error: e.code ?? e.message }));
			res.on('aborted', () => done('cut',
			    { status: res.statusCode, error: 'aborted' }));
		});
		req.on('error', (e) => {
			if (started.headers)
				done('cut', { error: e.code ?? e.message });
			else if (!started.connected)
				done('refused', { error: e.code ?? e.message });
			else
				done('unanswered', { error: e.code ?? e.message });
		});
		req.end(payload);
	});
}

export async function writeLoad(url, { loops = 16, ms = 3000, method = 'POST',
    path, body, token, timeoutMs = 10000, pauseAfterFailureMs = 20 }) {
	const deadline = Date.now() + ms;
	const results = [];
	const loop = async (i) => {
		for (let n = 0; Date.now() < deadline; n++) {
			const b = body(i, n);
			const p = typeof path === 'function' ? path(i, n) : path;
			const r = await once(url, { method, path: p, body: b,
			    token, timeoutMs });
			results.push({ loop: i, n, body: b, ...r });
			if (r.outcome !== 'answered')
				await new Promise((x) => setTimeout(x,
				    pauseAfterFailureMs));
		}
	};
	await Promise.all(Array.from({ length: loops }, (_, i) => loop(i)));
	const outcomes = { answered: 0, refused: 0, unanswered: 0, cut: 0 };
	const statuses = {};
	for (const r of results) {
		outcomes[r.outcome]++;
		if (r.outcome === 'answered')
			statuses[r.status] = (statuses[r.status] ?? 0) + 1;
	}
	return { results, outcomes, statuses };
}

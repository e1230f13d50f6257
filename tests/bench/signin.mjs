// signin.mjs URL TOKEN SECONDS: does a spray of sign-ins slow everyone else
// down?  Three phases of SECONDS each, one after the other in one run, so
// that the figures compare under the same machine load:
//
//   idle    nothing but the probe;
//   spray   8 loops, each from a loopback address of its own (127.0.0.11
//           to .18), send sign-ins with made-up emails back to back,
//           half to POST /api/v1/session (JSON), half to POST /login (the
//           form), never waiting for Retry-After;
//   many    the same 8 loops, but every attempt from another address
//           (127.1.0.0/16), so that no per-address budget ever runs dry
//           and only the global one and the bound on hashes in flight
//           stand between the loops and the workers.
//
// Throughout, the probe reads GET /api/v1/projects with TOKEN (an admin's
// API token) every 10 ms on a connection of its own and records how long
// each answer took.  Prints one JSON line:
//   {"idle": {"n", "p50", "p99", "max"}, "spray": {..., "signins":
//    {"status": count, ...}, "signin_p50"}, "many": {...}}
// with times in milliseconds.  Loopback only, bounded in time.
import http from 'node:http';

const [url, token, seconds] = process.argv.slice(2);
const target = new URL(url);
if (target.hostname !== '127.0.0.1')
	throw new Error('signin.mjs: loopback only (127.0.0.1)');
const phaseMs = Number(seconds) * 1000;
const LOOPS = 8;

function percentile(sorted, p) {
	if (sorted.length === 0)
		return null;
	return sorted[Math.min(sorted.length - 1,
	    Math.floor(sorted.length * p))];
}

function summary(times) {
	const s = [...times].sort((a, b) => a - b);
	const r = (v) => v === null ? null : Math.round(v * 10) / 10;
	return { n: s.length, p50: r(percentile(s, 0.5)),
	    p99: r(percentile(s, 0.99)), max: r(s[s.length - 1] ?? null) };
}

// One exchange; resolves { status, ms } (status 0: no answer).
function exchange({ method, path, headers, body, agent, localAddress }) {
	return new Promise((ok) => {
		const t0 = process.hrtime.bigint();
		const done = (status) => ok({ status, ms:
		    Number(process.hrtime.bigint() - t0) / 1e6 });
		const req = http.request({ host: '127.0.0.1',
		    port: target.port, method, path, headers, agent,
		    localAddress, timeout: 10000 }, (res) => {
			res.resume();
			res.on('end', () => done(res.statusCode));
			res.on('error', () => done(0));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => done(0));
		req.end(body);
	});
}

// Reads every 10 ms until stop() is called; resolves the times.
function probe() {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const times = [];
	let running = true;
	const finished = (async () => {
		while (running) {
			const t0 = Date.now();
			const r = await exchange({ method: 'GET',
			    path: '/api/v1/projects?limit=20', agent,
			    headers: { authorization: `Bearer ${token}` } });
			if (r.status !== 200)
				throw new Error(`probe: status ${r.status}`);
			times.push(r.ms);
			const wait = 10 - (Date.now() - t0);
			if (wait > 0)
				await new Promise((w) => setTimeout(w, wait));
		}
		agent.destroy();
		return times;
	})();
	return { stop: () => { running = false; return finished; } };
}

let serial = 0;

// One sign-in attempt with a made-up email, as JSON or as the form.
function signin(i, opts) {
	const email = `nobody-${process.pid}-${++serial}@example.com`;
	if (i % 2 === 0)
		return exchange({ ...opts, method: 'POST',
		    path: '/api/v1/session',
		    headers: { 'content-type': 'application/json' },
		    body: JSON.stringify({ email, password: 'guess-123456' }) });
	return exchange({ ...opts, method: 'POST', path: '/login',
	    headers: { 'content-type': 'application/x-www-form-urlencoded',
	    origin: `http://127.0.0.1:${target.port}`,
	    'sec-fetch-site': 'same-origin' },
	    body: `email=${encodeURIComponent(email)}&password=guess-123456` });
}

// LOOPS loops until the deadline; address(loop, n) gives the source.
async function spray(address, shared) {
	const statuses = {};
	const times = [];
	const deadline = Date.now() + phaseMs;
	await Promise.all(Array.from({ length: LOOPS }, async (_, loop) => {
		const agent = shared ? new http.Agent({ keepAlive: true,
		    maxSockets: 1, localAddress: address(loop, 0) }) : false;
		for (let n = 0; Date.now() < deadline; n++) {
			const r = await signin(n, { agent, localAddress:
			    shared ? undefined : address(loop, n) });
			statuses[r.status] = (statuses[r.status] ?? 0) + 1;
			times.push(r.ms);
		}
		if (agent)
			agent.destroy();
	}));
	return { statuses, times };
}

async function phase(address, shared) {
	const p = probe();
	let s = null;
	if (address !== null)
		s = await spray(address, shared);
	else
		await new Promise((w) => setTimeout(w, phaseMs));
	const out = summary(await p.stop());
	if (s !== null) {
		out.signins = s.statuses;
		out.signin_p50 = summary(s.times).p50;
		out.signins_per_s = Math.round(s.times.length /
		    (phaseMs / 1000));
	}
	return out;
}

const result = {};
result.idle = await phase(null);
result.spray = await phase((loop) => `127.0.0.${11 + loop}`, true);
result.many = await phase((loop, n) =>
    `127.1.${(loop * 31 + Math.floor(n / 250)) % 256}.${n % 250 + 1}`, false);
console.log(JSON.stringify(result));

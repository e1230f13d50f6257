// writes.mjs URL TOKEN SECONDS CONNECTIONS ID...: checkpoint writes with
// If-Match from CONNECTIONS concurrent clients for SECONDS, on loopback.
//
// Each client owns its share of the checkpoint ids, so that no two clients
// race for one checkpoint: a write is refused only if the server lost
// track of a version.  A write flips the checkpoint between pending and
// blocked, which is a change of the facts the risks are made of, so the
// ledger has work to do for every one.  Prints one JSON line:
// {"ok", "refused", "failed", "seconds", "versions": {id: version}}; the
// caller checks the versions the database holds against "ok".
const [url, token, seconds, connections, ...ids] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const auth = { authorization: `Bearer ${token}` };
const tally = { ok: 0, refused: 0, failed: 0 };
const versions = {};

async function etag(id) {
	const r = await fetch(`${url}/api/v1/checkpoints/${id}`,
	    { headers: auth });
	await r.arrayBuffer();
	if (r.status !== 200)
		throw new Error(`GET checkpoint ${id}: ${r.status}`);
	return r.headers.get('etag');
}

async function client(mine) {
	const state = new Map();
	for (const id of mine)
		state.set(id, { etag: await etag(id), blocked: false });
	for (let i = 0; Date.now() < deadline; i++) {
		const id = mine[i % mine.length];
		const s = state.get(id);
		let r;
		try {
			r = await fetch(`${url}/api/v1/checkpoints/${id}`, {
				method: 'PATCH',
				headers: { ...auth, 'if-match': s.etag,
				    'content-type': 'application/json' },
				body: JSON.stringify({ status: s.blocked ?
				    'pending' : 'blocked' }),
			});
			await r.arrayBuffer();
		} catch {
			tally.failed++;
			continue;
		}
		if (r.status === 200) {
			tally.ok++;
			s.etag = r.headers.get('etag');
			s.blocked = !s.blocked;
		} else {
			tally.refused++;
			s.etag = await etag(id);
		}
	}
	for (const id of mine)
		versions[id] = Number(state.get(id).etag.replace(/\D/g, ''));
}

const n = Number(connections);
const start = Date.now();
await Promise.all(Array.from({ length: n }, (_, k) =>
    client(ids.filter((_, i) => i % n === k))));
console.log(JSON.stringify({ ...tally,
    seconds: (Date.now() - start) / 1000, versions }));

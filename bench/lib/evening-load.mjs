// The browsers of the evening simulation (bench/lib/evening.ts), in their own process so that their CPU time is not
// the server's event loop: teachers saving their score grids, guardians reading the contact book, and new
// connections opened now and then. Plain JavaScript on node:http; reads its plan as JSON on stdin and prints the
// measured latencies as JSON on stdout.
import http from 'node:http';

const plan = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
    });
    process.stdin.on('end', () => resolve(text));
  }),
);

const base = new URL(plan.baseUrl);
// Each user's browser keeps its connection open, as browsers do.
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1000 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request; resolves with status, body text and the milliseconds until the whole answer arrived. */
function request(method, path, { session, body, agent = keepAlive } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const headers = { accept: 'application/json' };
    if (session) {
      headers.cookie = `ts_session=${session.token}; ts_csrf=${session.csrf}`;
      headers['x-csrf-token'] = session.csrf;
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload) headers['content-type'] = 'application/json';
    const req = http.request(
      { host: base.hostname, port: base.port, path, method, headers, agent },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, text, ms: performance.now() - started }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: String(error), ms: performance.now() - started }));
    if (payload) req.write(payload);
    req.end();
  });
}

const results = { saves: [], reads: [], accepts: [], slow: [], errors: {} };
// Answers slower than a second, with when they were asked (seconds into the window): do they come in bursts?
const noteSlow = (kind, answer) => {
  if (answer.ms > 1000)
    results.slow.push([
      kind,
      Math.round((performance.now() - answer.ms - (endAt - plan.seconds * 1000)) / 100) / 10,
      Math.round(answer.ms),
    ]);
};
const fail = (kind, status, text) => {
  const key = `${kind} ${status}`;
  results.errors[key] = results.errors[key] ?? { count: 0, sample: text.slice(0, 300) };
  results.errors[key].count++;
};
let endAt = 0;
const score = () => Math.round((4 + Math.random() * 6) * 2) / 2;

/** Opening the grid page (before the measured window, with the guardians' first reads: the warm-up). */
async function openGrid(t) {
  const loaded = await request('GET', t.gridPath, { session: t.session });
  if (loaded.status !== 200) {
    fail('grid load', loaded.status, loaded.text);
    return null;
  }
  return JSON.parse(loaded.text).rows.map((r) => ({
    studentId: r.studentId,
    fullName: r.fullName,
    regular: r.regular,
    midterm: r.midterm,
    final: r.final,
    makeup: r.makeup,
    comment: r.comment,
  }));
}

async function teacher(t, index, loaded) {
  let rows = loaded;
  if (!rows) return;
  await sleep((index * plan.saveEveryMs) / plan.teacherCount);
  while (performance.now() < endAt) {
    const next = performance.now() + plan.saveEveryMs;
    // A teacher types a few cells between saves; the whole grid is sent with the values it was based on.
    const edited = rows.map((r) =>
      Math.random() < 0.3
        ? { ...r, regular: r.regular.map(() => score()), midterm: score(), final: score() }
        : r,
    );
    const saved = await request('PUT', t.gridPath, {
      session: t.session,
      body: { rows: edited.map((r, i) => ({ ...r, base: rows[i] })) },
    });
    if (saved.status === 200) {
      results.saves.push(saved.ms);
      noteSlow('save', saved);
      rows = edited;
    } else fail('save', saved.status, saved.text);
    await sleep(Math.max(0, next - performance.now()));
  }
}

async function guardian(g, index) {
  await sleep((index * plan.readEveryMs) / plan.guardianCount);
  while (performance.now() < endAt) {
    const next = performance.now() + plan.readEveryMs;
    const read = await request('GET', `/api/v1/contact-book/students/${g.studentId}`, { session: g.session });
    if (read.status === 200) {
      results.reads.push(read.ms);
      noteSlow('read', read);
    } else fail('contact book', read.status, read.text);
    await sleep(Math.max(0, next - performance.now()));
  }
}

/** A browser arriving: a new TCP connection and its first answer (a route that needs no database). */
async function arrivals() {
  const arriving = [];
  while (performance.now() < endAt) {
    // On a schedule, not one after another: a slow accept must not hold back the next arrival.
    arriving.push(
      request('GET', '/api/v1/auth/me', { agent: false }).then((answer) => {
        if (answer.status === 401) results.accepts.push(answer.ms);
        else fail('new connection', answer.status, answer.text);
      }),
    );
    await sleep(plan.connectEveryMs);
  }
  await Promise.all(arriving);
}

const grids = await Promise.all(plan.teachers.map(openGrid));
await Promise.all(
  plan.guardians.map((g) =>
    request('GET', `/api/v1/contact-book/students/${g.studentId}`, { session: g.session }),
  ),
);
endAt = performance.now() + plan.seconds * 1000;
await Promise.all([
  ...plan.teachers.map((t, i) => teacher(t, i, grids[i])),
  ...plan.guardians.map((g, i) => guardian(g, i)),
  arrivals(),
]);
keepAlive.destroy();
process.stdout.write(JSON.stringify(results));

// Load generator, run as its own process: POSTs JSON bodies over keep-alive connections for a
// fixed time, each body at most once, and prints {count, errors, seconds}. Several URLs (comma
// separated, one path) share the connections round-robin: one load against several servers.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [urls, bodiesFile, seconds, concurrency] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8'));
const targets = urls.split(',').map((u) => ({
  url: new URL(u),
  agent: new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) }),
}));
const end = Date.now() + Number(seconds) * 1000;
let next = 0,
  count = 0,
  errors = 0;
const started = Date.now();

function post({ url, agent }, body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) count++;
          else errors++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(body);
  });
}

async function worker(target) {
  while (Date.now() < end && next < bodies.length) await post(target, bodies[next++]);
}
await Promise.all(Array.from({ length: Number(concurrency) }, (_, i) => worker(targets[i % targets.length])));
for (const t of targets) t.agent.destroy();
process.stdout.write(JSON.stringify({ count, errors, seconds: (Date.now() - started) / 1000 }) + '\n');

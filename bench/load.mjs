// Load generator, run as its own process: POSTs JSON bodies to one URL over keep-alive
// connections for a fixed time, each body at most once, and prints {count, errors, seconds}.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [url, bodiesFile, seconds, concurrency] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8'));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
const target = new URL(url);
const end = Date.now() + Number(seconds) * 1000;
let next = 0,
  count = 0,
  errors = 0;
const started = Date.now();

function post(body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
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

async function worker() {
  while (Date.now() < end && next < bodies.length) await post(bodies[next++]);
}
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
agent.destroy();
process.stdout.write(JSON.stringify({ count, errors, seconds: (Date.now() - started) / 1000 }) + '\n');

// The baseline: a bare node:http server that reads the body and answers a fixed JSON body of a
// receipt's size. Prints its URL, serves until killed.
import http from 'node:http';

const body = JSON.stringify({ status: 'valid', padding: 'x'.repeat(Number(process.argv[2] ?? 900)) });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body),
  );
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));

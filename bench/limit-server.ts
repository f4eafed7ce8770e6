// The ceiling for online verification: a bare node:http server that does exactly the crypto one
// check-in needs and nothing else (no schema, no database, no framework): parse the JSON body,
// verify the device's P-256 signature with a key imported once, sign the receipt with a P-256
// CA key, answer it as JSON. The byte layouts are the real ones (src/licensing/verification.ts).
// Usage: node --import tsx bench/limit-server.ts <device SPKI, base64 DER> <chain DER, base64>.
// Prints its URL, serves until killed.
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import http from 'node:http';
import { nextCheckIn, receiptBytes, requestBytes, type ReceiptBody } from '../src/licensing/verification';
import type { VerifyRequest } from '../src/shared/api/verification';

const [spkiB64, chainB64] = process.argv.slice(2);
const deviceKey = createPublicKey({ key: Buffer.from(spkiB64!, 'base64'), format: 'der', type: 'spki' });
const caKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
const licences = [{ number: 11, quantity: 10, notAfter: null }];

function answer(body: string): { status: number; json: string } {
  const r = JSON.parse(body) as VerifyRequest;
  if (!verify('sha256', requestBytes(r), deviceKey, Buffer.from(r.signature, 'base64')))
    return { status: 403, json: '{"code":"VERIFY_SIGNATURE_INVALID"}' };
  const now = new Date();
  const receipt: ReceiptBody = {
    status: 'valid',
    serverTime: now.toISOString(),
    nextCheckIn: nextCheckIn(now).toISOString(),
    licences,
    certificateSerial: r.certificateSerial,
    nonce: r.nonce,
  };
  const signature = sign('sha256', receiptBytes(receipt), caKey).toString('base64');
  return { status: 200, json: JSON.stringify({ ...receipt, signature, chain: [chainB64] }) };
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { status, json } = answer(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});

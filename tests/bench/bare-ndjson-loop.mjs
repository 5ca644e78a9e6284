// The bare loop the throughput bench measures `custody decrypt --ndjson --json` against: the same
// work written by hand, with no engine. Per line: JSON.parse, base64url-decode, AES-256-GCM with
// each key until one authenticates, UTF-8, JSON.stringify one result line to stdout.
//   node bare-ndjson-loop.mjs KEY_FILE NDJSON_FILE > results
import { createDecipheriv, createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [keyFile, input] = process.argv.slice(2);
const keys = readFileSync(keyFile, 'utf8')
  .trim()
  .split('\n')
  .map((line) => Buffer.from(line, 'base64'));
const infos = keys.map((key, index) => ({ fingerprint: createHash('sha256').update(key).digest('hex').slice(0, 16), index }));

function open(bytes, key) {
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const head = decipher.update(bytes.subarray(28));
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    return null;
  }
}

let out = [];
let line = 0;
for await (const text of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  line++;
  const bytes = Buffer.from(JSON.parse(text).payload, 'base64url');
  let result = { source: `${input}:${line}`, ok: false };
  for (const [i, key] of keys.entries()) {
    const plaintext = open(bytes, key);
    if (plaintext === null) continue;
    const body = plaintext.toString('utf8');
    result = { source: result.source, ok: true, plaintext: body, layout: 'nonce-tag-ciphertext', key: infos[i] };
    break;
  }
  out.push(JSON.stringify(result));
  if (out.length === 64) {
    if (!process.stdout.write(`${out.join('\n')}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    out = [];
  }
}
if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);

import { join } from 'node:path';
import { flushOutput, processIo } from './cli-io';
import { runCli } from './run-cli';

// Exit explicitly once output is flushed: nothing left running (a lock heartbeat timer, the
// keychain helper's channel) may keep the command alive after it has answered.
void runCli(process.argv.slice(2), processIo(), {
  env: process.env,
  keychainHelper: join(__dirname, 'keychain-helper.cjs'),
  decryptWorker: join(__dirname, 'decrypt-worker.cjs'),
}).then(async (code) => {
  await flushOutput();
  process.exit(code);
});

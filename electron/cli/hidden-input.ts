const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const ESCAPE = '\u001b';
const ERASE = new Set(['\u007f', '\b']);

/**
 * Reads one line from a terminal without echo: raw mode, so the terminal shows nothing typed (not
 * even a mask that would tell its length). null when the person gives up (Ctrl-C, or Ctrl-D on an
 * empty line). Never log what it returns: it is a passphrase.
 */
export function readHiddenLine(input: NodeJS.ReadStream, output: NodeJS.WriteStream, question: string): Promise<string | null> {
  return new Promise((resolve) => {
    let typed = '';
    const wasRaw = input.isRaw;
    const finish = (answer: string | null) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      resolve(answer);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (ENTER.has(char)) return finish(typed);
        if (char === CTRL_C) return finish(null);
        if (char === CTRL_D && typed === '') return finish(null);
        // An arrow or function key arrives as one escape sequence in one chunk: none of it is typed text.
        if (char === ESCAPE) return;
        if (ERASE.has(char)) typed = [...typed].slice(0, -1).join('');
        else if (char === CTRL_U) typed = '';
        else if (char >= ' ') typed += char;
      }
    };
    // Raw mode first: a key pressed as soon as the question shows must not be echoed.
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
    output.write(question);
  });
}

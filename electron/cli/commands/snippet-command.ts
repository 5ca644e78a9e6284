import { Argument, type Command } from 'commander';
import { KEY_PLACEHOLDER, RECEIVER_SNIPPETS, SNIPPET_LANGUAGES, type SnippetLanguage } from '../../custody';
import type { CliContext } from '../cli-context';

/** Prints a receiver that decrypts what `custody encrypt` (and secureFetch) sends; it never holds a key. */
export function registerSnippetCommand(program: Command, ctx: CliContext): void {
  program
    .command('snippet')
    .description(
      `print a short receiver that decrypts a secureFetch body in ${SNIPPET_LANGUAGES.join(', ')}, with ${KEY_PLACEHOLDER} where the key goes`,
    )
    .addArgument(new Argument('<language>', 'the receiver language').choices(SNIPPET_LANGUAGES))
    .addHelpText(
      'after',
      `
The snippet never holds a key: put the workflow's key where ${KEY_PLACEHOLDER} stands, from your secret store.
Test it with a body sealed as secureFetch would seal it:
  echo '{"hello":"receiver"}' | custody encrypt --workflow onUserTokenGeneration
`,
    )
    .action((language: SnippetLanguage) => {
      const snippet = RECEIVER_SNIPPETS[language];
      ctx.io.err(`${snippet.title}: ${snippet.entryPoint}(body) returns the plaintext.\n`);
      ctx.io.out(snippet.code);
    });
}

import type { Command } from 'commander';
import { SETTING_BOUNDS, SETTING_NAMES, type SettingName } from '../../../shared/settings';
import type { CliContext } from '../cli-context';
import { usageOf } from '../cli-usage';
import { UsageError } from '../exit-codes';
import { jsonDocument, textTable } from '../text-table';

function settingName(command: Command, name: string): SettingName {
  const known = SETTING_NAMES.find((n) => n === name);
  if (!known) throw new UsageError(`unknown setting "${name}": the settings are ${SETTING_NAMES.join(', ')}`, usageOf(command));
  return known;
}

function wholeNumber(command: Command, value: string): number {
  if (!/^-?\d{1,9}$/.test(value)) throw new UsageError(`the value must be a whole number, not "${value}"`, usageOf(command));
  return Number(value);
}

export function registerSettingsCommand(program: Command, ctx: CliContext): void {
  const settings = program
    .command('settings')
    .description("show or change the vault's settings (kept in the vault, each change audited)");

  settings
    .command('list', { isDefault: true })
    .description('show the settings, their allowed range and default, and whether a passphrase is set')
    .option('--json', 'print a JSON object')
    .action(async (options: { json?: boolean }) => {
      const custody = ctx.custody();
      const values = await custody.settings();
      const status = await custody.status();
      const passphraseSet = status.state === 'ready' && status.passphraseSet;
      if (options.json) {
        ctx.io.out(jsonDocument({ ...values, passphraseSet }));
        return;
      }
      const rows = SETTING_NAMES.map((name): [string, string, string, string] => {
        const { min, max, default: initial } = SETTING_BOUNDS[name];
        return [name, String(values[name]), `${min}–${max}`, String(initial)];
      });
      rows.push(['passphrase', passphraseSet ? 'set' : 'not set', 'custody passphrase set|change|remove', 'not set']);
      ctx.io.out(textTable(['setting', 'value', 'allowed', 'default'], rows));
    });

  settings
    .command('set')
    .description(`change one setting: ${SETTING_NAMES.join(', ')}`)
    .argument('<name>', 'the setting, as custody settings lists it')
    .argument('<value>', 'its new value, a whole number within the allowed range')
    .action(async (nameText: string, valueText: string, _options: object, command: Command) => {
      const name = settingName(command, nameText);
      const value = wholeNumber(command, valueText);
      const custody = ctx.custody();
      const before = (await custody.settings())[name];
      const after = (await custody.updateSettings({ [name]: value }))[name];
      ctx.io.out(
        before === after
          ? `${name} is already ${after}; nothing was changed.\n`
          : `Changed ${name} from ${before} to ${after}.\n`,
      );
    });
}

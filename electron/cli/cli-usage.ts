import type { Command } from 'commander';
import type { z } from 'zod';
import { KeyIdSchema, LabelSchema, WorkflowIdSchema, WorkflowNameSchema } from '../../shared/domain';
import { UsageError } from './exit-codes';

/** `usage: custody keys add [options] <workflow>` for the command that was misused. */
export function usageOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return `usage: ${names.join(' ')} ${command.usage()}`.trimEnd();
}

/**
 * Checks an argument against the contract's own schema, so the CLI accepts exactly what the app
 * accepts. The rejected value is not echoed: a key pasted into the wrong place must not be repeated.
 */
function validated<T>(schema: z.ZodType<T>, what: string) {
  return (command: Command, value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new UsageError(`invalid ${what}: ${parsed.error.issues[0]?.message ?? 'not accepted'}`, usageOf(command));
    return parsed.data;
  };
}

export const workflowIdArg = validated(WorkflowIdSchema, 'workflow id');
export const keyIdArg = validated(KeyIdSchema, 'key id');
export const workflowNameArg = validated(WorkflowNameSchema, 'workflow name');
export const labelArg = validated(LabelSchema, 'label');

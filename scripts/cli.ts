/**
 * What every command line in `scripts/` needs: knowing it was started directly (not imported by
 * a test), parsing flags with `node:util` `parseArgs`, and reporting bad usage with exit code 2.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage: the command prints the message and its usage, and exits with 2. */
export class UsageError extends Error {}

/** Exit code of bad usage. */
export const USAGE_EXIT_CODE = 2;

/** True when the module at `moduleUrl` (its `import.meta.url`) is the script node was started with. */
export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(moduleUrl);
}

/** `parseArgs`, strict, with its complaints (unknown flag, missing value…) as a UsageError. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs({ strict: true, ...config });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) throw error;
    if (
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    )
      // Node's message goes on about `--` and positionals; the argument itself says more.
      throw new UsageError(
        `unknown argument: ${/'([^']*)'/.exec(error.message)?.[1] ?? error.message}`,
      );
    if (String(error.code).startsWith('ERR_PARSE_ARGS_')) throw new UsageError(error.message);
    throw error;
  }
}

/** Writes `error: …` and the usage for a UsageError and returns exit code 2; rethrows anything else. */
export function reportUsageError(
  error: unknown,
  usage: string,
  stderr: { write(text: string): unknown } = process.stderr,
): number {
  if (!(error instanceof UsageError)) throw error;
  stderr.write(`error: ${error.message}\n${usage}\n`);
  return USAGE_EXIT_CODE;
}

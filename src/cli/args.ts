/** Reading a verb's arguments with Node's util.parseArgs: strict, and every mistake said in plain words. */
import { parseArgs as nodeParseArgs } from "node:util";
import { usageError } from "./errors";
import type { Args, Verb } from "./verb";

/** `-h`/`--help` anywhere before a `--` asks for the verb's help, whatever else is on the line. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "-h" || arg === "--help") return true;
  }
  return false;
}

export function readArgs(verb: Verb, argv: readonly string[]): Args {
  const options: Record<string, { type: "boolean" | "string"; short?: string }> = {};
  for (const [name, option] of Object.entries(verb.options))
    options[name] = option.short ? { type: option.type, short: option.short } : { type: option.type };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(plainParseError(verb, error), verb.name);
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) flags.set(name, true);
    else if (typeof value === "string") {
      if (value === "") throw usageError(`option '--${name}' needs a value`, verb.name);
      flags.set(name, value);
    }
  }
  return { positional: parsed.positionals, flags };
}

/** util.parseArgs' messages are for programmers ("Option '--out <value>' argument missing"); these are for people. */
function plainParseError(verb: Verb, error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  const spec = verb.options[option.replace(/^-+/, "")];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option '${option}' for ${verb.name}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (spec?.type === "boolean") return `option '${option}' takes no value`;
    return `option '${option}' needs a value${spec?.value ? ` (${option} ${spec.value})` : ""}`;
  }
  return message;
}

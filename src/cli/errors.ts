/** Exit codes of SPEC §5 (0 success, 1 bad input or a failed check, 2 usage error), and errors said plainly. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A usage error ends with where to read the usage: the verb's help when there is a verb. */
export function usageError(message: string, verb?: string): CliError {
  const hint = verb ? `session-notes ${verb} --help` : "session-notes help";
  return new CliError(`${message}\nRun '${hint}' for usage.`, EXIT_USAGE);
}

/** The system's reasons in words (no ENOENT or EISDIR); `what` is what the path was meant to be. */
export function fsReason(error: unknown, what: "file" | "folder" = "file"): string {
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  switch (code) {
    case "ENOENT":
      return `no such ${what}`;
    case "EISDIR":
      return "it is a folder, not a file";
    case "ENOTDIR":
      return what === "folder" ? "it is a file, not a folder" : "a part of the path is a file, not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EEXIST":
      return "it exists already";
    case "ENOSPC":
      return "no space left on the disk";
    case "EROFS":
      return "the disk is read-only";
    case "EMFILE":
    case "ENFILE":
      return "too many files open";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "ELOOP":
      return "too many symbolic links";
    case "EBUSY":
      return "it is busy";
  }
  if (!(error instanceof Error)) return String(error);
  // Node's text after the code and before the system call ("EIO: i/o error, read" → "i/o error").
  return error.message.replace(/^[A-Z0-9_]+: /, "").replace(/, \w+( '.*')?$/, "");
}

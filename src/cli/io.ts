/** Where a verb writes: standard output and standard error in the CLI, arrays in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

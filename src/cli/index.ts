import { run } from "./main";

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};

void Promise.resolve(run(process.argv.slice(2), io)).then((code) => (process.exitCode = code));

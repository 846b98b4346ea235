/** Runs the built CLI, or another command, in a child process and measures wall time, CPU time and peak RSS. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface CliRun {
  seconds: number;
  /** user + system CPU of the child, all its threads (several cores make this exceed `seconds`) */
  cpuSeconds: number;
  peakRssMb: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `influence ARGS` in a child process that reports its own CPU time and peak RSS on exit;
 * `root` is the checkout whose build runs (another one to compare builds: bench/import-ab.ts).
 */
export function timeCli(args: string[], cwd = ROOT, root = ROOT): CliRun {
  const script = `
    import { main } from ${JSON.stringify(path.join(root, 'dist/cli/main.js'))};
    const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
    const code = await main(${JSON.stringify(args)}, io);
    const u = process.resourceUsage();
    process.stderr.write('\\n@@usage ' + u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n');
    process.exitCode = code;`;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /@@usage (\d+) (\d+)/.exec(r.stderr);
  return {
    seconds,
    cpuSeconds: m ? Number(m[2]) / 1e6 : NaN,
    peakRssMb: m ? Number(m[1]) / 1024 : NaN,
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr.replace(/\n?@@usage \d+ \d+\n/, ''),
  };
}

/**
 * Any command, timed by bash's `time` (the child's own user + system CPU, which Node's
 * spawnSync does not report). Null when bash is not available.
 */
export function timeCommand(argv: string[]): (Omit<CliRun, 'peakRssMb'> & { peakRssMb?: undefined }) | null {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='@@cpu %U %S'; time ${quoted}`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) return null;
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return {
    seconds,
    cpuSeconds: m ? Number(m[1]) + Number(m[2]) : NaN,
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr.replace(/\n?@@cpu [\d.]+ [\d.]+\n?/, ''),
  };
}

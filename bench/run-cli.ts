/** Runs the built CLI in a fresh node process and measures its wall time and peak RSS. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface CliRun {
  seconds: number;
  peakRssMb: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** `influence ARGS` in a child process that reports its own peak RSS on exit. */
export function timeCli(args: string[], cwd = ROOT): CliRun {
  const script = `
    import { main } from ${JSON.stringify(path.join(ROOT, 'dist/cli/main.js'))};
    const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
    const code = await main(${JSON.stringify(args)}, io);
    process.stderr.write('\\n@@maxrss ' + process.resourceUsage().maxRSS + '\\n');
    process.exitCode = code;`;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /@@maxrss (\d+)/.exec(r.stderr);
  return {
    seconds,
    peakRssMb: m ? Number(m[1]) / 1024 : NaN,
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr.replace(/\n?@@maxrss \d+\n/, ''),
  };
}

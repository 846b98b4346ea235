/** What machine a benchmark ran on, printed with every report. */
import os from 'node:os';

export function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, node ${process.version}`;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU seconds all cores have spent busy since boot (user, nice, system and irq time of os.cpus()). */
export function busyCpuSeconds(): number {
  let ms = 0;
  for (const c of os.cpus()) ms += c.times.user + c.times.nice + c.times.sys + c.times.irq;
  return ms / 1000;
}

/**
 * How many cores other processes kept busy during a run that started when the machine's busy
 * time was `busyBefore`: the busy CPU time since, less the run's own, per second of its wall
 * time. The load average cannot say this: it counts the run's own threads, and lags.
 * Example: 3.0 s busy in a 2.0 s run that used 2.6 s CPU itself: others used 0.2 cores.
 */
export function othersCores(busyBefore: number, run: { seconds: number; cpuSeconds: number }): number {
  return Math.max(0, (busyCpuSeconds() - busyBefore - run.cpuSeconds) / run.seconds);
}

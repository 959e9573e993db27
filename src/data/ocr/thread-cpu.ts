// CPU time of one OCR worker thread, so an image's limit holds in CPU time whatever the load of the machine. Node 20
// has no per-thread CPU clock (`process.threadCpuUsage` and `Worker.cpuUsage` came later; `process.cpuUsage` sums
// every thread; a worker's event-loop utilization counts the time it waits for a core). On Linux the kernel keeps
// it per thread: /proc/self/task/<tid>/stat, user + system time in clock ticks (1/100 s). The worker thread names
// itself (./worker-thread.ts writes /proc/thread-self/comm) so the engine finds its thread id. Elsewhere: null,
// and the engine falls back to wall time.
import { readFileSync, readdirSync } from 'node:fs';

/** The Linux `USER_HZ` of /proc (fixed at 100 on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/** The thread name an OCR worker gives itself (at most 15 characters: the kernel's limit). */
export function ocrThreadName(threadId: number): string {
  return `kocr-${threadId}`.slice(0, 15);
}

/** User + system CPU milliseconds of a /proc stat line; null when it is not one. Pure. */
export function cpuMsOfStat(stat: string): number | null {
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields are counted after the last `)`.
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 2).split(' ');
  // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** The id of this process's thread named `name`, or null (not Linux, or no such thread). */
export function findThread(name: string, taskDir = '/proc/self/task'): number | null {
  let tids: string[];
  try {
    tids = readdirSync(taskDir);
  } catch {
    return null;
  }
  for (const tid of tids) {
    try {
      if (readFileSync(`${taskDir}/${tid}/comm`, 'utf8').trim() === name) return Number(tid);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return null;
}

/** A clock of one thread's CPU milliseconds; returns null once the thread is gone. */
export type CpuClock = () => number | null;

export function threadCpuClock(tid: number, taskDir = '/proc/self/task'): CpuClock {
  return () => {
    try {
      return cpuMsOfStat(readFileSync(`${taskDir}/${tid}/stat`, 'utf8'));
    } catch {
      return null;
    }
  };
}

/**
 * The benchmark browser as Linux processes: a wrapper executable that records Chromium's pid, the
 * tree of its processes, their CPU time, and their threads' priority. On a software GPU the CPU
 * time of all the browser's processes is the work a frame costs; unlike wall time it hardly
 * changes when other work shares the CPUs.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';

/** /proc/<pid>/stat fields after the command name. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

export interface BrowserProcess {
  /** What to launch: a wrapper that records the pid and execs Chromium (Chromium itself off Linux). */
  executable(): string;
  /** The browser's pid and all its descendants. */
  tree(): number[];
  /** User + system CPU ms of the browser's processes so far (10 ms resolution). */
  cpuMs(): number;
  /** Every thread of the browser's processes at `nice` or higher priority (root only; Chromium resets its own). */
  raisePriority(nice: number): void;
  /** Remove the wrapper and pid files. */
  cleanUp(): void;
}

export function browserProcess(tag: string, chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): BrowserProcess {
  const pidFile = join(tmpdir(), `jjj-${tag}-chromium-${process.pid}.pid`);
  const wrapper = join(tmpdir(), `jjj-${tag}-chromium-${process.pid}.sh`);
  const tree = (): number[] => {
    let root = 0;
    try {
      root = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      return [];
    }
    if (!root) return [];
    const parent = new Map<number, number>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const f = statFields(d);
      if (f) parent.set(Number(d), Number(f[1]));
    }
    const ours = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parent) if (!ours.has(pid) && ours.has(ppid)) (ours.add(pid), (grew = true));
    }
    return [...ours];
  };
  return {
    executable() {
      if (!existsSync('/proc/self/stat')) return chromium;
      writeFileSync(wrapper, `#!/bin/sh\necho $$ > ${JSON.stringify(pidFile)}\nexec ${JSON.stringify(chromium)} "$@"\n`);
      chmodSync(wrapper, 0o755);
      return wrapper;
    },
    tree,
    cpuMs() {
      let ticks = 0;
      for (const pid of tree()) {
        const f = statFields(pid);
        if (f) ticks += Number(f[11]) + Number(f[12]);
      }
      return ticks * 10;
    },
    raisePriority(nice) {
      if (process.getuid?.() !== 0) return;
      for (const pid of tree()) {
        let tids: string[] = [];
        try {
          tids = readdirSync(`/proc/${pid}/task`);
        } catch {
          continue;
        }
        for (const tid of tids) {
          try {
            if (getPriority(Number(tid)) > nice) setPriority(Number(tid), nice);
          } catch {
            /* gone */
          }
        }
      }
    },
    cleanUp() {
      for (const f of [pidFile, wrapper]) rmSync(f, { force: true });
    },
  };
}

'use strict';
// Loaded with --require into the processes of bench.ts's start-up and memory comparison: on
// exit it writes how long the process had run (performance.now() counts from its start) and
// its peak resident set to the file named by BENCH_FOOTPRINT_OUT. The peak is VmHWM of
// /proc/self/status: getrusage's maxrss would count the memory of the process that spawned
// it (Linux carries it across fork and exec).
const { readFileSync, writeFileSync } = require('node:fs');
process.on('exit', () => {
  const out = process.env.BENCH_FOOTPRINT_OUT;
  if (!out) return;
  let maxRssKb = null;
  try {
    maxRssKb = Number(/VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    // not Linux: no figure
  }
  writeFileSync(out, JSON.stringify({ ms: performance.now(), maxRssKb }));
});

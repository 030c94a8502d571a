// SLA engine benchmark: deadlines per second of core::BusinessCalendar::add,
// native and in WASM under Node, then the WASM build against
// moment-business-time on the same cases (sla_compare.mjs). Builds nothing:
// it runs build/native/sla-bench and build/web/sla-bench.js, which
// `./portal bench` builds first. Writes the "SLA engine" section of
// docs/benchmarks.md.
//
// Other build folders: SLA_BENCH_NATIVE_DIR=... SLA_BENCH_WEB_DIR=...
// Shorter measurements while developing: SLA_BENCH_MIN_SECONDS=0.2
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './report.mjs';
import { compare, runWasm } from './sla_compare.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nativeDir = process.env.SLA_BENCH_NATIVE_DIR ?? path.join(root, 'build/native');
const webDir = process.env.SLA_BENCH_WEB_DIR ?? path.join(root, 'build/web');
const minSeconds = Number(process.env.SLA_BENCH_MIN_SECONDS ?? 1);
const nativeBin = path.join(nativeDir, 'sla-bench');
const wasmJs = path.join(webDir, 'sla-bench.js');

for (const [file, preset] of [[nativeBin, 'native'], [wasmJs, 'web']]) {
    if (!existsSync(file)) {
        console.error(`sla_bench: ${file} is missing; build it: cmake --build --preset ${preset} --target sla-bench`);
        process.exit(1);
    }
}

const lastJsonLine = (text) => JSON.parse(text.trim().split('\n').pop());
const timingArgs = ['--min-seconds', String(minSeconds)];

console.error(`sla_bench: native (${nativeBin})`);
const native = lastJsonLine(execFileSync(nativeBin, timingArgs, { stdio: ['ignore', 'pipe', 'inherit'] }).toString());
console.error(`sla_bench: WASM under Node (${wasmJs})`);
const wasm = lastJsonLine(runWasm(wasmJs, timingArgs));
console.error('sla_bench: against moment-business-time (sla_compare.mjs)');
const versus = compare({ wasmJs, minSeconds });

// --- the report -----------------------------------------------------------------

const doc = JSON.parse(runWasm(wasmJs, ['--cases']));
const rate = (value) => Math.round(value).toLocaleString('en-US');
const times = (value) => `${value.toFixed(1)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const targetName = (minutes) => {
    if (minutes === 'all') return 'all targets mixed';
    if (minutes === 30 * 12 * 60) return '21600 min (30 business days of 12 h)';
    return minutes % 60 ? `${minutes} min` : `${minutes} min (${minutes / 60} h)`;
};
const groupOf = (result, minutes) => result.groups.find((g) => g.minutes === minutes);
const nativeAll = groupOf(native, 'all').median;
const wasmAll = groupOf(wasm, 'all').median;
const sameDeadlines = native.groups.every((g) => groupOf(wasm, g.minutes)?.checksum === g.checksum);
const compareAll = versus.groups.find((g) => g.minutes === 'all');
const zones = [...new Set(doc.cases.map((c) => c.zone))];
const targets = [...new Set(doc.cases.map((c) => c.minutes))];
const starts = doc.cases.length / (targets.length * doc.schedules.length * zones.length);
const holidays = doc.schedules.flatMap((s) => s.holidays);
const hoursOf = (schedule) => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].filter((d) => schedule.hours[d]?.length);
    const ranges = [...new Set(days.map((d) => schedule.hours[d].map(([a, b]) => `${a}-${b}`).join(', ')))];
    const dayText = days.length === 7 ? 'every day' : days.join('-') === 'mon-tue-wed-thu-fri' ? 'Mon-Fri' : days.join(', ');
    return `${ranges.join(' / ')} ${dayText}`;
};
const schedulesText = doc.schedules.map((s) => `\`${s.id}\` (${hoursOf(s)}` +
    `${s.holidays.length ? `, closed on ${s.holidays.length} holidays from ${s.holidays[0]} to ${s.holidays.at(-1)}` : ''})`)
    .join(', ');
const overridden = process.env.SLA_BENCH_NATIVE_DIR || process.env.SLA_BENCH_WEB_DIR || process.env.SLA_BENCH_MIN_SECONDS;
const command = overridden
    ? `${['SLA_BENCH_NATIVE_DIR', 'SLA_BENCH_WEB_DIR', 'SLA_BENCH_MIN_SECONDS'].filter((v) => process.env[v])
        .map((v) => `${v}=${process.env[v]}`).join(' ')} node tests/bench/sla_bench.mjs`
    : './portal bench';
const tzdata = (() => {
    try { return readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8').split('\n')[0].replace('# version ', ''); }
    catch { return 'unknown'; }
})();
const counts = (object) => Object.entries(object).map(([key, n]) => `${key} ${n}`).join(', ');
const excludedErrors = Object.keys(versus.excludedErrors).map((e) => `\`${e}\``).join(', ');
const onlyFridayMidnight = Object.keys(versus.excludedBySchedule).every((id) => id === 'weekdays-24h');
const secondExample = versus.seconds.examples[0];
const secondsMismatchOnStandard = Object.entries(versus.seconds.mismatchesBySchedule)
    .filter(([id]) => id.startsWith('standard')).reduce((n, [, count]) => n + count, 0);

const report = `Command: \`${command}\` (tests/bench/sla_bench.mjs), run on ${new Date().toISOString().slice(0, 10)}
on ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}. It runs ${path.relative(root, nativeBin)}
(${native.compiler}, -O2), ${path.relative(root, wasmJs)} (${wasm.compiler}, -O2 -fno-exceptions, run by
\`node --no-experimental-fetch\`, zone files read from /usr/share/zoneinfo through NODERAWFS, tzdata ${tzdata})
and tests/bench/sla_compare.mjs. Both builds link \`portal_core\` as their preset compiles it (native RelWithDebInfo
-O2; web MinSizeRel: -Oz, core as LTO bitcode optimized again at -O2 when sla-bench links; the SLA clock's own
files, core/sla/business_calendar, sla_status, response_status and core/time/time_zone, also with -finline-functions,
as the page has them: emcc's -Os and -Oz turn inlining off, the chrono wrappers stayed calls and WASM ran 15-24× slower
than native).

Cases (\`sla-bench --cases\` prints them): ${doc.cases.length} deadlines = ${targets.length} targets
(${targets.join(', ')} business minutes) × ${doc.schedules.length} schedules × ${zones.length} zones
(${zones.join(', ')}) × ${starts} starts on whole minutes spread over 2026 by a fixed splitmix64 sequence.
Schedules: ${schedulesText}. Holidays: ${[...new Set(holidays)].join(', ')}.

Method: deadlines per second of \`core::BusinessCalendar::add\`, with zones and calendars made before timing;
one measurement is whole passes over the cases lasting ≥ ${minSeconds} s, the figure is the median of 3.
A checksum of every deadline keeps the compiler from dropping work and shows both builds computed the same
deadlines${minSeconds < 1 ? ` (**short measurements: SLA_BENCH_MIN_SECONDS=${minSeconds}**)` : ''}.

**Deadlines per second**

| Target | Cases | Native | WASM (Node) | Native / WASM |
|---|---|---|---|---|
${native.groups.map((g) => `| ${targetName(g.minutes)} | ${g.cases} | ${rate(g.median)} | ${rate(groupOf(wasm, g.minutes).median)} | ${times(g.median / groupOf(wasm, g.minutes).median)} |`).join('\n')}

| Goal | Result | |
|---|---|---|
| ≥ 1,000,000 deadlines/s native, all targets mixed | ${rate(nativeAll)} | ${verdict(nativeAll >= 1e6)} |
| Native and WASM give the same deadlines (checksum per row) | ${sameDeadlines ? 'identical in every row' : '**checksums differ**'} | ${verdict(sameDeadlines)} |
| WASM within 4× of native, all targets mixed | ${times(nativeAll / wasmAll)} | ${verdict(nativeAll / wasmAll <= 4)} |

Before (issue 15): WASM ran 22× slower than native when the issue was filed, 24× on 2026-12-06 before the
inlining fix (434,564 against 10,652,188 deadlines/s, all targets mixed).

Cost grows with the open intervals a count crosses, not with minutes: 30 business days of 12 h cross
~42 calendar days (whole weeks without holidays or DST changes are skipped arithmetically).

**Against moment-business-time**

moment-business-time ${versus.versions['moment-business-time']} with moment-timezone ${versus.versions['moment-timezone']}
(its own zone data ${versus.versions['moment-timezone data']}) and moment ${versus.versions.moment}, installed from
tests/bench/package-lock.json; each schedule becomes a moment locale (\`workinghours\`, \`holidays\`), each case
\`moment.tz(start, zone).addWorkingTime(minutes, 'minutes')\`. Our side is the WASM build, \`sla-bench --eval\` for
answers and \`sla-bench --time\` for speed, on exactly the cases moment-business-time can answer.

| Target | Cases | Ours (WASM, Node) | moment-business-time | Ours / moment |
|---|---|---|---|---|
${versus.groups.map((g) => `| ${targetName(g.minutes)} | ${g.cases} | ${rate(g.wasm)} | ${rate(g.moment)} | ${times(g.ratio)} |`).join('\n')}

| Goal | Result | |
|---|---|---|
| Ours ≥ 10× faster, all targets mixed | ${times(compareAll.ratio)} | ${verdict(compareAll.ratio >= 10)} |
| Identical deadlines on every case both can answer | ${versus.identical} of ${versus.compared} identical, ${versus.mismatches.length} mismatches | ${verdict(versus.mismatches.length === 0)} |

- Compared: ${versus.compared} of ${versus.cases} cases (${counts(versus.comparedBySchedule)}). ${versus.dstCrossing} of them
  cross a DST change (UTC offset at the deadline differs from the start's: ${counts(versus.dstCrossingBySchedule)});
  ${versus.dstCrossingIdentical} of those are identical.
- Excluded: ${versus.excluded} cases (${counts(versus.excludedBySchedule) || 'none'}), because moment-business-time throws on
  them${excludedErrors ? `: ${excludedErrors}` : ''}. ${onlyFridayMidnight
    ? `Where a day's hours end at 24:00 and the next day is closed (Friday on \`weekdays-24h\`), a count that
  reaches Friday 24:00 with time left asks for Saturday's hours, which are null.`
    : '**Not all of them are on `weekdays-24h`: look at these cases.**'} Every case on which it throws is excluded;
  no case is excluded for any other reason.
${versus.mismatches.length ? `- Mismatches (first 20):\n\n| Case | Zone | Schedule | Start | Minutes | Ours | moment |\n|---|---|---|---|---|---|---|\n${versus.mismatches.slice(0, 20).map((m) => `| ${m.id} | ${m.zone} | ${m.schedule} | ${m.start} | ${m.minutes} | ${m.ours} | ${m.moment} |`).join('\n')}\n` : ''}- Second-precision starts (the same cases with 1-59 s added to each start): ${versus.seconds.identical} of
  ${versus.seconds.compared} identical, ${versus.seconds.mismatches} mismatches (${counts(versus.seconds.mismatchesBySchedule) || 'none'}),
  ${secondsMismatchOnStandard} of them on the 06:00-18:00 schedules, moment's deadline ${versus.seconds.allLater
    ? 'later than ours in every one' : '**earlier than ours in some**'}; ${versus.seconds.excluded} excluded as above.
  Where open spans touch across midnight, moment-business-time steps one whole minute over the day's end and then
  adds the overshoot again from the next day's opening, the same instant, so the start's part minute is counted
  twice${secondExample ? ` (e.g. case ${secondExample.id}: ${secondExample.start} + ${secondExample.minutes} min in
  ${secondExample.zone}: ours ${secondExample.ours}, moment ${secondExample.moment})` : ''}. That is why the
  benchmark's starts are on whole minutes.
`;

writeSection('SLA engine', report);
console.log(report);

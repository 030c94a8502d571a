// Our SLA engine (the WASM build of tests/bench/sla_bench.cpp, under Node)
// against moment-business-time + moment-timezone, on the same cases: answers
// case by case, then deadlines per second for both.
//
// Used by sla_bench.mjs; on its own it prints the result as one JSON line:
//   node tests/bench/sla_compare.mjs [build/web/sla-bench.js]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import moment from 'moment-timezone';
import 'moment-business-time';

const here = path.dirname(fileURLToPath(import.meta.url));

// Runs the WASM module (a Node program) with arguments and optional stdin.
export function runWasm(wasmJs, args, input) {
    return execFileSync(process.execPath, ['--no-experimental-fetch', wasmJs, ...args], {
        input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'inherit'],
    }).toString();
}

function wasmAnswers(wasmJs, doc) {
    const answers = new Map();
    for (const line of runWasm(wasmJs, ['--eval'], JSON.stringify(doc)).trim().split('\n')) {
        const answer = JSON.parse(line);
        answers.set(answer.id, answer.epoch);
    }
    return answers;
}

// --- moment-business-time -----------------------------------------------------

// The library reads its hours and holidays from the global locale: one locale
// per schedule, switched between cases of different schedules.
const dayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];   // moment's day() order
const localeOf = (scheduleId) => `sla-bench-${scheduleId}`;

function defineSchedules(schedules) {
    const previous = moment.locale();
    for (const schedule of schedules) {
        if (moment.locales().includes(localeOf(schedule.id))) continue;
        const workinghours = {};
        dayKeys.forEach((key, day) => {
            const ranges = schedule.hours[key] ?? [];
            workinghours[day] = ranges.length ? ranges.flat().map((hhmm) => `${hhmm}:00`) : null;
        });
        moment.defineLocale(localeOf(schedule.id), {
            parentLocale: 'en', workinghours, holidays: schedule.holidays ?? [],
        });
    }
    moment.locale(previous);
}

// Cases ready for the timed loop: start as milliseconds, locale name resolved.
function momentCases(cases) {
    return cases.map((c) => ({ id: c.id, zone: c.zone, locale: localeOf(c.schedule), startMs: Date.parse(c.start),
        minutes: c.minutes }))
        .sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
}

function momentDeadline(c) {
    return moment.tz(c.startMs, c.zone).addWorkingTime(c.minutes, 'minutes').valueOf();
}

function momentPass(cases) {
    let locale = null;
    let sum = 0;
    for (const c of cases) {
        if (c.locale !== locale) moment.locale((locale = c.locale));
        sum = (sum + momentDeadline(c) / 1000) % 4294967296;
    }
    return sum;
}

// Same method as the C++ side: whole passes, >= minSeconds each, median of 3.
function measureMoment(cases, minSeconds) {
    const checksum = momentPass(cases);   // warm-up
    let passes = 1;
    let runs = [];
    while (runs.length < 3) {
        const begin = performance.now();
        for (let p = 0; p < passes; p++)
            if (momentPass(cases) !== checksum) throw new Error('moment-business-time: a pass gave other answers');
        const elapsed = (performance.now() - begin) / 1000;
        if (elapsed < minSeconds) {
            const scale = elapsed > 0 ? (minSeconds * 1.1) / elapsed : 10;
            passes = Math.max(passes + 1, Math.floor(passes * Math.min(scale, 100)));
            runs = [];
            continue;
        }
        runs.push((passes * cases.length) / elapsed);
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { rates: runs, median: sorted[1], passes };
}

// --- answers, case by case ----------------------------------------------------

function compareAnswers(doc, ours) {
    const result = { identical: 0, mismatches: [], excluded: [], compared: [] };
    const cases = momentCases(doc.cases);
    const byId = new Map(doc.cases.map((c) => [c.id, c]));
    let locale = null;
    for (const c of cases) {
        if (c.locale !== locale) moment.locale((locale = c.locale));
        const original = byId.get(c.id);
        let theirs;
        try {
            theirs = momentDeadline(c) / 1000;
        } catch (error) {
            result.excluded.push({ ...original, error: `${error.name}: ${error.message}` });
            continue;
        }
        const mine = ours.get(c.id);
        result.compared.push(original);
        if (mine === theirs) {
            result.identical++;
        } else {
            result.mismatches.push({ ...original, ours: mine === null ? null : new Date(mine * 1000).toISOString(),
                moment: new Date(theirs * 1000).toISOString(), differenceSeconds: mine === null ? null : theirs - mine });
        }
    }
    return result;
}

const countBy = (items, key) => items.reduce((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

function packageVersion(name) {
    return JSON.parse(readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

export function compare({ wasmJs, minSeconds = 1 }) {
    const doc = JSON.parse(runWasm(wasmJs, ['--cases']));
    defineSchedules(doc.schedules);
    const previousLocale = moment.locale();
    try {
        // 1. Answers on the benchmark's cases (starts on whole minutes).
        const ours = wasmAnswers(wasmJs, doc);
        const answers = compareAnswers(doc, ours);
        // Compared cases whose UTC offset at the deadline differs from the one
        // at the start: the count crossed a DST change.
        const crossesDst = (c) => moment.tz(Date.parse(c.start), c.zone).utcOffset() !==
            moment.tz(ours.get(c.id) * 1000, c.zone).utcOffset();
        const dstCases = answers.compared.filter(crossesDst);
        const mismatchIds = new Set(answers.mismatches.map((m) => m.id));

        // 2. The same cases with 1-59 s added to each start.
        const secondsDoc = {
            schedules: doc.schedules,
            cases: doc.cases.map((c) => ({ ...c, start: new Date(Date.parse(c.start) + (1 + (c.id % 59)) * 1000)
                .toISOString().replace('.000Z', 'Z') })),
        };
        const secondsAnswers = compareAnswers(secondsDoc, wasmAnswers(wasmJs, secondsDoc));

        // 3. Speed, on the cases moment-business-time can answer.
        const comparable = { schedules: doc.schedules, cases: answers.compared };
        const wasm = JSON.parse(runWasm(wasmJs, ['--time', '--min-seconds', String(minSeconds)],
            JSON.stringify(comparable)).trim().split('\n').pop());
        const groups = wasm.groups.map((group) => {
            const subset = group.minutes === 'all' ? answers.compared
                : answers.compared.filter((c) => c.minutes === group.minutes);
            const theirs = measureMoment(momentCases(subset), minSeconds);
            process.stderr.write(`sla-compare: ${group.minutes} minutes, ${subset.length} cases: ` +
                `${group.median.toFixed(0)} (ours, WASM) vs ${theirs.median.toFixed(0)} (moment) deadlines/s\n`);
            return { minutes: group.minutes, cases: subset.length, wasm: group.median, wasmRates: group.rates,
                moment: theirs.median, momentRates: theirs.rates, ratio: group.median / theirs.median };
        });

        return {
            cases: doc.cases.length,
            compared: answers.compared.length,
            identical: answers.identical,
            mismatches: answers.mismatches,
            excluded: answers.excluded.length,
            excludedBySchedule: countBy(answers.excluded, (c) => c.schedule),
            excludedErrors: countBy(answers.excluded, (c) => c.error),
            comparedBySchedule: countBy(answers.compared, (c) => c.schedule),
            dstCrossing: dstCases.length,
            dstCrossingIdentical: dstCases.filter((c) => !mismatchIds.has(c.id)).length,
            dstCrossingBySchedule: countBy(dstCases, (c) => c.schedule),
            seconds: {
                compared: secondsAnswers.compared.length,
                identical: secondsAnswers.identical,
                mismatches: secondsAnswers.mismatches.length,
                mismatchesBySchedule: countBy(secondsAnswers.mismatches, (c) => c.schedule),
                excluded: secondsAnswers.excluded.length,
                comparedBySchedule: countBy(secondsAnswers.compared, (c) => c.schedule),
                // moment-business-time's answer later than ours in every mismatch
                allLater: secondsAnswers.mismatches.every((m) => m.differenceSeconds > 0),
                examples: secondsAnswers.mismatches.slice(0, 3),
            },
            groups,
            wasmCompiler: wasm.compiler,
            versions: {
                moment: moment.version,
                'moment-timezone': packageVersion('moment-timezone'),
                'moment-timezone data': moment.tz.dataVersion,
                'moment-business-time': packageVersion('moment-business-time'),
            },
        };
    } finally {
        moment.locale(previousLocale);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const wasmJs = process.argv[2] ?? path.resolve(here, '../../build/web/sla-bench.js');
    console.log(JSON.stringify(compare({ wasmJs, minSeconds: Number(process.env.SLA_BENCH_MIN_SECONDS ?? 1) })));
}

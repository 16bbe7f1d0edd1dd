// Classify exams with the npm package `isncsci` (the reference implementation).
//
// usage: node isncsci_node_driver.js PACKAGE_DIR [--repeat N] < exams.json
//
// stdin: a JSON array of exams in the EXAM shape of `isncsci-cases/1`
// (vac, dap, right/left with lowest_non_key_muscle, motor, light_touch, pin_prick).
// stdout: a JSON array of results in the OUTPUT shape of `isncsci-cases/1`
// ({"error": message} where the package throws), or with --repeat N a timing
// {"classifications": count, "seconds": s} of N passes over the exams
// (classification only, reading and mapping excluded; one untimed pass first,
// so that the timed passes run compiled code, as a warmed-up caller's would).
'use strict';

const path = require('path');

const packageDir = process.argv[2];
if (!packageDir) {
  process.stderr.write('usage: node isncsci_node_driver.js PACKAGE_DIR [--repeat N] < exams.json\n');
  process.exit(2);
}
const repeatAt = process.argv.indexOf('--repeat');
const repeat = repeatAt > 0 ? parseInt(process.argv[repeatAt + 1], 10) : 0;
const { ISNCSCI } = require(path.resolve(packageDir));

function toPackageSide(side) {
  return {
    motor: side.motor,
    lightTouch: side.light_touch,
    pinPrick: side.pin_prick,
    lowestNonKeyMuscleWithMotorFunction: side.lowest_non_key_muscle,
  };
}

function toPackageExam(exam) {
  return {
    voluntaryAnalContraction: exam.vac,
    deepAnalPressure: exam.dap,
    right: toPackageSide(exam.right),
    left: toPackageSide(exam.left),
  };
}

function total(value) {
  return /^\d+$/.test(value) ? Number(value) : value;
}

function sideResult(c, t, name) {
  const key = name === 'right' ? 'Right' : 'Left';
  const side = t[name];
  return {
    sensory_level: c.neurologicalLevels['sensory' + key],
    motor_level: c.neurologicalLevels['motor' + key],
    sensory_zpp: c.zoneOfPartialPreservations['sensory' + key],
    motor_zpp: c.zoneOfPartialPreservations['motor' + key],
    totals: {
      upper_motor: total(side.upperExtremity),
      lower_motor: total(side.lowerExtremity),
      motor: total(side.motor),
      light_touch: total(side.lightTouch),
      pin_prick: total(side.pinPrick),
    },
  };
}

function toOutput(result) {
  const c = result.classification;
  const t = result.totals;
  return {
    right: sideResult(c, t, 'right'),
    left: sideResult(c, t, 'left'),
    nli: c.neurologicalLevelOfInjury,
    injury_complete: c.injuryComplete,
    ais: c.ASIAImpairmentScale,
    totals: {
      upper_motor: total(t.upperExtremity),
      lower_motor: total(t.lowerExtremity),
      light_touch: total(t.lightTouch),
      pin_prick: total(t.pinPrick),
    },
  };
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const exams = JSON.parse(Buffer.concat(chunks).toString('utf8')).map(toPackageExam);
  if (repeat > 0) {
    for (const exam of exams) {
      new ISNCSCI(exam);
    }
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) {
      for (const exam of exams) {
        new ISNCSCI(exam);
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({ classifications: repeat * exams.length, seconds }) + '\n');
    return;
  }
  const out = exams.map((exam) => {
    try {
      return toOutput(new ISNCSCI(exam));
    } catch (err) {
      return { error: String(err && err.message ? err.message : err) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});

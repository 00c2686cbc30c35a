import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check-command.js';
import { parseSubmission } from '../../src/core/briefing/briefing-form.js';
import { parseBriefing } from '../../src/core/briefing/parse-briefing.js';
import { SLUG_PATTERN } from '../../src/core/briefing/slug.js';
import type { Briefing } from '../../src/core/briefing/briefing.js';
import { isBriefbotError } from '../../src/core/errors.js';
import { loadBriefingDir } from '../../src/library/load-briefing-dir.js';
import { MANAGE_GUILD } from '../fakes/fake-discord.js';
import { discordOnStack } from './platforms.js';
import { actorOf, type Stack, startStack, textOf } from './real-stack.js';

const MB = 1024 * 1024;
const enc = (s: string) => new TextEncoder().encode(s);
const fm = (yaml: string, body = 'The council met on Monday. It voted.') => `---\n${yaml}\n---\n\n${body}\n`;

/**
 * Hostile briefing files, each with why it must be refused. Every one must come back as problems
 * (never an exception) naming a field, whatever the path it arrives by.
 */
const HOSTILE: Record<string, string | Uint8Array> = {
  empty: '',
  'empty bytes': new Uint8Array(0),
  'only a BOM': '\uFEFF',
  'front-matter, no body': fm('title: T', ''),
  'a single 1 MB line': fm('title: Long line', 'word '.repeat(MB / 5)),
  binary: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff]),
  'invalid UTF-8': new Uint8Array([...enc('---\ntitle: T\n---\n\nText '), 0xc3, 0x28, 0xa0, 0xa1]),
  'overlong UTF-8 slash': new Uint8Array([...enc('---\ntitle: T\nslug: a'), 0xc0, 0xaf, ...enc('b\n---\n\nText.')]),
  'YAML alias bomb': fm(
    'title: T\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  ),
  'alias bomb inside a known field': fm('title: T\nx: &x [a,a,a,a,a,a,a,a,a,a]\ntags: [*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x,*x]'),
  'custom tag !!js/function': fm('title: !!js/function "function () { process.exit(1) }"'),
  'custom tag !!python/object': fm('title: !!python/object/apply:os.system ["id"]'),
  'local tag': fm('title: !secret value'),
  'merge key': fm('base: &b {title: T}\n<<: *b'),
  '__proto__ key': fm('title: T\n__proto__: {polluted: yes}'),
  'constructor key': fm('title: T\nconstructor: {prototype: {polluted: yes}}'),
  '__proto__ in a participant': fm('title: T\nparticipants:\n  - name: A\n    __proto__: {polluted: yes}'),
  'title is a number': fm('title: 5'),
  'title is a list': fm('title: [a, b]'),
  'title is a mapping': fm('title: {a: 1}'),
  'title is null': fm('title: ~'),
  'title is only zero-width': fm('title: "\u200B\u200C\u200D\uFEFF"'),
  'title with a control character': fm('title: "Bell\\a here"'),
  'slug is a number': fm('title: T\nslug: 12'),
  'source is a list': fm('title: T\nsource: [x]'),
  'url is javascript:': fm('title: T\nurl: "javascript:alert(1)"'),
  'url is data:': fm('title: T\nurl: "data:text/html,<script>alert(1)</script>"'),
  'url is a number': fm('title: T\nurl: 7'),
  'published is a boolean': fm('title: T\npublished: true'),
  'published is not a date': fm('title: T\npublished: "2024-13-45"'),
  'tags is a string': fm('title: T\ntags: diplomacy'),
  'tags holds a mapping': fm('title: T\ntags: [{a: 1}]'),
  'participants is a string': fm('title: T\nparticipants: Samir'),
  'participant without name': fm('title: T\nparticipants: [{role: x}]'),
  'aliases is a number': fm('title: T\nparticipants: [{name: A, aliases: 3}]'),
  'unknown field': fm('title: T\nscript: rm -rf /'),
  'duplicate key': fm('title: T\ntitle: U'),
  'slug ../../etc/passwd': fm('title: T\nslug: ../../etc/passwd'),
  'slug with a backslash': fm('title: T\nslug: "..\\\\..\\\\windows"'),
  'slug CON': fm('title: T\nslug: CON'),
  'slug con': fm('title: T\nslug: con'),
  'slug nul': fm('title: T\nslug: nul'),
  'slug with a Cyrillic a': fm('title: T\nslug: "kore\u0430-japan"'),
  'slug in full-width letters': fm('title: T\nslug: "\uFF4B\uFF4F\uFF52\uFF45\uFF41"'),
  'slug with a zero-width space': fm('title: T\nslug: "korea\u200B-japan"'),
  'slug with a right-to-left override': fm('title: T\nslug: "\u202Ekorea"'),
  'slug too long': fm(`title: T\nslug: ${'a'.repeat(65)}`),
  'slug empty': fm('title: T\nslug: ""'),
  '10,000 tags': fm(`title: T\ntags: [${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(', ')}]`),
  '10,000 participants': fm(`title: T\nparticipants: [${Array.from({ length: 10_000 }, (_, i) => `{name: P${i}}`).join(', ')}]`),
  'a 1 MB title': fm(`title: ${'x'.repeat(MB)}`),
  'front-matter never closed': `---\ntitle: T\n${'x: y\n'.repeat(1000)}`,
  'front-matter that is a list': fm('- a\n- b'),
  'front-matter that is a string': fm('"just text"'),
  'YAML syntax error': fm('title: [unclosed'),
};

/** Inputs that are odd but legitimate: they must load, cleaned. */
const TOLERATED = {
  'zero-width and RTL marks in the title and tags': fm('title: "Tal\u200Bks \u202Eresume\u202C"\ntags: ["dip\u200Dlomacy", "\u2066water\u2069"]'),
  '10,000 quotes in the body': fm('title: Quotes', Array.from({ length: 10_000 }, (_, i) => `"${i}" Ann said.`).join(' ')),
  'emoji flood': fm('title: "🎉 Party"', '🎉'.repeat(10_000)),
  '50 tags exactly': fm(`title: T\ntags: [${Array.from({ length: 50 }, (_, i) => `t${i}`).join(', ')}]`),
};

function problemsOf(input: string | Uint8Array, maxBodyBytes = 200 * 1024) {
  const r = parseBriefing(input, { fileName: 'story.md', maxBodyBytes });
  return r.ok ? [] : r.problems;
}

describe('hostile briefing files through parseBriefing', () => {
  it.each(Object.entries(HOSTILE))('GIVEN %s THEN it is refused with problems naming a field, without throwing', (_name, input) => {
    const problems = problemsOf(input);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file).toBe('story.md');
      expect(p.field.length).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
      // A problem message is shown to an editor: bounded, no echo of a megabyte of input.
      expect(p.message.length).toBeLessThan(400);
    }
  });

  it('GIVEN __proto__ and constructor keys THEN Object.prototype is never polluted', () => {
    for (const name of ['__proto__ key', 'constructor key', '__proto__ in a participant']) problemsOf(HOSTILE[name] as string);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(Object.entries(TOLERATED))('GIVEN %s THEN it loads, with invisible characters removed', (_name, input) => {
    const r = parseBriefing(input, { fileName: 'story.md' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.briefing.slug).toMatch(SLUG_PATTERN);
    expect(r.briefing.title).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    for (const t of r.briefing.tags) expect(t).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  });

  it('GIVEN a 50 MB file THEN it is refused as too large, quickly and without copying it into a problem', () => {
    const huge = new Uint8Array(50 * MB).fill(0x61);
    huge.set(enc('---\ntitle: T\n---\n\n'));
    const started = performance.now();
    const problems = problemsOf(huge);
    expect(problems).toEqual([expect.objectContaining({ field: 'body', tooLarge: true })]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('GIVEN file names that are unsafe slugs THEN the file is refused and told to rename or set slug', () => {
    for (const fileName of ['CON.md', 'con.md', 'aux.md', '..md', 'Korea Japan.md', 'kore\u0430.md', '\u202Eevil.md']) {
      const r = parseBriefing(fm('title: T'), { fileName });
      expect(r.ok, fileName).toBe(false);
    }
  });
});

describe('hostile submissions through parseSubmission (chat attachments)', () => {
  it('GIVEN a 50 MB attachment THEN it is refused before it is decoded', () => {
    const r = parseSubmission({ name: 'x.md', content: new Uint8Array(50 * MB) }, { maxBodyBytes: 200 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'file', tooLarge: true });
  });

  it('GIVEN attachment names that try to escape THEN only the base name is used and the slug stays safe', () => {
    for (const name of ['../../etc/passwd.md', '..\\..\\boot.ini.md', '/etc/shadow.txt']) {
      const r = parseSubmission({ name, content: enc(name.endsWith('.txt') ? 'A title\n\nSome text.' : fm('title: T')) }, { maxBodyBytes: 200 * 1024 });
      if (r.ok) expect(r.briefing.slug).toMatch(SLUG_PATTERN);
      else for (const p of r.problems) expect(p.file).not.toMatch(/[\\/]/);
    }
  });

  it('GIVEN an executable or unknown file type THEN it is refused with what to send instead', () => {
    for (const name of ['x.exe', 'x.html', 'x', 'x.md.exe']) {
      const r = parseSubmission({ name, content: enc(fm('title: T')) }, { maxBodyBytes: 200 * 1024 });
      expect(r.ok).toBe(false);
    }
  });
});

describe('hostile files in the briefings folder (loadBriefingDir and briefbot check)', () => {
  let dir: string;
  const names: string[] = [];
  beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    dir = mkdtempSync(join(tmpdir(), 'briefbot-hostile-dir-'));
    let i = 0;
    for (const input of Object.values(HOSTILE)) {
      const name = `bad-${String(i++).padStart(3, '0')}.md`;
      names.push(name);
      writeFileSync(join(dir, name), input);
    }
    const huge = Buffer.alloc(50 * MB, 0x61);
    huge.write('---\ntitle: Huge\n---\n\n');
    writeFileSync(join(dir, 'huge.md'), huge);
    names.push('huge.md');
    mkdirSync(join(dir, 'folder.md'));
    writeFileSync(join(dir, 'good-story.md'), fm('title: A good story'));
  });
  afterAll(async () => {
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN one good file among hostile ones THEN the good one loads and every bad one is named', async () => {
    const { entries, problems } = await loadBriefingDir(dir, 200 * 1024);
    expect(entries.map((e) => e.briefing.slug)).toEqual(['good-story']);
    const named = new Set(problems.map((p) => p.file));
    for (const n of names) expect(named, n).toContain(n);
  });

  it('GIVEN the same folder THEN briefbot check lists each problem on its line and exits 1', async () => {
    let out = '';
    const sink = new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) });
    const code = await runCheck([dir], { stdout: sink, stderr: sink });
    expect(code).toBe(1);
    for (const n of names) expect(out).toContain(`${n}: `);
    expect(out).toMatch(/1 briefing valid/);
    // Each reported line is short: hostile content is not echoed back.
    for (const line of out.split('\n')) expect(line.length).toBeLessThan(500);
  });
});

describe('hostile submissions through moderation (real SQLite store)', () => {
  let stack: Stack;
  const mod = actorOf('discord', 'M1', true);
  beforeAll(async () => {
    stack = await startStack();
    await stack.run('/briefing add', mod, [{ name: 'seed.md', content: enc(fm('title: Seed\nslug: seed', 'The seed story was filed. It is short.')) }]);
  });
  afterAll(async () => {
    await stack.close();
  });

  const state = async () => ({ audit: await stack.store.audit({}), list: (await stack.library.list()).map((e) => `${e.briefing.slug}@${e.revision}`) });

  it('GIVEN every hostile file as an attachment to add and to edit THEN each is refused with a reason and nothing changes', async () => {
    const before = await state();
    expect(before.list).toEqual(['seed@1']);
    for (const [name, input] of Object.entries(HOSTILE)) {
      const content = typeof input === 'string' ? enc(input) : input;
      for (const line of ['/briefing add', '/briefing edit seed']) {
        const reply = await stack.run(line, mod, [{ name: 'upload.md', content }]);
        expect(reply.tone, `${name} via ${line}`).toBe('error');
        expect(textOf(reply), `${name} via ${line}`).toMatch(/not saved|too large|Nothing was changed|not valid|names the slug/i);
      }
    }
    expect(await state()).toEqual(before);
  });

  it('GIVEN a port caller hands a malformed briefing object THEN the service refuses it as a typed error', async () => {
    const bad: unknown[] = [
      { slug: '../../etc/passwd', title: 'T', tags: [], participants: [], body: 'Text.' },
      { slug: 'ok-slug', title: 5, tags: [], participants: [], body: 'Text.' },
      { slug: 'ok-slug', title: 'T', tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`), participants: [], body: 'Text.' },
      { slug: 'ok-slug', title: 'T\n---\nslug: seed', tags: [], participants: [], body: 'Text.' },
      { slug: 'ok-slug', title: 'T', tags: [], participants: [], body: '' },
      JSON.parse('{"slug":"ok-slug","title":"T","tags":[],"participants":[],"body":"Text.","__proto__":{"isModerator":true}}'),
    ];
    const before = await state();
    for (const b of bad) {
      const error = await stack.moderation.add(b as Briefing, mod).then(
        () => undefined,
        (e: unknown) => e,
      );
      // The last one is harmless once re-validated: it may be added, but only as its own fields.
      if (error === undefined) continue;
      expect(isBriefbotError(error), JSON.stringify(b).slice(0, 80)).toBe(true);
    }
    const after = await state();
    expect(after.list.filter((l) => !before.list.includes(l)).every((l) => /^ok-slug@/.test(l))).toBe(true);
    expect(({} as Record<string, unknown>).isModerator).toBeUndefined();
  });

  it('GIVEN a member submits a valid file THEN it is refused before it is even read', async () => {
    const before = await state();
    const reply = await stack.run('/briefing add', actorOf('discord', 'U1', false), [{ name: 'ok.md', content: enc(fm('title: Fine')) }]);
    expect(textOf(reply)).toMatch(/Only moderators/);
    expect(await state()).toEqual(before);
  });
});

describe('hostile files uploaded on Discord (gateway, loopback fake)', () => {
  let stack: Stack;
  let discord: Awaited<ReturnType<typeof discordOnStack>>;
  const mod = { id: '830000000000000001', username: 'uploader' };
  beforeAll(async () => {
    stack = await startStack();
    discord = await discordOnStack(stack);
  }, 60_000);
  afterAll(async () => {
    await discord?.stop();
    await stack?.close();
  });

  it('GIVEN a moderator attaches hostile files THEN the preview names the problems, offers no Confirm, and nothing changes', async () => {
    const picks = ['invalid UTF-8', 'YAML alias bomb', 'custom tag !!js/function', '__proto__ key', 'slug ../../etc/passwd', 'slug CON', 'slug with a Cyrillic a', '10,000 tags', 'a single 1 MB line', 'empty'];
    let n = 0;
    for (const name of picks) {
      const input = HOSTILE[name] as string | Uint8Array;
      const file = discord.fake.serveFile('upload.md', 'placeholder');
      // Serve the exact bytes, invalid UTF-8 included.
      discord.fake.files.set(new URL(file.url).pathname, typeof input === 'string' ? enc(input) : input);
      const size = typeof input === 'string' ? enc(input).byteLength : input.byteLength;
      const id = `70000000000000${String(1000 + n++)}`;
      const resolved = { attachments: { [id]: { id, filename: 'upload.md', size, url: file.url, proxy_url: file.url, content_type: 'text/markdown' } } };
      const i = discord.fake.slashCommand('briefing-admin', [{ type: 1, name: 'add', options: [{ type: 11, name: 'file', value: id }] }], mod, { permissions: MANAGE_GUILD }, resolved);
      const answer = await discord.fake.waitFor(() => discord.fake.answersTo(i).find((r) => r.method === 'PATCH' || (r.path.endsWith('/callback') && r.body?.type === 4)), 10_000);
      const body = answer.method === 'PATCH' ? answer.body : answer.body.data;
      const text = JSON.stringify(body.embeds);
      expect(text, `${name}: ${text.slice(0, 400)}`).toMatch(/not saved|Nothing was changed|problem|too large|larger than|not valid|limit|must|cannot|unknown|reserved|slug/i);
      const buttons = (body.components ?? []).flatMap((r: { components: { label?: string }[] }) => r.components.map((c) => c.label));
      expect(buttons, name).not.toContain('Confirm');
      expect(JSON.stringify(body).length).toBeLessThan(20_000);
    }
    expect(await stack.store.audit({})).toEqual([]);
    expect(await stack.library.list()).toEqual([]);
  }, 90_000);
});

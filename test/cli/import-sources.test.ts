import { mkdtempSync, mkdirSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classify, findImportFiles, importItems, nameGroups, nameParts, type ImportItem } from '../../src/cli/import-sources.js';
import { parseDays } from '../../src/cli/parse-days.js';
import { sniffDer } from '../../src/cli/pem-blocks.js';

// Pairing works on names and PEM labels only; the blocks need not hold real certificates here.
const CERT = (n: string) => `-----BEGIN CERTIFICATE-----\nQ0VSVC${n}\n-----END CERTIFICATE-----\n`;
const KEY = (n: string) => `-----BEGIN PRIVATE KEY-----\nS0VZ${n}\n-----END PRIVATE KEY-----\n`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'certkeeper-cli-src-'));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function itemsOf(inputs: string[], password?: string): Promise<ImportItem[]> {
  const found = await findImportFiles(inputs);
  const out: ImportItem[] = [...found.problems];
  for await (const item of importItems(found.batches, { password })) out.push(item);
  return out;
}

const rel = (root: string, p?: string) => (p === undefined ? undefined : path.relative(root, p));
const describeItems = (root: string, items: ImportItem[]) =>
  items
    .map((i) => ({
      kind: i.kind,
      path: path.relative(root, i.path),
      key: i.kind === 'send' ? rel(root, i.keyPath) : undefined,
      chains: i.kind === 'send' ? i.chainPaths.map((c) => rel(root, c)) : undefined,
      code: i.kind === 'fail' ? i.code : undefined,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

describe('nameParts', () => {
  it.each([
    ['site.crt', 'site', false],
    ['site.key', 'site', false],
    ['site-key.pem', 'site', false],
    ['site.key.pem', 'site', false],
    ['site_chain.pem', 'site', true],
    ['site.ca-bundle', 'site', true],
    ['www.example.com.crt', 'www.example.com', false],
    ['www.example.com-fullchain.pem', 'www.example.com', false],
  ])('%s → stem %s, chain %s', (name, stem, chain) => {
    expect(nameParts(name)).toMatchObject({ stem, chain });
  });

  it('recognises certbot names with their number', () => {
    expect(nameParts('privkey3.pem').layout).toEqual({ role: 'key', group: '3', word: 'privkey' });
    expect(nameParts('fullchain.pem').layout).toEqual({ role: 'cert', group: '', word: 'fullchain' });
    expect(nameParts('chain.pem').layout?.role).toBe('chain');
    expect(nameParts('site.pem').layout).toBeUndefined();
  });
});

describe('nameGroups', () => {
  it('keeps together the files pairing may join (same stem, same certbot number), in first-file order', () => {
    const paths = ['d/a.crt', 'd/b.crt', 'd/cert1.pem', 'd/a.key', 'd/fullchain.pem', 'd/b-chain.pem', 'd/privkey1.pem', 'd/privkey.pem', 'd/c.p12', 'd/chain1.pem'];
    expect(nameGroups(paths)).toEqual([
      ['d/a.crt', 'd/a.key'],
      ['d/b.crt', 'd/b-chain.pem'],
      ['d/cert1.pem', 'd/privkey1.pem', 'd/chain1.pem'],
      ['d/fullchain.pem', 'd/privkey.pem'],
      ['d/c.p12'],
    ]);
  });

  it('joins groups through a shared stem or number, transitively', () => {
    // cert2.pem (number 2, stem cert2) and cert2.key (stem cert2) and privkey2.pem (number 2)
    expect(nameGroups(['x/privkey2.pem', 'x/other.crt', 'x/cert2.key', 'x/cert2.pem'])).toEqual([['x/privkey2.pem', 'x/cert2.key', 'x/cert2.pem'], ['x/other.crt']]);
  });
});

describe('importItems over a large directory', () => {
  it('pairs every certificate with its key when the directory is read group by group', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      files[`site${i}.crt`] = CERT(String(i));
      files[`site${i}.key`] = KEY(String(i));
      files[`lone${i}.pem`] = CERT(`L${i}`);
    }
    files['orphan.key'] = KEY('o');
    const root = tree(files);
    const items = await itemsOf([root]);
    const sent = items.filter((i) => i.kind === 'send');
    expect(sent).toHaveLength(600);
    for (const i of sent) {
      const name = path.basename(i.path);
      if (name.startsWith('site')) expect(i.kind === 'send' && i.keyPath).toBe(i.path.replace(/\.crt$/, '.key'));
      else expect(i.kind === 'send' && i.keyPath).toBeUndefined();
    }
    expect(items.filter((i) => i.kind === 'skip').map((i) => path.basename(i.path))).toEqual(['orphan.key']);
  });
});

describe('classify', () => {
  it('tells PEM certificates, keys and both apart, and DER by its first tags', () => {
    expect(classify('a.pem', Buffer.from(CERT('1') + KEY('1'))).type).toBe('bundle');
    expect(classify('a.txt', Buffer.from('junk\n' + CERT('1'))).type).toBe('certs');
    expect(classify('a.pem', Buffer.from(KEY('1'))).type).toBe('key');
    expect(classify('a.pem', Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nAA\n-----END CERTIFICATE REQUEST-----\n'))).toMatchObject({ type: 'none' });
    expect(classify('a.crt', Buffer.from([0x30, 0x03, 0x30, 0x01, 0x00])).type).toBe('certs');
    expect(classify('a.key', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])).type).toBe('key');
    expect(classify('a.crt', Buffer.from('not a certificate'))).toMatchObject({ type: 'none', reason: 'neither PEM nor DER' });
    expect(classify('a.bin', Buffer.from([0x30, 0x03, 0x30, 0x01, 0x00]))).toMatchObject({ type: 'none' });
    expect(classify('a.pfx', Buffer.from('whatever')).type).toBe('pkcs12');
  });

  it('sniffs DER only when the outer length matches the file', () => {
    expect(sniffDer(Buffer.from([0x30, 0x82, 0x00, 0x03, 0x30, 0x01, 0x00]))).toBe('certificate');
    expect(sniffDer(Buffer.from([0x30, 0x05, 0x30, 0x01, 0x00]))).toBe('none');
    expect(sniffDer(Buffer.from([0x31, 0x03, 0x30, 0x01, 0x00]))).toBe('none');
  });
});

describe('pairing files', () => {
  it('pairs by stem, by certbot layout, and leaves lone keys as skipped', async () => {
    const root = tree({
      'a/site.crt': CERT('a'),
      'a/site.key': KEY('a'),
      'a/other.pem': CERT('b'),
      'a/other-key.pem': KEY('b'),
      'a/third.pem': CERT('c'),
      'a/third.key.pem': KEY('c'),
      'a/third-chain.pem': CERT('ca'),
      'a/lonely.key': KEY('z'),
      'a/notes.txt': 'hello',
      'a/combined.pem': CERT('d') + CERT('dca') + KEY('d'),
      'live/example.org/cert.pem': CERT('e'),
      'live/example.org/chain.pem': CERT('eca'),
      'live/example.org/fullchain.pem': CERT('e') + CERT('eca'),
      'live/example.org/privkey.pem': KEY('e'),
      'live/example.org/README': 'certbot readme',
      'archive/example.org/cert1.pem': CERT('f1'),
      'archive/example.org/chain1.pem': CERT('fca'),
      'archive/example.org/privkey1.pem': KEY('f1'),
      'archive/example.org/cert2.pem': CERT('f2'),
      'archive/example.org/chain2.pem': CERT('fca'),
      'archive/example.org/privkey2.pem': KEY('f2'),
    });
    const items = await itemsOf([root]);
    expect(describeItems(root, items)).toEqual([
      { kind: 'send', path: 'a/combined.pem', key: undefined, chains: [], code: undefined },
      { kind: 'skip', path: 'a/lonely.key', key: undefined, chains: undefined, code: undefined },
      { kind: 'skip', path: 'a/notes.txt', key: undefined, chains: undefined, code: undefined },
      { kind: 'send', path: 'a/other.pem', key: 'a/other-key.pem', chains: [], code: undefined },
      { kind: 'send', path: 'a/site.crt', key: 'a/site.key', chains: [], code: undefined },
      { kind: 'send', path: 'a/third.pem', key: 'a/third.key.pem', chains: ['a/third-chain.pem'], code: undefined },
      { kind: 'send', path: 'archive/example.org/cert1.pem', key: 'archive/example.org/privkey1.pem', chains: ['archive/example.org/chain1.pem'], code: undefined },
      { kind: 'send', path: 'archive/example.org/cert2.pem', key: 'archive/example.org/privkey2.pem', chains: ['archive/example.org/chain2.pem'], code: undefined },
      { kind: 'skip', path: 'live/example.org/README', key: undefined, chains: undefined, code: undefined },
      { kind: 'send', path: 'live/example.org/fullchain.pem', key: 'live/example.org/privkey.pem', chains: [], code: undefined },
    ]);
    // Every file is counted once: 21 files.
    expect(items.reduce((n, i) => n + i.files.length, 0)).toBe(21);
    const combined = items.find((i) => i.path.endsWith('combined.pem'));
    expect(combined).toMatchObject({ body: { certificateBody: CERT('d') + CERT('dca'), certificatePrivateKey: KEY('d') } });
    const live = items.find((i) => i.path.endsWith('fullchain.pem'));
    expect(live).toMatchObject({ body: { certificateBody: CERT('e') + CERT('eca'), certificatePrivateKey: KEY('e') } });
    expect(live?.kind === 'send' && 'certificateChain' in live.body).toBe(false);
  });

  it('pairs files named together on the command line, and reports missing paths', async () => {
    const root = tree({ 'x/site.crt': CERT('a'), 'x/site.key': KEY('a'), 'x/unrelated.crt': CERT('u') });
    const items = await itemsOf([path.join(root, 'x/site.crt'), path.join(root, 'x/site.key'), path.join(root, 'missing.pem')]);
    expect(describeItems(root, items)).toEqual([
      { kind: 'fail', path: 'missing.pem', key: undefined, chains: undefined, code: 'file_not_found' },
      { kind: 'send', path: 'x/site.crt', key: 'x/site.key', chains: [], code: undefined },
    ]);
  });

  it('follows symbolic links to files, and survives a directory loop', async () => {
    const root = tree({ 'archive/cert1.pem': CERT('a'), 'archive/privkey1.pem': KEY('a') });
    mkdirSync(path.join(root, 'live'));
    symlinkSync(path.join(root, 'archive/cert1.pem'), path.join(root, 'live/cert.pem'));
    symlinkSync(path.join(root, 'archive/privkey1.pem'), path.join(root, 'live/privkey.pem'));
    symlinkSync(root, path.join(root, 'live/loop'));
    const items = await itemsOf([path.join(root, 'live')]);
    expect(describeItems(root, items).filter((i) => i.path.startsWith('live/') && !i.path.includes('loop'))).toEqual([
      { kind: 'send', path: 'live/cert.pem', key: 'live/privkey.pem', chains: [], code: undefined },
    ]);
  });

  it('fails files with certificate extensions whose content is not a certificate', async () => {
    const root = tree({ 'garbage.crt': Buffer.from([1, 2, 3, 4, 5]), 'garbage.pem': 'hello' });
    const items = await itemsOf([root]);
    expect(describeItems(root, items)).toEqual([
      { kind: 'fail', path: 'garbage.crt', key: undefined, chains: undefined, code: 'unrecognized_content' },
      { kind: 'fail', path: 'garbage.pem', key: undefined, chains: undefined, code: 'unrecognized_content' },
    ]);
  });
});

describe('parseDays', () => {
  it.each([
    ['30d', 30],
    ['2w', 14],
    ['45', 45],
    [' 7 days ', 7],
  ])('%s → %d', (input, days) => expect(parseDays(input)).toBe(days));
  it.each(['', 'soon', '-3', '3m', '1.5'])('rejects %j', (input) => expect(() => parseDays(input)).toThrow(/--expiring/));
});

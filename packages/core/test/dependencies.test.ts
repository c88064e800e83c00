import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectDependencies,
  Dependencies,
  integrityHashes,
  jsonSyntaxError,
  loadSoupFile,
  lockfileFormat,
  normalizePypiName,
  packageUrl,
  parsePackageLock,
  parseRequirements,
  soupItemFor,
} from '../src/dependencies';
import { ConfigurationError, InputError } from '../src/errors';

const REPO = path.resolve(__dirname, '../../..');
const PIMA = path.join(REPO, 'examples/pima-diabetes');

const sri = (alg: string, data: string) => `${alg}-${createHash(alg).update(data).digest('base64')}`;
const hex = (alg: string, data: string) => createHash(alg).update(data).digest('hex');

/** The error `fn` throws, checked to be a user error with exit code 2. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(e).toSatisfy((x) => x instanceof InputError || x instanceof ConfigurationError);
    expect((e as InputError).exitCode).toBe(2);
    return e as Error;
  }
  throw new Error('expected an error');
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'regops-deps-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const where = (field: (string | number)[]) => `regops.yml: ${field.join('.')}`;

/* ------------------------------------------------------------------ names */

describe('names and purls', () => {
  it('normalizes Python names as PEP 503 does', () => {
    expect(normalizePypiName('Scikit_Learn')).toBe('scikit-learn');
    expect(normalizePypiName('zope.interface')).toBe('zope-interface');
    expect(normalizePypiName('a__-.b')).toBe('a-b');
  });

  it('builds package URLs per the purl spec', () => {
    expect(packageUrl('npm', '@scope/util', '2.0.0')).toBe('pkg:npm/%40scope/util@2.0.0');
    expect(packageUrl('npm', 'left-pad', '1.3.0')).toBe('pkg:npm/left-pad@1.3.0');
    expect(packageUrl('pypi', 'Scikit_Learn', '1.2.1+cpu')).toBe('pkg:pypi/scikit-learn@1.2.1%2Bcpu');
    expect(packageUrl('pypi', 'zope.interface', '6.0')).toBe('pkg:pypi/zope.interface@6.0');
    expect(packageUrl('npm', '<img src=x>', '1')).toBe('pkg:npm/%3Cimg%20src%3Dx%3E@1');
  });

  it('tells lockfile formats by file name', () => {
    expect(lockfileFormat('a/package-lock.json')).toBe('package-lock');
    expect(lockfileFormat('npm-shrinkwrap.json')).toBe('package-lock');
    expect(lockfileFormat('training/requirements.txt')).toBe('requirements');
    expect(lockfileFormat('requirements-dev.TXT')).toBe('requirements');
    expect(lockfileFormat('poetry.lock')).toBeNull();
  });

  it('converts npm integrity (SRI, base64) to hex hashes', () => {
    expect(integrityHashes(`${sri('sha512', 'x')} ${sri('sha1', 'x')}`)).toEqual([
      { alg: 'SHA-512', content: hex('sha512', 'x') },
      { alg: 'SHA-1', content: hex('sha1', 'x') },
    ]);
    expect(integrityHashes('sha512-tooShort')).toBeNull();
    expect(integrityHashes('md5-AAAA')).toBeNull();
  });
});

/* ------------------------------------------------------------------ JSON */

describe('jsonSyntaxError', () => {
  it('finds the first error, whatever the Node version says', () => {
    expect(jsonSyntaxError('{"a": 1}')).toBeNull();
    expect(jsonSyntaxError('{"a": 1,}')).toEqual({
      offset: 8,
      message: 'expected a double-quoted property name, found "}"',
    });
    expect(jsonSyntaxError('{"a": tru}')).toEqual({ offset: 6, message: 'expected a value, found "t"' });
    expect(jsonSyntaxError('{"a": 1')).toEqual({
      offset: 7,
      message: "expected ',' or '}' after a property value, found the end of the file",
    });
    expect(jsonSyntaxError('[1 2]')).toEqual({
      offset: 3,
      message: "expected ',' or ']' after an array element, found \"2\"",
    });
    expect(jsonSyntaxError('{"a": "x\ny"}')?.message).toBe(
      'control character (e.g. a line break) inside a string',
    );
    expect(jsonSyntaxError('{} x')?.message).toBe('unexpected "x" after the end of the JSON value');
  });
});

/* ------------------------------------------------------------------ package-lock.json */

const LOCK = {
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': {
      name: 'app',
      version: '1.0.0',
      workspaces: ['packages/*'],
      dependencies: { 'left-pad': '^1.3.0', '@scope/util': '^2.0.0' },
      devDependencies: { tester: '^1.0.0' },
    },
    'packages/lib': { name: '@app/lib', version: '0.1.0', dependencies: { ms: '^2.1.3' } },
    'node_modules/@app/lib': { resolved: 'packages/lib', link: true },
    'node_modules/left-pad': {
      version: '1.3.0',
      resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      integrity: sri('sha512', 'left-pad'),
      license: 'WTFPL',
    },
    'node_modules/@scope/util': {
      version: '2.0.0',
      integrity: sri('sha1', 'util'),
      license: '(MIT OR Apache-2.0)',
      dependencies: { ms: '^1.0.0' },
      optionalDependencies: { fsevents: '*' },
    },
    'node_modules/@scope/util/node_modules/ms': { version: '1.0.0', license: 'MIT' },
    'node_modules/ms': { version: '2.1.3', license: { type: 'MIT', url: 'x' } },
    'node_modules/tester': { version: '1.0.0', dev: true, license: 'ISC', dependencies: { ms: '^2.0.0' } },
    'node_modules/fsevents': { version: '2.3.3', optional: true, license: 'MIT' },
    'node_modules/strip-ansi-cjs': { name: 'strip-ansi', version: '6.0.1', dev: true },
    'node_modules/gone': { version: '0.0.1', extraneous: true },
  },
};

describe('parsePackageLock', () => {
  it('lists installed packages with scope, directness, hashes, licenses and the graph', () => {
    const r = parsePackageLock(JSON.stringify(LOCK, null, 2), 'package-lock.json');
    expect(r.format).toBe('package-lock');
    expect(r.graph).toBe(true);
    const brief = r.packages.map((p) => [p.purl, p.direct, p.scope, p.license, p.depends_on]);
    expect(brief).toEqual([
      [
        'pkg:npm/%40scope/util@2.0.0',
        true,
        'required',
        '(MIT OR Apache-2.0)',
        ['pkg:npm/fsevents@2.3.3', 'pkg:npm/ms@1.0.0'],
      ],
      ['pkg:npm/fsevents@2.3.3', false, 'optional', 'MIT', []],
      ['pkg:npm/left-pad@1.3.0', true, 'required', 'WTFPL', []],
      // Declared by the workspace packages/lib: direct.
      ['pkg:npm/ms@1.0.0', false, 'required', 'MIT', []],
      ['pkg:npm/ms@2.1.3', true, 'required', 'MIT', []],
      // An alias (strip-ansi-cjs → strip-ansi) under the package's real name.
      ['pkg:npm/strip-ansi@6.0.1', false, 'dev', null, []],
      ['pkg:npm/tester@1.0.0', true, 'dev', 'ISC', ['pkg:npm/ms@2.1.3']],
    ]);
    const leftPad = r.packages.find((p) => p.name === 'left-pad');
    expect(leftPad).toMatchObject({
      ecosystem: 'npm',
      version: '1.3.0',
      hashes: [{ alg: 'SHA-512', content: hex('sha512', 'left-pad') }],
      resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      markers: null,
    });
    expect(r.packages.find((p) => p.name === '@scope/util')?.hashes).toEqual([
      { alg: 'SHA-1', content: hex('sha1', 'util') },
    ]);
  });

  it("reads this repository's own lockfile", () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const r = parsePackageLock(
      readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'),
      'package-lock.json',
    );
    const zod = r.packages.find((p) => p.name === 'zod' && p.direct);
    expect(zod).toMatchObject({ direct: true, scope: 'required', license: 'MIT' });
    expect(zod?.hashes[0]?.alg).toBe('SHA-512');
    expect(r.packages.some((p) => p.name.startsWith('@regops/'))).toBe(false);
    expect(() =>
      Dependencies.parse({ lockfiles: [{ path: 'package-lock.json', ...r }], soup: null }),
    ).not.toThrow();
  });

  it('names file, line and column of a JSON syntax error', () => {
    const text =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0", }\n  }\n}\n';
    expect(thrown(() => parsePackageLock(text, 'web/package-lock.json')).message).toBe(
      'web/package-lock.json:4:45: not valid JSON: expected a double-quoted property name, found "}"',
    );
    expect(thrown(() => parsePackageLock('', 'package-lock.json')).message).toBe(
      'package-lock.json:1:1: not valid JSON: expected a value, found the end of the file',
    );
  });

  it('rejects lockfile version 1 with what to do', () => {
    const text = '{\n  "name": "app",\n  "lockfileVersion": 1,\n  "dependencies": {}\n}\n';
    expect(thrown(() => parsePackageLock(text, 'package-lock.json')).message).toBe(
      'package-lock.json:3:22: lockfileVersion 1 has no "packages" map (npm 6 and older); regenerate it with npm 7 or later (npm install --package-lock-only)',
    );
  });

  it('names the place of a structural problem', () => {
    const text =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": 1 }\n  }\n}\n';
    const e = thrown(() => parsePackageLock(text, 'package-lock.json')) as ConfigurationError;
    expect(e.problems).toEqual([
      'package-lock.json:4:36: packages.node_modules/a.version: expected string, got 1',
    ]);
    const noVersion = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {}\n  }\n}\n';
    expect(thrown(() => parsePackageLock(noVersion, 'package-lock.json')).message).toBe(
      'package-lock.json:4:23: packages["node_modules/a"] has no version; regenerate the lockfile (npm install --package-lock-only)',
    );
    const badSri =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0", "integrity": "sha512-xyz" }\n  }\n}\n';
    expect(thrown(() => parsePackageLock(badSri, 'package-lock.json')).message).toBe(
      'package-lock.json:4:58: packages["node_modules/a"].integrity is not a Subresource Integrity hash (sha512-<base64>): "sha512-xyz"',
    );
  });
});

/* ------------------------------------------------------------------ requirements.txt */

const H1 = 'a'.repeat(64);
const H2 = `${'0123456789ABCDEF'.repeat(4)}`;

describe('parseRequirements', () => {
  it('reads pins with hashes, continuations, comments, extras, markers and options', () => {
    const text = [
      '# training environment',
      '--index-url https://pypi.org/simple',
      '',
      'numpy==1.24.2 \\',
      `    --hash=sha256:${H1} \\`,
      `    --hash sha256:${H2}`,
      'Scikit_Learn[alldeps]==1.2.1 ; python_version >= "3.8"  # fitted with it',
      '-e .',
      'pandas === 1.5.3',
      'numpy==1.24.2 ; sys_platform == "linux"',
    ].join('\n');
    const r = parseRequirements(text, 'requirements.txt');
    expect(r).toEqual({
      format: 'requirements',
      graph: false,
      packages: [
        {
          ecosystem: 'pypi',
          name: 'numpy',
          version: '1.24.2',
          purl: 'pkg:pypi/numpy@1.24.2',
          direct: true,
          scope: 'required',
          hashes: [
            { alg: 'SHA-256', content: H2.toLowerCase() },
            { alg: 'SHA-256', content: H1 },
          ],
          license: null,
          resolved: null,
          markers: null,
          depends_on: [],
        },
        expect.objectContaining({
          name: 'pandas',
          version: '1.5.3',
          purl: 'pkg:pypi/pandas@1.5.3',
          markers: null,
        }),
        expect.objectContaining({
          name: 'Scikit_Learn',
          version: '1.2.1',
          purl: 'pkg:pypi/scikit-learn@1.2.1',
          markers: 'python_version >= "3.8"',
          hashes: [],
        }),
      ],
    });
  });

  it("takes direct/transitive and the graph from pip-compile's `# via` annotations", () => {
    const text = [
      '#',
      '# This file is autogenerated by pip-compile with Python 3.11',
      '#',
      'joblib==1.2.0',
      '    # via scikit-learn',
      'numpy==1.24.2',
      '    # via',
      '    #   pandas',
      '    #   scikit-learn',
      'pandas==1.5.3',
      '    # via -r requirements.in',
      'scikit-learn==1.2.1',
      '    # via',
      '    #   -r requirements.in',
      '    #   other',
      'threadpoolctl==3.1.0  # via scikit-learn',
    ].join('\n');
    const r = parseRequirements(text, 'requirements.txt');
    expect(r.graph).toBe(true);
    expect(r.packages.map((p) => [p.name, p.direct, p.depends_on])).toEqual([
      ['joblib', false, []],
      ['numpy', false, []],
      ['pandas', true, ['pkg:pypi/numpy@1.24.2']],
      [
        'scikit-learn',
        true,
        ['pkg:pypi/joblib@1.2.0', 'pkg:pypi/numpy@1.24.2', 'pkg:pypi/threadpoolctl@3.1.0'],
      ],
      ['threadpoolctl', false, []],
    ]);
  });

  it('rejects an unpinned requirement, naming file and line and how to pin it', () => {
    const msg = (text: string) => thrown(() => parseRequirements(text, 'training/requirements.txt')).message;
    expect(msg('numpy==1.24.2\nscipy>=1.10\n')).toBe(
      'training/requirements.txt:2: "scipy>=1.10" is not pinned; pin an exact version (scipy==<version>), e.g. with pip freeze or pip-compile, so the SBOM names the release that was used',
    );
    expect(msg('# x\nscipy\n')).toBe(
      'training/requirements.txt:2: "scipy" is not pinned; pin an exact version (scipy==<version>), e.g. with pip freeze or pip-compile, so the SBOM names the release that was used',
    );
    expect(msg('scipy==1.*')).toMatch(/^training\/requirements\.txt:1: "scipy==1\.\*" is not pinned/);
    expect(msg('scipy==1.10,<2')).toMatch(/^training\/requirements\.txt:1: "scipy==1\.10,<2" is not pinned/);
    // A continued line is reported at its first line.
    expect(msg(`numpy==1.24.2\nscipy>=1.10 \\\n    --hash=sha256:${H1}\n`)).toMatch(
      /^training\/requirements\.txt:2: "scipy>=1\.10" is not pinned/,
    );
    expect(msg('torch @ https://download.pytorch.org/whl/torch-2.0.0.whl')).toBe(
      'training/requirements.txt:1: "torch @ https://download.pytorch.org/whl/torch-2.0.0.whl" is a direct URL reference without a version; pin it as torch==<version> (with --hash) so the SBOM can name the release',
    );
    expect(msg('\n\nhttps://example.org/pkg-1.0.whl')).toBe(
      'training/requirements.txt:3: "https://example.org/pkg-1.0.whl" is not a requirement of the form name==version; pin every package (pip freeze or pip-compile write such a file)',
    );
    expect(msg('-e git+https://github.com/x/y.git#egg=y')).toBe(
      'training/requirements.txt:1: "-e git+https://github.com/x/y.git#egg=y" is an editable install from a repository or URL, which has no released version; pin it as name==version',
    );
  });

  it('rejects bad hashes and includes of unlisted files', () => {
    const msg = (text: string) => thrown(() => parseRequirements(text, 'requirements.txt')).message;
    expect(msg('numpy==1.24.2 --hash=sha256:abc')).toBe(
      'requirements.txt:1: --hash=sha256:abc: a sha256 digest is 64 hex digits',
    );
    expect(msg(`numpy==1.24.2 --hash=md5:${'a'.repeat(32)}`)).toBe(
      `requirements.txt:1: --hash=md5:${'a'.repeat(32)}: expected sha256:, sha384: or sha512: followed by the hex digest`,
    );
    expect(msg('-r base.txt\nnumpy==1.24.2')).toBe(
      'requirements.txt:1: "-r base.txt" includes a requirements file that is not in sbom.lockfiles; add it there so that its packages are listed and the file is hashed',
    );
    const ok = parseRequirements('-r base.txt\nnumpy==1.24.2', 'requirements.txt', { included: () => true });
    expect(ok.packages.map((p) => p.name)).toEqual(['numpy']);
  });
});

/* ------------------------------------------------------------------ SOUP file and collecting */

describe('SOUP metadata', () => {
  it('validates with file:line:col and suggestions', () => {
    const dir = tempDir({
      'soup.yml':
        'soup:\n  numpy:\n    supplier: NumPy Developers\n    risk: low\n    risk_levl: low\n  pandas:\n    risk_level: moderate\n',
    });
    const e = thrown(() => loadSoupFile(dir, 'soup.yml')) as ConfigurationError;
    expect(e.problems.map((p) => p.replace(/^.*soup\.yml/, 'soup.yml'))).toEqual([
      'soup.yml:4:5: soup.numpy.risk: unknown key `risk`; known keys here: supplier, license, purpose, risk_level, requirements, known_anomalies, verification',
      'soup.yml:5:5: soup.numpy.risk_levl: unknown key `risk_levl`; did you mean `risk_level`?',
      'soup.yml:7:17: soup.pandas.risk_level: expected one of "low", "medium", "high", got "moderate"',
    ]);
  });

  it('matches Python names as pip does', () => {
    const items = { scikit_learn: { purpose: 'fit' } };
    expect(soupItemFor(items, { ecosystem: 'pypi', name: 'Scikit-Learn' })).toEqual({ purpose: 'fit' });
    expect(soupItemFor(items, { ecosystem: 'npm', name: 'scikit-learn' })).toBeUndefined();
    expect(soupItemFor(null, { ecosystem: 'npm', name: 'x' })).toBeUndefined();
  });

  it('collects the Pima example: pins from the training lockfile, every one documented', () => {
    const deps = collectDependencies(
      PIMA,
      { lockfiles: ['training/requirements.txt'], soup: 'soup.yml' },
      where,
    );
    expect(Dependencies.parse(deps)).toEqual(deps);
    expect(deps.lockfiles.map((l) => [l.path, l.format, l.graph])).toEqual([
      ['training/requirements.txt', 'requirements', false],
    ]);
    expect(deps.lockfiles[0]?.packages.map((p) => `${p.name}==${p.version}`)).toEqual([
      'numpy==1.24.2',
      'onnx==1.12.0',
      'pandas==1.5.3',
      'scikit-learn==1.2.1',
    ]);
    expect(deps.soup?.path).toBe('soup.yml');
    for (const p of deps.lockfiles[0]?.packages ?? []) {
      const item = soupItemFor(deps.soup?.items, p);
      expect(item, p.name).toBeDefined();
      expect(item?.risk_level, p.name).toMatch(/^(low|medium|high)$/);
    }
  });

  it('rejects a SOUP entry that names no dependency, with a suggestion', () => {
    const dir = tempDir({
      'requirements.txt': 'scikit-learn==1.2.1\nnumpy==1.24.2\n',
      'soup.yml': 'soup:\n  numpy: {}\n  scikit-lern:\n    risk_level: low\n',
    });
    const e = thrown(() =>
      collectDependencies(dir, { lockfiles: ['requirements.txt'], soup: 'soup.yml' }, where),
    ) as ConfigurationError;
    expect(e.problems.map((p) => p.replace(/^.*soup\.yml/, 'soup.yml'))).toEqual([
      'soup.yml:3:3: soup.scikit-lern: no dependency of that name in the lockfiles (requirements.txt); did you mean "scikit-learn"?',
    ]);
  });

  it('names the config field of a missing or unsupported lockfile', () => {
    const dir = tempDir({ 'poetry.lock': '' });
    const missing = thrown(() => collectDependencies(dir, { lockfiles: ['requirements.txt'] }, where));
    expect(missing).toBeInstanceOf(InputError);
    expect(missing.message).toMatch(
      /^regops\.yml: sbom\.lockfiles\.0: file not found: requirements\.txt \(looked in /,
    );
    expect(thrown(() => collectDependencies(dir, { lockfiles: ['poetry.lock'] }, where)).message).toBe(
      'regops.yml: sbom.lockfiles.0: poetry.lock is not a lockfile RegOps reads; use package-lock.json (or npm-shrinkwrap.json) or a pinned requirements .txt file',
    );
  });

  it('follows -r only to files that are listed themselves', () => {
    const dir = tempDir({
      'requirements/base.txt': 'numpy==1.24.2\n',
      'requirements/train.txt': '-r base.txt\nscikit-learn==1.2.1\n',
    });
    const deps = collectDependencies(
      dir,
      { lockfiles: ['requirements/train.txt', 'requirements/base.txt'] },
      where,
    );
    expect(deps.lockfiles.map((l) => [l.path, l.packages.map((p) => p.name)])).toEqual([
      ['requirements/train.txt', ['scikit-learn']],
      ['requirements/base.txt', ['numpy']],
    ]);
    expect(deps.soup).toBeNull();
  });
});

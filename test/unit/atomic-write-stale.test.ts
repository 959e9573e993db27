// A write killed before its rename (SIGKILL) leaves its `.kumoscan-tmp` file; the next write into the same folder
// removes those of its own naming whose process is gone or that are older than an hour, and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('the next write removes stale temporary files of its naming (dead process, or older than an hour), and keeps the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-stale-tmp-'));
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const files = {
    deadProcess: `.report.json.${deadPid()}-0badc0de.kumoscan-tmp`,
    oldLiveProcess: `.report.json.${process.ppid}-00c0ffee.kumoscan-tmp`,
    freshLiveProcess: `.report.json.${process.ppid}-0000beef.kumoscan-tmp`,
    otherFolderFile: `.other.snap.${deadPid()}-12345678.kumoscan-tmp`,
    notOurNaming: `.report.json.kumoscan-tmp`,
    userFile: 'notes.txt',
  };
  for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
  utimesSync(join(dir, files.oldLiveProcess), twoHoursAgo, twoHoursAgo);
  // A folder and a symbolic link with the naming are not regular files: left alone.
  const folder = `.d.${deadPid()}-aaaaaaaa.kumoscan-tmp`;
  mkdirSync(join(dir, folder));
  const link = `.l.${deadPid()}-bbbbbbbb.kumoscan-tmp`;
  symlinkSync(join(dir, 'notes.txt'), join(dir, link));

  await writeFileAtomic(join(dir, 'report.json'), '{"ok":true}\n');

  assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), '{"ok":true}\n');
  assert.equal(existsSync(join(dir, files.deadProcess)), false, 'a dead process');
  assert.equal(existsSync(join(dir, files.oldLiveProcess)), false, 'older than an hour');
  assert.equal(existsSync(join(dir, files.otherFolderFile)), false, 'any target name of the folder');
  assert.deepEqual(readdirSync(dir).sort(), [files.freshLiveProcess, files.notOurNaming, folder, link, 'notes.txt', 'report.json'].sort());
});

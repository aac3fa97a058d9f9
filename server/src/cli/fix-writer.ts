// Reading a source file for linting and writing `--fix` output back without ever losing code:
// - the BOM is taken off before linting (columns are counted as editors count them) and put back;
// - line endings are kept: the engine keeps them, and in a CRLF-only file any line break a fix
//   inserted as a bare LF is written as CRLF;
// - the new text goes to a temporary file in the same folder (same file system, so the rename is
//   atomic), with the original's permission bits, flushed to disk, then renamed over the original;
// - right before the rename the original is checked again (mtime, size, SHA-256 of the content):
//   if it changed since it was read (an editor saved it, a formatter ran), the temporary file is
//   removed, nothing is written, and the caller reports it;
// - a symbolic link is resolved first, so the link stays a link and its target is updated;
// - a read-only file (no write bit for anyone) is left alone, although the rename would succeed.
// The remaining window between that check and rename(2) is a few system calls; POSIX offers no way to
// close it without locks that editors do not take.

import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

export interface SourceSnapshot {
  /** The path written to (symbolic links resolved). */
  realPath: string;
  mtimeMs: number;
  size: number;
  /** Permission bits (st_mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  sha256: string;
}

export interface SourceText {
  /** The text to lint: UTF-8 decoded, BOM removed. */
  text: string;
  bom: boolean;
  snapshot: SourceSnapshot;
  /** The bytes as read. */
  bytes: Buffer;
}

const BOM = '\uFEFF';

export function hashBuffer(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** Reads a file for linting. Throws the fs error (ENOENT, EACCES, EISDIR...) for the caller to report. */
export function readSource(filePath: string, withSnapshot: boolean): SourceText {
  const buf = fs.readFileSync(filePath);
  let text = buf.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  let snapshot: SourceSnapshot;
  if (withSnapshot) {
    const realPath = fs.realpathSync(filePath);
    const st = fs.statSync(realPath);
    snapshot = {
      realPath,
      mtimeMs: st.mtimeMs,
      size: st.size,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      sha256: hashBuffer(buf),
    };
    // The stat must describe the bytes we read: if the size disagrees the file changed in between;
    // re-read once so the snapshot and text agree.
    if (st.size !== buf.length) return readSource(filePath, withSnapshot);
  } else {
    snapshot = { realPath: filePath, mtimeMs: 0, size: buf.length, mode: 0, uid: -1, gid: -1, sha256: '' };
  }
  return { text, bom, snapshot, bytes: buf };
}

/** Fixed text with the original's line endings: in a CRLF-only file, a bare LF a fix inserted becomes CRLF. */
export function keepLineEndings(original: string, fixed: string): string {
  if (original.includes('\r\n') && !/(^|[^\r])\n/.test(original)) return fixed.replace(/\r?\n/g, '\r\n');
  return fixed;
}

/** The bytes to write for fixed text: BOM restored, line endings kept as the original had them. */
export function encodeOutput(original: string, fixed: string, bom: boolean): Buffer {
  const text = keepLineEndings(original, fixed);
  return Buffer.from(bom ? BOM + text : text, 'utf8');
}

export type WriteOutcome =
  | { ok: true }
  | { ok: false; reason: 'changed' | 'error'; message: string };

export interface WriteHooks {
  /** Runs after the temporary file is complete and before the original is re-checked (tests). */
  beforeCommit?: (tempPath: string) => void;
}

/**
 * Atomically replaces `displayPath` (whose content was read as `snapshot`) with `data`, unless the
 * file changed on disk since. Never throws for file-system problems: they come back as an outcome.
 */
export function writeFixedFile(displayPath: string, snapshot: SourceSnapshot, data: Buffer, hooks?: WriteHooks): WriteOutcome {
  const target = snapshot.realPath;
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.rnnlint-${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`);
  // rename(2) only needs the folder to be writable; a file nobody may write stays as it is.
  if (snapshot.mode && (snapshot.mode & 0o222) === 0) {
    return { ok: false, reason: 'error', message: `${displayPath} is read-only; fixes not written` };
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', snapshot.mode || 0o644);
    fs.writeSync(fd, data, 0, data.length, 0);
    // open(2)'s mode is filtered by the umask: set the original's bits exactly.
    if (snapshot.mode) fs.fchmodSync(fd, snapshot.mode);
    if (typeof process.getuid === 'function' && snapshot.uid >= 0 && (snapshot.uid !== process.getuid() || snapshot.gid !== process.getgid?.())) {
      try {
        fs.fchownSync(fd, snapshot.uid, snapshot.gid);
      } catch {
        /* only root may give a file away; the content is what matters */
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;

    hooks?.beforeCommit?.(tmp);

    const changed = changedSince(target, snapshot);
    if (changed) {
      safeUnlink(tmp);
      return {
        ok: false,
        reason: 'changed',
        message: `${displayPath} changed on disk while it was being fixed (${changed}); fixes not written, run rnnlint --fix again`,
      };
    }
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    safeUnlink(tmp);
    return { ok: false, reason: 'error', message: `cannot write fixes to ${displayPath}: ${(e as Error).message}` };
  }
}

/** Why the file no longer matches the snapshot, or '' when it still does. */
function changedSince(target: string, snapshot: SourceSnapshot): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    return 'it was removed';
  }
  if (st.size !== snapshot.size) return 'its size changed';
  if (st.mtimeMs !== snapshot.mtimeMs) return 'its modification time changed';
  let now: Buffer;
  try {
    now = fs.readFileSync(target);
  } catch {
    return 'it can no longer be read';
  }
  if (hashBuffer(now) !== snapshot.sha256) return 'its content changed';
  return '';
}

function safeUnlink(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* gone already */
  }
}

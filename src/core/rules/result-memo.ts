/**
 * Remembers which manifests a manifest rule found nothing in, by what it read to decide so.
 *
 * The thousands of InferenceServices of an app render manifests that differ in a few values (a name, a
 * storage URI). A manifest rule's check is a pure function of its subject, so a check that read none of
 * the values that differ finds on the next manifest what it found on the first. The first time a rule
 * runs on a subject, it runs on a read-only view of the manifest that records every read: each value,
 * each `in` test and each list of keys, with the object it came from. When it finds nothing, that record
 * is kept. The next time, the record is replayed against the new manifest: when every read gives what it
 * gave then, the rule would run exactly as it ran then, so it finds nothing again and is not run.
 *
 * Only what is certain is remembered:
 * - the subject is one manifest on its own (`app` is that manifest alone, no lint assumptions, no facts
 *   other than the runtime), and the remembered runs had the same target and runtime objects;
 * - a run that found something, threw, or did anything the view does not record (a write, an accessor,
 *   a value that is not plain data) is not remembered. Its findings stand when their values are not
 *   objects (strings and numbers read through the view are the manifest's own); otherwise, and after an
 *   exception or an unrecorded step, the rule runs again on the manifest itself and that run answers;
 * - a record is kept only up to {@link MAX_READS} reads, so that replaying it costs much less than the
 *   check; a rule whose records keep failing (one that reads the name, say) stops being recorded for
 *   that target and runtime, and just runs.
 *
 * The rules of one list that keep replaying their records are then recorded together, in one run on one
 * view ({@link rememberGroup}): the next manifest replays that one record, whose reads the rules share,
 * instead of one record per rule ({@link coveredRules}). The same conditions hold for it.
 *
 * `test/rules/result-memo.test.ts` proves it: on every lint corpus manifest and seeded random changes
 * of them, each manifest rule gives through the memo exactly what it gives when run.
 */
import type { Finding, ManifestSubject, Rule } from "./registry";
import { getOrInsert } from "../maps";

/** How many reads a record may hold (a check that reads more runs each time). */
export const MAX_READS = 160;
/** How many records a rule keeps per target and runtime (the few shapes of an app's manifests). */
const MAX_RECORDS = 4;
/** How many more failed replays than successful ones before a rule stops being recorded. */
const MAX_EXTRA_MISSES = 3;
/** How many reads a group's record may hold (the rules of a list share most of theirs). */
export const MAX_GROUP_READS = 4 * MAX_READS;

/** What a read saw where there was no own property. */
const ABSENT = Symbol("absent");
/** What a read saw where there was an array (its members are reads of their own). */
const ARRAY = Symbol("array");
/** What a read saw where there was a plain object. */
const OBJECT = Symbol("object");

/** The kinds of reads. */
const VALUE = 0;
const HAS = 1;
const KEYS = 2;

/** One read: of `key` of the object an earlier read gave (`from`: its index, or -1 for the manifest). */
interface Read {
  readonly from: number;
  readonly op: typeof VALUE | typeof HAS | typeof KEYS;
  readonly key: PropertyKey;
  /** The value (a primitive, {@link ABSENT}, {@link ARRAY} or {@link OBJECT}), the result of `in`, or the keys. */
  readonly seen: unknown;
}

/** What one rule, or one list of rules as a group, remembers for one target and runtime. */
interface Memo<R> {
  readonly records: R[];
  /** How many times a record replayed. */
  hits: number;
  /** How many times none did (the rule was run, or the group's rules one by one), or a group run kept nothing. */
  misses: number;
  /** Whether recording has stopped (the rule just runs; the group is not tried). */
  off: boolean;
}

/** What one rule remembers: the reads of each record. */
type RuleMemo = Memo<readonly Read[]>;

function newMemo<R>(): Memo<R> {
  return { records: [], hits: 0, misses: 0, off: false };
}

/** The record of `memo` that replays on `manifest` (counted as a hit), if one does. */
function replayedRecord<R>(memo: Memo<R>, manifest: object, readsOf: (record: R) => readonly Read[]): R | undefined {
  for (const record of memo.records) {
    if (replays(readsOf(record), manifest)) {
      memo.hits++;
      return record;
    }
  }
  return undefined;
}

/** Counts a miss of `memo`; with too many more misses than hits, recording stops and the records go. Returns whether it stopped. */
function countMiss<R>(memo: Memo<R>): boolean {
  if (++memo.misses <= memo.hits + MAX_EXTRA_MISSES) return false;
  memo.off = true;
  memo.records.length = 0;
  return true;
}

/** Keeps `record` in `memo`, dropping the oldest beyond {@link MAX_RECORDS}. */
function keep<R>(memo: Memo<R>, record: R): void {
  if (memo.records.length >= MAX_RECORDS) memo.records.shift();
  memo.records.push(record);
}

/** The memos of the rules for one target and runtime. */
export type RuleMemos = Map<Rule<ManifestSubject>, RuleMemo>;

/** One record of a group: the rules of a list that found nothing in one run, and what they read together. */
interface GroupRecord {
  readonly reads: readonly Read[];
  readonly members: ReadonlySet<Rule<ManifestSubject>>;
}

/** What one list of rules remembers for one target and runtime, as a group (counted like a rule's memo). */
type GroupMemo = Memo<GroupRecord>;

/** The group memos of each rule list, per set of rule memos (so per target and runtime). */
const groupsByMemos = new WeakMap<RuleMemos, Map<readonly object[], GroupMemo>>();

/** The group memo of `list` among `memos`. */
function groupOf(list: readonly object[], memos: RuleMemos): GroupMemo {
  const groups = getOrInsert(groupsByMemos, memos, () => new Map<readonly object[], GroupMemo>());
  return getOrInsert(groups, list, (): GroupMemo => newMemo());
}

/**
 * The rules of `list` known to find nothing in `subject` from a group record that replays on it, or
 * undefined when none does (the rules then run, or replay, one by one).
 */
export function coveredRules(list: readonly object[], subject: ManifestSubject, memos: RuleMemos): ReadonlySet<Rule<ManifestSubject>> | undefined {
  const group = groupOf(list, memos);
  if (group.off || group.records.length === 0) return undefined;
  const record = replayedRecord(group, subject.manifest, (r) => r.reads);
  if (record === undefined) countMiss(group);
  return record?.members;
}

/**
 * After the rules of `list` ran on `subject` one by one (none of them covered by a group record): those
 * that `replayed` their own records on it are run again together on one recording view, and when none
 * finds anything, what they read together is kept as a group record (see {@link coveredRules}). A group
 * run that keeps nothing counts as a miss of the group, like a record that does not replay.
 */
export function rememberGroup(list: readonly object[], replayed: readonly Rule<ManifestSubject>[], subject: ManifestSubject, memos: RuleMemos): void {
  const group = groupOf(list, memos);
  if (group.off || replayed.length < 2) return;
  const recorder = new Recorder(MAX_GROUP_READS);
  const manifest = recorder.view(subject.manifest, -1) as ManifestSubject["manifest"];
  const viewed: ManifestSubject = { ...subject, manifest, app: [manifest] };
  if (replayed.every((rule) => findsNothing(rule, viewed) && !recorder.spoiled)) keep(group, { reads: recorder.reads, members: new Set(replayed) });
  else countMiss(group);
}

/** Whether `rule` finds nothing in `subject` and does not throw. */
function findsNothing(rule: Rule<ManifestSubject>, subject: ManifestSubject): boolean {
  try {
    return rule.check(subject).length === 0;
  } catch {
    return false;
  }
}

const NO_RUNTIME = {};
const memosByTarget = new WeakMap<object, WeakMap<object, RuleMemos>>();

/** The memos a subject's rules use, or undefined when what they found cannot be remembered for it. */
export function memosFor(subject: ManifestSubject): RuleMemos | undefined {
  const { manifest, app, known } = subject;
  if (subject.lint !== undefined || app.length !== 1 || app[0] !== manifest || seenOf(manifest) !== OBJECT) return undefined;
  if (known !== undefined) for (const key of Object.keys(known)) if (key !== "runtime") return undefined;
  const byRuntime = getOrInsert(memosByTarget, subject.target, () => new WeakMap<object, RuleMemos>());
  return getOrInsert(byRuntime, known?.runtime ?? NO_RUNTIME, (): RuleMemos => new Map());
}

/** What `rule` finds in `subject`: nothing ({@link REPLAYED}) when a record of an earlier run replays, else what it finds when run. */
export function checkRemembered(rule: Rule<ManifestSubject>, subject: ManifestSubject, memos: RuleMemos): readonly Finding[] {
  const memo = getOrInsert(memos, rule, (): RuleMemo => newMemo());
  if (memo.off) return rule.check(subject);
  if (replayedRecord(memo, subject.manifest, (r) => r) !== undefined) return REPLAYED;
  if (countMiss(memo)) return rule.check(subject);
  const recorder = new Recorder(MAX_READS);
  const manifest = recorder.view(subject.manifest, -1) as ManifestSubject["manifest"];
  let found: readonly Finding[] | undefined;
  try {
    found = rule.check({ ...subject, manifest, app: [manifest] });
  } catch {
    recorder.spoiled = true;
  }
  // an exception, an unrecorded step, or a finding whose value is an object (it may be a view): the rule's own run answers
  if (recorder.spoiled || found === undefined) return rule.check(subject);
  if (found.length > 0) return found.some((f) => f.value !== null && typeof f.value === "object") ? rule.check(subject) : found;
  keep(memo, recorder.reads);
  return NONE;
}

const NONE: readonly Finding[] = Object.freeze([]);

/** What {@link checkRemembered} returns when a record replayed (nothing found; the rule did not run). */
export const REPLAYED: readonly Finding[] = Object.freeze([]);

/** What a read of a value saw: the primitive itself, or the kind of object. */
function seenOf(value: unknown): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
  if (Array.isArray(value)) return ARRAY;
  return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype ? OBJECT : undefined;
}

/** Whether every read of `record` gives, on `manifest`, what it gave when recorded. */
function replays(record: readonly Read[], manifest: object): boolean {
  const objects: object[] = new Array<object>(record.length);
  for (let i = 0; i < record.length; i++) {
    const read = record[i] as Read;
    const from = read.from < 0 ? manifest : (objects[read.from] as object);
    if (read.op === VALUE) {
      if (!Object.prototype.hasOwnProperty.call(from, read.key)) {
        if (read.seen !== ABSENT) return false;
        continue;
      }
      const value = (from as Record<PropertyKey, unknown>)[read.key];
      if (read.seen === ARRAY || read.seen === OBJECT) {
        if (value === null || typeof value !== "object" || seenOf(value) !== read.seen) return false;
        objects[i] = value;
      } else if (!Object.is(value, read.seen)) return false;
    } else if (read.op === HAS) {
      if (read.key in from !== read.seen) return false;
    } else {
      const keys = Reflect.ownKeys(from);
      const seen = read.seen as readonly PropertyKey[];
      if (keys.length !== seen.length) return false;
      for (let k = 0; k < keys.length; k++) if (keys[k] !== seen[k]) return false;
    }
  }
  return true;
}

/** Records the reads of one run of a rule, through read-only views of the manifest. */
class Recorder {
  /** The reads, in the order they happened (an object's read comes before the reads of its members). */
  readonly reads: Read[] = [];
  /** Whether the run did something the reads do not capture (the record is then not kept). */
  spoiled = false;

  /** @param limit how many reads the record may hold (beyond that it is spoiled). */
  constructor(private readonly limit: number) {}

  private add(from: number, op: Read["op"], key: PropertyKey, seen: unknown): number {
    if (this.reads.length >= this.limit) {
      this.spoiled = true;
      return -2;
    }
    this.reads.push({ from, op, key, seen });
    return this.reads.length - 1;
  }

  /**
   * A view of `target` (the object read `id` gave) that records each read. The proxy's own target is an
   * empty stand-in of the same kind, so that the proxy invariants hold for frozen manifests too; the
   * same member read twice gives the same view, so that identities within the manifest hold.
   */
  view(target: object, id: number): object {
    const children = new Map<PropertyKey, object>();
    const valuesRead = new Set<PropertyKey>();
    const hasRead = new Set<PropertyKey>();
    let keysRead = false;
    const isArray = Array.isArray(target);
    const own = target as Record<PropertyKey, unknown>;
    const read = (key: PropertyKey): unknown => {
      const value = own[key];
      const seen = seenOf(value);
      if (seen === ARRAY || seen === OBJECT) {
        let child = children.get(key);
        if (child === undefined) {
          child = this.view(value as object, this.add(id, VALUE, key, seen));
          children.set(key, child);
        }
        return child;
      }
      if (seen === undefined && value !== undefined) {
        // a function or an object of a class: not plain data, so not recorded
        this.spoiled = true;
        return value;
      }
      if (!valuesRead.has(key)) {
        valuesRead.add(key);
        this.add(id, VALUE, key, value);
      }
      return value;
    };
    const isOwn = (key: PropertyKey): boolean => {
      if (Object.prototype.hasOwnProperty.call(target, key)) {
        const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
        if (descriptor.get !== undefined || descriptor.set !== undefined) this.spoiled = true;
        return true;
      }
      if (!valuesRead.has(key)) {
        valuesRead.add(key);
        this.add(id, VALUE, key, ABSENT);
      }
      return false;
    };
    const refuse = (): never => {
      this.spoiled = true;
      throw new TypeError("a manifest rule may not change the manifest it checks");
    };
    if (!Object.isExtensible(target)) this.spoiled = true;
    return new Proxy(isArray ? [] : {}, {
      get: (_stand, key) => (isOwn(key) ? read(key) : (Reflect.get(target, key, target) as unknown)),
      has: (_stand, key) => {
        const found = key in target;
        if (!hasRead.has(key)) {
          hasRead.add(key);
          this.add(id, HAS, key, found);
        }
        return found;
      },
      ownKeys: () => {
        const keys = Reflect.ownKeys(target);
        if (!keysRead) {
          keysRead = true;
          this.add(id, KEYS, "", keys.slice());
        }
        return keys;
      },
      getOwnPropertyDescriptor: (_stand, key) => {
        if (!isOwn(key)) return undefined;
        const descriptor = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
        // an array's length is the one property the stand-in has itself: it must be reported as the stand-in has it
        const fixed = isArray && key === "length";
        return { value: read(key), writable: true, enumerable: descriptor.enumerable ?? true, configurable: !fixed };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(target),
      set: refuse,
      defineProperty: refuse,
      deleteProperty: refuse,
      setPrototypeOf: refuse,
      preventExtensions: refuse,
    });
  }
}

import { describe, expect, it } from 'vitest';
import { slaTargetStateSchema } from '@/lib/model';
import { evaluateSla, type SlaEvent } from '@/lib/sla/evaluate';
import { hoursOn, MONDAY_TO_FRIDAY, policy } from './helpers';

// Monday 2026-03-02, UTC.
const at = (time: string) => `2026-03-02T${time}:00.000Z`;
const inbound = (time: string): SlaEvent => ({ type: 'inbound', at: at(time) });
const outbound = (time: string, autoAck?: boolean): SlaEvent => ({ type: 'outbound', at: at(time), ...(autoAck ? { autoAck } : {}) });
const resolved = (time: string): SlaEvent => ({ type: 'resolved', at: at(time) });
const reopened = (time: string): SlaEvent => ({ type: 'reopened', at: at(time) });

const firstResponseOnly = policy({ targets: { firstResponseMinutes: 60 } });
const responses = policy({ targets: { firstResponseMinutes: 60, nextResponseMinutes: 30 } });
const withResolution = policy({ targets: { firstResponseMinutes: 60, resolutionMinutes: 120 } });

describe('without a policy', () => {
  it('follows who waits and when we answered, with no clocks', () => {
    const waiting = evaluateSla(null, [inbound('10:00')], at('10:30'));
    expect(waiting).toEqual({
      targets: [],
      dueAt: null,
      warnAt: null,
      breached: false,
      waitingOnUs: true,
      waitingSince: at('10:00'),
      firstResponseAt: null,
      resolvedAt: null,
    });
    const answered = evaluateSla(null, [inbound('10:00'), outbound('10:20')], at('10:30'));
    expect(answered).toMatchObject({ waitingOnUs: false, waitingSince: null, firstResponseAt: at('10:20') });
  });

  it('does not take an automatic acknowledgement for an answer', () => {
    expect(evaluateSla(null, [inbound('10:00'), outbound('10:01', true)], at('10:30'))).toMatchObject({ waitingOnUs: true, firstResponseAt: null });
  });

  it('does not count our own first message as a response to anything', () => {
    expect(evaluateSla(responses, [outbound('09:00')], at('10:30'))).toMatchObject({ targets: [], waitingOnUs: false, firstResponseAt: null, dueAt: null });
  });
});

describe('first response', () => {
  it('is met by our reply before the deadline, with its warning at 75%', () => {
    const result = evaluateSla(firstResponseOnly, [inbound('10:00'), outbound('10:40')], at('11:30'));
    expect(result.targets).toEqual([
      { kind: 'firstResponse', startedAt: at('10:00'), dueAt: at('11:00'), warnAt: at('10:45'), metAt: at('10:40'), breached: false },
    ]);
    expect(result).toMatchObject({ dueAt: null, warnAt: null, breached: false, firstResponseAt: at('10:40'), waitingOnUs: false });
  });

  it('runs while we have not answered, and breaches at its deadline', () => {
    const before = evaluateSla(firstResponseOnly, [inbound('10:00')], at('10:59'));
    expect(before).toMatchObject({ dueAt: at('11:00'), warnAt: at('10:45'), breached: false, waitingOnUs: true });
    const at11 = evaluateSla(firstResponseOnly, [inbound('10:00')], at('11:00'));
    expect(at11.breached).toBe(true);
    expect(at11.targets[0]).toMatchObject({ metAt: null, breached: true });
  });

  it('stays breached when the reply comes late, and no clock runs after it', () => {
    const result = evaluateSla(firstResponseOnly, [inbound('10:00'), outbound('11:05')], at('12:00'));
    expect(result.targets[0]).toMatchObject({ dueAt: at('11:00'), metAt: at('11:05'), breached: true });
    expect(result).toMatchObject({ dueAt: null, breached: true });
  });

  it('is not met by an automatic acknowledgement unless the policy says so', () => {
    const events = [inbound('10:00'), outbound('10:01', true)];
    const notCounted = evaluateSla(firstResponseOnly, events, at('10:30'));
    expect(notCounted).toMatchObject({ waitingOnUs: true, firstResponseAt: null, dueAt: at('11:00') });
    expect(notCounted.targets[0]?.metAt).toBeNull();
    const laterHuman = evaluateSla(firstResponseOnly, [...events, outbound('10:50')], at('11:30'));
    expect(laterHuman.targets[0]).toMatchObject({ metAt: at('10:50'), breached: false });

    const counted = evaluateSla({ ...firstResponseOnly, autoAckSatisfiesFirstResponse: true }, events, at('10:30'));
    expect(counted.targets[0]).toMatchObject({ metAt: at('10:01'), breached: false });
    expect(counted).toMatchObject({ waitingOnUs: false, firstResponseAt: at('10:01'), dueAt: null });
  });

  it('counts an acknowledgement only as the first response, never as a next one', () => {
    const lenient = { ...responses, autoAckSatisfiesFirstResponse: true };
    const result = evaluateSla(lenient, [inbound('10:00'), outbound('10:01', true), inbound('10:30'), outbound('10:31', true)], at('10:45'));
    expect(result.targets.map((target) => [target.kind, target.metAt])).toEqual([
      ['firstResponse', at('10:01')],
      ['nextResponse', null],
    ]);
    expect(result).toMatchObject({ waitingOnUs: true, waitingSince: at('10:30'), dueAt: at('11:00') });
  });

  it('is met when the conversation is marked resolved without a reply on the page', () => {
    const result = evaluateSla(firstResponseOnly, [inbound('10:00'), resolved('10:20')], at('10:30'));
    expect(result.targets[0]).toMatchObject({ metAt: at('10:20'), breached: false });
    expect(result).toMatchObject({ firstResponseAt: null, resolvedAt: at('10:20'), waitingOnUs: false, dueAt: null });
  });
});

describe('next responses', () => {
  const exchanges = [inbound('10:00'), outbound('10:10'), inbound('11:00'), inbound('11:05'), outbound('11:20'), inbound('12:00')];

  it('start a clock for each customer message after our reply, and keep the history', () => {
    const result = evaluateSla(responses, exchanges, at('12:40'));
    expect(result.targets).toEqual([
      { kind: 'firstResponse', startedAt: at('10:00'), dueAt: at('11:00'), warnAt: at('10:45'), metAt: at('10:10'), breached: false },
      // 11:05 arrived while 11:00 still waited for a reply: no second clock.
      { kind: 'nextResponse', startedAt: at('11:00'), dueAt: at('11:30'), warnAt: '2026-03-02T11:22:30.000Z', metAt: at('11:20'), breached: false },
      { kind: 'nextResponse', startedAt: at('12:00'), dueAt: at('12:30'), warnAt: '2026-03-02T12:22:30.000Z', metAt: null, breached: true },
    ]);
    expect(result).toMatchObject({ dueAt: at('12:30'), breached: true, waitingOnUs: true, waitingSince: at('12:00'), firstResponseAt: at('10:10') });
  });

  it('keep one first and one next-response clock per exchange, in the shape the records store', () => {
    const five = ['10:00', '11:00', '12:00', '13:00', '14:00'].flatMap((time) => [inbound(time), outbound(time.replace(':00', ':10'))]);
    const result = evaluateSla(responses, five, at('15:00'));
    expect(result.targets.map((target) => target.kind)).toEqual(['firstResponse', 'nextResponse', 'nextResponse', 'nextResponse', 'nextResponse']);
    expect(result.targets.every((target) => !target.breached && target.metAt !== null)).toBe(true);
    expect(result).toMatchObject({ dueAt: null, breached: false, waitingOnUs: false });
    expect(slaTargetStateSchema.array().parse(result.targets)).toEqual(result.targets);
  });

  it('come out the same whatever order the events arrive in', () => {
    const shuffled = [exchanges[3]!, exchanges[0]!, exchanges[5]!, exchanges[1]!, exchanges[4]!, exchanges[2]!];
    expect(evaluateSla(responses, shuffled, at('12:40'))).toEqual(evaluateSla(responses, exchanges, at('12:40')));
  });

  it('treat events stamped later than now as happening now', () => {
    const result = evaluateSla(responses, [inbound('10:00'), outbound('10:10'), inbound('12:05')], at('12:00'));
    expect(result).toMatchObject({ waitingSince: at('12:00'), dueAt: at('12:30') });
  });
});

describe('resolution', () => {
  it('pauses while we wait on the customer and resumes when they write', () => {
    // 30 minutes used by 10:30; paused from then on: if they wrote now, 90 minutes would remain.
    const paused = evaluateSla(withResolution, [inbound('10:00'), outbound('10:30')], at('11:00'));
    expect(paused.targets[1]).toEqual({
      kind: 'resolution',
      startedAt: at('10:00'),
      dueAt: at('12:30'),
      warnAt: at('12:00'),
      metAt: null,
      breached: false,
    });
    expect(paused).toMatchObject({ dueAt: null, warnAt: null, breached: false, waitingOnUs: false });

    const resumed = evaluateSla(withResolution, [inbound('10:00'), outbound('10:30'), inbound('12:00')], at('12:30'));
    expect(resumed.targets[1]).toMatchObject({ dueAt: at('13:30'), warnAt: at('13:00'), breached: false });
    expect(resumed).toMatchObject({ dueAt: at('13:30'), warnAt: at('13:00'), waitingSince: at('12:00') });
  });

  it('is met by resolving, and a customer message after that reopens with a fresh clock', () => {
    const events = [inbound('10:00'), outbound('10:30'), inbound('12:00'), resolved('12:45')];
    const done = evaluateSla(withResolution, events, at('13:00'));
    expect(done.targets[1]).toMatchObject({ kind: 'resolution', metAt: at('12:45'), dueAt: at('13:30'), breached: false });
    expect(done).toMatchObject({ resolvedAt: at('12:45'), waitingOnUs: false, dueAt: null });

    const reopenedByThem = evaluateSla(withResolution, [...events, inbound('14:00')], at('14:30'));
    expect(reopenedByThem.targets.map((target) => [target.kind, target.startedAt, target.metAt])).toEqual([
      ['firstResponse', at('10:00'), at('10:30')],
      ['resolution', at('10:00'), at('12:45')],
      ['resolution', at('14:00'), null],
    ]);
    expect(reopenedByThem).toMatchObject({ resolvedAt: null, waitingOnUs: true, waitingSince: at('14:00'), dueAt: at('16:00') });
  });

  it('breaches when it runs out while running, even if it is paused or met afterwards', () => {
    const tight = policy({ targets: { firstResponseMinutes: 60, resolutionMinutes: 60 } });
    const paused = evaluateSla(tight, [inbound('10:00'), outbound('11:30')], at('11:45'));
    expect(paused.targets[1]).toMatchObject({ kind: 'resolution', dueAt: at('11:00'), breached: true, metAt: null });
    const met = evaluateSla(tight, [inbound('10:00'), outbound('11:30'), resolved('12:00')], at('12:30'));
    expect(met.targets[1]).toMatchObject({ dueAt: at('11:00'), metAt: at('12:00'), breached: true });
    expect(met.breached).toBe(true);
  });

  it('reopens on an explicit reopening: waiting on us, a new resolution clock, and a reply clock once they write', () => {
    const full = policy({ targets: { firstResponseMinutes: 60, nextResponseMinutes: 30, resolutionMinutes: 240 } });
    const events = [inbound('10:00'), outbound('10:10'), resolved('10:20'), resolved('10:25'), reopened('13:00')];
    const reopenedByUs = evaluateSla(full, events, at('13:05'));
    expect(reopenedByUs).toMatchObject({ waitingOnUs: true, waitingSince: at('13:00'), resolvedAt: null, dueAt: at('17:00') });
    expect(reopenedByUs.targets.map((target) => target.kind)).toEqual(['firstResponse', 'resolution', 'resolution']);

    const thenTheyWrite = evaluateSla(full, [...events, reopened('13:06'), inbound('13:10')], at('13:15'));
    expect(thenTheyWrite.targets.at(-1)).toMatchObject({ kind: 'nextResponse', startedAt: at('13:10'), dueAt: at('13:40') });
    expect(thenTheyWrite).toMatchObject({ dueAt: at('13:40'), waitingSince: at('13:00') });
  });
});

describe('business hours', () => {
  const office = hoursOn('America/New_York', MONDAY_TO_FRIDAY, ['09:00', '17:00']);
  // Friday 2026-03-06 16:30 EST; "now" is Saturday noon UTC.
  const fridayAfternoon: SlaEvent[] = [{ type: 'inbound', at: '2026-03-06T21:30:00Z' }];

  it('pause the clocks outside them when the policy says so', () => {
    const paused = policy({ targets: { firstResponseMinutes: 60 }, businessHours: office, pauseOutsideBusinessHours: true });
    const result = evaluateSla(paused, fridayAfternoon, '2026-03-07T12:00:00Z');
    // 30 minutes on Friday, 30 on Monday from 09:00 EDT; the warning at 45 minutes, Monday 09:15 EDT.
    expect(result).toMatchObject({ dueAt: '2026-03-09T13:30:00.000Z', warnAt: '2026-03-09T13:15:00.000Z', breached: false });
  });

  it('do not pause anything when the policy runs around the clock', () => {
    const aroundTheClock = policy({ targets: { firstResponseMinutes: 60 }, businessHours: office, pauseOutsideBusinessHours: false });
    const result = evaluateSla(aroundTheClock, fridayAfternoon, '2026-03-07T12:00:00Z');
    expect(result).toMatchObject({ dueAt: '2026-03-06T22:30:00.000Z', breached: true });
  });

  it('pause the resolution clock both at night and while waiting on the customer', () => {
    const paused = policy({
      targets: { firstResponseMinutes: 60, resolutionMinutes: 120 },
      businessHours: office,
      pauseOutsideBusinessHours: true,
    });
    // Friday 16:30 EST in, 16:50 reply (20 used), Monday 09:00 EDT they write: 100 left → 10:40 EDT.
    const events: SlaEvent[] = [...fridayAfternoon, { type: 'outbound', at: '2026-03-06T21:50:00Z' }, { type: 'inbound', at: '2026-03-09T13:00:00Z' }];
    const result = evaluateSla(paused, events, '2026-03-09T13:30:00Z');
    expect(result.targets.find((target) => target.kind === 'resolution')?.dueAt).toBe('2026-03-09T14:40:00.000Z');
  });
});

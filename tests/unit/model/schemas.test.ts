import { describe, expect, it } from 'vitest';
import {
  businessHoursSchema,
  contactSchema,
  noteSchema,
  pageContextSchema,
  settingsSchema,
  slaPolicySchema,
  defaultSettings,
} from '@/lib/model';
import v1Example from '../../fixtures/db/v1-example.json';

describe('record schemas', () => {
  it('accept the example records', () => {
    expect(contactSchema.parse(v1Example.stores.contacts[0])).toMatchObject({ stage: 'lead' });
    expect(slaPolicySchema.parse(v1Example.stores.slaPolicies[0]).businessHours?.timeZone).toBe('Europe/Berlin');
  });

  it('require UUID ids, ISO times and well-formed stamps', () => {
    const contact = v1Example.stores.contacts[0]!;
    expect(contactSchema.safeParse({ ...contact, id: 'contact-1' }).success).toBe(false);
    expect(contactSchema.safeParse({ ...contact, createdAt: 'yesterday' }).success).toBe(false);
    expect(contactSchema.safeParse({ ...contact, stamps: { displayName: '12' } }).success).toBe(false);
    expect(contactSchema.safeParse({ ...contact, stage: 'vip' }).success).toBe(false);
  });

  it('refuse empty and oversized notes', () => {
    const note = v1Example.stores.notes[0]!;
    expect(noteSchema.safeParse({ ...note, body: '  ' }).success).toBe(false);
    expect(noteSchema.safeParse({ ...note, body: 'x'.repeat(10_001) }).success).toBe(false);
    expect(noteSchema.parse({ ...note, body: '  padded  ' }).body).toBe('padded');
  });

  it('check business hours: zone, clock times, order, dates', () => {
    const ok = { timeZone: 'Asia/Tokyo', weekly: [{ day: 1, start: '22:00', end: '24:00' }], holidays: ['2026-01-01'] };
    expect(businessHoursSchema.safeParse(ok).success).toBe(true);
    expect(businessHoursSchema.safeParse({ ...ok, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ ...ok, weekly: [{ day: 7, start: '09:00', end: '17:00' }] }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ ...ok, weekly: [{ day: 1, start: '17:00', end: '09:00' }] }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ ...ok, weekly: [{ day: 1, start: '9:00', end: '17:00' }] }).success).toBe(false);
    expect(businessHoursSchema.safeParse({ ...ok, holidays: ['1 Jan'] }).success).toBe(false);
  });

  it('parse a page context and reject one without misses', () => {
    const context = { site: 'linkedin', kind: 'other', misses: [] };
    expect(pageContextSchema.parse(context)).toEqual(context);
    expect(pageContextSchema.safeParse({ site: 'linkedin', kind: 'other' }).success).toBe(false);
    expect(pageContextSchema.safeParse({ site: 'myspace', kind: 'other', misses: [] }).success).toBe(false);
  });

  it('have valid default settings', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings);
  });
});

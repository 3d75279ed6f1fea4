import { describe, expect, it } from 'vitest';
import { assertNotOwnWork } from './four-eyes.ts';

describe('assertNotOwnWork', () => {
  const hands = { draftedBy: ['clerk', 'editor'], sentBy: ['sender'] };

  it('lets someone with no hand in the revision approve it', () => {
    expect(() => assertNotOwnWork('manager', hands)).not.toThrow();
    expect(() => assertNotOwnWork('manager', { draftedBy: [null], sentBy: [] })).not.toThrow();
  });

  it('refuses its author and the editors of its draft', () => {
    expect(() => assertNotOwnWork('clerk', hands)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/drafted or edited/) }));
    expect(() => assertNotOwnWork('editor', hands)).toThrow(/another manager/);
  });

  it('refuses whoever sent it for approval', () => {
    expect(() => assertNotOwnWork('sender', hands)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/sent this revision/) }));
  });
});

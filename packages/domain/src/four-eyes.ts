import { DomainError } from './errors.ts';

/*
 * Four eyes: a revision below the margin floor goes out only when a second person agrees. Whoever
 * drafted it, edited the draft or sent it for approval has had their say; another manager decides.
 */

/** The people who had a hand in a revision: its author, the editors of its draft and whoever sent it for approval. */
export type RevisionHands = { draftedBy: readonly (string | null)[]; sentBy: readonly (string | null)[] };

/** Refuses an approval by someone who drafted, edited or sent the revision, managers included. */
export function assertNotOwnWork(approverId: string, hands: RevisionHands): void {
  if (hands.draftedBy.includes(approverId)) {
    throw new DomainError('FORBIDDEN', 'you drafted or edited this revision; another manager must approve it');
  }
  if (hands.sentBy.includes(approverId)) {
    throw new DomainError('FORBIDDEN', 'you sent this revision for approval; another manager must approve it');
  }
}

import { describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from '../features/auth/api/keys.ts';
import { accountKeys } from '../features/account/api/keys.ts';
import { inquiryKeys } from '../features/inquiries/api/keys.ts';
import { letterOfCreditKeys } from '../features/letters-of-credit/api/keys.ts';
import { negotiationKeys } from '../features/negotiation/api/keys.ts';
import { quoteKeys } from '../features/quotes/api/keys.ts';
import { salesContractKeys } from '../features/sales-contracts/api/keys.ts';
import { createQueryClient } from './query-client.ts';

/** Runs a mutation with a key, answering `data`, through the client's mutation cache. */
async function mutate(qc: QueryClient, mutationKey: readonly unknown[], data: unknown) {
  await qc.getMutationCache().build(qc, { mutationKey, mutationFn: async () => data }).execute(undefined);
}

const stale = (qc: QueryClient, key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;

describe('changes across capabilities', () => {
  it('refreshes the inquiry and the quotes after any negotiation step, and the contracts after an acceptance', async () => {
    const qc = createQueryClient({ retry: false });
    for (const key of [inquiryKeys.detail('i1'), inquiryKeys.list('scope=all'), quoteKeys.detail('q1'), salesContractKeys.list()]) qc.setQueryData(key, {});
    await mutate(qc, negotiationKeys.change(), {});
    expect([stale(qc, inquiryKeys.detail('i1')), stale(qc, inquiryKeys.list('scope=all')), stale(qc, quoteKeys.detail('q1'))]).toEqual([true, true, true]);
    expect(stale(qc, salesContractKeys.list())).toBe(false);
    await mutate(qc, negotiationKeys.accept(), { id: 'c1' });
    expect(stale(qc, salesContractKeys.list())).toBe(true);
  });

  it('refreshes only the inquiry a changed quote belongs to, and the inbox', async () => {
    const qc = createQueryClient({ retry: false });
    for (const key of [inquiryKeys.detail('i1'), inquiryKeys.detail('i2'), inquiryKeys.list('scope=open')]) qc.setQueryData(key, {});
    await mutate(qc, quoteKeys.change(), { id: 'q1', inquiry: { id: 'i1' } });
    expect([stale(qc, inquiryKeys.detail('i1')), stale(qc, inquiryKeys.detail('i2')), stale(qc, inquiryKeys.list('scope=open'))]).toEqual([true, false, true]);
  });

  it('puts the contract a letter-of-credit change answers in the contract cache, and the profile in the session', async () => {
    const qc = createQueryClient({ retry: false });
    await mutate(qc, letterOfCreditKeys.change(), { id: 'c1', lc: { status: 'RECEIVED' } });
    expect(qc.getQueryData(salesContractKeys.detail('c1'))).toEqual({ id: 'c1', lc: { status: 'RECEIVED' } });
    await mutate(qc, accountKeys.profile(), { id: 'u1', locale: 'zh-CN' });
    expect(qc.getQueryData(authKeys.session())).toEqual({ id: 'u1', locale: 'zh-CN' });
  });

  it('leaves other capabilities alone after a change that concerns only its own', async () => {
    const qc = createQueryClient({ retry: false });
    qc.setQueryData(inquiryKeys.detail('i1'), {});
    await mutate(qc, accountKeys.password(), {});
    await mutate(qc, ['catalog', 'something'], {});
    expect(stale(qc, inquiryKeys.detail('i1'))).toBe(false);
  });
});

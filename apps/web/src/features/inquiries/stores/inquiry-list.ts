import { useSyncExternalStore } from 'react';

/** Products a buyer collects before sending one inquiry for all of them (kept on this device). */
export type ListItem = { productId: string; sku: string; nameEn: string; unit: string; moq: string; quantity: string };
const KEY = 'portal.inquiryList';
const listeners = new Set<() => void>();

function read(): ListItem[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as ListItem[];
  } catch {
    return [];
  }
}
let snapshot = typeof localStorage === 'undefined' ? [] : read();

function write(items: ListItem[]) {
  localStorage.setItem(KEY, JSON.stringify(items));
  snapshot = items;
  listeners.forEach((l) => l());
}

export const inquiryList = {
  add(item: ListItem) {
    write([...snapshot.filter((i) => i.productId !== item.productId), item]);
  },
  remove(productId: string) {
    write(snapshot.filter((i) => i.productId !== productId));
  },
  clear() {
    write([]);
  },
};

export function useInquiryList(): ListItem[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
    () => snapshot,
  );
}

// The two functions of fs-native-extensions (file locks on Linux: fcntl F_OFD_SETLK) that the
// data-folder lock uses; the package ships no types.
declare module 'fs-native-extensions' {
  /** An exclusive lock on the whole file: true when granted, false when another descriptor holds it. */
  export function tryLock(fd: number, offset?: number, length?: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}

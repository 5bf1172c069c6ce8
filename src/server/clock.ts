// The moment a write stamps. Real time, except inside `atMoment(date, fn)`, which fixes it for
// everything `fn` does (and awaits): the demo seed runs each step of its campaign at the moment the
// story says, whatever day it runs. Every createdAt/updatedAt/deliveredAt/readAt/audit `at` goes
// through `now()`; sessions keep the real time (a session must expire from when it really began).
import { AsyncLocalStorage } from 'node:async_hooks';

const fixed = new AsyncLocalStorage<Date>();

export function now(): Date {
  const moment = fixed.getStore();
  return moment ? new Date(moment.getTime()) : new Date();
}

export function atMoment<T>(moment: Date | string, fn: () => T): T {
  return fixed.run(new Date(moment), fn);
}

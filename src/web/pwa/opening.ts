// The app's opening (decision 030): the reads made while the first page opens may be answered by the
// service worker from what the device kept, at once, while it asks the network behind them
// (src/web/sw.ts). The opening ends at the first write, the first move to another page, when the
// worker says an answer changed (the page then reads again, from the network), or a few seconds after
// the first page has its data; every read after it goes to the network first, as before.
import type { QueryClient } from '@tanstack/react-query';
import { noteAnswer } from './offline-data';
import { OFFLINE_HEADER, STORED_AT_HEADER, type WorkerMessage } from './api-cache-rules';

/** How long after the first page resolved its own reads (made while it renders) still count as opening. */
export const OPENING_GRACE_MS = 3000;

let opening = true;

/** Whether a read now may take the device's copy first (api() then marks it for the worker). */
export const isOpening = () => opening;

/**
 * Whether a read now is answered by the service worker from the device, without the network: the
 * app is opening under a worker that controls the page (on a first visit there is none yet). A
 * page's loader may then wait for its data, so that its first render has it (decision 039).
 */
export const answeredFromDevice = () => opening && typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);

/** How long a loader waits at most for the device's answers (a worker without a copy asks the network). */
export const DEVICE_WAIT_MS = 400;

export function endOpening() {
  opening = false;
}

/** The first page resolved: its loaders' reads are made; the ones it makes as it renders follow. */
export function firstPageResolved() {
  if (opening) setTimeout(endOpening, OPENING_GRACE_MS);
}

/** The worker's word on a copy it answered with: read again when it changed, say since when when offline. */
export function listenToWorker(queryClient: QueryClient) {
  if (!('serviceWorker' in navigator)) return;
  let again: ReturnType<typeof setTimeout> | null = null;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message?.type === 'qt-api-changed') {
      endOpening();
      // Several answers change together (the unit, its members…): read the page's queries again once.
      again ??= setTimeout(() => {
        again = null;
        void queryClient.invalidateQueries({ refetchType: 'active' });
      }, 50);
    } else if (message?.type === 'qt-api-offline') {
      noteAnswer(new Headers({ [OFFLINE_HEADER]: '1', [STORED_AT_HEADER]: message.storedAt }));
    }
  });
}

// /nghi-quyet?q=&kind= — the registry of guiding documents: search as you type (with or without
// diacritics, after a short pause), a kind filter, and for the ward office "Đăng ký văn bản".
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { kinds } from '../features/resolutions/format';
import type { ResolutionKind } from '../features/resolutions/queries';
import { appRoute } from './app-layout';

interface Search {
  q?: string;
  kind?: ResolutionKind;
}

export const resolutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nghi-quyet',
  validateSearch: (search: Record<string, unknown>): Search => {
    const out: Search = {};
    if (typeof search.q === 'string' && search.q) out.q = search.q.slice(0, 200);
    if (typeof search.kind === 'string' && (kinds as string[]).includes(search.kind)) out.kind = search.kind as ResolutionKind;
    return out;
  },
  component: lazyRouteComponent(() => import('./resolutions.page')),
});

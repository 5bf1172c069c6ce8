import { vi } from '../../i18n/vi';
import type { UnitKind } from './queries';

export const kindLabel = (kind: UnitKind | string) => vi.unitKinds[kind] ?? kind;

/** Units that can hold members (directly or below): their counts are worth showing. */
export const holdsMembers = (kind: UnitKind | string) => kind === 'cell' || kind === 'grassrootsOrg' || kind === 'commune' || kind === 'province';

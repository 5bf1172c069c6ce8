// Pages offered by ability: the route declares which of the abilities the server computed (GET
// /api/me) its page needs; anyone else sees "no access" (the server refuses them anyway).
import type { ReactElement } from 'react';
import { Alert } from '@mantine/core';
import type { Abilities } from '../../server/auth/abilities';
import { useMe } from '../features/auth/session';
import { vi } from '../i18n/vi';
import { PageHeader } from './PageHeader';

export function Forbidden() {
  return (
    <>
      <PageHeader title={vi.errors.forbiddenTitle} />
      <Alert color="red" role="alert">
        {vi.errors.forbidden}
      </Alert>
    </>
  );
}

type Requirement = keyof Abilities | ((abilities: Abilities) => boolean);

/** `component: requireAbility('viewPlans', PlansPage)`: the page only for those the server allows. */
export function requireAbility(requirement: Requirement, Page: () => ReactElement): () => ReactElement {
  const allowed = typeof requirement === 'function' ? requirement : (a: Abilities) => a[requirement];
  function Guarded() {
    const me = useMe();
    return allowed(me.abilities) ? <Page /> : <Forbidden />;
  }
  Guarded.displayName = `requireAbility(${Page.name})`;
  return Guarded;
}

// The conference as its page shows it: details, groups with their counts, the list, abilities.
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { groupsOf, participantsOf } from './participants';
import { abilitiesOf, loadConferenceFor, numberText, type Loaded } from './service';
import { readTogether } from '../../db/read-together';

export async function describeConference(db: DbOrTx, actor: Actor, loaded: Loaded) {
  const { conference, plan } = loaded;
  const [groups, list] = await readTogether(db, [() => groupsOf(db, conference), () => participantsOf(db, conference)]);
  // A summoned participant reads their convocation, not the whole office's working list.
  const participants = loaded.readsAll ? list.participants : [];
  return {
    ...conference,
    planTitle: plan.title,
    numberText: numberText(conference),
    groups: groups.map((g) => ({ ...g, count: list.participants.filter((p) => p.groupId === g.id).length })),
    participants,
    removed: loaded.readsAll ? list.removed : [],
    unsent: list.participants.filter((p) => !p.sentAt).length,
    abilities: { ...abilitiesOf(actor, loaded), manage: loaded.manage },
  };
}

export async function describeById(db: DbOrTx, actor: Actor, id: string) {
  return describeConference(db, actor, await loadConferenceFor(db, actor, id));
}

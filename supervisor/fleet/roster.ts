/** The fleet's MK6s, by id and by every name they answer to (src/domain/mk6-names.ts). */
import { namesOf, pm2AppName } from '../../src/domain/mk6-names.js';
import type { Fleet, Mk6Spec } from '../../src/config/fleet-file.js';
import type { SupervisorState } from './supervisor-state.js';
import { newMember, type Member } from './member.js';

export class Roster {
  /** By id, in the order they joined (the fleet file's first). */
  readonly members = new Map<string, Member>();
  private readonly names = new Map<string, Member>();

  constructor(private readonly fleetName: string) {}

  add(spec: Mk6Spec, added: boolean): Member {
    const member = newMember(spec, added, pm2AppName(this.fleetName, spec.id));
    this.members.set(spec.id, member);
    for (const name of namesOf(spec)) this.names.set(name, member);
    return member;
  }

  /** The fleet file's MK6s, then those provisioning added in an earlier run (unless one has the same name). */
  load(fleet: Fleet, added: SupervisorState['added']): void {
    for (const spec of fleet.mk6) this.add(spec, false);
    for (const a of added) {
      if (!this.byName(a.id)) this.add({ id: a.id, aliases: [], host: a.host ?? fleet.workers.host, port: a.port, sites: a.sites, tokenEnv: null, line: 0 }, true);
    }
  }

  remove(member: Member): void {
    this.members.delete(member.spec.id);
    for (const name of namesOf(member.spec)) this.names.delete(name);
  }

  byName(idOrAlias: string): Member | undefined {
    return this.names.get(idOrAlias);
  }

  all(): Member[] {
    return [...this.members.values()];
  }

  online(): Member[] {
    return this.all().filter((m) => m.status === 'online');
  }
}

/** The fleet's MK6s, by id and by every name they answer to (src/domain/mk6-names.ts). */
import { namesOf, pm2AppName } from '../../src/domain/mk6-names.js';
import type { Mk6Spec } from '../../src/config/fleet-file.js';
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

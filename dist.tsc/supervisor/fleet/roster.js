/** The fleet's MK6s, by id and by every name they answer to (src/domain/mk6-names.ts). */
import { namesOf, pm2AppName } from '../../src/domain/mk6-names.js';
import { newMember } from './member.js';
export class Roster {
    fleetName;
    /** By id, in the order they joined (the fleet file's first). */
    members = new Map();
    names = new Map();
    constructor(fleetName) {
        this.fleetName = fleetName;
    }
    add(spec, added) {
        const member = newMember(spec, added, pm2AppName(this.fleetName, spec.id));
        this.members.set(spec.id, member);
        for (const name of namesOf(spec))
            this.names.set(name, member);
        return member;
    }
    /** The fleet file's MK6s, then those provisioning added in an earlier run (unless one has the same name). */
    load(fleet, added) {
        for (const spec of fleet.mk6)
            this.add(spec, false);
        for (const a of added) {
            if (!this.byName(a.id))
                this.add({ id: a.id, aliases: [], host: a.host ?? fleet.workers.host, port: a.port, sites: a.sites, tokenEnv: null, line: 0 }, true);
        }
    }
    remove(member) {
        this.members.delete(member.spec.id);
        for (const name of namesOf(member.spec))
            this.names.delete(name);
    }
    byName(idOrAlias) {
        return this.names.get(idOrAlias);
    }
    all() {
        return [...this.members.values()];
    }
    online() {
        return this.all().filter((m) => m.status === 'online');
    }
}

/** The fleet file (`fleet.yaml`, or JSON): every key it may hold; an unknown key is a fault. */
import { NetworkCondition } from './network.js';
import { SiteDef } from './mock-control.js';
import { SafeId, Type, type Static } from './kit.js';

const Port = Type.Integer({ minimum: 0, maximum: 65535, description: '0 = any free port' });
const Host = Type.String({ pattern: '^[A-Za-z0-9.:-]{1,255}$' });

export const FleetMk6 = Type.Object(
  {
    id: SafeId(),
    aliases: Type.Optional(Type.Array(SafeId())),
    port: Type.Optional(Port),
    sites: Type.Array(SiteDef, { minItems: 1 }),
    auth: Type.Optional(Type.Object({ token_env: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$' }) }, { additionalProperties: false })),
    network: Type.Optional(Type.Array(NetworkCondition)),
  },
  { additionalProperties: false },
);

export const FleetFile = Type.Object(
  {
    name: Type.Optional(SafeId({ default: 'fleet' })),
    seed: Type.Optional(Type.Integer({ default: 1 })),
    proxy: Type.Optional(Type.Object({ host: Type.Optional(Host), port: Type.Optional(Port) }, { additionalProperties: false })),
    workers: Type.Optional(Type.Object({ host: Type.Optional(Host), base_port: Type.Optional(Port) }, { additionalProperties: false })),
    mk6: Type.Array(FleetMk6, { minItems: 1 }),
  },
  { $id: 'FleetFile', additionalProperties: false },
);
export type FleetFileBody = Static<typeof FleetFile>;

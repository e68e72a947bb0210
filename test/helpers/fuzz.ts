/** fast-check settings shared by the property-based tests. */

/** A failure's report gives its seed and path: `FC_SEED=… FC_PATH=…` runs that very case again. */
export const replay: { seed?: number; path?: string } = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};

/** Two sites, a thissite and a nearsite: the MK6 the fuzz tests drive. */
export const TWO_SITES = [
  { sycode: 'S1', name: 'Site 1', role: 'thissite' as const, pmax_kw: 10_000 },
  { sycode: 'S2', name: 'Site 2', role: 'nearsite' as const, pmax_kw: 8_000 },
];

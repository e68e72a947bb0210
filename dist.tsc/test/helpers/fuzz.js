const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};
const TWO_SITES = [
  { sycode: "S1", name: "Site 1", role: "thissite", pmax_kw: 1e4 },
  { sycode: "S2", name: "Site 2", role: "nearsite", pmax_kw: 8e3 }
];
export {
  TWO_SITES,
  replay
};

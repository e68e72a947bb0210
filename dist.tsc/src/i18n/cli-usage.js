const fr = `utilisation: mk6-fleet [--url URL] [--json] [--lang fr|en] COMMANDE
  status                                  la flotte: MK6, processus, pannes, réseau, horloge, timeline
  wait [--timeout DURÉE]                  attend que chaque MK6 serve avec l'horloge et le mode de la flotte (GET /readyz), 60s par défaut
  time set ISO [--speed K]                fige l'horloge de la flotte à ISO (ou la fait avancer à K× depuis cet instant)
  time advance DURÉE                      avance l'horloge d'un pas (ex. 90s, 15m, 2h, 1h30m; -5m recule)
  time speed K                            l'horloge à K× le temps réel à partir de maintenant (0 = figée)
  time release                            retour à l'horloge du système
  kill ID [--kind refused|blackhole|reset]
  restart ID [--kind warm|cold]
  offline ID | online ID
  network ID ls
  network ID add NOM TYPE [clé=valeur …]  ex. network ROU2 add lag latency latency_ms=200 jitter_ms=20
  network ID rm [NOM]                     sans NOM: toutes les conditions
  timeline load FICHIER | timeline show | timeline clear
  journal [--since N] [--follow]
  events [--since N] [--follow]           le journal d'événements de la flotte (horloge, arrêts, redémarrages, pannes, contraintes, …); --follow: en direct (GET /mock/stream)
  verify FICHIER [--junit SORTIE.xml] [--html SORTIE.html]   le verdict de la flotte sur la passerelle (un fichier de recette)
  record start [NOM] | record stop | record status   enregistre chaque appel de la passerelle, corps complets, dans <state-dir>/recordings/NOM.har
  record fetch [NOM] [--out FICHIER]      l'enregistrement en HAR (par défaut: l'actuel ou le dernier; sur la sortie standard sans --out)
  replay FICHIER.har [--reset] [--only ID,…] [--ignore CHAMP,…]   renvoie les appels enregistrés de la passerelle à --url, horloge mise au
                                          _sim_time de chaque appel si la cible a /mock/time; « N sur M identiques », un écart
                                          pour chacun des autres; sortie 0 tous identiques, 1 des écarts
  k8s FICHIER [--namespace NS] [--image IMAGE] [--out FICHIER]   les manifestes Kubernetes de la flotte (docs/past-one-machine.md)
  chaos --seed N [--from HH:MM --to HH:MM] [--date AAAA-MM-JJ] [--faults K,…] [--targets one|minority|all]
        [--intensity low|medium|high] [--fleet FICHIER] [--out FICHIER]   une journée de fautes tirée d'une graine, en fichier de timeline (docs/chaos.md)
  chaos narrow JOURNÉE.yaml --verdict VERDICT.json [--out FICHIER]   la journée réduite aux fautes que nomment les vérifications en échec
DURÉE: 250ms, 30s, 5m, 1h30m, 1d; un nombre seul compte des secondes pour wait --timeout, des millisecondes pour time advance.
--url vaut par défaut $MK6_FLEET_URL, sinon le proxy de ./fleet.yaml ($MK6_FLEET), sinon http://127.0.0.1:9001.
--lang: la langue des textes; par défaut $MK6_LANG, sinon $LC_ALL, $LC_MESSAGES, $LANG (fr… → français, sinon anglais).
sortie: 0 fait, 1 refusé par la flotte (wait: pas prête à temps; verify: une vérification échoue; replay: des écarts), 2 utilisation (verify, replay: un fichier invalide), 3 flotte injoignable`;
const en = `usage: mk6-fleet [--url URL] [--json] [--lang fr|en] COMMAND
  status                                  the fleet: MK6s, processes, outages, network, clock, timeline
  wait [--timeout DURATION]               until every MK6 serves with the fleet's clock and mode (GET /readyz), default 60s
  time set ISO [--speed K]                freeze the fleet clock at ISO (or run it at K× from there)
  time advance DURATION                   step the clock (e.g. 90s, 15m, 2h, 1h30m; -5m goes back)
  time speed K                            run the clock at K× real time from now (0 = freeze)
  time release                            back to the system clock
  kill ID [--kind refused|blackhole|reset]
  restart ID [--kind warm|cold]
  offline ID | online ID
  network ID ls
  network ID add NAME TYPE [key=value …]  e.g. network ROU2 add lag latency latency_ms=200 jitter_ms=20
  network ID rm [NAME]                    without NAME: every condition
  timeline load FILE | timeline show | timeline clear
  journal [--since N] [--follow]
  events [--since N] [--follow]           the fleet's event log (clock, kills, restarts, outages, constraints, …); --follow: live (GET /mock/stream)
  verify FILE [--junit OUT.xml] [--html OUT.html]   the fleet's verdict on the gateway (a recette file)
  record start [NAME] | record stop | record status   record every gateway call, full bodies, to <state-dir>/recordings/NAME.har
  record fetch [NAME] [--out FILE]        the recording as HAR (default: the current or last one; stdout without --out)
  replay FILE.har [--reset] [--only ID,…] [--ignore FIELD,…]   send the recorded gateway calls again to --url, clock set to
                                          each call's _sim_time where the target has /mock/time; "N of M identical", a diff
                                          for each other; exit 0 all identical, 1 differences
  k8s FILE [--namespace NS] [--image IMG] [--out FILE]   the fleet's Kubernetes manifests (docs/past-one-machine.md)
  chaos --seed N [--from HH:MM --to HH:MM] [--date YYYY-MM-DD] [--faults K,…] [--targets one|minority|all]
        [--intensity low|medium|high] [--fleet FILE] [--out FILE]   a seeded day of faults as a timeline file (docs/chaos.md)
  chaos narrow DAY.yaml --verdict VERDICT.json [--out FILE]        the day with only the faults the failing checks name
DURATION: 250ms, 30s, 5m, 1h30m, 1d; a bare number is seconds for wait --timeout, milliseconds for time advance.
--url defaults to $MK6_FLEET_URL, else the proxy of ./fleet.yaml ($MK6_FLEET), else http://127.0.0.1:9001.
--lang: the language of the texts; default $MK6_LANG, else $LC_ALL, $LC_MESSAGES, $LANG (fr… → French, else English).
exit: 0 ok, 1 refused by the fleet (wait: not ready in time; verify: a check failed; replay: differences), 2 usage (verify, replay: a bad file), 3 fleet unreachable`;
export const cliUsage = { fr, en };

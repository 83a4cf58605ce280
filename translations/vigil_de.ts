<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CommandLine</name>
    <message>
        <source>Vigil: a native operations console for large server fleets (Prometheus + Alertmanager).</source>
        <translation>Vigil: eine native Betriebskonsole für große Serverflotten (Prometheus + Alertmanager).</translation>
    </message>
    <message>
        <source>Read sources, query profile and cache settings from a YAML or JSON file.</source>
        <translation>Quellen, Abfrageprofil und Cache-Einstellungen aus einer YAML- oder JSON-Datei lesen.</translation>
    </message>
    <message>
        <source>Poll this Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics).</source>
        <translation>Diese Prometheus-kompatible API abfragen (Prometheus, Thanos, Mimir, VictoriaMetrics).</translation>
    </message>
    <message>
        <source>Poll this Alertmanager (API v2). Repeat for each member of a cluster.</source>
        <translation>Diesen Alertmanager abfragen (API v2). Für jedes Mitglied eines Clusters wiederholen.</translation>
    </message>
    <message>
        <source>SQLite cache file (default: the user&apos;s cache directory).</source>
        <translation>SQLite-Cache-Datei (Standard: das Cache-Verzeichnis des Benutzers).</translation>
    </message>
    <message>
        <source>Start a simulated fleet (vigil-sim) in-process and watch it. No setup needed.</source>
        <translation>Eine simulierte Flotte (vigil-sim) im Prozess starten und beobachten. Keine Einrichtung nötig.</translation>
    </message>
    <message>
        <source>Number of simulated hosts for --demo (default 2000).</source>
        <translation>Anzahl simulierter Hosts für --demo (Standard 2000).</translation>
    </message>
    <message>
        <source>Wait for the first poll, render a view headless to this PNG and exit.</source>
        <translation>Auf die erste Abfrage warten, eine Ansicht ohne Bildschirm in diese PNG-Datei zeichnen und beenden.</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1920x1080 (default 1600x900).</source>
        <translation>Fenstergröße für --screenshot, z. B. 1920x1080 (Standard 1600x900).</translation>
    </message>
    <message>
        <source>Seconds to wait for the first poll before --screenshot gives up (default 30).</source>
        <translation>Sekunden, die --screenshot auf die erste Abfrage wartet, bevor es aufgibt (Standard 30).</translation>
    </message>
    <message>
        <source>Initial host filter, e.g. &quot;region=eu1 role=~db.*&quot;.</source>
        <translation>Anfänglicher Hostfilter, z. B. &quot;region=eu1 role=~db.*&quot;.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--demo-hosts: expected a number from 1 to 200000</source>
        <translation>--demo-hosts: eine Zahl von 1 bis 200000 erwartet</translation>
    </message>
    <message>
        <source>--demo-scenario: expected one of %1</source>
        <translation>--demo-scenario: eines von %1 erwartet</translation>
    </message>
    <message>
        <source>--size: expected WIDTHxHEIGHT such as 1920x1080</source>
        <translation>--size: BREITExHÖHE erwartet, etwa 1920x1080</translation>
    </message>
    <message>
        <source>--screenshot-timeout: expected a positive number of seconds</source>
        <translation>--screenshot-timeout: eine positive Anzahl Sekunden erwartet</translation>
    </message>
    <message>
        <source>Poll interval for --prometheus/--alertmanager (default 15s) and --demo (default 5s).</source>
        <translation>Abfrageintervall für --prometheus/--alertmanager (Standard 15s) und --demo (Standard 5s).</translation>
    </message>
    <message>
        <source>Simulator scenario for --demo: steady, hotspots, rack-failure, db-failover, disk-degradation, drift, demo (default: cycles through them).</source>
        <translation>Simulator-Szenario für --demo: steady, hotspots, rack-failure, db-failover, disk-degradation, drift, demo (Standard: alle nacheinander).</translation>
    </message>
    <message>
        <source>View to show or render: hosts, triage, hostmap, heatmap, topology, services, drift.</source>
        <translation>Anzuzeigende oder zu zeichnende Ansicht: hosts, triage, hostmap, heatmap, topology, services, drift.</translation>
    </message>
    <message>
        <source>Open this host&apos;s detail once the fleet has it (with --screenshot: render it).</source>
        <translation>Die Details dieses Hosts öffnen, sobald die Flotte ihn enthält (mit --screenshot: sie zeichnen).</translation>
    </message>
    <message>
        <source>Open this service&apos;s detail once the fleet has it (with --screenshot: render it).</source>
        <translation>Die Details dieses Dienstes öffnen, sobald die Flotte ihn enthält (mit --screenshot: sie zeichnen).</translation>
    </message>
    <message>
        <source>NOC wall display: full screen, read-only, the config&apos;s playlist of views rotating on each of its screens (keys: arrows, space to pause, q then y to quit).</source>
        <translation>NOC-Wandanzeige: Vollbild, nur lesend, die Playlist der Ansichten aus der Konfiguration rotiert auf jedem ihrer Bildschirme (Tasten: Pfeile, Leertaste pausiert, q und dann y beendet).</translation>
    </message>
    <message>
        <source>With a snapshot file: the moment to show first (RFC 3339 time, +10m after the window&apos;s start or -5m before its end; default its end).</source>
        <translation>Mit einer Snapshot-Datei: der zuerst gezeigte Moment (RFC-3339-Zeit, +10m nach dem Beginn des Zeitfensters oder -5m vor seinem Ende; Standard: sein Ende).</translation>
    </message>
    <message>
        <source>An incident snapshot to review, offline.</source>
        <translation>Ein Vorfall-Snapshot zur Durchsicht, offline.</translation>
    </message>
    <message>
        <source>--at: only with a snapshot file</source>
        <translation>--at: nur mit einer Snapshot-Datei</translation>
    </message>
    <message>
        <source>use one of --config, --prometheus/--alertmanager, --demo or a snapshot file</source>
        <translation>eines von --config, --prometheus/--alertmanager, --demo oder eine Snapshot-Datei verwenden</translation>
    </message>
    <message>
        <source>--wall shows live fleets, not snapshot files</source>
        <translation>--wall zeigt laufende Flotten, keine Snapshot-Dateien</translation>
    </message>
    <message>
        <source>--wall needs something to watch: --demo, --config FILE or --prometheus URL</source>
        <translation>--wall braucht etwas zu beobachten: --demo, --config DATEI oder --prometheus URL</translation>
    </message>
    <message>
        <source>--interval: with --config, set each source&apos;s interval in the file</source>
        <translation>--interval: mit --config das Intervall jeder Quelle in der Datei setzen</translation>
    </message>
    <message>
        <source>--interval: expected a duration of at least 1s, such as 15s or 1m</source>
        <translation>--interval: eine Dauer von mindestens 1s erwartet, etwa 15s oder 1m</translation>
    </message>
</context>
<context>
    <name>ComplianceChart</name>
    <message>
        <source>Compliance over the last day (as the cache saw the facts)</source>
        <translation>Konformität über den letzten Tag (wie der Cache die Fakten sah)</translation>
    </message>
</context>
<context>
    <name>Drift</name>
    <message>
        <source>Judge every host&apos;s facts against a baseline (or the fleet&apos;s consensus). Exit 0 when compliant, 1 when drift at or above --fail-on exists, 2 on errors.</source>
        <translation>Die Fakten jedes Hosts gegen eine Baseline (oder den Konsens der Flotte) prüfen. Exit 0 bei Konformität, 1 wenn Drift ab --fail-on besteht, 2 bei Fehlern.</translation>
    </message>
    <message>
        <source>The drift command.</source>
        <translation>Der Drift-Befehl.</translation>
    </message>
    <message>
        <source>Baseline YAML; without it, the consensus.</source>
        <translation>Baseline-YAML; ohne sie der Konsens.</translation>
    </message>
    <message>
        <source>Rebuild the report for a past moment from the cache (RFC 3339 time, or an age such as 6h).</source>
        <translation>Den Bericht für einen vergangenen Moment aus dem Cache neu erstellen (RFC-3339-Zeit oder ein Alter wie 6h).</translation>
    </message>
    <message>
        <source>text, json or junit.</source>
        <translation>text, json oder junit.</translation>
    </message>
    <message>
        <source>warning (default) or critical.</source>
        <translation>warning (Standard) oder critical.</translation>
    </message>
    <message>
        <source>Label that groups hosts for the consensus.</source>
        <translation>Label, das Hosts für den Konsens gruppiert.</translation>
    </message>
    <message>
        <source>Write the consensus as a baseline YAML.</source>
        <translation>Den Konsens als Baseline-YAML schreiben.</translation>
    </message>
    <message>
        <source>--format: expected text, json or junit</source>
        <translation>--format: text, json oder junit erwartet</translation>
    </message>
    <message>
        <source>--fail-on: expected warning or critical</source>
        <translation>--fail-on: warning oder critical erwartet</translation>
    </message>
    <message>
        <source>no answer from the sources within %1 s</source>
        <translation>keine Antwort der Quellen innerhalb von %1 s</translation>
    </message>
    <message>
        <source>a source is unreachable or failing: %1</source>
        <translation>eine Quelle ist nicht erreichbar oder fehlerhaft: %1</translation>
    </message>
    <message>
        <source>--at: expected an RFC 3339 time or an age such as 6h</source>
        <translation>--at: eine RFC-3339-Zeit oder ein Alter wie 6h erwartet</translation>
    </message>
    <message>
        <source>--at needs the cache, which could not be opened</source>
        <translation>--at braucht den Cache, der nicht geöffnet werden konnte</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no host could be judged: %1</source>
        <translation>kein Host konnte beurteilt werden: %1</translation>
    </message>
</context>
<context>
    <name>DriftWording</name>
    <message numerus="yes">
        <source>%1 has no majority value among the %n %2 host(s) (%3 distinct values); not judged</source>
        <translation>
            <numerusform>%1 hat keinen Mehrheitswert unter dem %n Host der Rolle %2 (%3 verschiedene Werte); nicht beurteilt</numerusform>
            <numerusform>%1 hat keinen Mehrheitswert unter den %n Hosts der Rolle %2 (%3 verschiedene Werte); nicht beurteilt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: some values are not versions; compared as strings</source>
        <translation>%1: einige Werte sind keine Versionen; als Zeichenketten verglichen</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) are down and were not judged</source>
        <translation>
            <numerusform>%n Host ist ausgefallen und wurde nicht beurteilt</numerusform>
            <numerusform>%n Hosts sind ausgefallen und wurden nicht beurteilt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) reported no facts (down, or not exporting them) and were not judged</source>
        <translation>
            <numerusform>%n Host meldete keine Fakten (ausgefallen oder exportiert sie nicht) und wurde nicht beurteilt</numerusform>
            <numerusform>%n Hosts meldeten keine Fakten (ausgefallen oder exportieren sie nicht) und wurden nicht beurteilt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) match no baseline layer and were not judged</source>
        <translation>
            <numerusform>%n Host passt zu keiner Baseline-Ebene und wurde nicht beurteilt</numerusform>
            <numerusform>%n Hosts passen zu keiner Baseline-Ebene und wurden nicht beurteilt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) match no baseline layer</source>
        <translation>
            <numerusform>%n Host passt zu keiner Baseline-Ebene</numerusform>
            <numerusform>%n Hosts passen zu keiner Baseline-Ebene</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) have no &quot;%1&quot; label to compare by</source>
        <translation>
            <numerusform>%n Host hat kein Label &quot;%1&quot; zum Vergleichen</numerusform>
            <numerusform>%n Hosts haben kein Label &quot;%1&quot; zum Vergleichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) report no fact series (profile.facts)</source>
        <translation>
            <numerusform>%n Host meldet keine Faktenreihen (profile.facts)</numerusform>
            <numerusform>%n Hosts melden keine Faktenreihen (profile.facts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) are down</source>
        <translation>
            <numerusform>%n Host ist ausgefallen</numerusform>
            <numerusform>%n Hosts sind ausgefallen</numerusform>
        </translation>
    </message>
    <message>
        <source>the sources reported no hosts</source>
        <translation>die Quellen meldeten keine Hosts</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>the consensus by %1</source>
        <translation>den Konsens nach %1</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
</context>
<context>
    <name>HeadlessFleet</name>
    <message>
        <source>Vigil configuration.</source>
        <translation>Vigil-Konfiguration.</translation>
    </message>
    <message>
        <source>Use an in-process simulated fleet.</source>
        <translation>Eine simulierte Flotte im Prozess verwenden.</translation>
    </message>
    <message>
        <source>Simulated hosts.</source>
        <translation>Simulierte Hosts.</translation>
    </message>
    <message>
        <source>Simulator scenario (e.g. drift, steady).</source>
        <translation>Simulator-Szenario (z. B. drift, steady).</translation>
    </message>
    <message>
        <source>SQLite cache.</source>
        <translation>SQLite-Cache.</translation>
    </message>
    <message>
        <source>Seconds to wait for the sources.</source>
        <translation>Sekunden, die auf die Quellen gewartet wird.</translation>
    </message>
    <message>
        <source>pass one of --config FILE or --demo</source>
        <translation>eines von --config DATEI oder --demo angeben</translation>
    </message>
    <message>
        <source>--timeout: expected a positive number of seconds</source>
        <translation>--timeout: eine positive Anzahl Sekunden erwartet</translation>
    </message>
    <message>
        <source>--demo-hosts or --demo-scenario is not valid</source>
        <translation>--demo-hosts oder --demo-scenario ist ungültig</translation>
    </message>
    <message>
        <source>source %1: its secret was not read from the keychain: %2</source>
        <translation>Quelle %1: ihr Geheimnis wurde nicht aus dem Schlüsselbund gelesen: %2</translation>
    </message>
</context>
<context>
    <name>Postmortem</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>First alert of the incident.</source>
        <translation>Erster Alarm des Vorfalls.</translation>
    </message>
    <message>
        <source>Vigil names the probable cause: %1 (%2 alerts).</source>
        <translation>Vigil nennt die wahrscheinliche Ursache: %1 (%2 Alarme).</translation>
    </message>
    <message>
        <source>The incident is back (%1 alerts).</source>
        <translation>Der Vorfall ist zurück (%1 Alarme).</translation>
    </message>
    <message>
        <source>Escalates to %1 alerts.</source>
        <translation>Eskaliert auf %1 Alarme.</translation>
    </message>
    <message>
        <source>Severity rises to %1.</source>
        <translation>Schweregrad steigt auf %1.</translation>
    </message>
    <message>
        <source>Resolved: none of its alerts is active.</source>
        <translation>Behoben: keiner seiner Alarme ist aktiv.</translation>
    </message>
    <message>
        <source>Note by %1: %2</source>
        <translation>Notiz von %1: %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1 (silence %2).</source>
        <translation>Quittiert von %1 (Stummschaltung %2).</translation>
    </message>
    <message>
        <source>Silence by %1: %2 (%3).</source>
        <translation>Stummschaltung von %1: %2 (%3).</translation>
    </message>
    <message>
        <source># Postmortem draft: %1

</source>
        <translation># Postmortem-Entwurf: %1

</translation>
    </message>
    <message>
        <source>*Drafted by Vigil from an incident snapshot of %1 to %2, exported by %3. Redacted: %4. Everything below is what the monitoring saw; the why is yours to write.*

</source>
        <translation>*Von Vigil entworfen aus einem Vorfall-Snapshot von %1 bis %2, exportiert von %3. Geschwärzt: %4. Alles Folgende ist, was das Monitoring sah; das Warum schreiben Sie.*

</translation>
    </message>
    <message>
        <source>## Summary

</source>
        <translation>## Zusammenfassung

</translation>
    </message>
    <message>
        <source>- **Probable cause:** %1 (%2, confidence %3 %)
</source>
        <translation>- **Wahrscheinliche Ursache:** %1 (%2, Konfidenz %3 %)
</translation>
    </message>
    <message>
        <source>- **Evidence:** %1
</source>
        <translation>- **Belege:** %1
</translation>
    </message>
    <message>
        <source>- **First alert:** %1
</source>
        <translation>- **Erster Alarm:** %1
</translation>
    </message>
    <message>
        <source>- **Peak:** %1 alerts at %2
</source>
        <translation>- **Höhepunkt:** %1 Alarme um %2
</translation>
    </message>
    <message>
        <source>- **Resolved:** %1, after %2
</source>
        <translation>- **Behoben:** %1, nach %2
</translation>
    </message>
    <message>
        <source>- **Resolved:** not within the snapshot&apos;s window
</source>
        <translation>- **Behoben:** nicht innerhalb des Zeitfensters des Snapshots
</translation>
    </message>
    <message>
        <source>- **Blast radius:** %1 hosts, %2 services

</source>
        <translation>- **Auswirkungsradius:** %1 Hosts, %2 Dienste

</translation>
    </message>
    <message>
        <source>## Timeline (UTC)

| time | what |
|---|---|
</source>
        <translation>## Zeitleiste (UTC)

| Zeit | was |
|---|---|
</translation>
    </message>
    <message>
        <source>
## Active alerts by minute

| minute | critical | warning | info |
|---|---:|---:|---:|
</source>
        <translation>
## Aktive Alarme pro Minute

| Minute | kritisch | Warnung | Info |
|---|---:|---:|---:|
</translation>
    </message>
    <message>
        <source>
## Blast radius

</source>
        <translation>
## Auswirkungsradius

</translation>
    </message>
    <message>
        <source>The incident on the fleet&apos;s map at its peak</source>
        <translation>Der Vorfall auf der Karte der Flotte zu seinem Höhepunkt</translation>
    </message>
    <message>
        <source>Services: %1

</source>
        <translation>Dienste: %1

</translation>
    </message>
    <message>
        <source>Hosts (%1 of %2): %3

</source>
        <translation>Hosts (%1 von %2): %3

</translation>
    </message>
    <message>
        <source>## Affected hosts&apos; metrics

Means over the 10 minutes before the first alert and during the incident.

| host | metric | before | during |
|---|---|---:|---:|
</source>
        <translation>## Metriken der betroffenen Hosts

Mittelwerte über die 10 Minuten vor dem ersten Alarm und während des Vorfalls.

| Host | Metrik | vorher | während |
|---|---|---:|---:|
</translation>
    </message>
    <message>
        <source>
## To write

- Impact on users:
- Why it happened:
- What we change:
</source>
        <translation>
## Noch zu schreiben

- Auswirkung auf Benutzer:
- Warum es geschah:
- Was wir ändern:
</translation>
    </message>
    <message>
        <source>Postmortem draft: %1</source>
        <translation>Postmortem-Entwurf: %1</translation>
    </message>
    <message>
        <source>Drafted by Vigil from an incident snapshot of %1 to %2, exported by %3. Redacted: %4. Everything below is what the monitoring saw; the why is yours to write.</source>
        <translation>Von Vigil entworfen aus einem Vorfall-Snapshot von %1 bis %2, exportiert von %3. Geschwärzt: %4. Alles Folgende ist, was das Monitoring sah; das Warum schreiben Sie.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Probable cause</source>
        <translation>Wahrscheinliche Ursache</translation>
    </message>
    <message>
        <source>%1 (%2, confidence %3 %)</source>
        <translation>%1 (%2, Konfidenz %3 %)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>First alert</source>
        <translation>Erster Alarm</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Höhepunkt</translation>
    </message>
    <message>
        <source>%1 alerts at %2</source>
        <translation>%1 Alarme um %2</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>%1, after %2</source>
        <translation>%1, nach %2</translation>
    </message>
    <message>
        <source>not within the snapshot&apos;s window</source>
        <translation>nicht innerhalb des Zeitfensters des Snapshots</translation>
    </message>
    <message>
        <source>Blast radius</source>
        <translation>Auswirkungsradius</translation>
    </message>
    <message>
        <source>%1 hosts, %2 services</source>
        <translation>%1 Hosts, %2 Dienste</translation>
    </message>
    <message>
        <source>Timeline (UTC)</source>
        <translation>Zeitleiste (UTC)</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>what</source>
        <translation>was</translation>
    </message>
    <message>
        <source>Active alerts by minute</source>
        <translation>Aktive Alarme pro Minute</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Services: %1</source>
        <translation>Dienste: %1</translation>
    </message>
    <message>
        <source>Hosts (%1 of %2): %3</source>
        <translation>Hosts (%1 von %2): %3</translation>
    </message>
    <message>
        <source>Affected hosts&apos; metrics</source>
        <translation>Metriken der betroffenen Hosts</translation>
    </message>
    <message>
        <source>Means over the 10 minutes before the first alert and during the incident.</source>
        <translation>Mittelwerte über die 10 Minuten vor dem ersten Alarm und während des Vorfalls.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>during</source>
        <translation>während</translation>
    </message>
    <message>
        <source>To write</source>
        <translation>Noch zu schreiben</translation>
    </message>
    <message>
        <source>Impact on users:</source>
        <translation>Auswirkung auf Benutzer:</translation>
    </message>
    <message>
        <source>Why it happened:</source>
        <translation>Warum es geschah:</translation>
    </message>
    <message>
        <source>What we change:</source>
        <translation>Was wir ändern:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failing (%1)</source>
        <translation>fehlerhaft (%1)</translation>
    </message>
    <message>
        <source>Vigil triage at %1: %2 alerts, %3 incidents%4
</source>
        <translation>Vigil-Triage um %1: %2 Alarme, %3 Vorfälle%4
</translation>
    </message>
    <message>
        <source> (alert storm)</source>
        <translation> (Alarmsturm)</translation>
    </message>
    <message>
        <source>Sources: %1
</source>
        <translation>Quellen: %1
</translation>
    </message>
    <message>
        <source>The fleet below is from the cache: no source has answered yet.
</source>
        <translation>Die Flotte unten stammt aus dem Cache: noch keine Quelle hat geantwortet.
</translation>
    </message>
    <message>
        <source>(confidence %1 %)
</source>
        <translation>(Konfidenz %1 %)
</translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) (%1 active, %2 suppressed)</source>
        <translation>
            <numerusform>%Ln Alarm (%1 aktiv, %2 unterdrückt)</numerusform>
            <numerusform>%Ln Alarme (%1 aktiv, %2 unterdrückt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %Ln host(s)</source>
        <translation>
            <numerusform> auf %Ln Host</numerusform>
            <numerusform> auf %Ln Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln service(s)</source>
        <translation>
            <numerusform>, %Ln Dienst</numerusform>
            <numerusform>, %Ln Dienste</numerusform>
        </translation>
    </message>
    <message>
        <source>, since %1
</source>
        <translation>, seit %1
</translation>
    </message>
    <message>
        <source>Why: %1
</source>
        <translation>Warum: %1
</translation>
    </message>
    <message>
        <source> (at the cause)</source>
        <translation> (an der Ursache)</translation>
    </message>
    <message>
        <source>Alerts: %1
</source>
        <translation>Alarme: %1
</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>Hosts: %1
</source>
        <translation>Hosts: %1
</translation>
    </message>
    <message>
        <source>Services: %1
</source>
        <translation>Dienste: %1
</translation>
    </message>
    <message>
        <source>
%1 more incidents not shown (--limit)
</source>
        <translation>
%1 weitere Vorfälle nicht gezeigt (--limit)
</translation>
    </message>
    <message>
        <source>
No incidents.
</source>
        <translation>
Keine Vorfälle.
</translation>
    </message>
    <message>
        <source>
No incidents, and nothing is watching: %1.
</source>
        <translation>
Keine Vorfälle, und nichts wird beobachtet: %1.
</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>the snapshot holds no incident</source>
        <translation>der Snapshot enthält keinen Vorfall</translation>
    </message>
    <message>
        <source>the incident %1 never appears in the snapshot</source>
        <translation>der Vorfall %1 kommt im Snapshot nicht vor</translation>
    </message>
    <message>
        <source>Postmortem draft: %1</source>
        <translation>Postmortem-Entwurf: %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Usage: vigil snapshot check FILE.vigil
Validate an incident snapshot and say what it holds. Exit 0 when it opens, 2 when it does not.</source>
        <translation>Aufruf: vigil snapshot check DATEI.vigil
Einen Vorfall-Snapshot prüfen und sagen, was er enthält. Exit 0, wenn er sich öffnen lässt, 2, wenn nicht.</translation>
    </message>
    <message>
        <source>usage: vigil snapshot check FILE.vigil</source>
        <translation>Aufruf: vigil snapshot check DATEI.vigil</translation>
    </message>
    <message>
        <source>%1: a Vigil snapshot (format %2) of %3 to %4, made by %5 at %6 with Vigil %7</source>
        <translation>%1: ein Vigil-Snapshot (Format %2) von %3 bis %4, erstellt von %5 um %6 mit Vigil %7</translation>
    </message>
    <message>
        <source>about: %1</source>
        <translation>betrifft: %1</translation>
    </message>
    <message>
        <source>%1 hosts and %2 active alerts at the end; %3 events; redacted: %4</source>
        <translation>%1 Hosts und %2 aktive Alarme am Ende; %3 Ereignisse; geschwärzt: %4</translation>
    </message>
    <message>
        <source>Draft the postmortem of an incident in a snapshot: timeline, alerts per minute by severity, the affected hosts&apos; metrics, the blast radius map and the evidence in words, as Markdown, HTML or PDF (by --out&apos;s extension).</source>
        <translation>Das Postmortem eines Vorfalls aus einem Snapshot entwerfen: Zeitleiste, Alarme pro Minute nach Schweregrad, die Metriken der betroffenen Hosts, die Karte des Auswirkungsradius und die Belege in Worten, als Markdown, HTML oder PDF (nach der Endung von --out).</translation>
    </message>
    <message>
        <source>The snapshot.</source>
        <translation>Der Snapshot.</translation>
    </message>
    <message>
        <source>The incident&apos;s key (default: the one the snapshot was exported for, else the top incident at its end).</source>
        <translation>Der Schlüssel des Vorfalls (Standard: der, für den der Snapshot exportiert wurde, sonst der oberste Vorfall an seinem Ende).</translation>
    </message>
    <message>
        <source>draft.md, draft.html or draft.pdf.</source>
        <translation>entwurf.md, entwurf.html oder entwurf.pdf.</translation>
    </message>
    <message>
        <source>usage: vigil snapshot writeup FILE.vigil [--incident KEY] --out draft.md|html|pdf</source>
        <translation>Aufruf: vigil snapshot writeup DATEI.vigil [--incident SCHLÜSSEL] --out entwurf.md|html|pdf</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>expected `vigil snapshot export ...` or `vigil snapshot check FILE`</source>
        <translation>`vigil snapshot export ...` oder `vigil snapshot check DATEI` erwartet</translation>
    </message>
    <message>
        <source>Export an incident snapshot: one file with the window&apos;s hosts, metrics, alerts, silences, notes and source health, opened later with `vigil FILE.vigil` without a network. Exit 0 when the file holds the whole window, 1 when it was written with gaps, 2 on errors.</source>
        <translation>Einen Vorfall-Snapshot exportieren: eine Datei mit den Hosts, Metriken, Alarmen, Stummschaltungen, Notizen und dem Quellenzustand des Zeitfensters, später ohne Netzwerk mit `vigil DATEI.vigil` geöffnet. Exit 0, wenn die Datei das ganze Zeitfenster enthält, 1, wenn sie mit Lücken geschrieben wurde, 2 bei Fehlern.</translation>
    </message>
    <message>
        <source>The snapshot command.</source>
        <translation>Der Snapshot-Befehl.</translation>
    </message>
    <message>
        <source>Write a snapshot file.</source>
        <translation>Eine Snapshot-Datei schreiben.</translation>
    </message>
    <message>
        <source>Start of the window (RFC 3339 time, or an age such as 2h).</source>
        <translation>Beginn des Zeitfensters (RFC-3339-Zeit oder ein Alter wie 2h).</translation>
    </message>
    <message>
        <source>End of the window (default: now).</source>
        <translation>Ende des Zeitfensters (Standard: jetzt).</translation>
    </message>
    <message>
        <source>The incident (its key, as `vigil triage` prints it): the window runs from 30 minutes before its first alert to now.</source>
        <translation>Der Vorfall (sein Schlüssel, wie `vigil triage` ihn ausgibt): das Zeitfenster reicht von 30 Minuten vor seinem ersten Alarm bis jetzt.</translation>
    </message>
    <message>
        <source>A moment: the window is 30 minutes either side.</source>
        <translation>Ein Moment: das Zeitfenster reicht 30 Minuten zu beiden Seiten.</translation>
    </message>
    <message>
        <source>The file to write (FILE.vigil).</source>
        <translation>Die zu schreibende Datei (DATEI.vigil).</translation>
    </message>
    <message>
        <source>Replace host names by hashes (the same name, the same hash).</source>
        <translation>Hostnamen durch Hashes ersetzen (gleicher Name, gleicher Hash).</translation>
    </message>
    <message>
        <source>Hash the values of labels whose name matches this regex.</source>
        <translation>Die Werte der Labels hashen, deren Name auf diesen regulären Ausdruck passt.</translation>
    </message>
    <message>
        <source>Hash every label value matching this regex.</source>
        <translation>Jeden Labelwert hashen, der auf diesen regulären Ausdruck passt.</translation>
    </message>
    <message>
        <source>With --redact-labels: drop those labels instead of hashing them.</source>
        <translation>Mit --redact-labels: diese Labels weglassen statt sie zu hashen.</translation>
    </message>
    <message>
        <source>Leave the alerts&apos; annotations (summaries, runbooks) out.</source>
        <translation>Die Annotationen der Alarme (Zusammenfassungen, Runbooks) weglassen.</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>--out DATEI ist erforderlich</translation>
    </message>
    <message>
        <source>give the window one way: --from, --incident or --around</source>
        <translation>das Zeitfenster auf eine Art angeben: --from, --incident oder --around</translation>
    </message>
    <message>
        <source>--to: expected an RFC 3339 time or an age such as 2h</source>
        <translation>--to: eine RFC-3339-Zeit oder ein Alter wie 2h erwartet</translation>
    </message>
    <message>
        <source>--from: expected an RFC 3339 time or an age such as 2h</source>
        <translation>--from: eine RFC-3339-Zeit oder ein Alter wie 2h erwartet</translation>
    </message>
    <message>
        <source>--around: expected an RFC 3339 time or an age such as 2h</source>
        <translation>--around: eine RFC-3339-Zeit oder ein Alter wie 2h erwartet</translation>
    </message>
    <message>
        <source>the cache could not be opened, and a snapshot is written from it</source>
        <translation>der Cache konnte nicht geöffnet werden, und ein Snapshot wird aus ihm geschrieben</translation>
    </message>
    <message>
        <source>the redaction&apos;s pattern %1</source>
        <translation>das Muster der Schwärzung %1</translation>
    </message>
    <message>
        <source>no incident %1 is open (see `vigil triage` for their keys)</source>
        <translation>kein Vorfall %1 ist offen (siehe `vigil triage` für ihre Schlüssel)</translation>
    </message>
    <message>
        <source>the window is empty: --to must come after --from</source>
        <translation>das Zeitfenster ist leer: --to muss nach --from liegen</translation>
    </message>
    <message>
        <source>wrote %1 (%2 to %3): %4 hosts, %5 alerts, %6 metric minutes of which %7 from the sources&apos; history, %8 KiB</source>
        <translation>%1 geschrieben (%2 bis %3): %4 Hosts, %5 Alarme, %6 Metrikminuten, davon %7 aus der Historie der Quellen, %8 KiB</translation>
    </message>
    <message>
        <source>a source did not answer; the file ends with what the cache held: %1</source>
        <translation>eine Quelle hat nicht geantwortet; die Datei endet mit dem, was der Cache enthielt: %1</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>%1 metric minutes of the window have no values (neither the cache nor the sources held them)</source>
        <translation>%1 Metrikminuten des Zeitfensters haben keine Werte (weder der Cache noch die Quellen hatten sie)</translation>
    </message>
</context>
<context>
    <name>SourceHealthProxy</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>FAILING</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Letzter Erfolg</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <source>Print the current incidents, ranked, with their causes. Exit 0 when no active incident reaches --fail-on, 1 when one does, 2 on errors.</source>
        <translation>Die aktuellen Vorfälle nach Rang mit ihren Ursachen ausgeben. Exit 0, wenn kein aktiver Vorfall --fail-on erreicht, 1, wenn einer es tut, 2 bei Fehlern.</translation>
    </message>
    <message>
        <source>The triage command.</source>
        <translation>Der Triage-Befehl.</translation>
    </message>
    <message>
        <source>text or json.</source>
        <translation>text oder json.</translation>
    </message>
    <message>
        <source>warning (default) or critical.</source>
        <translation>warning (Standard) oder critical.</translation>
    </message>
    <message>
        <source>Incidents to print (0: all).</source>
        <translation>Auszugebende Vorfälle (0: alle).</translation>
    </message>
    <message>
        <source>Seconds to keep polling after every source answered, so alerts that follow their cause are counted.</source>
        <translation>Sekunden, die nach der Antwort jeder Quelle weiter abgefragt wird, damit Alarme, die ihrer Ursache folgen, mitgezählt werden.</translation>
    </message>
    <message>
        <source>--format: expected text or json</source>
        <translation>--format: text oder json erwartet</translation>
    </message>
    <message>
        <source>--fail-on: expected warning or critical</source>
        <translation>--fail-on: warning oder critical erwartet</translation>
    </message>
    <message>
        <source>--limit and --settle: expected a number, 0 or more</source>
        <translation>--limit und --settle: eine Zahl erwartet, 0 oder mehr</translation>
    </message>
    <message>
        <source>no answer from every source within %1 s</source>
        <translation>keine Antwort von allen Quellen innerhalb von %1 s</translation>
    </message>
    <message>
        <source>a source is unreachable or failing: %1</source>
        <translation>eine Quelle ist nicht erreichbar oder fehlerhaft: %1</translation>
    </message>
</context>
<context>
    <name>ViewControls</name>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Colour range: 0–100 % for ratios, else 0 to the 95th percentile</source>
        <translation>Farbbereich: 0–100 % für Anteile, sonst 0 bis zum 95. Perzentil</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
</context>
<context>
    <name>WallStrip</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>%1: waiting for a first answer</source>
        <translation>%1: wartet auf eine erste Antwort</translation>
    </message>
    <message>
        <source>%1: %2 — never answered</source>
        <translation>%1: %2 — hat nie geantwortet</translation>
    </message>
    <message>
        <source>%1: %2 — last good data %3</source>
        <translation>%1: %2 — letzte gute Daten %3</translation>
    </message>
    <message>
        <source>Waiting for the fleet…</source>
        <translation>Warte auf die Flotte…</translation>
    </message>
    <message>
        <source>DATA STALE — no data yet</source>
        <translation>DATEN VERALTET — noch keine Daten</translation>
    </message>
    <message numerus="yes">
        <source>▲ %n CRITICAL</source>
        <translation>
            <numerusform>▲ %n KRITISCH</numerusform>
            <numerusform>▲ %n KRITISCH</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>◆ %n WARNING</source>
        <translation>
            <numerusform>◆ %n WARNUNG</numerusform>
            <numerusform>◆ %n WARNUNGEN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>● %n info</source>
        <translation>
            <numerusform>● %n Info</numerusform>
            <numerusform>● %n Infos</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ No open incidents</source>
        <translation>✓ Keine offenen Vorfälle</translation>
    </message>
    <message>
        <source>(acknowledged)</source>
        <translation>(quittiert)</translation>
    </message>
    <message>
        <source>%1 up</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source>▼ %1 DOWN</source>
        <translation>▼ %1 AUSGEFALLEN</translation>
    </message>
    <message>
        <source>data %1</source>
        <translation>Daten %1</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>noch keine Daten</translation>
    </message>
    <message>
        <source>showing the cached fleet, no poll has landed yet</source>
        <translation>zeigt die zwischengespeicherte Flotte, noch keine Abfrage eingetroffen</translation>
    </message>
    <message>
        <source>DATA STALE — %1</source>
        <translation>DATEN VERALTET — %1</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NEU</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no wall playlist shows the view &quot;%1&quot;</source>
        <translation>keine Playlist der Wand zeigt die Ansicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>unknown view &quot;%1&quot;</source>
        <translation>unbekannte Ansicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>source %1: its secret was not read from the keychain: %2</source>
        <translation>Quelle %1: ihr Geheimnis wurde nicht aus dem Schlüsselbund gelesen: %2</translation>
    </message>
    <message>
        <source>This Vigil runs the demo; start Vigil without --demo to use the settings.</source>
        <translation>Dieses Vigil zeigt die Demo; starten Sie Vigil ohne --demo, um die Einstellungen zu verwenden.</translation>
    </message>
    <message>
        <source>This Vigil runs on %1, which the settings never change; start Vigil without --config to use them.</source>
        <translation>Dieses Vigil läuft mit %1, das die Einstellungen nie ändern; starten Sie Vigil ohne --config, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>This Vigil was started with --prometheus or --alertmanager; start Vigil without them to use the settings.</source>
        <translation>Dieses Vigil wurde mit --prometheus oder --alertmanager gestartet; starten Sie Vigil ohne sie, um die Einstellungen zu verwenden.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>Restart Vigil now to watch with the new settings?</source>
        <translation>Vigil jetzt neu starten, um mit den neuen Einstellungen zu überwachen?</translation>
    </message>
</context>
<context>
    <name>vigil::AlertTableModel</name>
    <message>
        <source>inhibited</source>
        <translation>inhibiert</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>%1 (first seen)</source>
        <translation>%1 (zuerst gesehen)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Seen by</source>
        <translation>Gesehen von</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>vigil::AlertTimeline</name>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>alerts/min</source>
        <translation>Alarme/min</translation>
    </message>
    <message>
        <source>alerts/%1 min</source>
        <translation>Alarme/%1 min</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Alerts per minute by severity</source>
        <translation>Alarme pro Minute nach Schweregrad</translation>
    </message>
</context>
<context>
    <name>vigil::AmGroupModel</name>
    <message>
        <source>(all alerts)</source>
        <translation>(alle Alarme)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>1 incident: %1</source>
        <translation>1 Vorfall: %1</translation>
    </message>
    <message>
        <source>%1 incidents, mostly %2</source>
        <translation>%1 Vorfälle, meist %2</translation>
    </message>
    <message>
        <source>Alertmanager group</source>
        <translation>Alertmanager-Gruppe</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>In Vigil&apos;s incidents</source>
        <translation>In Vigils Vorfällen</translation>
    </message>
</context>
<context>
    <name>vigil::DriftClusterModel</name>
    <message numerus="yes">
        <source>consensus of %L1 of %Ln %2 host(s)</source>
        <translation>
            <numerusform>Konsens: %L1 von %Ln %2-Host</numerusform>
            <numerusform>Konsens: %L1 von %Ln %2-Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::DriftClusterProxy</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>%1 of the cluster&apos;s %2 hosts match the filter</source>
        <translation>%1 der %2 Hosts des Clusters passen zum Filter</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fakt</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>New (24 h)</source>
        <translation>Neu (24 h)</translation>
    </message>
    <message>
        <source>New since report</source>
        <translation>Neu seit Bericht</translation>
    </message>
</context>
<context>
    <name>vigil::DriftView</name>
    <message>
        <source>Vigil drift report</source>
        <translation>Vigil-Driftbericht</translation>
    </message>
    <message>
        <source>Drift report</source>
        <translation>Driftbericht</translation>
    </message>
    <message>
        <source>%1 · compliance %2 % (%3 of %4 hosts) against %5</source>
        <translation>%1 · Konformität %2 % (%3 von %4 Hosts) gegen %5</translation>
    </message>
    <message>
        <source>Since the last report (%1): %2 newly drifted, %3 fixed</source>
        <translation>Seit dem letzten Bericht (%1): %2 neu abgewichen, %3 behoben</translation>
    </message>
    <message>
        <source>Drift clusters</source>
        <translation>Drift-Cluster</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fakt</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Which hosts</source>
        <translation>Welche Hosts</translation>
    </message>
    <message>
        <source>No drift.</source>
        <translation>Keine Drift.</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Konform</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Konformität</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Nach %1</translation>
    </message>
    <message>
        <source>By fact</source>
        <translation>Nach Fakt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>The drift report has not been computed yet.</source>
        <translation>Der Driftbericht wurde noch nicht berechnet.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Filter hosts: role=&quot;api&quot; region=~&quot;eu.*&quot; or a name</source>
        <translation>Hosts filtern: role=&quot;api&quot; region=~&quot;eu.*&quot; oder ein Name</translation>
    </message>
    <message>
        <source>Copy hosts</source>
        <translation>Hosts kopieren</translation>
    </message>
    <message>
        <source>Copy matcher</source>
        <translation>Matcher kopieren</translation>
    </message>
    <message>
        <source>Copy Ansible group</source>
        <translation>Ansible-Gruppe kopieren</translation>
    </message>
    <message>
        <source>Mark in other views</source>
        <translation>In anderen Ansichten markieren</translation>
    </message>
    <message>
        <source>Mark these hosts in the heatmap, the topology maps and triage</source>
        <translation>Diese Hosts in der Heatmap, den Topologiekarten und der Triage markieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Als gesehen markieren</translation>
    </message>
    <message>
        <source>This report becomes the last report: later ones count what drifted and what was fixed since</source>
        <translation>Dieser Bericht wird der letzte Bericht: spätere zählen, was seitdem abgewichen ist und was behoben wurde</translation>
    </message>
    <message>
        <source>Hosts in the cluster</source>
        <translation>Hosts im Cluster</translation>
    </message>
    <message>
        <source>Host detail</source>
        <translation>Host-Details</translation>
    </message>
    <message>
        <source>Show in the topology</source>
        <translation>In der Topologie zeigen</translation>
    </message>
    <message>
        <source>Show the cluster in the heatmap</source>
        <translation>Den Cluster in der Heatmap zeigen</translation>
    </message>
    <message>
        <source>Show the cluster on the service map</source>
        <translation>Den Cluster auf der Dienstkarte zeigen</translation>
    </message>
    <message>
        <source>Export the drift report</source>
        <translation>Den Driftbericht exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML-Bericht…</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF-Bericht…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (one line per drifted fact)…</source>
        <translation>CSV (eine Zeile pro abweichendem Fakt)…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Write the consensus as a baseline YAML…</source>
        <translation>Den Konsens als Baseline-YAML schreiben…</translation>
    </message>
    <message>
        <source>YAML (*.yaml)</source>
        <translation>YAML (*.yaml)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drift&lt;/b&gt;: waiting for the fleet&apos;s facts…</source>
        <translation>&lt;b&gt;Drift&lt;/b&gt;: wartet auf die Fakten der Flotte…</translation>
    </message>
    <message>
        <source>Compliance %1 %</source>
        <translation>Konformität %1 %</translation>
    </message>
    <message>
        <source>Nothing judged</source>
        <translation>Nichts beurteilt</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; — %L2 of %L3 hosts, against %4</source>
        <translation>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; — %L2 von %L3 Hosts, gegen %4</translation>
    </message>
    <message numerus="yes">
        <source>%n drift cluster(s)</source>
        <translation>
            <numerusform>%n Drift-Cluster</numerusform>
            <numerusform>%n Drift-Cluster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new or growing in the last 24 h</source>
        <translation>
            <numerusform>%n neu oder wachsend in den letzten 24 h</numerusform>
            <numerusform>%n neu oder wachsend in den letzten 24 h</numerusform>
        </translation>
    </message>
    <message>
        <source>By %1: %2</source>
        <translation>Nach %1: %2</translation>
    </message>
    <message>
        <source>By fact: %1</source>
        <translation>Nach Fakt: %1</translation>
    </message>
    <message>
        <source>The last report (%1) cannot be compared: the cache holds no facts from then</source>
        <translation>Der letzte Bericht (%1) kann nicht verglichen werden: der Cache enthält keine Fakten aus dieser Zeit</translation>
    </message>
    <message>
        <source>The baseline could not be used (%1); judging against the consensus instead.</source>
        <translation>Die Baseline konnte nicht verwendet werden (%1); stattdessen wird gegen den Konsens beurteilt.</translation>
    </message>
    <message>
        <source>No host could be judged: %1.</source>
        <translation>Kein Host konnte beurteilt werden: %1.</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>%1 of %2 drifted hosts match</source>
        <translation>%1 von %2 abweichenden Hosts passen</translation>
    </message>
    <message>
        <source>drift %1 = %2</source>
        <translation>Drift %1 = %2</translation>
    </message>
    <message>
        <source>Counting the values of %1…</source>
        <translation>Zähle die Werte von %1…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Values of %1&lt;/b&gt; on %n host(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Werte von %1&lt;/b&gt; auf %n Host</numerusform>
            <numerusform>&lt;b&gt;Werte von %1&lt;/b&gt; auf %n Hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>under layer %1</source>
        <translation>unter Ebene %1</translation>
    </message>
    <message>
        <source>in the filter</source>
        <translation>im Filter</translation>
    </message>
    <message>
        <source>baseline: %1</source>
        <translation>Baseline: %1</translation>
    </message>
    <message>
        <source>%1 distinct values, the %2 most common shown</source>
        <translation>%1 verschiedene Werte, die %2 häufigsten gezeigt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; against its baseline</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gegen seine Baseline</translation>
    </message>
    <message>
        <source>Compliance over the last day</source>
        <translation>Konformität über den letzten Tag</translation>
    </message>
</context>
<context>
    <name>vigil::FactValuesProxy</name>
    <message>
        <source>complies</source>
        <translation>konform</translation>
    </message>
    <message>
        <source>drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
</context>
<context>
    <name>vigil::FleetViews</name>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Host map</source>
        <translation>Host-Karte</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
</context>
<context>
    <name>vigil::HostCheckProxy</name>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fakt</translation>
    </message>
    <message>
        <source>Is</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>vigil::HostDetailDialog</name>
    <message>
        <source>Host detail</source>
        <translation>Host-Details</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Fakten</translation>
    </message>
    <message>
        <source>Double-click: show the host&apos;s alerts in triage</source>
        <translation>Doppelklick: die Alarme des Hosts in der Triage zeigen</translation>
    </message>
    <message>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message>
        <source>Alerts (none name this host)</source>
        <translation>Alarme (keiner nennt diesen Host)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is no longer in the fleet.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist nicht mehr in der Flotte.</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>STALE: the data is older than two poll intervals</source>
        <translation>VERALTET: die Daten sind älter als zwei Abfrageintervalle</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>median of %1</source>
        <translation>Median von %1</translation>
    </message>
    <message>
        <source>fleet median</source>
        <translation>Median der Flotte</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>No history for this host in the range.</source>
        <translation>Keine Historie für diesen Host im Zeitraum.</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fakt</translation>
    </message>
</context>
<context>
    <name>vigil::HostMapCanvas</name>
    <message>
        <source>(95th percentile)</source>
        <translation>(95. Perzentil)</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>1 px = %1 hosts (worst shown)</source>
        <translation>1 px = %1 Hosts (schlimmster gezeigt)</translation>
    </message>
    <message>
        <source>STALE: the data is older than two poll intervals</source>
        <translation>VERALTET: die Daten sind älter als zwei Abfrageintervalle</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n aktiver Alarm</numerusform>
            <numerusform>%n aktive Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Host map</source>
        <translation>Host-Karte</translation>
    </message>
</context>
<context>
    <name>vigil::HostMapView</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Filter: service=&quot;web&quot; rack=~&quot;eu1-.*&quot; or a name</source>
        <translation>Filter: service=&quot;web&quot; rack=~&quot;eu1-.*&quot; oder ein Name</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Farbe nach</translation>
    </message>
    <message>
        <source>Size by</source>
        <translation>Größe nach</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Groups whose hosts redline while others idle, most uneven first. Click: the group&apos;s hosts and what to move.</source>
        <translation>Gruppen, deren Hosts am Limit laufen, während andere im Leerlauf sind, die ungleichsten zuerst. Klick: die Hosts der Gruppe und was zu verschieben ist.</translation>
    </message>
    <message>
        <source>Uneven load by</source>
        <translation>Ungleiche Last nach</translation>
    </message>
    <message>
        <source>pool (service)</source>
        <translation>Pool (Dienst)</translation>
    </message>
    <message>
        <source>Hosts whose wear signals trend toward their failure threshold, soonest first. Click: host detail.</source>
        <translation>Hosts, deren Verschleißsignale auf ihre Ausfallschwelle zulaufen, die frühesten zuerst. Klick: Host-Details.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hardware wear&lt;/b&gt; (soonest to fail first)</source>
        <translation>&lt;b&gt;Hardware-Verschleiß&lt;/b&gt; (frühester Ausfall zuerst)</translation>
    </message>
    <message>
        <source>Export the hardware wear ranking</source>
        <translation>Die Rangliste des Hardware-Verschleißes exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Loading a day of wear history…</source>
        <translation>Lade einen Tag Verschleißhistorie…</translation>
    </message>
    <message>
        <source>No wear history source.</source>
        <translation>Keine Quelle für die Verschleißhistorie.</translation>
    </message>
    <message>
        <source>(equal)</source>
        <translation>(gleich)</translation>
    </message>
    <message>
        <source>%L1 hosts in %2 groups · %L3 down · tile %4 px</source>
        <translation>%L1 Hosts in %2 Gruppen · %L3 ausgefallen · Kachel %4 px</translation>
    </message>
    <message>
        <source>%1 match the filter</source>
        <translation>%1 passen zum Filter</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message numerus="yes">
        <source>ringed: %1 (%n host(s) on the map)</source>
        <translation>
            <numerusform>umringt: %1 (%n Host auf der Karte)</numerusform>
            <numerusform>umringt: %1 (%n Hosts auf der Karte)</numerusform>
        </translation>
    </message>
    <message>
        <source>tiles too small to show size: filter or group coarser</source>
        <translation>Kacheln zu klein, um die Größe zu zeigen: filtern oder gröber gruppieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to replace soon&lt;/b&gt; (projected to fail within 14 days) of %2 hosts judged on %3 h of history.</source>
        <translation>&lt;b&gt;%1 bald zu ersetzen&lt;/b&gt; (Ausfall innerhalb von 14 Tagen erwartet) von %2 Hosts, beurteilt über %3 h Historie.</translation>
    </message>
    <message>
        <source>The query profile has no wear metrics (a metric with &lt;i&gt;fail_at&lt;/i&gt;).</source>
        <translation>Das Abfrageprofil hat keine Verschleißmetriken (eine Metrik mit &lt;i&gt;fail_at&lt;/i&gt;).</translation>
    </message>
    <message>
        <source>The wear ranking has not been loaded yet.</source>
        <translation>Die Verschleiß-Rangliste wurde noch nicht geladen.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uneven load&lt;/b&gt;&lt;br&gt;Needs the metric &lt;i&gt;%1&lt;/i&gt; in the query profile (profile.load.metric).</source>
        <translation>&lt;b&gt;Ungleiche Last&lt;/b&gt;&lt;br&gt;Braucht die Metrik &lt;i&gt;%1&lt;/i&gt; im Abfrageprofil (profile.load.metric).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uneven load&lt;/b&gt;&lt;br&gt;Computing…</source>
        <translation>&lt;b&gt;Ungleiche Last&lt;/b&gt;&lt;br&gt;Berechne…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uneven load&lt;/b&gt; (%1)</source>
        <translation>&lt;b&gt;Ungleiche Last&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>No group of at least four hosts with a %1 figure.</source>
        <translation>Keine Gruppe von mindestens vier Hosts mit einem Wert für %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uneven load&lt;/b&gt; (%1 by pool, most uneven first)</source>
        <translation>&lt;b&gt;Ungleiche Last&lt;/b&gt; (%1 nach Pool, die ungleichsten zuerst)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uneven load&lt;/b&gt; (%1 by %2, most uneven first)</source>
        <translation>&lt;b&gt;Ungleiche Last&lt;/b&gt; (%1 nach %2, die ungleichsten zuerst)</translation>
    </message>
    <message>
        <source>Next host</source>
        <translation>Nächster Host</translation>
    </message>
    <message>
        <source>Previous host</source>
        <translation>Voriger Host</translation>
    </message>
    <message>
        <source>Host above</source>
        <translation>Host darüber</translation>
    </message>
    <message>
        <source>Host below</source>
        <translation>Host darunter</translation>
    </message>
    <message>
        <source>First host</source>
        <translation>Erster Host</translation>
    </message>
    <message>
        <source>Last host</source>
        <translation>Letzter Host</translation>
    </message>
    <message>
        <source>Open the host</source>
        <translation>Host öffnen</translation>
    </message>
</context>
<context>
    <name>vigil::HostTableProxy</name>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>AUSGEFALLEN</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (stale)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>vigil::HostTableView</name>
    <message>
        <source>Filter: region=eu1 role=~db.* status… or part of a host name</source>
        <translation>Filter: region=eu1 role=~db.* status… oder ein Teil eines Hostnamens</translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation>Filter nicht angewandt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln host(s)</source>
        <translation>
            <numerusform>%Ln Host</numerusform>
            <numerusform>%Ln Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln host(s)</source>
        <translation>
            <numerusform>%L1 von %Ln Host</numerusform>
            <numerusform>%L1 von %Ln Hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ImbalanceProxy</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>×mean</source>
        <translation>×Mittel</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>The busiest host against the group&apos;s mean</source>
        <translation>Der ausgelastetste Host gegenüber dem Mittel der Gruppe</translation>
    </message>
    <message>
        <source>Share of the group&apos;s hosts redlining</source>
        <translation>Anteil der Hosts der Gruppe am Limit</translation>
    </message>
    <message>
        <source>Share of the group&apos;s hosts idling</source>
        <translation>Anteil der Hosts der Gruppe im Leerlauf</translation>
    </message>
    <message>
        <source>%1 hosts · mean %2 · max %3 (%4 the mean) · CV %5 · %6 hot, %7 idle</source>
        <translation>%1 Hosts · Mittel %2 · Max %3 (%4 das Mittel) · VK %5 · %6 heiß, %7 im Leerlauf</translation>
    </message>
    <message>
        <source>%1 redlining (≥ %2): %3</source>
        <translation>%1 am Limit (≥ %2): %3</translation>
    </message>
    <message>
        <source>%1 idle (≤ %2): %3</source>
        <translation>%1 im Leerlauf (≤ %2): %3</translation>
    </message>
    <message>
        <source>Shifting about %1 hosts&apos; worth of %2 from the redlining hosts to the %3 idle ones brings them to the pool&apos;s mean (rebalance weights, or drain the hottest first).</source>
        <translation>Etwa %1 Hosts an %2 von den Hosts am Limit auf die %3 im Leerlauf zu verschieben, bringt sie auf das Mittel des Pools (Gewichte neu verteilen oder die heißesten zuerst leeren).</translation>
    </message>
</context>
<context>
    <name>vigil::IncidentAlertsModel</name>
    <message>
        <source>At the cause</source>
        <translation>An der Ursache</translation>
    </message>
    <message>
        <source>Flapping (folded)</source>
        <translation>Flatternd (zusammengefaltet)</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… %1 weitere</translation>
    </message>
    <message>
        <source>%1 (first seen)</source>
        <translation>%1 (zuerst gesehen)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>vigil::IncidentModel</name>
    <message>
        <source>No triage yet</source>
        <translation>Noch keine Triage</translation>
    </message>
    <message numerus="yes">
        <source>%1 alerts → %n incident(s)</source>
        <translation>
            <numerusform>%1 Alarme → %n Vorfall</numerusform>
            <numerusform>%1 Alarme → %n Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>(no alertname)</source>
        <translation>(kein alertname)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No alerts.&lt;/b&gt; The fleet is quiet.</source>
        <translation>&lt;b&gt;Keine Alarme.&lt;/b&gt; Die Flotte ist ruhig.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No alerts, and nothing is watching:&lt;/b&gt; %1.</source>
        <translation>&lt;b&gt;Keine Alarme, und nichts wird beobachtet:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>gleichzeitig</translation>
    </message>
    <message>
        <source>within %1 s</source>
        <translation>innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%L1 of %L2 hosts in %3 %4 failed %5</source>
        <translation>%L1 von %L2 Hosts in %3 %4 fielen %5 aus</translation>
    </message>
    <message>
        <source>, and an alert names the %1 itself</source>
        <translation>, und ein Alarm nennt %1 selbst</translation>
    </message>
    <message numerus="yes">
        <source>node %1 is failing (%n alert(s) on it)</source>
        <translation>
            <numerusform>Knoten %1 fällt aus (%n Alarm darauf)</numerusform>
            <numerusform>Knoten %1 fällt aus (%n Alarme darauf)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>host %1 is failing (%n alert(s) on it)</source>
        <translation>
            <numerusform>Host %1 fällt aus (%n Alarm darauf)</numerusform>
            <numerusform>Host %1 fällt aus (%n Alarme darauf)</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 of %L2 hosts of service %3 are failing</source>
        <translation>%L1 von %L2 Hosts des Dienstes %3 fallen aus</translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) named %1 on %L2 host(s); no shared cause in the topology</source>
        <translation>
            <numerusform>%Ln Alarm namens %1 auf %L2 Host(s); keine gemeinsame Ursache in der Topologie</numerusform>
            <numerusform>%Ln Alarme namens %1 auf %L2 Host(s); keine gemeinsame Ursache in der Topologie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n Pod</numerusform>
            <numerusform>%n Pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n namespace(s)</source>
        <translation>
            <numerusform>in %n Namespace</numerusform>
            <numerusform>in %n Namespaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) alerting</source>
        <translation>
            <numerusform>%n Pod alarmiert</numerusform>
            <numerusform>%n Pods alarmieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more alert(s) on %1 service(s) started with it</source>
        <translation>
            <numerusform>%Ln weiterer Alarm auf %1 Dienst(en) begann mit ihm</numerusform>
            <numerusform>%Ln weitere Alarme auf %1 Dienst(en) begannen mit ihm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them on services that depend on it</source>
        <translation>
            <numerusform>%Ln davon auf Diensten, die von ihm abhängen</numerusform>
            <numerusform>%Ln davon auf Diensten, die von ihm abhängen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them from workloads whose pods ran on it</source>
        <translation>
            <numerusform>%Ln davon von Workloads, deren Pods auf ihm liefen</numerusform>
            <numerusform>%Ln davon von Workloads, deren Pods auf ihm liefen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them joined by time alone: no dependency edge leads to it, but their kind was quiet before it and began with it</source>
        <translation>
            <numerusform>%Ln davon allein durch die Zeit zugeordnet: keine Abhängigkeitskante führt zu ihm, aber ihre Art war vorher ruhig und begann mit ihm</numerusform>
            <numerusform>%Ln davon allein durch die Zeit zugeordnet: keine Abhängigkeitskante führt zu ihm, aber ihre Art war vorher ruhig und begann mit ihm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alertmanager inhibits %Ln of them by it</source>
        <translation>
            <numerusform>Alertmanager inhibiert %Ln davon durch ihn</numerusform>
            <numerusform>Alertmanager inhibiert %Ln davon durch ihn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) on services that depend on it left apart: their kind was starting as often before it</source>
        <translation>
            <numerusform>%Ln Alarm auf abhängigen Diensten beiseitegelassen: seine Art begann vorher ebenso oft</numerusform>
            <numerusform>%Ln Alarme auf abhängigen Diensten beiseitegelassen: ihre Art begann vorher ebenso oft</numerusform>
        </translation>
    </message>
    <message>
        <source>it took %1 of %2 hosts of service %3, too few to explain alerts on %4 of the others</source>
        <translation>die Ursache traf %1 von %2 Hosts des Dienstes %3, zu wenige, um Alarme auf %4 der anderen zu erklären</translation>
    </message>
    <message>
        <source>alerts on service %1 were starting as often before it (%2 in the %3 minutes before, %4 after)</source>
        <translation>Alarme auf Dienst %1 begannen vorher ebenso oft (%2 in den %3 Minuten davor, %4 danach)</translation>
    </message>
    <message>
        <source>not explained: %1</source>
        <translation>nicht erklärt: %1</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>acknowledged by %1 %2 min ago</source>
        <translation>quittiert von %1 vor %2 min</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>escalating</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <source>all silenced or inhibited</source>
        <translation>alle stummgeschaltet oder inhibiert</translation>
    </message>
    <message>
        <source>%1 suppressed</source>
        <translation>%1 unterdrückt</translation>
    </message>
    <message numerus="yes">
        <source>%n flapping</source>
        <translation>
            <numerusform>%n flatternd</numerusform>
            <numerusform>%n flatternd</numerusform>
        </translation>
    </message>
    <message>
        <source>stale: its sources are not answering</source>
        <translation>veraltet: seine Quellen antworten nicht</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Probable root cause</source>
        <translation>Wahrscheinliche Ursache</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>service %1 is failing by %n alert(s) of its own, on no host of its own</source>
        <translation>
            <numerusform>Dienst %1 fällt durch %n eigenen Alarm aus, ohne eigenen Host</numerusform>
            <numerusform>Dienst %1 fällt durch %n eigene Alarme aus, ohne eigenen Host</numerusform>
        </translation>
    </message>
    <message>
        <source>Its alerts are %1 at worst; it ranks %2 because its cause failed outright or took other services down with it.</source>
        <translation>Seine Alarme sind höchstens %1; es gilt als %2, weil seine Ursache ganz ausgefallen ist oder andere Dienste mitgerissen hat.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them saying a scrape job&apos;s targets are down: they went down with its hosts</source>
        <translation>
            <numerusform>%Ln davon meldet, dass Ziele eines Scrape-Jobs ausgefallen sind: sie fielen mit seinen Hosts aus</numerusform>
            <numerusform>%Ln davon melden, dass Ziele eines Scrape-Jobs ausgefallen sind: sie fielen mit seinen Hosts aus</numerusform>
        </translation>
    </message>
    <message>
        <source>it took %1 of %2 hosts of service %3, too few to explain alerts on %4 hosts of service %5, which depends on it</source>
        <translation>die Ursache traf %1 von %2 Hosts des Dienstes %3, zu wenige, um Alarme auf %4 Hosts des davon abhängigen Dienstes %5 zu erklären</translation>
    </message>
</context>
<context>
    <name>vigil::IncidentNotifier</name>
    <message>
        <source>New incident: %1</source>
        <translation>Neuer Vorfall: %1</translation>
    </message>
    <message>
        <source>%1 (saved filter &quot;%2&quot;)</source>
        <translation>%1 (gespeicherter Filter &quot;%2&quot;)</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln host(s)</source>
        <translation>
            <numerusform>%Ln Host</numerusform>
            <numerusform>%Ln Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln down</source>
        <translation>
            <numerusform>%Ln ausgefallen</numerusform>
            <numerusform>%Ln ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) firing</source>
        <translation>
            <numerusform>%Ln Alarm aktiv</numerusform>
            <numerusform>%Ln Alarme aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln silenced or inhibited</source>
        <translation>
            <numerusform>%Ln stummgeschaltet oder inhibiert</numerusform>
            <numerusform>%Ln stummgeschaltet oder inhibiert</numerusform>
        </translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>%1: %2 (last success %3)</source>
        <translation>%1: %2 (letzter Erfolg %3)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>%1: no answer for %2</source>
        <translation>%1: keine Antwort seit %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Showing the cached fleet: no poll has landed yet.</source>
        <translation>Zwischengespeicherter Stand: noch keine Abfrage eingetroffen.</translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation>Snapshot ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an incident snapshot</source>
        <translation>Einen Vorfall-Snapshot öffnen</translation>
    </message>
    <message>
        <source>Vigil snapshots (*.vigil);;All files (*)</source>
        <translation>Vigil-Snapshots (*.vigil);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>Snapshot &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export snapshot of this incident…</source>
        <translation>Snapshot dieses Vorfalls exportieren…</translation>
    </message>
    <message>
        <source>Creating the silence…</source>
        <translation>Erstelle die Stummschaltung…</translation>
    </message>
    <message>
        <source>Silence %1 created.</source>
        <translation>Stummschaltung %1 erstellt.</translation>
    </message>
    <message>
        <source>The silence was not created: %1</source>
        <translation>Die Stummschaltung wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Silence %1 expired.</source>
        <translation>Stummschaltung %1 beendet.</translation>
    </message>
    <message>
        <source>The silence %1 was not expired: %2</source>
        <translation>Die Stummschaltung %1 wurde nicht beendet: %2</translation>
    </message>
    <message>
        <source>Acknowledged (silence %1).</source>
        <translation>Quittiert (Stummschaltung %1).</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Nicht quittiert: %1</translation>
    </message>
    <message>
        <source>Acknowledgement taken back.</source>
        <translation>Quittierung zurückgenommen.</translation>
    </message>
    <message>
        <source>The acknowledgement&apos;s silence was not expired: %1</source>
        <translation>Die Stummschaltung der Quittierung wurde nicht beendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Marked in the other views: %1 (%n host(s))</source>
        <translation>
            <numerusform>In den anderen Ansichten markiert: %1 (%n Host)</numerusform>
            <numerusform>In den anderen Ansichten markiert: %1 (%n Hosts)</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: this fleet source cannot be changed from here.</source>
        <translation>Nur lesend: diese Flottenquelle kann von hier aus nicht geändert werden.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
</context>
<context>
    <name>vigil::Pipeline</name>
    <message>
        <source>The cache could not be opened (%1); it was moved to %2 and a new cache was started.</source>
        <translation>Der Cache konnte nicht geöffnet werden (%1); er wurde nach %2 verschoben, und ein neuer Cache wurde angelegt.</translation>
    </message>
    <message>
        <source>The cache could not be read: %1</source>
        <translation>Der Cache konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Writing the cache failed: %1</source>
        <translation>Das Schreiben des Caches ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The cache %1 is read-only here: %2.</source>
        <translation>Der Cache %1 ist hier nur lesbar: %2.</translation>
    </message>
    <message>
        <source>No cache: %1. The file was left as it is; Vigil runs without history until this is fixed.</source>
        <translation>Kein Cache: %1. Die Datei blieb, wie sie ist; Vigil läuft ohne Historie, bis das behoben ist.</translation>
    </message>
</context>
<context>
    <name>vigil::Screenshotter</name>
    <message>
        <source>unknown view &quot;%1&quot; (views: %2)</source>
        <translation>unbekannte Ansicht &quot;%1&quot; (Ansichten: %2)</translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation>der Screenshot konnte nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>no poll landed within %1 s; %2 shows the cached or empty state</source>
        <translation>keine Abfrage traf innerhalb von %1 s ein; %2 zeigt den zwischengespeicherten oder leeren Zustand</translation>
    </message>
    <message>
        <source>wrote %1 (%2x%3, view %4)</source>
        <translation>%1 geschrieben (%2x%3, Ansicht %4)</translation>
    </message>
    <message>
        <source>never answered (%1)</source>
        <translation>hat nie geantwortet (%1)</translation>
    </message>
    <message>
        <source>host detail of %1</source>
        <translation>Host-Details von %1</translation>
    </message>
    <message>
        <source>service detail of %1</source>
        <translation>Dienstdetails von %1</translation>
    </message>
    <message>
        <source>the %1 view had not finished loading within %2 s; %3 shows it as it was</source>
        <translation>die Ansicht %1 war nach %2 s nicht fertig geladen; %3 zeigt sie, wie sie war</translation>
    </message>
</context>
<context>
    <name>vigil::ServiceDetailDialog</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>depends on →</source>
        <translation>hängt ab von →</translation>
    </message>
    <message>
        <source>← used by</source>
        <translation>← genutzt von</translation>
    </message>
    <message>
        <source>not in the inventory</source>
        <translation>nicht im Inventar</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>Service detail</source>
        <translation>Dienstdetails</translation>
    </message>
    <message>
        <source>Show its alerts in triage</source>
        <translation>Seine Alarme in der Triage zeigen</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;service %1&lt;/b&gt; is not in the fleet&apos;s service graph (any more).</source>
        <translation>&lt;b&gt;Dienst %1&lt;/b&gt; ist nicht (mehr) im Dienstgraphen der Flotte.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — %n host(s)</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;Dienst %1&lt;/b&gt; — %n Host</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;Dienst %1&lt;/b&gt; — %n Hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 up, %2 down</source>
        <translation>%1 aktiv, %2 ausgefallen</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), worst %1</source>
        <translation>
            <numerusform>%n aktiver Alarm, schlimmster %1</numerusform>
            <numerusform>%n aktive Alarme, schlimmster %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no active alerts</source>
        <translation>keine aktiven Alarme</translation>
    </message>
    <message numerus="yes">
        <source>depends on %1 · depended on by %2 · %n service(s) depend on it, directly or not</source>
        <translation>
            <numerusform>hängt ab von %1 · genutzt von %2 · %n Dienst hängt von ihm ab, direkt oder nicht</numerusform>
            <numerusform>hängt ab von %1 · genutzt von %2 · %n Dienste hängen von ihm ab, direkt oder nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Error %</source>
        <translation>Fehler %</translation>
    </message>
    <message>
        <source>Its hosts up</source>
        <translation>Seine Hosts aktiv</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>Schlimmster</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — runs on %n node(s)</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;Dienst %1&lt;/b&gt; — läuft auf %n Knoten</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;Dienst %1&lt;/b&gt; — läuft auf %n Knoten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>Vigil settings</source>
        <translation>Vigil-Einstellungen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Profile and cache</source>
        <translation>Profil und Cache</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Saved to %1. Vigil uses the new settings the next time it starts.</source>
        <translation>Gespeichert in %1. Vigil verwendet die neuen Einstellungen beim nächsten Start.</translation>
    </message>
    <message>
        <source>Keep these secrets in a file only you can read</source>
        <translation>Diese Geheimnisse in einer Datei aufbewahren, die nur Sie lesen können</translation>
    </message>
    <message>
        <source>Your configuration cannot be read, so the settings do not write over it: %1</source>
        <translation>Ihre Konfiguration kann nicht gelesen werden, daher überschreiben die Einstellungen sie nicht: %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus-URL</translation>
    </message>
    <message>
        <source>Alertmanager URLs</source>
        <translation>Alertmanager-URLs</translation>
    </message>
    <message>
        <source>Alertmanager URLs (comma-separated)</source>
        <translation>Alertmanager-URLs (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>Poll every</source>
        <translation>Abfragen alle</translation>
    </message>
    <message>
        <source>Prometheus timeout</source>
        <translation>Prometheus-Zeitlimit</translation>
    </message>
    <message>
        <source>Alertmanager timeout</source>
        <translation>Alertmanager-Zeitlimit</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic authentication</source>
        <translation>Basic-Authentifizierung</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Token or password</source>
        <translation>Token oder Passwort</translation>
    </message>
    <message>
        <source>Verify the servers&apos; certificates</source>
        <translation>Zertifikate der Server prüfen</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>Datei der CA-Zertifikate</translation>
    </message>
    <message>
        <source>The system&apos;s CA certificates</source>
        <translation>die des Systems</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>CA certificates (PEM)</source>
        <translation>CA-Zertifikate (PEM)</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Datei des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation>Client-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Datei des Client-Schlüssels</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation>Client-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>What Vigil asks Prometheus</source>
        <translation>Was Vigil Prometheus fragt</translation>
    </message>
    <message>
        <source>Query profile</source>
        <translation>Abfrageprofil</translation>
    </message>
    <message>
        <source>Linux hosts with node_exporter</source>
        <translation>Linux-Hosts mit node_exporter</translation>
    </message>
    <message>
        <source>Kubernetes nodes (kube-prometheus)</source>
        <translation>Kubernetes-Knoten (kube-prometheus)</translation>
    </message>
    <message>
        <source>The profile written in the configuration file</source>
        <translation>Das Profil aus der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Topology labels</source>
        <translation>Topologie-Labels</translation>
    </message>
    <message>
        <source>Topology labels, outermost first</source>
        <translation>Topologie-Labels, äußerstes zuerst</translation>
    </message>
    <message>
        <source>Service label</source>
        <translation>Dienst-Label</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Cache file</source>
        <translation>Cache-Datei</translation>
    </message>
    <message>
        <source>In the desktop&apos;s cache folder</source>
        <translation>Im Cache-Ordner des Desktops</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>Verlauf aufbewahren für</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>The last 24 hours are kept at full resolution, older history downsampled.</source>
        <translation>Die letzten 24 Stunden bleiben in voller Auflösung, älterer Verlauf wird verdichtet.</translation>
    </message>
    <message>
        <source>A desktop notification when a new incident matches a saved triage filter. Save filters in the triage view with &quot;Save filter…&quot;.</source>
        <translation>Eine Desktop-Benachrichtigung, wenn ein neuer Vorfall zu einem gespeicherten Triage-Filter passt. Filter speichern Sie in der Triage-Ansicht mit „Filter speichern…“.</translation>
    </message>
    <message>
        <source>Saved triage filters</source>
        <translation>Gespeicherte Triage-Filter</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Passt auf</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>With a sound</source>
        <translation>Mit Ton</translation>
    </message>
    <message>
        <source>No saved filters yet.</source>
        <translation>Noch keine gespeicherten Filter.</translation>
    </message>
    <message>
        <source>Stored in the system keychain. Type a new one to replace it.</source>
        <translation>Im Schlüsselbund des Systems gespeichert. Geben Sie ein neues ein, um es zu ersetzen.</translation>
    </message>
    <message>
        <source>Saved to the system keychain, never to a file.</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Read from %1. Type a new one to keep it in the system keychain instead.</source>
        <translation>Gelesen aus %1. Geben Sie ein neues ein, um es stattdessen im Schlüsselbund des Systems aufzubewahren.</translation>
    </message>
    <message>
        <source>Written in the configuration file. Type it again to move it to the system keychain.</source>
        <translation>Steht in der Konfigurationsdatei. Geben Sie es erneut ein, um es in den Schlüsselbund des Systems zu verschieben.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Frage an…</translation>
    </message>
    <message>
        <source>The system keychain did not give the secret: %1</source>
        <translation>Der Schlüsselbund des Systems hat das Geheimnis nicht herausgegeben: %1</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>%1 at %2 did not answer: %3</source>
        <translation>%1 unter %2 hat nicht geantwortet: %3</translation>
    </message>
    <message>
        <source>version not given</source>
        <translation>Version nicht angegeben</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln target(s), %L1 up</source>
        <translation>
            <numerusform>%Ln Ziel, %L1 erreichbar</numerusform>
            <numerusform>%Ln Ziele, %L1 erreichbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln target(s)</source>
        <translation>
            <numerusform>%Ln Ziel</numerusform>
            <numerusform>%Ln Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cluster %1, %Ln peer(s)</source>
        <translation>
            <numerusform>Cluster %1, %Ln Peer</numerusform>
            <numerusform>Cluster %1, %Ln Peers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 unter %2: %3</translation>
    </message>
    <message>
        <source>Add a source: Vigil needs a Prometheus, an Alertmanager, or both to watch.</source>
        <translation>Fügen Sie eine Quelle hinzu: Vigil braucht einen Prometheus, einen Alertmanager oder beides.</translation>
    </message>
    <message>
        <source>Every source needs a name.</source>
        <translation>Jede Quelle braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two sources are named &quot;%1&quot;.</source>
        <translation>Zwei Quellen heißen „%1“.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot;: give a Prometheus URL, an Alertmanager URL, or both.</source>
        <translation>Quelle „%1“: geben Sie eine Prometheus-URL, eine Alertmanager-URL oder beides an.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot;: basic authentication needs a user name.</source>
        <translation>Quelle „%1“: Basic-Authentifizierung braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot;: type its token or password.</source>
        <translation>Quelle „%1“: geben Sie ihr Token oder Passwort ein.</translation>
    </message>
    <message>
        <source>Source &quot;%1&quot;: a client certificate needs both its file and its key.</source>
        <translation>Quelle „%1“: ein Client-Zertifikat braucht seine Datei und seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere…</translation>
    </message>
    <message>
        <source>The system keychain did not store the secrets of %1. Nothing was saved. You can keep them in a file only you can read instead.</source>
        <translation>Der Schlüsselbund des Systems hat die Geheimnisse von %1 nicht gespeichert. Nichts wurde gespeichert. Sie können sie stattdessen in einer Datei aufbewahren, die nur Sie lesen können.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Now %1, in %2.</source>
        <translation>Jetzt %1, in %2.</translation>
    </message>
    <message>
        <source>Not created yet: %1.</source>
        <translation>Noch nicht angelegt: %1.</translation>
    </message>
</context>
<context>
    <name>vigil::SilenceDialog</name>
    <message>
        <source>Silence alerts</source>
        <translation>Alarme stummschalten</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>Create silence</source>
        <translation>Stummschaltung erstellen</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Matchers: %1</source>
        <translation>Matcher: %1</translation>
    </message>
    <message>
        <source>This silence will match %1 active alert(s) now.</source>
        <translation>Diese Stummschaltung trifft jetzt %1 aktive(n) Alarm(e).</translation>
    </message>
    <message>
        <source>Edit silence %1</source>
        <translation>Stummschaltung %1 bearbeiten</translation>
    </message>
    <message>
        <source>Update silence</source>
        <translation>Stummschaltung aktualisieren</translation>
    </message>
</context>
<context>
    <name>vigil::SnapshotExportDialog</name>
    <message>
        <source>Hash host names</source>
        <translation>Hostnamen hashen</translation>
    </message>
    <message>
        <source>Hash the values of labels matching</source>
        <translation>Die Werte der Labels hashen, die passen auf</translation>
    </message>
    <message>
        <source>Leave annotations out</source>
        <translation>Annotationen weglassen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Snapshot exportieren</translation>
    </message>
    <message>
        <source>Export snapshot of %1</source>
        <translation>Snapshot von %1 exportieren</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Export snapshot to</source>
        <translation>Snapshot exportieren nach</translation>
    </message>
    <message>
        <source>Vigil snapshots (*.vigil)</source>
        <translation>Vigil-Snapshots (*.vigil)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Schwärzen</translation>
    </message>
    <message>
        <source>Hosts, every metric minute, alert changes, silences, notes and source health of the window; minutes the cache lacks come from Prometheus. No credentials.</source>
        <translation>Hosts, jede Metrikminute, Alarmänderungen, Stummschaltungen, Notizen und der Quellenzustand des Zeitfensters; Minuten, die dem Cache fehlen, kommen von Prometheus. Keine Zugangsdaten.</translation>
    </message>
    <message>
        <source>The cache is not open, and a snapshot is written from it.</source>
        <translation>Der Cache ist nicht geöffnet, und ein Snapshot wird aus ihm geschrieben.</translation>
    </message>
    <message>
        <source>The redaction&apos;s pattern %1</source>
        <translation>Das Muster der Schwärzung %1</translation>
    </message>
    <message>
        <source>The window is empty: To must come after From.</source>
        <translation>Das Zeitfenster ist leer: Bis muss nach Von liegen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 hosts, %3 alerts, %4 MB%5.</source>
        <translation>%1 geschrieben: %2 Hosts, %3 Alarme, %4 MB%5.</translation>
    </message>
    <message>
        <source>; %1 metric minutes had no values anywhere</source>
        <translation>; %1 Metrikminuten hatten nirgends Werte</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: keine Datei wurde geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::SnapshotReview</name>
    <message numerus="yes">
        <source>%n alert(s) fired: %1</source>
        <translation>
            <numerusform>%n Alarm ausgelöst: %1</numerusform>
            <numerusform>%n Alarme ausgelöst: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) resolved: %1</source>
        <translation>
            <numerusform>%n Alarm behoben: %1</numerusform>
            <numerusform>%n Alarme behoben: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>source %1 failing</source>
        <translation>Quelle %1 fehlerhaft</translation>
    </message>
    <message>
        <source>source %1 answering again</source>
        <translation>Quelle %1 antwortet wieder</translation>
    </message>
    <message>
        <source>silence created: %1</source>
        <translation>Stummschaltung erstellt: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>incident snapshot</source>
        <translation>Vorfall-Snapshot</translation>
    </message>
    <message>
        <source>Vigil — snapshot: %1 (%2 to %3 UTC)</source>
        <translation>Vigil — Snapshot: %1 (%2 bis %3 UTC)</translation>
    </message>
    <message>
        <source>Incident snapshot of %1 to %2 UTC%3, exported by %4 on %5 (Vigil %6). Read-only: nothing is polled, and silences and notes cannot be changed. Redacted: %7.</source>
        <translation>Vorfall-Snapshot von %1 bis %2 UTC%3, exportiert von %4 am %5 (Vigil %6). Nur lesend: nichts wird abgefragt, und Stummschaltungen und Notizen können nicht geändert werden. Geschwärzt: %7.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>&amp;Write up the incident…</source>
        <translation>Vorfall &amp;nachbereiten…</translation>
    </message>
    <message>
        <source>Write the postmortem draft to</source>
        <translation>Den Postmortem-Entwurf schreiben nach</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message numerus="yes">
        <source>incident starts: %1 (%n alert(s))</source>
        <translation>
            <numerusform>Vorfall beginnt: %1 (%n Alarm)</numerusform>
            <numerusform>Vorfall beginnt: %1 (%n Alarme)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>incident escalates: %1 (%n alert(s))</source>
        <translation>
            <numerusform>Vorfall eskaliert: %1 (%n Alarm)</numerusform>
            <numerusform>Vorfall eskaliert: %1 (%n Alarme)</numerusform>
        </translation>
    </message>
    <message>
        <source>incident ends: %1</source>
        <translation>Vorfall endet: %1</translation>
    </message>
    <message>
        <source>Drafting the postmortem…</source>
        <translation>Entwerfe das Postmortem…</translation>
    </message>
    <message>
        <source>Wrote the postmortem draft to %1.</source>
        <translation>Postmortem-Entwurf nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>No postmortem draft: %1</source>
        <translation>Kein Postmortem-Entwurf: %1</translation>
    </message>
    <message>
        <source>--at: expected an RFC 3339 time, +DURATION or -DURATION</source>
        <translation>--at: eine RFC-3339-Zeit, +DAUER oder -DAUER erwartet</translation>
    </message>
    <message>
        <source>--at: %1 is outside the snapshot&apos;s window (%2 to %3 UTC)</source>
        <translation>--at: %1 liegt außerhalb des Zeitfensters des Snapshots (%2 bis %3 UTC)</translation>
    </message>
</context>
<context>
    <name>vigil::TimeHeatmapCanvas</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>each pixel row here holds %1 hosts; its colour is their peak</source>
        <translation>jede Pixelzeile hier enthält %1 Hosts; ihre Farbe ist deren Spitzenwert</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Lade Historie…</translation>
    </message>
    <message>
        <source>1 px = %1 hosts (peak)</source>
        <translation>1 px = %1 Hosts (Spitzenwert)</translation>
    </message>
    <message>
        <source>STALE: the data is older than two poll intervals</source>
        <translation>VERALTET: die Daten sind älter als zwei Abfrageintervalle</translation>
    </message>
    <message>
        <source>Utilization heatmap</source>
        <translation>Auslastungs-Heatmap</translation>
    </message>
</context>
<context>
    <name>vigil::TimeHeatmapView</name>
    <message>
        <source>Only these</source>
        <translation>Nur diese</translation>
    </message>
    <message>
        <source>by group</source>
        <translation>nach Gruppe</translation>
    </message>
    <message>
        <source>by current value</source>
        <translation>nach aktuellem Wert</translation>
    </message>
    <message>
        <source>by peak</source>
        <translation>nach Spitzenwert</translation>
    </message>
    <message>
        <source>Filter hosts: service=&quot;web&quot; rack=~&quot;eu1-.*&quot; or a name</source>
        <translation>Hosts filtern: service=&quot;web&quot; rack=~&quot;eu1-.*&quot; oder ein Name</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Drag: zoom to a time range · Ctrl+wheel / + −: zoom time · Shift+wheel / ← →: pan time · wheel / ↑ ↓: scroll hosts · Alt+wheel / [ ]: zoom hosts · right-drag: pan · Esc: show all · click: host detail</source>
        <translation>Ziehen: auf einen Zeitraum zoomen · Strg+Rad / + −: Zeit zoomen · Umschalt+Rad / ← →: Zeit verschieben · Rad / ↑ ↓: Hosts blättern · Alt+Rad / [ ]: Hosts zoomen · Rechts ziehen: verschieben · Esc: alles zeigen · Klick: Host-Details</translation>
    </message>
    <message numerus="yes">
        <source>Selected in another view: %1 — %n host(s), marked ▮ at the left</source>
        <translation>
            <numerusform>In einer anderen Ansicht gewählt: %1 — %n Host, links mit ▮ markiert</numerusform>
            <numerusform>In einer anderen Ansicht gewählt: %1 — %n Hosts, links mit ▮ markiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in these rows</source>
        <translation>%1 in diesen Zeilen</translation>
    </message>
    <message>
        <source>Loading the snapshot&apos;s history…</source>
        <translation>Lade die Historie des Snapshots…</translation>
    </message>
    <message>
        <source>Loading %1 of history…</source>
        <translation>Lade %1 Historie…</translation>
    </message>
    <message>
        <source>%1 of %2 hosts × %3 buckets of %4</source>
        <translation>%1 von %2 Hosts × %3 Intervalle zu %4</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>from the cache: %1 buckets, from the source: %2</source>
        <translation>aus dem Cache: %1 Intervalle, von der Quelle: %2</translation>
    </message>
    <message>
        <source>history %1</source>
        <translation>Historie %1</translation>
    </message>
    <message>
        <source>filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Zoom in on time</source>
        <translation>Zeitlich vergrößern</translation>
    </message>
    <message>
        <source>Zoom out in time</source>
        <translation>Zeitlich verkleinern</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Früher</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Scroll hosts up</source>
        <translation>Hosts nach oben blättern</translation>
    </message>
    <message>
        <source>Scroll hosts down</source>
        <translation>Hosts nach unten blättern</translation>
    </message>
    <message>
        <source>Bigger rows</source>
        <translation>Höhere Zeilen</translation>
    </message>
    <message>
        <source>Smaller rows</source>
        <translation>Niedrigere Zeilen</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Alles zeigen</translation>
    </message>
</context>
<context>
    <name>vigil::TimelineScrubber</name>
    <message numerus="yes">
        <source>peak %n active alert(s)</source>
        <translation>
            <numerusform>Spitze %n aktiver Alarm</numerusform>
            <numerusform>Spitze %n aktive Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>◀ Event</source>
        <translation>◀ Ereignis</translation>
    </message>
    <message>
        <source>Previous event (P or [)</source>
        <translation>Vorheriges Ereignis (P oder [)</translation>
    </message>
    <message>
        <source>Event ▶</source>
        <translation>Ereignis ▶</translation>
    </message>
    <message>
        <source>Next event (N or ])</source>
        <translation>Nächstes Ereignis (N oder ])</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Abspielen oder pausieren (Leertaste)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Replay speed (+ and -)</source>
        <translation>Abspielgeschwindigkeit (+ und -)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>%1 UTC (T+%2:%3:%4)</source>
        <translation>%1 UTC (T+%2:%3:%4)</translation>
    </message>
    <message>
        <source>Replay timeline</source>
        <translation>Wiedergabe-Zeitleiste</translation>
    </message>
</context>
<context>
    <name>vigil::TopologyCanvas</name>
    <message>
        <source>Laying out the map…</source>
        <translation>Lege die Karte an…</translation>
    </message>
    <message>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>root cause / blast radius</source>
        <translation>Grundursache / Auswirkungsradius</translation>
    </message>
    <message numerus="yes">
        <source>edges bundled by area (%n faint bundle(s) hidden); zoom in for each</source>
        <translation>
            <numerusform>Kanten nach Bereich gebündelt (%n schwaches Bündel verborgen); hineinzoomen für jede einzelne</numerusform>
            <numerusform>Kanten nach Bereich gebündelt (%n schwache Bündel verborgen); hineinzoomen für jede einzelne</numerusform>
        </translation>
    </message>
    <message>
        <source>edges bundled by area; zoom in for each</source>
        <translation>Kanten nach Bereich gebündelt; hineinzoomen für jede einzelne</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) hidden where they would overlap</source>
        <translation>
            <numerusform>%n Beschriftung verborgen, wo sie sich überlagern würde</numerusform>
            <numerusform>%n Beschriftungen verborgen, wo sie sich überlagern würden</numerusform>
        </translation>
    </message>
    <message>
        <source>STALE: the data is older than two poll intervals</source>
        <translation>VERALTET: die Daten sind älter als zwei Abfrageintervalle</translation>
    </message>
    <message>
        <source>%1/%2 up</source>
        <translation>%1/%2 aktiv</translation>
    </message>
    <message>
        <source>ROOT CAUSE</source>
        <translation>GRUNDURSACHE</translation>
    </message>
    <message numerus="yes">
        <source>Root cause: %1 %2 — %n service(s) in the blast radius</source>
        <translation>
            <numerusform>Grundursache: %1 %2 — %n Dienst im Auswirkungsradius</numerusform>
            <numerusform>Grundursache: %1 %2 — %n Dienste im Auswirkungsradius</numerusform>
        </translation>
    </message>
    <message>
        <source>No services: hosts carry no service label and no dependency edges are configured.</source>
        <translation>Keine Dienste: Hosts tragen kein Dienst-Label, und keine Abhängigkeitskanten sind konfiguriert.</translation>
    </message>
    <message>
        <source>No dependency edges: the config lists none and the edge query returned none; services are shown unconnected.</source>
        <translation>Keine Abhängigkeitskanten: die Konfiguration nennt keine, und die Kantenabfrage lieferte keine; Dienste werden unverbunden gezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) lack the hierarchy labels (%1) and are in &quot;unplaced&quot;.</source>
        <translation>
            <numerusform>%n Host hat die Hierarchie-Labels (%1) nicht und liegt unter &quot;unplaced&quot;.</numerusform>
            <numerusform>%n Hosts haben die Hierarchie-Labels (%1) nicht und liegen unter &quot;unplaced&quot;.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 hosts: %2s shown as boxes; double-click one to open it.</source>
        <translation>%1 Hosts: %2s als Kästen gezeigt; zum Öffnen einen doppelklicken.</translation>
    </message>
    <message>
        <source>%L1 hosts · %L2 up · %L3 down</source>
        <translation>%L1 Hosts · %L2 aktiv · %L3 ausgefallen</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), worst %1</source>
        <translation>
            <numerusform>%n aktiver Alarm, schlimmster %1</numerusform>
            <numerusform>%n aktive Alarme, schlimmster %1</numerusform>
        </translation>
    </message>
    <message>
        <source>depends on: %1</source>
        <translation>hängt ab von: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>depended on by: %1</source>
        <translation>genutzt von: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) depend on it, directly or not</source>
        <translation>
            <numerusform>%n Dienst hängt von ihm ab, direkt oder nicht</numerusform>
            <numerusform>%n Dienste hängen von ihm ab, direkt oder nicht</numerusform>
        </translation>
    </message>
    <message>
        <source>root cause of the selected incident</source>
        <translation>Grundursache des gewählten Vorfalls</translation>
    </message>
    <message>
        <source>in the blast radius</source>
        <translation>im Auswirkungsradius</translation>
    </message>
    <message>
        <source>Vigil topology</source>
        <translation>Vigil-Topologie</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Service map</source>
        <translation>Dienstkarte</translation>
    </message>
    <message>
        <source>Topology map</source>
        <translation>Topologiekarte</translation>
    </message>
</context>
<context>
    <name>vigil::TopologyView</name>
    <message>
        <source>Find a service…</source>
        <translation>Einen Dienst suchen…</translation>
    </message>
    <message>
        <source>Find a host, rack, or label matcher such as rack=&quot;eu1-a-r07&quot;…</source>
        <translation>Einen Host, ein Rack oder einen Label-Matcher wie rack=&quot;eu1-a-r07&quot; suchen…</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Die Karte exportieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG-Bild…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG-Zeichnung…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Graphviz DOT (service graph)…</source>
        <translation>Graphviz DOT (Dienstgraph)…</translation>
    </message>
    <message>
        <source>DOT files (*.dot)</source>
        <translation>DOT-Dateien (*.dot)</translation>
    </message>
    <message>
        <source>Top incident</source>
        <translation>Oberster Vorfall</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n alert(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Alarm</numerusform>
            <numerusform>%1 · %2 · %n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit the map</source>
        <translation>Karte einpassen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Pan left</source>
        <translation>Nach links schieben</translation>
    </message>
    <message>
        <source>Pan right</source>
        <translation>Nach rechts schieben</translation>
    </message>
    <message>
        <source>Pan up</source>
        <translation>Nach oben schieben</translation>
    </message>
    <message>
        <source>Pan down</source>
        <translation>Nach unten schieben</translation>
    </message>
</context>
<context>
    <name>vigil::TriageView</name>
    <message>
        <source>Not acknowledged: %1.</source>
        <translation>Nicht quittiert: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge? Silences %n alert(s) now, matching %1, on %2 for %3 min, extended while the incident lasts, at most %4 h. Press a again to confirm, Esc to cancel.</source>
        <translation>
            <numerusform>Quittieren? Schaltet jetzt %n Alarm stumm, passend auf %1, auf %2 für %3 min, verlängert, solange der Vorfall dauert, höchstens %4 h. Zum Bestätigen erneut a drücken, Esc bricht ab.</numerusform>
            <numerusform>Quittieren? Schaltet jetzt %n Alarme stumm, passend auf %1, auf %2 für %3 min, verlängert, solange der Vorfall dauert, höchstens %4 h. Zum Bestätigen erneut a drücken, Esc bricht ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Filter (/): rack=&quot;eu1-a-r07&quot; alertname=~&quot;Host.*&quot; @state=active @age&gt;10m text</source>
        <translation>Filter (/): rack=&quot;eu1-a-r07&quot; alertname=~&quot;Host.*&quot; @state=active @age&gt;10m Text</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alertmanager&apos;s groups&lt;/b&gt;, as its route tree formed them</source>
        <translation>&lt;b&gt;Die Gruppen des Alertmanagers&lt;/b&gt;, wie sein Routenbaum sie bildete</translation>
    </message>
    <message>
        <source>All alerts (t)</source>
        <translation>Alle Alarme (t)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export triage as CSV</source>
        <translation>Triage als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV base name (*)</source>
        <translation>CSV-Basisname (*)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>j/k move · Enter members · / filter · t all alerts · s silence · a acknowledge · n note · e expire · ? keys</source>
        <translation>j/k bewegen · Enter Mitglieder · / filtern · t alle Alarme · s stummschalten · a quittieren · n Notiz · e beenden · ? Tasten</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>Filter speichern…</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Benachrichtigen</translation>
    </message>
    <message>
        <source>Show a desktop notification when a new incident matches &quot;%1&quot;?</source>
        <translation>Eine Desktop-Benachrichtigung zeigen, wenn ein neuer Vorfall auf &quot;%1&quot; passt?</translation>
    </message>
    <message>
        <source>Don&apos;t ask again this session</source>
        <translation>In dieser Sitzung nicht mehr fragen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Note on the incident</source>
        <translation>Notiz zum Vorfall</translation>
    </message>
    <message>
        <source>Note (kept in Vigil&apos;s cache):</source>
        <translation>Notiz (in Vigils Cache gespeichert):</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Noch nichts zu exportieren.</translation>
    </message>
    <message numerus="yes">
        <source>Selected in another view: %1 — %n incident(s) have alerts on its hosts (tinted)</source>
        <translation>
            <numerusform>In einer anderen Ansicht gewählt: %1 — %n Vorfall hat Alarme auf seinen Hosts (getönt)</numerusform>
            <numerusform>In einer anderen Ansicht gewählt: %1 — %n Vorfälle haben Alarme auf seinen Hosts (getönt)</numerusform>
        </translation>
    </message>
    <message>
        <source>clear</source>
        <translation>leeren</translation>
    </message>
    <message>
        <source>ALERT STORM — %1</source>
        <translation>ALARMSTURM — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · confidence %3 %</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · Konfidenz %3 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;Acknowledged&lt;/b&gt; by %1 at %2; the silence runs to %3 and is extended while the incident lasts.</source>
        <translation>&lt;b&gt;Quittiert&lt;/b&gt; von %1 um %2; die Stummschaltung läuft bis %3 und wird verlängert, solange der Vorfall dauert.</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Rule expression</source>
        <translation>Regelausdruck</translation>
    </message>
    <message>
        <source>rule healthy</source>
        <translation>Regel gesund</translation>
    </message>
    <message>
        <source>rule health %1: %2</source>
        <translation>Regelzustand %1: %2</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <translation>Stummgeschaltet durch %1</translation>
    </message>
    <message>
        <source>Inhibited by %1</source>
        <translation>Inhibiert durch %1</translation>
    </message>
    <message>
        <source>Seen by: %1</source>
        <translation>Gesehen von: %1</translation>
    </message>
    <message>
        <source>Vigil triage: %1</source>
        <translation>Vigil-Triage: %1</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;j&lt;/b&gt; / &lt;b&gt;k&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next / previous incident&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open the members of the incident&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;back to the incident list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;/&lt;/b&gt;&lt;/td&gt;&lt;td&gt;filter: label matchers, @state=, @age&amp;gt;10m, text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;t&lt;/b&gt;&lt;/td&gt;&lt;td&gt;all alerts as one table (Enter opens its incident)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;silence the selected alert or incident (edit the silence of a silenced alert)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;e&lt;/b&gt;&lt;/td&gt;&lt;td&gt;expire the silences holding the selection&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;a&lt;/b&gt;&lt;/td&gt;&lt;td&gt;acknowledge the incident (or take it back)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;n&lt;/b&gt;&lt;/td&gt;&lt;td&gt;add a note to the incident&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;show or hide this list&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;j&lt;/b&gt; / &lt;b&gt;k&lt;/b&gt;&lt;/td&gt;&lt;td&gt;nächster / vorheriger Vorfall&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die Mitglieder des Vorfalls öffnen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zurück zur Liste der Vorfälle&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;/&lt;/b&gt;&lt;/td&gt;&lt;td&gt;filtern: Label-Matcher, @state=, @age&amp;gt;10m, Text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;t&lt;/b&gt;&lt;/td&gt;&lt;td&gt;alle Alarme als eine Tabelle (Enter öffnet ihren Vorfall)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;s&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den gewählten Alarm oder Vorfall stummschalten (die Stummschaltung eines stummgeschalteten Alarms bearbeiten)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;e&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die Stummschaltungen beenden, die die Auswahl halten&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;a&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den Vorfall quittieren (oder die Quittierung zurücknehmen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;n&lt;/b&gt;&lt;/td&gt;&lt;td&gt;eine Notiz zum Vorfall hinzufügen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;diese Liste zeigen oder verbergen&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Next incident</source>
        <translation>Nächster Vorfall</translation>
    </message>
    <message>
        <source>Previous incident</source>
        <translation>Vorheriger Vorfall</translation>
    </message>
    <message>
        <source>Open the incident&apos;s members</source>
        <translation>Die Mitglieder des Vorfalls öffnen</translation>
    </message>
    <message>
        <source>Back to the incident list</source>
        <translation>Zurück zur Liste der Vorfälle</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Filtern…</translation>
    </message>
    <message>
        <source>All alerts as one table</source>
        <translation>Alle Alarme als eine Tabelle</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Stummschalten…</translation>
    </message>
    <message>
        <source>Expire the selection&apos;s silences</source>
        <translation>Die Stummschaltungen der Auswahl beenden</translation>
    </message>
    <message>
        <source>Acknowledge the incident</source>
        <translation>Den Vorfall quittieren</translation>
    </message>
    <message>
        <source>Note on the incident…</source>
        <translation>Notiz zum Vorfall…</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>vigil::WallController</name>
    <message>
        <source>Quit the wall display? Press Y to quit, any other key to stay.</source>
        <translation>Die Wandanzeige beenden? Y beendet, jede andere Taste bleibt.</translation>
    </message>
    <message>
        <source>The display stalled for %1 s at %2; it is running again.</source>
        <translation>Die Anzeige stand %1 s lang um %2; sie läuft wieder.</translation>
    </message>
</context>
<context>
    <name>vigil::WallScreenshot</name>
    <message>
        <source>wall screen %1 has no screen to show on; %2 not written</source>
        <translation>Wandbildschirm %1 hat keinen Bildschirm zum Anzeigen; %2 nicht geschrieben</translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation>der Screenshot konnte nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>wrote %1 (%2x%3, wall screen %4, view %5)</source>
        <translation>%1 geschrieben (%2x%3, Wandbildschirm %4, Ansicht %5)</translation>
    </message>
    <message>
        <source>no poll landed within %1 s, or a view had not finished loading; the screenshots show the wall as it was</source>
        <translation>keine Abfrage traf innerhalb von %1 s ein, oder eine Ansicht war nicht fertig geladen; die Screenshots zeigen die Wand, wie sie war</translation>
    </message>
</context>
<context>
    <name>vigil::WallSession</name>
    <message>
        <source>The changed configuration was not loaded, the wall keeps the last good one: %1</source>
        <translation>Die geänderte Konfiguration wurde nicht geladen, die Wand behält die letzte gute: %1</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>Konfiguration neu geladen.</translation>
    </message>
</context>
<context>
    <name>vigil::WallWindow</name>
    <message>
        <source>Vigil — wall display</source>
        <translation>Vigil — Wandanzeige</translation>
    </message>
    <message>
        <source>new incident</source>
        <translation>neuer Vorfall</translation>
    </message>
    <message>
        <source>rotation paused</source>
        <translation>Rotation pausiert</translation>
    </message>
</context>
<context>
    <name>vigil::WearProxy</name>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 %2 (+%3/h)</source>
        <translation>%1 %2 (+%3/h)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Fails in</source>
        <translation>Fällt aus in</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>vigil::WelcomePage</name>
    <message>
        <source>Welcome to Vigil</source>
        <translation>Willkommen bei Vigil</translation>
    </message>
    <message>
        <source>Vigil watches a server fleet through Prometheus and Alertmanager: alert storms folded into incidents with their probable cause, load, drift and topology. Nothing is configured yet; choose how to start.</source>
        <translation>Vigil beobachtet eine Serverflotte über Prometheus und Alertmanager: Alarmstürme zu Vorfällen mit ihrer wahrscheinlichen Ursache zusammengefasst, Last, Drift und Topologie. Noch ist nichts eingerichtet; wählen Sie, wie Sie beginnen.</translation>
    </message>
    <message>
        <source>Start the demo: a simulated fleet of 2,000 hosts</source>
        <translation>Die Demo starten: eine simulierte Flotte mit 2.000 Hosts</translation>
    </message>
    <message>
        <source>Open an incident snapshot…</source>
        <translation>Einen Vorfall-Snapshot öffnen…</translation>
    </message>
    <message>
        <source>Open an incident snapshot</source>
        <translation>Einen Vorfall-Snapshot öffnen</translation>
    </message>
    <message>
        <source>Vigil snapshots (*.vigil);;All files (*)</source>
        <translation>Vigil-Snapshots (*.vigil);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add a Prometheus and Alertmanager…</source>
        <translation>Prometheus und Alertmanager hinzufügen…</translation>
    </message>
    <message>
        <source>Saved to %1; the next start of Vigil uses it. Tokens and passwords go to the system keychain. Files given with --config are never changed.</source>
        <translation>Gespeichert in %1; der nächste Start von Vigil verwendet sie. Tokens und Passwörter kommen in den Schlüsselbund des Systems. Mit --config angegebene Dateien werden nie geändert.</translation>
    </message>
</context>
</TS>

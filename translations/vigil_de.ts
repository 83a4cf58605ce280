<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CommandLine</name>
    <message>
        <source>Vigil: a native operations console for large server fleets (Prometheus + Alertmanager).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read sources, query profile and cache settings from a YAML or JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll this Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll this Alertmanager (API v2). Repeat for each member of a cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval for --prometheus/--alertmanager (default 15s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cache file (default: the user&apos;s cache directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a simulated fleet (vigil-sim) in-process and watch it. No setup needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of simulated hosts for --demo (default 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulator scenario for --demo: steady, hotspots, rack-failure, demo (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the first poll, render a view headless to this PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show or render: hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1920x1080 (default 1600x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the first poll before --screenshot gives up (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial host filter, e.g. &quot;region=eu1 role=~db.*&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use one of --config, --prometheus/--alertmanager or --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to watch: pass --demo, --config FILE, or --prometheus URL [--alertmanager URL]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interval: expected a duration such as 15s or 1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-hosts: expected a number from 1 to 200000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--demo-scenario: expected one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size: expected WIDTHxHEIGHT such as 1920x1080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-timeout: expected a positive number of seconds</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
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
        <source>%n host(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silenced or inhibited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>%1: %2 (last success %3)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Showing the cached fleet: no poll has landed yet.</source>
        <translation>Zwischengespeicherter Stand: noch keine Abfrage eingetroffen.</translation>
    </message>
</context>
<context>
    <name>vigil::Pipeline</name>
    <message>
        <source>The cache could not be opened (%1); it was moved to %2 and a new cache was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cache: %1. Vigil runs without history until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the cache failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::Screenshotter</name>
    <message>
        <source>unknown view &quot;%1&quot; (views: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no poll landed within %1 s; %2 shows the cached or empty state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 (%2x%3, view %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::SourceHealthProxy</name>
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
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DriftWording</name>
    <message numerus="yes">
        <source>%1 has no majority value among the %n %2 host(s) (%3 distinct values); not judged</source>
        <translation>
            <numerusform>%1 has no majority value among the %n %2 host (%3 distinct values); not judged</numerusform>
            <numerusform>%1 has no majority value among the %n %2 hosts (%3 distinct values); not judged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) are down and were not judged</source>
        <translation>
            <numerusform>%n host is down and was not judged</numerusform>
            <numerusform>%n hosts are down and were not judged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) reported no facts (down, or not exporting them) and were not judged</source>
        <translation>
            <numerusform>%n host reported no facts (down, or not exporting it) and was not judged</numerusform>
            <numerusform>%n hosts reported no facts (down, or not exporting them) and were not judged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) match no baseline layer and were not judged</source>
        <translation>
            <numerusform>%n host matches no baseline layer and was not judged</numerusform>
            <numerusform>%n hosts match no baseline layer and were not judged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) match no baseline layer</source>
        <translation>
            <numerusform>%n host matches no baseline layer</numerusform>
            <numerusform>%n hosts match no baseline layer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) have no &quot;%1&quot; label to compare by</source>
        <translation>
            <numerusform>%n host has no &quot;%1&quot; label to compare by</numerusform>
            <numerusform>%n hosts have no &quot;%1&quot; label to compare by</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) report no fact series (profile.facts)</source>
        <translation>
            <numerusform>%n host reports no fact series (profile.facts)</numerusform>
            <numerusform>%n hosts report no fact series (profile.facts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) are down</source>
        <translation>
            <numerusform>%n host is down</numerusform>
            <numerusform>%n hosts are down</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>%Ln alert(s) (%1 active, %2 suppressed)</source>
        <translation>
            <numerusform>%Ln alert (%1 active, %2 suppressed)</numerusform>
            <numerusform>%Ln alerts (%1 active, %2 suppressed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %Ln host(s)</source>
        <translation>
            <numerusform> on %Ln host</numerusform>
            <numerusform> on %Ln hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln service(s)</source>
        <translation>
            <numerusform>, %Ln service</numerusform>
            <numerusform>, %Ln services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WallStrip</name>
    <message numerus="yes">
        <source>▲ %n CRITICAL</source>
        <translation>
            <numerusform>▲ %n CRITICAL</numerusform>
            <numerusform>▲ %n CRITICAL</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>◆ %n WARNING</source>
        <translation>
            <numerusform>◆ %n WARNING</numerusform>
            <numerusform>◆ %n WARNING</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>● %n info</source>
        <translation>
            <numerusform>● %n info</numerusform>
            <numerusform>● %n info</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::DriftClusterModel</name>
    <message numerus="yes">
        <source>consensus of %L1 of %Ln %2 host(s)</source>
        <translation>
            <numerusform>consensus of %L1 of %Ln %2 host</numerusform>
            <numerusform>consensus of %L1 of %Ln %2 hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::DriftView</name>
    <message numerus="yes">
        <source>%n drift cluster(s)</source>
        <translation>
            <numerusform>%n drift cluster</numerusform>
            <numerusform>%n drift clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new or growing in the last 24 h</source>
        <translation>
            <numerusform>%n new or growing in the last 24 h</numerusform>
            <numerusform>%n new or growing in the last 24 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Values of %1&lt;/b&gt; on %n host(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Values of %1&lt;/b&gt; on %n host</numerusform>
            <numerusform>&lt;b&gt;Values of %1&lt;/b&gt; on %n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HostMapCanvas</name>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HostMapView</name>
    <message numerus="yes">
        <source>ringed: %1 (%n host(s) on the map)</source>
        <translation>
            <numerusform>ringed: %1 (%n host on the map)</numerusform>
            <numerusform>ringed: %1 (%n hosts on the map)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::HostTableView</name>
    <message numerus="yes">
        <source>%Ln host(s)</source>
        <translation>
            <numerusform>%Ln host</numerusform>
            <numerusform>%Ln hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln host(s)</source>
        <translation>
            <numerusform>%L1 of %Ln host</numerusform>
            <numerusform>%L1 of %Ln hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::IncidentAlertsModel</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::IncidentModel</name>
    <message numerus="yes">
        <source>%1 alerts → %n incident(s)</source>
        <translation>
            <numerusform>%1 alerts → %n incident</numerusform>
            <numerusform>%1 alerts → %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>node %1 is failing (%n alert(s) on it)</source>
        <translation>
            <numerusform>node %1 is failing (%n alert on it)</numerusform>
            <numerusform>node %1 is failing (%n alerts on it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>host %1 is failing (%n alert(s) on it)</source>
        <translation>
            <numerusform>host %1 is failing (%n alert on it)</numerusform>
            <numerusform>host %1 is failing (%n alerts on it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) named %1 on %L2 host(s); no shared cause in the topology</source>
        <translation>
            <numerusform>%Ln alert named %1 on %L2 host(s); no shared cause in the topology</numerusform>
            <numerusform>%Ln alerts named %1 on %L2 host(s); no shared cause in the topology</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod</numerusform>
            <numerusform>%n pods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n namespace(s)</source>
        <translation>
            <numerusform>in %n namespace</numerusform>
            <numerusform>in %n namespaces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) alerting</source>
        <translation>
            <numerusform>%n pod alerting</numerusform>
            <numerusform>%n pods alerting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more alert(s) on %1 service(s) started with it</source>
        <translation>
            <numerusform>%Ln more alert on %1 service(s) started with it</numerusform>
            <numerusform>%Ln more alerts on %1 service(s) started with it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them on services that depend on it</source>
        <translation>
            <numerusform>%Ln of them on services that depend on it</numerusform>
            <numerusform>%Ln of them on services that depend on it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them from workloads whose pods ran on it</source>
        <translation>
            <numerusform>%Ln of them from workloads whose pods ran on it</numerusform>
            <numerusform>%Ln of them from workloads whose pods ran on it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them joined by time alone: no dependency edge leads to it, but their kind was quiet before it and began with it</source>
        <translation>
            <numerusform>%Ln of them joined by time alone: no dependency edge leads to it, but their kind was quiet before it and began with it</numerusform>
            <numerusform>%Ln of them joined by time alone: no dependency edge leads to it, but their kind was quiet before it and began with it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) on services that depend on it left apart: their kind was starting as often before it</source>
        <translation>
            <numerusform>%Ln alert on services that depend on it left apart: their kind was starting as often before it</numerusform>
            <numerusform>%Ln alerts on services that depend on it left apart: their kind was starting as often before it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alertmanager inhibits %Ln of them by it</source>
        <translation>
            <numerusform>Alertmanager inhibits %Ln of them by it</numerusform>
            <numerusform>Alertmanager inhibits %Ln of them by it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flapping</source>
        <translation>
            <numerusform>%n flapping</numerusform>
            <numerusform>%n flapping</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>service %1 is failing by %n alert(s) of its own, on no host of its own</source>
        <translation>
            <numerusform>service %1 is failing by %n alert of its own, on no host of its own</numerusform>
            <numerusform>service %1 is failing by %n alerts of its own, on no host of its own</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them saying a scrape job&apos;s targets are down: they went down with its hosts</source>
        <translation>
            <numerusform>%Ln of them saying a scrape job&apos;s targets are down: they went down with its hosts</numerusform>
            <numerusform>%Ln of them saying a scrape job&apos;s targets are down: they went down with its hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message numerus="yes">
        <source>Marked in the other views: %1 (%n host(s))</source>
        <translation>
            <numerusform>Marked in the other views: %1 (%n host)</numerusform>
            <numerusform>Marked in the other views: %1 (%n hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln host(s)</source>
        <translation>
            <numerusform>%Ln host</numerusform>
            <numerusform>%Ln hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln down</source>
        <translation>
            <numerusform>%Ln down</numerusform>
            <numerusform>%Ln down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln alert(s) firing</source>
        <translation>
            <numerusform>%Ln alert firing</numerusform>
            <numerusform>%Ln alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln silenced or inhibited</source>
        <translation>
            <numerusform>%Ln silenced or inhibited</numerusform>
            <numerusform>%Ln silenced or inhibited</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::ServiceDetailDialog</name>
    <message numerus="yes">
        <source>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — %n host(s)</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — %n host</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), worst %1</source>
        <translation>
            <numerusform>%n active alert, worst %1</numerusform>
            <numerusform>%n active alerts, worst %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>depends on %1 · depended on by %2 · %n service(s) depend on it, directly or not</source>
        <translation>
            <numerusform>depends on %1 · depended on by %2 · %n service depends on it, directly or not</numerusform>
            <numerusform>depends on %1 · depended on by %2 · %n services depend on it, directly or not</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — runs on %n node(s)</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — runs on %n node</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;service %1&lt;/b&gt; — runs on %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message numerus="yes">
        <source>%Ln target(s), %L1 up</source>
        <translation>
            <numerusform>%Ln target, %L1 up</numerusform>
            <numerusform>%Ln targets, %L1 up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln target(s)</source>
        <translation>
            <numerusform>%Ln target</numerusform>
            <numerusform>%Ln targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cluster %1, %Ln peer(s)</source>
        <translation>
            <numerusform>cluster %1, %Ln peer</numerusform>
            <numerusform>cluster %1, %Ln peers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::SnapshotReview</name>
    <message numerus="yes">
        <source>%n alert(s) fired: %1</source>
        <translation>
            <numerusform>%n alert fired: %1</numerusform>
            <numerusform>%n alerts fired: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) resolved: %1</source>
        <translation>
            <numerusform>%n alert resolved: %1</numerusform>
            <numerusform>%n alerts resolved: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>incident starts: %1 (%n alert(s))</source>
        <translation>
            <numerusform>incident starts: %1 (%n alert)</numerusform>
            <numerusform>incident starts: %1 (%n alerts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>incident escalates: %1 (%n alert(s))</source>
        <translation>
            <numerusform>incident escalates: %1 (%n alert)</numerusform>
            <numerusform>incident escalates: %1 (%n alerts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TimeHeatmapView</name>
    <message numerus="yes">
        <source>Selected in another view: %1 — %n host(s), marked ▮ at the left</source>
        <translation>
            <numerusform>Selected in another view: %1 — %n host, marked ▮ at the left</numerusform>
            <numerusform>Selected in another view: %1 — %n hosts, marked ▮ at the left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TimelineScrubber</name>
    <message numerus="yes">
        <source>peak %n active alert(s)</source>
        <translation>
            <numerusform>peak %n active alert</numerusform>
            <numerusform>peak %n active alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TopologyCanvas</name>
    <message numerus="yes">
        <source>edges bundled by area (%n faint bundle(s) hidden); zoom in for each</source>
        <translation>
            <numerusform>edges bundled by area (%n faint bundle hidden); zoom in for each</numerusform>
            <numerusform>edges bundled by area (%n faint bundles hidden); zoom in for each</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) hidden where they would overlap</source>
        <translation>
            <numerusform>%n label hidden where they would overlap</numerusform>
            <numerusform>%n labels hidden where they would overlap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Root cause: %1 %2 — %n service(s) in the blast radius</source>
        <translation>
            <numerusform>Root cause: %1 %2 — %n service in the blast radius</numerusform>
            <numerusform>Root cause: %1 %2 — %n services in the blast radius</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) lack the hierarchy labels (%1) and are in &quot;unplaced&quot;.</source>
        <translation>
            <numerusform>%n host lacks the hierarchy labels (%1) and is in &quot;unplaced&quot;.</numerusform>
            <numerusform>%n hosts lack the hierarchy labels (%1) and are in &quot;unplaced&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), worst %1</source>
        <translation>
            <numerusform>%n active alert, worst %1</numerusform>
            <numerusform>%n active alerts, worst %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) depend on it, directly or not</source>
        <translation>
            <numerusform>%n service depends on it, directly or not</numerusform>
            <numerusform>%n services depend on it, directly or not</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TopologyView</name>
    <message numerus="yes">
        <source>%1 · %2 · %n alert(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n alert</numerusform>
            <numerusform>%1 · %2 · %n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::TriageView</name>
    <message numerus="yes">
        <source>Acknowledge? Silences %n alert(s) now, matching %1, on %2 for %3 min, extended while the incident lasts, at most %4 h. Press a again to confirm, Esc to cancel.</source>
        <translation>
            <numerusform>Acknowledge? Silences %n alert now, matching %1, on %2 for %3 min, extended while the incident lasts, at most %4 h. Press a again to confirm, Esc to cancel.</numerusform>
            <numerusform>Acknowledge? Silences %n alerts now, matching %1, on %2 for %3 min, extended while the incident lasts, at most %4 h. Press a again to confirm, Esc to cancel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected in another view: %1 — %n incident(s) have alerts on its hosts (tinted)</source>
        <translation>
            <numerusform>Selected in another view: %1 — %n incident has alerts on its hosts (tinted)</numerusform>
            <numerusform>Selected in another view: %1 — %n incidents have alerts on its hosts (tinted)</numerusform>
        </translation>
    </message>
</context>
</TS>

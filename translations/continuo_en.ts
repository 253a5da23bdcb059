<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Continuo::Gui::AlertDetailPane</name>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="95"/>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="96"/>
        <source>&amp;Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="100"/>
        <source>Record that someone is on the selected alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="101"/>
        <source>Ctrl+Shift+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="104"/>
        <source>Mute alerts with the selected alert&apos;s labels for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="105"/>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="108"/>
        <source>Select an alert in the alert list or on the anomaly timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="127"/>
        <source>Show it on the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="137"/>
        <source>This alert names no series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="156"/>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="157"/>
        <source>Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="158"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="159"/>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="160"/>
        <source>Fired:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="161"/>
        <source>Resolved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="162"/>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="163"/>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="164"/>
        <source>Anomaly score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="165"/>
        <source>Acknowledged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="166"/>
        <source>Silenced:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="176"/>
        <source>Contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="178"/>
        <source>Workloads involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="180"/>
        <source>Offending series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="304"/>
        <source>%1 (peak %2, threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="308"/>
        <source>by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="309"/>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="310"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="310"/>
        <source>by silence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="312"/>
        <source>None recorded on the node when the alert started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="391"/>
        <source>Acknowledged the alert on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="393"/>
        <source>Acknowledging the alert on %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="408"/>
        <source>Silence Alerts Like %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="417"/>
        <source>Silenced alerts like the one on %1 until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="420"/>
        <source>Silencing the alert on %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AlertListPane</name>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="31"/>
        <source>Filter alerts (subject, rule, summary, metric, workload)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="34"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="35"/>
        <source>Warning and critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="36"/>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="38"/>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="39"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="40"/>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="41"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="42"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/AlertListPane.cpp" line="165"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/AlertListPane.cpp" line="165"/>
        <source>%n listed</source>
        <translation>
            <numerusform>%n listed</numerusform>
            <numerusform>%n listed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="167"/>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AlertModel</name>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="260"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="262"/>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="264"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="268"/>
        <location filename="../app/models/AlertModel.cpp" line="283"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="275"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="277"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="279"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="311"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="313"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="315"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="316"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="324"/>
        <source>ack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="326"/>
        <source>silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="386"/>
        <source>Acknowledged by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="388"/>
        <source>Silenced by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="442"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="444"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="446"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="448"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="450"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="452"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="454"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="456"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AnomalyTimeline</name>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="279"/>
        <source>%1 – %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="281"/>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="385"/>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="389"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="379"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="399"/>
        <source>No alerts in the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::BackendObjectModel</name>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="146"/>
        <source>Slurm job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="148"/>
        <source>Slurm partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="150"/>
        <source>Virtual machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="159"/>
        <location filename="../app/models/BackendObjectModel.cpp" line="161"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="163"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="166"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="167"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="174"/>
        <source>CPU %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="182"/>
        <source>ran %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="188"/>
        <source>%1/%2 CPUs idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="200"/>
        <source>%n vCPU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="207"/>
        <source>up in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="214"/>
        <source>%n CPU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="217"/>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="226"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="228"/>
        <source>%1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="230"/>
        <source>%1 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="233"/>
        <source>deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="317"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="319"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="321"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="323"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="325"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="327"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="329"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::BackendsPane</name>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="61"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="63"/>
        <source>Shut &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="65"/>
        <source>Sus&amp;pend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="67"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="69"/>
        <source>&amp;Migrate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="71"/>
        <source>Force O&amp;ff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="73"/>
        <source>&amp;Delete Definition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="75"/>
        <source>&amp;Cancel Job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="88"/>
        <source>Show &amp;Output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="97"/>
        <source>Filter jobs, partitions and VMs (name, node, state…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="102"/>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="103"/>
        <source>Slurm jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="104"/>
        <source>Slurm partitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="105"/>
        <source>Virtual machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="146"/>
        <source>The selected job&apos;s output or virtual machine&apos;s serial console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="247"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ChartPanel</name>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 15 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="45"/>
        <source>Time range; the chart follows now and adds live samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="48"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="51"/>
        <source>Follow now (scroll the chart to look back in time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="53"/>
        <source>Pick series in the Metrics browser (double-click or Chart) to plot them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="127"/>
        <source>No series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ChartPanel.cpp" line="136"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n series</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ConnectDialog</name>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="20"/>
        <source>Connect to Daemon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="26"/>
        <source>The console talks to a `continuo --daemon` over gRPC. Enter its address as HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="28"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="30"/>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ConnectionDialog</name>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="27"/>
        <source>&amp;Both directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="29"/>
        <source>Postcard &amp;telemetry (INT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="33"/>
        <source>Compute &amp;Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="34"/>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="37"/>
        <source>New Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="39"/>
        <source>empty: from the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="41"/>
        <source>e.g. camera → analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="43"/>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="44"/>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="45"/>
        <source>UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="49"/>
        <source>empty: computed; or switch ids, e.g. s1, s5, s2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="54"/>
        <source>table0 priority of the connection&apos;s entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="61"/>
        <source>Ask the controller which path it would use; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="66"/>
        <source>Endpoint &amp;A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="67"/>
        <source>Endpoint &amp;B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="70"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="71"/>
        <source>&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="72"/>
        <source>P&amp;rotocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="74"/>
        <source>Pinned pat&amp;h:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="76"/>
        <source>Pri&amp;ority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="111"/>
        <source>node id or namespace/pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="112"/>
        <source>10.244.1.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="113"/>
        <source>pods only: the node&apos;s VTEP IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="121"/>
        <source>Port of the switch facing the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="125"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="128"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="129"/>
        <source>IP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="130"/>
        <source>VTEP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="131"/>
        <source>Switch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="132"/>
        <source>Switch port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="133"/>
        <source>L4 port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="151"/>
        <source>Edit Connection %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="169"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="233"/>
        <source>Computing the path…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="240"/>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="260"/>
        <source>The controller refuses this connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="244"/>
        <source>Path: %1 (no disjoint backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="245"/>
        <source>Path: %1; backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="256"/>
        <source>Writing the connection&apos;s entries…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ConnectionModel</name>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="88"/>
        <source>%1 (avoiding %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="91"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="95"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="95"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="131"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="133"/>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="135"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="137"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="139"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="141"/>
        <source>Telemetry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Console</name>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="82"/>
        <source>Operations console for the edge–cloud–HPC continuum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="87"/>
        <source>Connect to a continuo daemon at HOST:PORT instead of embedding the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="90"/>
        <source>Directory of the embedded engine&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="93"/>
        <source>Simulator scenario: demo, none or a YAML file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="96"/>
        <source>Simulator seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="98"/>
        <source>Do not show this machine as a node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="100"/>
        <source>Colour theme (remembered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="103"/>
        <source>User interface language (en, el).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="106"/>
        <source>Save a PNG of the main window and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="109"/>
        <source>Seconds to wait before the screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="112"/>
        <source>Configuration file (plugin settings; default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="147"/>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="158"/>
        <source>--after needs a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="188"/>
        <source>--seed needs a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="197"/>
        <location filename="../app/ConsoleApplication.cpp" line="206"/>
        <source>Continuo cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="207"/>
        <source>The engine could not start with the data in %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="230"/>
        <source>cannot save the screenshot to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ContributionBars</name>
    <message>
        <location filename="../app/widgets/ContributionBars.cpp" line="62"/>
        <source>No attribution for this alert.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::DeploymentModel</name>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="117"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="119"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="121"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="123"/>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="125"/>
        <source>Deploying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="127"/>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="129"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="131"/>
        <source>Redeployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="133"/>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="137"/>
        <location filename="../app/models/DeploymentModel.cpp" line="156"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="144"/>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="146"/>
        <source>Virtual machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="148"/>
        <source>Unikernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="150"/>
        <source>HPC job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="152"/>
        <source>Accelerated kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="163"/>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="165"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="167"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="168"/>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="214"/>
        <source>%1 #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="221"/>
        <source>%1 (terminating)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="258"/>
        <source>Backend constraints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="277"/>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="279"/>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="281"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="283"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="285"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="287"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="289"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="291"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="293"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::DeploymentsPane</name>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="25"/>
        <source>&amp;Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="26"/>
        <source>&amp;Terminate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="27"/>
        <source>&amp;Pin to Node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="28"/>
        <source>&amp;Re-optimise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="37"/>
        <source>Filter deployments (id, workload, node, state…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="74"/>
        <source>Why the selected deployment&apos;s workload is where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="76"/>
        <source>Terminate every deployment of the selected workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="78"/>
        <source>Move the selected deployment to a node you choose (or drag it onto a node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="80"/>
        <source>Compute moves that improve placement, review them, then apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="144"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogModel</name>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="92"/>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="94"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="96"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="98"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="100"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="104"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="178"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="180"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="182"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="184"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="186"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="188"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogPane</name>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="31"/>
        <source>Filter events (type, source, subject, message)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="34"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36"/>
        <source>Telemetry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37"/>
        <source>Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38"/>
        <source>Plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38"/>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39"/>
        <source>Simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="43"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="44"/>
        <source>Warnings and worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="45"/>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/EventLogPane.cpp" line="114"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="114"/>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ExplanationView</name>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="65"/>
        <source>latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="67"/>
        <source>execution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="69"/>
        <source>energy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="71"/>
        <source>cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="73"/>
        <source>balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Score / count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="126"/>
        <source>Nothing explained yet. Use Explain on a deployment or Dry run in the placement dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="172"/>
        <source>weight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="195"/>
        <source>Placed on %1 · %2 of %3 nodes feasible · strategy %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="203"/>
        <source>Cannot be placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="208"/>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="212"/>
        <source>replica %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="215"/>
        <source>cluster %1, site %2, delegated to the backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="217"/>
        <source>cluster %1, site %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="221"/>
        <source>constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="227"/>
        <source>Platforms (in the order tried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="234"/>
        <source>Ranked candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="238"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="255"/>
        <source>Rejected by filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="269"/>
        <source>cluster %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="271"/>
        <source>short by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ExplanationView.cpp" line="277"/>
        <source>… %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="283"/>
        <source>What would make it fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ExplanationView.cpp" line="288"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="289"/>
        <source>relax the %1 filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::FlowLatencyChart</name>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="57"/>
        <source>hop latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="61"/>
        <source>SLA threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="72"/>
        <source>Select a connection to see the hop latency of its flow on every switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="213"/>
        <source>%1 max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="213"/>
        <source>%1 avg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::InspectorPane</name>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="87"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="87"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="149"/>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="149"/>
        <source>Click a site, node, switch or link on the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="155"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="203"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="244"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="156"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="200"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="241"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="265"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="157"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="201"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="242"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="266"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="158"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="202"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="243"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="267"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="159"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="172"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="210"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="271"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="173"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="174"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="211"/>
        <source>CPU cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="175"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="212"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="176"/>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="181"/>
        <source>Storage locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="185"/>
        <source>%1, %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="188"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="227"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="199"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="202"/>
        <source>node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="204"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="207"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="245"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="268"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="208"/>
        <source>Security tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="209"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="213"/>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="214"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="273"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="215"/>
        <source>CPU utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="217"/>
        <source>Devices (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="240"/>
        <source>P4 switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="243"/>
        <source>switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="244"/>
        <source>backbone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="246"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="247"/>
        <source>Management address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="248"/>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="249"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="253"/>
        <source>to %1, %2 ms nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="264"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="267"/>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="269"/>
        <source>Endpoint A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="269"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="270"/>
        <source>%1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="270"/>
        <source>Endpoint B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="272"/>
        <source>Nominal latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="272"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="274"/>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="289"/>
        <source>Latency series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="296"/>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="296"/>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="297"/>
        <source>%1
Double-click to chart it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="299"/>
        <source>Estimated by network tomography from end-to-end paths: nothing measures this link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::LiveChart</name>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="58"/>
        <source>nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="69"/>
        <source>Select a node or a link on the canvas to see its live chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="177"/>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="178"/>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="179"/>
        <source>Memory %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="194"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="195"/>
        <location filename="../app/charts/LiveChart.cpp" line="291"/>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="291"/>
        <source>Latency, estimated (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::MainWindow</name>
    <message>
        <location filename="../app/MainWindow.cpp" line="77"/>
        <location filename="../app/MainWindow.cpp" line="521"/>
        <source>Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="134"/>
        <source>&amp;Connect to Daemon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="136"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="146"/>
        <source>&amp;Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="149"/>
        <source>&amp;Light Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="155"/>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="157"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="159"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="162"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="166"/>
        <source>&amp;Cordon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="168"/>
        <source>Stop placing new work on the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="170"/>
        <source>&amp;Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="172"/>
        <source>Move work off the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="174"/>
        <source>&amp;Uncordon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="176"/>
        <source>Make the selected node schedulable again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="179"/>
        <source>&amp;Place Workload…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="181"/>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="182"/>
        <source>Describe a workload, dry-run its placement, submit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="184"/>
        <source>&amp;What-if Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="187"/>
        <source>Ctrl+Shift+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="188"/>
        <source>Try hypothetical changes on the topology and see what would move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="191"/>
        <source>&amp;Plugins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="194"/>
        <source>&amp;About Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="202"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="208"/>
        <source>Live Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="215"/>
        <source>Event Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <location filename="../app/MainWindow.cpp" line="294"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="277"/>
        <source>Anomaly Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="278"/>
        <source>Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="279"/>
        <source>Alert Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="285"/>
        <location filename="../app/MainWindow.cpp" line="385"/>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="285"/>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="286"/>
        <source>Anomaly &amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="286"/>
        <source>Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="287"/>
        <source>Alert &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="287"/>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="288"/>
        <source>&amp;Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="294"/>
        <source>Alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="307"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="308"/>
        <source>Series Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="311"/>
        <source>&amp;Metrics Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="311"/>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="312"/>
        <source>Series C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="312"/>
        <source>Ctrl+Shift+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="342"/>
        <location filename="../app/MainWindow.cpp" line="1046"/>
        <location filename="../app/MainWindow.cpp" line="1057"/>
        <source>Action Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="351"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="356"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="365"/>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="369"/>
        <source>Live &amp;Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="373"/>
        <source>&amp;Event Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="379"/>
        <source>&amp;Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="393"/>
        <source>&amp;Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="404"/>
        <source>Net&amp;work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="422"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="425"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="428"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="519"/>
        <source>Continuo — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="530"/>
        <source>This build cannot connect to a daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="535"/>
        <source>Cannot connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="543"/>
        <location filename="../app/MainWindow.cpp" line="736"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="635"/>
        <location filename="../app/MainWindow.cpp" line="640"/>
        <source>waiting for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="635"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="641"/>
        <source>%1 ms (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="642"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="677"/>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="679"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="680"/>
        <source>%1 samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="681"/>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="689"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="695"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="700"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="704"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="732"/>
        <source>Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="737"/>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="741"/>
        <source>The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="766"/>
        <source>Cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="769"/>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="772"/>
        <source>Uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="779"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="780"/>
        <source>Reason (recorded in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="786"/>
        <source>%1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="790"/>
        <source>%1: %2 is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="793"/>
        <source>%1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="826"/>
        <source>About Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="827"/>
        <source>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Operations console for the edge–cloud–HPC continuum.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="831"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="860"/>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="861"/>
        <source>Placement Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="862"/>
        <source>What-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="869"/>
        <source>&amp;Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="869"/>
        <source>Ctrl+Shift+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="870"/>
        <source>Placement E&amp;xplanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="890"/>
        <source>HPC Jobs &amp;&amp; VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="892"/>
        <source>HPC &amp;Jobs &amp;&amp; VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="893"/>
        <source>Ctrl+Shift+J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="907"/>
        <source>P4 Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="908"/>
        <source>Fabric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="911"/>
        <source>&amp;Fabric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="911"/>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="912"/>
        <source>P4 &amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="912"/>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="913"/>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="914"/>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="915"/>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="944"/>
        <source>No other ready host in %1 to migrate %2 to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="950"/>
        <source>Migrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="951"/>
        <source>Live-migrate %1 (now on %2) to host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="953"/>
        <source>Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="968"/>
        <source>Cancel job %1? Its processes are killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="970"/>
        <source>Force off %1? Like pulling the plug: the guest does not shut down cleanly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="972"/>
        <source>Delete the definition of %1? Its configuration is removed from the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="990"/>
        <source>Serial Console of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="991"/>
        <source>Output of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1000"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1010"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1014"/>
        <source>Cannot read the output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1019"/>
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1032"/>
        <source>%1: %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1036"/>
        <source>%1: %2 requested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1037"/>
        <source>%1 on %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1072"/>
        <source>Submitted %n workload(s): %1 placed, %2 deployment(s) created.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1090"/>
        <location filename="../app/MainWindow.cpp" line="1190"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1091"/>
        <source>Explaining %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1098"/>
        <source>Cannot explain %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1110"/>
        <source>Terminate Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1111"/>
        <source>Terminate every deployment of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1114"/>
        <source>Terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1119"/>
        <source>Terminating %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1120"/>
        <source>Terminate %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1137"/>
        <source>Pin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1138"/>
        <source>Move %1 (now on %2) to node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1141"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1154"/>
        <source>%1 already runs on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1161"/>
        <source>Pinning %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1166"/>
        <source>%1 is moving to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1167"/>
        <source>Pin %1 to %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1195"/>
        <source>Node Cannot Take It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1196"/>
        <source>%1 does not fit on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1200"/>
        <source>Pin Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1214"/>
        <source>Computing re-optimisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1217"/>
        <location filename="../app/MainWindow.cpp" line="1241"/>
        <source>Re-optimisation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1221"/>
        <source>Nothing to improve: no deployment would move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1226"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1227"/>
        <source>nowhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1228"/>
        <source>Re-optimise</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1229"/>
        <source>%n deployment(s) would move.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1234"/>
        <source>Apply Moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1240"/>
        <source>Re-optimisation started: %n move(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1254"/>
        <source>What-if mode: right-click the topology to try changes. Nothing is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1275"/>
        <source>What if %1 is drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1276"/>
        <source>What if %1 fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1277"/>
        <source>Add Load on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1279"/>
        <source>Add Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1279"/>
        <source>Extra CPU on %1 (cores):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1290"/>
        <source>What if link %1 fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1292"/>
        <source>What if site %1 fails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::MetricsBrowserPane</name>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="24"/>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="28"/>
        <source>Metric name, or a selector: node_cpu_utilisation{site=~&quot;site-hpc.*&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="30"/>
        <source>A part of a metric name, or a series selector with =, !=, =~ and !~ (regular expressions match the whole value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="33"/>
        <source>Chart the selected series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="122"/>
        <source>Not a valid search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="131"/>
        <source>Showing %1 of more than %1 series. Refine the search to see the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="132"/>
        <source>Showing %n series.</source>
        <translation>
            <numerusform>Showing %n series.</numerusform>
            <numerusform>Showing %n series.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::NetworkPane</name>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="74"/>
        <source>&amp;New Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="75"/>
        <source>&amp;Edit Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="76"/>
        <source>&amp;Remove Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="77"/>
        <source>Reroute &amp;Avoiding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="78"/>
        <source>Re&amp;store Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="79"/>
        <source>New &amp;SLA Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="80"/>
        <source>Remove SLA R&amp;ule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="86"/>
        <source>Re&amp;route on violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="87"/>
        <source>E&amp;nabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="89"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="607"/>
        <source>Sa&amp;ve Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="107"/>
        <source>Connect two hosts or pods through the fabric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="108"/>
        <source>Change the selected connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="109"/>
        <source>Remove the selected connection and its entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="110"/>
        <source>Move the selected connection off a switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="111"/>
        <source>Move the selected connection back to its own path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="112"/>
        <source>Start a new SLA rule in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="113"/>
        <source>Remove the selected SLA rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="163"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="167"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="171"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="164"/>
        <source>Hop latency on any switch of the flow above this violates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="168"/>
        <source>How long the violation must last (0: the first violating postcard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="172"/>
        <source>Averaging window of the average metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="190"/>
        <source>SLA Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="192"/>
        <source>&amp;Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="193"/>
        <source>&amp;Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="194"/>
        <source>&amp;Threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="195"/>
        <source>&amp;Persistence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="196"/>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="213"/>
        <source>&amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="214"/>
        <source>SLA R&amp;ules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="215"/>
        <source>Reroute &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="319"/>
        <source>%1 (flow %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="334"/>
        <source>Cannot list the connections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="363"/>
        <source>Cannot list the SLA rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="445"/>
        <source>Flow %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="476"/>
        <source>Connection %1 uses %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="495"/>
        <source>Telemetry on for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="495"/>
        <source>Telemetry off for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="497"/>
        <source>Cannot turn telemetry %1 for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="498"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="498"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="512"/>
        <source>Reroute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="513"/>
        <source>Move the connection off switch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="515"/>
        <source>Reroute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="530"/>
        <source>Cannot reroute %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="534"/>
        <source>%1 is back on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="535"/>
        <source>%1 now avoids %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="549"/>
        <source>Remove Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="550"/>
        <source>Remove %1 and delete its entries from every switch of its path?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="555"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="565"/>
        <source>Connection %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="566"/>
        <source>Cannot remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="607"/>
        <source>Cre&amp;ate Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="627"/>
        <source>The rule is refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="628"/>
        <source>Cannot save the SLA rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="631"/>
        <source>SLA rule saved: %1 above %2 ms on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="646"/>
        <source>SLA rule %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="647"/>
        <source>Cannot remove the SLA rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4EntryForm</name>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="48"/>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="59"/>
        <source>What an entry that matches does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="66"/>
        <source>Higher wins when several ternary or range entries match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="70"/>
        <source>Why this entry exists (not sent to the switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="75"/>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="77"/>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="145"/>
        <source>%1: %2 match, %n bit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="164"/>
        <location filename="../app/widgets/P4EntryForm.cpp" line="175"/>
        <source>empty: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="170"/>
        <source> prefix length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="176"/>
        <source>mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="177"/>
        <source>empty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="180"/>
        <source>low (empty: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="182"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="187"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="238"/>
        <source>%n bit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="337"/>
        <source>a value is required (exact match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="350"/>
        <source>a mask needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="359"/>
        <source>a range needs both a low and a high bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="368"/>
        <source>a value is required (or tick &quot;any&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="428"/>
        <source>This table has no action an entry may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="433"/>
        <source>a value is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="490"/>
        <source>No table chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="492"/>
        <source>The entry is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4EntryModel</name>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="263"/>
        <source>pending insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="265"/>
        <source>pending modify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="267"/>
        <source>pending delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="273"/>
        <source>installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="275"/>
        <source>desired, not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="277"/>
        <source>installed, not desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="278"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="337"/>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/P4EntryModel.cpp" line="365"/>
        <source>%1 (%2, %n bit(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="371"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="373"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="375"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="377"/>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="379"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="381"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="383"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4RuleEditor</name>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="42"/>
        <source>&amp;Stage Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="43"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="44"/>
        <source>D&amp;iff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="45"/>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="47"/>
        <source>Dry-&amp;run Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="49"/>
        <source>&amp;New Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="50"/>
        <source>&amp;Edit Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="51"/>
        <source>&amp;Delete Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="52"/>
        <source>Di&amp;scard Pending Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="53"/>
        <source>Refresh &amp;Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="54"/>
        <source>&amp;Apply P4 Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="55"/>
        <source>&amp;Diff P4 Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="64"/>
        <source>Switch whose entries to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="67"/>
        <source>Table of the switch&apos;s program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="70"/>
        <source>Filter entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="98"/>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="99"/>
        <source>Start a new entry in the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="100"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="101"/>
        <source>Load the selected entry into the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="103"/>
        <source>Stage the deletion of the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="104"/>
        <source>Forget every staged change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="105"/>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="106"/>
        <source>Read the entries&apos; counters from the switch now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="108"/>
        <source>Write the pending changes to the switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="110"/>
        <source>What the pending changes would insert, modify and delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="124"/>
        <source>Add the entry in the form to the pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="131"/>
        <source>Which entry this packet would hit, with the pending changes applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="138"/>
        <source>in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 dport=80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="145"/>
        <source>Diff, apply and packet dry-run results appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="156"/>
        <source>S&amp;witch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="158"/>
        <source>&amp;Table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="186"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="201"/>
        <source>Pac&amp;ket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="291"/>
        <source>Cannot list the switches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="301"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="302"/>
        <source>%1 — disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="303"/>
        <source>%1 runs %2; %3 desired, %4 installed entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="304"/>
        <source>no program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="306"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="315"/>
        <source>No P4 switch is known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="336"/>
        <source>Cannot read the program of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="377"/>
        <source>Cannot read the entries of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="469"/>
        <source>The entry cannot be staged:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="504"/>
        <source>%n entry(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="505"/>
        <source>, %n pending change(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="523"/>
        <source>Computing the diff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="528"/>
        <source>The entries of %1 on %2 are refused:
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="533"/>
        <source>%1 on %2: %3 to insert, %4 to modify, %5 to delete, %6 unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="550"/>
        <source>Insert:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="551"/>
        <source>Modify:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="552"/>
        <source>Delete:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="554"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="556"/>
        <source>Nothing to change: the switch already has these entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="571"/>
        <source>Writing the entries of %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="577"/>
        <source>Writing %1 on %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="584"/>
        <source>%1 on %2: %3 inserted, %4 modified, %5 deleted in %6 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="591"/>
        <source>The write failed and the switch was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="609"/>
        <source>Evaluating the packet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="612"/>
        <source>The packet cannot be evaluated on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PhaseChart</name>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="24"/>
        <source>Instantiation phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="101"/>
        <source>Select a virtual machine or job that a backend started to see how long each phase took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="129"/>
        <source>milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="139"/>
        <source>%1: %2 in all (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PlacementDialog</name>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="78"/>
        <source>&amp;Dry Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="79"/>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="82"/>
        <source>Place Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="85"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="88"/>
        <source>Intents in Continuo&apos;s YAML format, or Kubernetes manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="90"/>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="108"/>
        <source>Explain where it would go, without placing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="144"/>
        <source>(default: container)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="149"/>
        <source>registry/image:tag, disk image, kernel or job script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="153"/>
        <source>no spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="159"/>
        <source> cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="162"/>
        <source>e.g. 4GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="164"/>
        <source>e.g. 10GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="169"/>
        <source>part of the model name, e.g. A100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="173"/>
        <source>e.g. U280</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="174"/>
        <source>Accelerators through vAccel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="179"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="182"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="186"/>
        <source>key=value, key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="189"/>
        <source>free_memory &gt; 8GiB and gpu.model = A100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="193"/>
        <source>no bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="196"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="202"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="208"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="214"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="220"/>
        <source>Slurm partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="222"/>
        <source>e.g. 2h, 01:30:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="224"/>
        <source>workloads with the same group land together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="232"/>
        <source>(default: multi-objective)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="236"/>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="238"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="239"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="240"/>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="241"/>
        <source>&amp;Replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="242"/>
        <source>S&amp;pread:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="243"/>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="245"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="247"/>
        <source>&amp;CPU:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="248"/>
        <source>&amp;Memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="249"/>
        <source>&amp;Disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="250"/>
        <source>GP&amp;Us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="251"/>
        <source>GPU model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="252"/>
        <source>&amp;FPGAs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="253"/>
        <source>FPGA model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="256"/>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="258"/>
        <source>&amp;Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="259"/>
        <source>Security &amp;tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="260"/>
        <source>I&amp;solation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="261"/>
        <source>Node &amp;selector:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="262"/>
        <source>&amp;Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="263"/>
        <source>Max &amp;latency to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="264"/>
        <source>Data &amp;location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="265"/>
        <source>Partition (HPC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="266"/>
        <source>Wall time (HPC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="268"/>
        <source>Objectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="270"/>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="271"/>
        <source>Execution time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="272"/>
        <source>Energy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="273"/>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="274"/>
        <source>Balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="275"/>
        <source>S&amp;trategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="345"/>
        <source>Name: a workload needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="356"/>
        <source>Memory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="363"/>
        <source>Disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="379"/>
        <source>Node selector: &apos;%1&apos; is not key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="393"/>
        <source>Max latency: give the bound to %1 in milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="408"/>
        <source>Wall time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="425"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="491"/>
        <source>YAML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="427"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="491"/>
        <source>YAML: no intents found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="496"/>
        <source>The YAML holds %1 intents; the form shows the first. Submit from the YAML tab to send them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="516"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="553"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="522"/>
        <source>Explaining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="532"/>
        <source>The engine returned no explanation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="537"/>
        <source>%1 (and %2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="570"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="571"/>
        <source>Some intents could not be placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PluginsDialog</name>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="15"/>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::RerouteModel</name>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="51"/>
        <source>%1  →  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="58"/>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="59"/>
        <source>%1 ms &gt; %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="61"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="74"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="76"/>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="78"/>
        <source>From → To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="80"/>
        <source>Avoided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="82"/>
        <source>Violation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="84"/>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ResourceSearchBox</name>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="22"/>
        <source>find: free_memory &gt; 8GiB and gpu.model = A100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="25"/>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="119"/>
        <source>Find nodes with a resource query; Enter runs it, choosing a match selects the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="95"/>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="144"/>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="149"/>
        <source>answered by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="153"/>
        <source>No node matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="155"/>
        <source>First %n matching node(s); refine the query to see others.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="156"/>
        <source>%n matching node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SeriesChart</name>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="114"/>
        <source>Scroll or drag to move back in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="118"/>
        <source>No series selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="200"/>
        <source>The chart query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="202"/>
        <source>No samples in this time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="246"/>
        <source>%1 (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SeriesListModel</name>
    <message>
        <location filename="../app/models/SeriesListModel.cpp" line="110"/>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SeriesListModel.cpp" line="112"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilenceDialog</name>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="38"/>
        <source>New Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="39"/>
        <source>Alerts whose labels equal every checked matcher are silenced: they are still evaluated and listed, but raise no notification and trigger no remediation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="46"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="46"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="53"/>
        <source>Add Matcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="54"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="73"/>
        <source>Why, e.g. &quot;planned maintenance, ticket OPS-123&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="89"/>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="90"/>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="92"/>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="179"/>
        <source>Check at least one matcher: a silence that matches every alert is refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="181"/>
        <source>Say why in the comment; it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="189"/>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dialogs/SilenceDialog.cpp" line="201"/>
        <source>Silences %n active alert(s).</source>
        <translation>
            <numerusform>Silences %n active alert.</numerusform>
            <numerusform>Silences %n active alerts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilenceModel</name>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="154"/>
        <source>From %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="175"/>
        <source>Matchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="177"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="179"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="181"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilencesPane</name>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="23"/>
        <source>&amp;Expire Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="24"/>
        <source>&amp;New Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="28"/>
        <source>End the selected silence now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="31"/>
        <source>Mute alerts with chosen labels for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="114"/>
        <source>Expired silence %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="116"/>
        <source>Expiring silence %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="135"/>
        <source>Created silence %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="137"/>
        <source>Creating the silence failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SlaRuleModel</name>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="47"/>
        <source>average latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="49"/>
        <source>maximum latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="53"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="84"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="86"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="88"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="90"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="92"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="90"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="92"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="105"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="107"/>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="109"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="111"/>
        <source>Persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="113"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="115"/>
        <source>Reroute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="117"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Topology</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="45"/>
        <source>cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="47"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="49"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="51"/>
        <source>not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="53"/>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="145"/>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="148"/>
        <source>CPU: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="150"/>
        <source>GPUs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="152"/>
        <source>FPGAs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="154"/>
        <source>Jobs running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="156"/>
        <source>Virtual machines: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="364"/>
        <source>EDGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="367"/>
        <source>CLOUD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="370"/>
        <source>HPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="373"/>
        <source>SITE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="607"/>
        <source>%1: latency estimated by network tomography (nothing measures this link)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyLegend</name>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>Node CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>&lt; 50 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>50–90 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>&gt; 90 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <location filename="../app/topology/TopologyView.cpp" line="116"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="112"/>
        <source>Link latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="113"/>
        <source>≤ 1.5× nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="114"/>
        <source>≤ 3×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="115"/>
        <source>&gt; 3×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="117"/>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyScene</name>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="627"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="629"/>
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="631"/>
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n accelerator</numerusform>
            <numerusform>%n accelerators</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="661"/>
        <source>Unassigned nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1000"/>
        <source>%1 is unavailable in this what-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1009"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1017"/>
        <source>%1 would have nowhere to go: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1090"/>
        <source>Path before the reroute: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1091"/>
        <source>Backup path: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1091"/>
        <source>Path: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::WhatIfPanel</name>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="22"/>
        <source>Apply as Re-optimisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="26"/>
        <source>Right-click nodes, links or sites on the topology to add hypothetical changes. Nothing is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="33"/>
        <source>Evacuate the drained or failed nodes for real, as a re-optimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="44"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="86"/>
        <source>Drain node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="88"/>
        <source>Fail node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="90"/>
        <source>Fail link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="92"/>
        <source>Fail site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="94"/>
        <source>Add %1 cores, %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="143"/>
        <source>Remove this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="157"/>
        <source>No changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="158"/>
        <source>%1 node(s) unavailable · %2 deployment(s) would move · %3 would have nowhere to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="176"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="182"/>
        <source>What-if failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="471"/>
        <source>%1 (%2)
INT hop latency %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="31"/>
        <source>10.0.0.1 or 0x0a000001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="33"/>
        <source>aa:bb:cc:dd:ee:ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="34"/>
        <source>decimal, 0x hex or 0b binary (%n bit(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>

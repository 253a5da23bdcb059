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
    <name>Continuo::Gui::Console</name>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="81"/>
        <source>Operations console for the edge–cloud–HPC continuum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="86"/>
        <source>Connect to a continuo daemon at HOST:PORT instead of embedding the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="89"/>
        <source>Directory of the embedded engine&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="92"/>
        <source>Simulator scenario: demo, none or a YAML file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="95"/>
        <source>Simulator seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="97"/>
        <source>Do not show this machine as a node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="99"/>
        <source>Colour theme (remembered).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="102"/>
        <source>User interface language (en, el).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="105"/>
        <source>Save a PNG of the main window and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="108"/>
        <source>Seconds to wait before the screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="142"/>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="153"/>
        <source>--after needs a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="183"/>
        <source>--seed needs a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="191"/>
        <source>Continuo cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="192"/>
        <source>The engine could not start with the data in %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="215"/>
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
        <location filename="../app/MainWindow.cpp" line="58"/>
        <location filename="../app/MainWindow.cpp" line="436"/>
        <source>Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="113"/>
        <source>&amp;Connect to Daemon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="115"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="118"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="125"/>
        <source>&amp;Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="128"/>
        <source>&amp;Light Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="134"/>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="136"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="138"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="141"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="145"/>
        <source>&amp;Cordon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="147"/>
        <source>Stop placing new work on the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="149"/>
        <source>&amp;Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="151"/>
        <source>Move work off the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="153"/>
        <source>&amp;Uncordon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="155"/>
        <source>Make the selected node schedulable again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="158"/>
        <source>&amp;Plugins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="161"/>
        <source>&amp;About Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="169"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="175"/>
        <source>Live Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="182"/>
        <source>Event Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="240"/>
        <location filename="../app/MainWindow.cpp" line="258"/>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="241"/>
        <source>Anomaly Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="242"/>
        <source>Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="243"/>
        <source>Alert Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="249"/>
        <location filename="../app/MainWindow.cpp" line="349"/>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="249"/>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="250"/>
        <source>Anomaly &amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="250"/>
        <source>Ctrl+Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="251"/>
        <source>Alert &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="251"/>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="252"/>
        <source>&amp;Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="258"/>
        <source>Alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="271"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="272"/>
        <source>Series Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="275"/>
        <source>&amp;Metrics Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="275"/>
        <source>Ctrl+Shift+M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <source>Series C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <source>Ctrl+Shift+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="306"/>
        <source>Action Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="315"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="320"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="329"/>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="333"/>
        <source>Live &amp;Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="337"/>
        <source>&amp;Event Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="343"/>
        <source>&amp;Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="357"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="360"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="363"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="434"/>
        <source>Continuo — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="445"/>
        <source>This build cannot connect to a daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="450"/>
        <source>Cannot connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="458"/>
        <location filename="../app/MainWindow.cpp" line="647"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="546"/>
        <location filename="../app/MainWindow.cpp" line="551"/>
        <source>waiting for data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="546"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="552"/>
        <source>%1 ms (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="553"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="588"/>
        <source>Engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="590"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="591"/>
        <source>%1 samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="592"/>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="600"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="606"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="611"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="615"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="643"/>
        <source>Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="648"/>
        <source>Not connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="652"/>
        <source>The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="677"/>
        <source>Cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="680"/>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="683"/>
        <source>Uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="690"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="691"/>
        <source>Reason (recorded in the audit log):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="697"/>
        <source>%1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="701"/>
        <source>%1: %2 is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="704"/>
        <source>%1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="737"/>
        <source>About Continuo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="738"/>
        <source>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Operations console for the edge–cloud–HPC continuum.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="742"/>
        <source>nothing</source>
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
    <name>Continuo::Gui::Topology</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="44"/>
        <source>cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="46"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="48"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="50"/>
        <source>not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="52"/>
        <source>maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="144"/>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="147"/>
        <source>CPU: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="149"/>
        <source>GPUs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="151"/>
        <source>FPGAs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="346"/>
        <source>EDGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="349"/>
        <source>CLOUD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="352"/>
        <source>HPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="355"/>
        <source>SITE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="548"/>
        <source>%1: latency estimated by network tomography (nothing measures this link)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyLegend</name>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>Node CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>&lt; 50 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>50–90 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>&gt; 90 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107"/>
        <source>Link latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="108"/>
        <source>≤ 1.5× nominal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="109"/>
        <source>≤ 3×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="110"/>
        <source>&gt; 3×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="112"/>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyScene</name>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="572"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="574"/>
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="576"/>
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n accelerator</numerusform>
            <numerusform>%n accelerators</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="606"/>
        <source>Unassigned nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

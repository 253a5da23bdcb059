<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>Continuo::Gui::ConnectDialog</name>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="20" />
        <source>Connect to Daemon</source>
        <translation>Σύνδεση σε δαίμονα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="26" />
        <source>The console talks to a `continuo --daemon` over gRPC. Enter its address as HOST:PORT.</source>
        <translation>Η κονσόλα επικοινωνεί με ένα `continuo --daemon` μέσω gRPC. Δώστε τη διεύθυνσή του ως HOST:PORT.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="28" />
        <source>Connect</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="30" />
        <source>Address:</source>
        <translation>Διεύθυνση:</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Console</name>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="83" />
        <source>Operations console for the edge–cloud–HPC continuum.</source>
        <translation>Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="88" />
        <source>Connect to a continuo daemon at HOST:PORT instead of embedding the engine.</source>
        <translation>Σύνδεση σε δαίμονα continuo στο HOST:PORT αντί για ενσωματωμένη μηχανή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="91" />
        <source>Directory of the embedded engine's state.</source>
        <translation>Κατάλογος της κατάστασης της ενσωματωμένης μηχανής.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="94" />
        <source>Simulator scenario: demo, none or a YAML file.</source>
        <translation>Σενάριο προσομοιωτή: demo, none ή αρχείο YAML.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="97" />
        <source>Simulator seed.</source>
        <translation>Σπόρος του προσομοιωτή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="99" />
        <source>Do not show this machine as a node.</source>
        <translation>Να μην εμφανίζεται αυτό το μηχάνημα ως κόμβος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="101" />
        <source>Colour theme (remembered).</source>
        <translation>Θέμα χρωμάτων (απομνημονεύεται).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="104" />
        <source>User interface language (en, el).</source>
        <translation>Γλώσσα διεπαφής (en, el).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="107" />
        <source>Save a PNG of the main window and exit.</source>
        <translation>Αποθήκευση PNG του κύριου παραθύρου και έξοδος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="110" />
        <source>Seconds to wait before the screenshot.</source>
        <translation>Δευτερόλεπτα αναμονής πριν από το στιγμιότυπο.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="144" />
        <source>unknown theme "%1" (use dark or light)</source>
        <translation>άγνωστο θέμα "%1" (χρησιμοποιήστε dark ή light)</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="155" />
        <source>--after needs a number of seconds</source>
        <translation>το --after θέλει αριθμό δευτερολέπτων</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="177" />
        <source>Continuo</source>
        <translation>Continuo</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="178" />
        <source>This build of the console cannot connect to a daemon.</source>
        <translation>Αυτή η έκδοση της κονσόλας δεν μπορεί να συνδεθεί σε δαίμονα.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="193" />
        <source>--seed needs a non-negative integer</source>
        <translation>το --seed θέλει μη αρνητικό ακέραιο</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="201" />
        <source>Continuo cannot start</source>
        <translation>Το Continuo δεν μπορεί να ξεκινήσει</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="202" />
        <source>The engine could not start with the data in %1:
%2</source>
        <translation>Η μηχανή δεν μπόρεσε να ξεκινήσει με τα δεδομένα στο %1:
%2</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="225" />
        <source>cannot save the screenshot to %1</source>
        <translation>αδυναμία αποθήκευσης του στιγμιότυπου στο %1</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogModel</name>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="92" />
        <source>Debug</source>
        <translation>Αποσφαλμάτωση</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="94" />
        <source>Info</source>
        <translation>Πληροφορία</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="96" />
        <source>Warning</source>
        <translation>Προειδοποίηση</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="98" />
        <source>Error</source>
        <translation>Σφάλμα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="100" />
        <source>Critical</source>
        <translation>Κρίσιμο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="104" />
        <source>Unknown</source>
        <translation>Άγνωστο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="178" />
        <source>Time</source>
        <translation>Ώρα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="180" />
        <source>Severity</source>
        <translation>Σοβαρότητα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="182" />
        <source>Type</source>
        <translation>Τύπος</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="184" />
        <source>Source</source>
        <translation>Πηγή</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="186" />
        <source>Subject</source>
        <translation>Αντικείμενο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="188" />
        <source>Message</source>
        <translation>Μήνυμα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogPane</name>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="31" />
        <source>Filter events (type, source, subject, message)…</source>
        <translation>Φιλτράρισμα συμβάντων (τύπος, πηγή, αντικείμενο, μήνυμα)…</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="34" />
        <source>All categories</source>
        <translation>Όλες οι κατηγορίες</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36" />
        <source>General</source>
        <translation>Γενικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36" />
        <source>Telemetry</source>
        <translation>Τηλεμετρία</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37" />
        <source>Resources</source>
        <translation>Πόροι</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37" />
        <source>Inventory</source>
        <translation>Απογραφή</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38" />
        <source>Plugin</source>
        <translation>Πρόσθετο</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38" />
        <source>Deployment</source>
        <translation>Ανάπτυξη</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39" />
        <source>Operator</source>
        <translation>Χειριστής</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39" />
        <source>Simulator</source>
        <translation>Προσομοιωτής</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="43" />
        <source>All severities</source>
        <translation>Όλες οι σοβαρότητες</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="44" />
        <source>Warnings and worse</source>
        <translation>Προειδοποιήσεις και σοβαρότερα</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="45" />
        <source>Errors only</source>
        <translation>Μόνο σφάλματα</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/EventLogPane.cpp" line="114" />
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n συμβάν</numerusform><numerusform>%n συμβάντα</numerusform></translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="114" />
        <source>%1 of %2 events</source>
        <translation>%1 από %2 συμβάντα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::InspectorPane</name>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="85" />
        <source>Property</source>
        <translation>Ιδιότητα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="85" />
        <source>Value</source>
        <translation>Τιμή</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="141" />
        <source>Nothing selected</source>
        <translation>Δεν έχει επιλεγεί τίποτα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="141" />
        <source>Click a site, node, switch or link on the canvas.</source>
        <translation>Κάντε κλικ σε τοποθεσία, κόμβο, μεταγωγέα ή σύνδεση στον καμβά.</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="147" />
        <location filename="../app/widgets/InspectorPane.cpp" line="195" />
        <location filename="../app/widgets/InspectorPane.cpp" line="236" />
        <source>Site</source>
        <translation>Τοποθεσία</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="148" />
        <location filename="../app/widgets/InspectorPane.cpp" line="192" />
        <location filename="../app/widgets/InspectorPane.cpp" line="233" />
        <location filename="../app/widgets/InspectorPane.cpp" line="257" />
        <source>General</source>
        <translation>Γενικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="149" />
        <location filename="../app/widgets/InspectorPane.cpp" line="193" />
        <location filename="../app/widgets/InspectorPane.cpp" line="234" />
        <location filename="../app/widgets/InspectorPane.cpp" line="258" />
        <source>Id</source>
        <translation>Αναγνωριστικό</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="150" />
        <location filename="../app/widgets/InspectorPane.cpp" line="194" />
        <location filename="../app/widgets/InspectorPane.cpp" line="235" />
        <location filename="../app/widgets/InspectorPane.cpp" line="259" />
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="151" />
        <source>Location</source>
        <translation>Θέση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="164" />
        <location filename="../app/widgets/InspectorPane.cpp" line="202" />
        <location filename="../app/widgets/InspectorPane.cpp" line="263" />
        <source>Capacity</source>
        <translation>Χωρητικότητα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="165" />
        <source>Nodes</source>
        <translation>Κόμβοι</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="166" />
        <location filename="../app/widgets/InspectorPane.cpp" line="203" />
        <source>CPU cores</source>
        <translation>Πυρήνες CPU</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="167" />
        <location filename="../app/widgets/InspectorPane.cpp" line="204" />
        <source>Memory</source>
        <translation>Μνήμη</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="168" />
        <source>Clusters</source>
        <translation>Συστοιχίες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="173" />
        <source>Storage locations</source>
        <translation>Θέσεις αποθήκευσης</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="177" />
        <source>%1, %2 ms</source>
        <translation>%1, %2 ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="180" />
        <location filename="../app/widgets/InspectorPane.cpp" line="219" />
        <source>Labels</source>
        <translation>Ετικέτες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="191" />
        <source>Node</source>
        <translation>Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="194" />
        <source>node</source>
        <translation>κόμβος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="196" />
        <source>Cluster</source>
        <translation>Συστοιχία</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="199" />
        <location filename="../app/widgets/InspectorPane.cpp" line="237" />
        <location filename="../app/widgets/InspectorPane.cpp" line="260" />
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="200" />
        <source>Security tier</source>
        <translation>Επίπεδο ασφάλειας</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="201" />
        <source>Architecture</source>
        <translation>Αρχιτεκτονική</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="205" />
        <source>Disk</source>
        <translation>Δίσκος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="206" />
        <location filename="../app/widgets/InspectorPane.cpp" line="265" />
        <source>Live</source>
        <translation>Ζωντανά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="207" />
        <source>CPU utilisation</source>
        <translation>Χρήση CPU</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="209" />
        <source>Devices (%1)</source>
        <translation>Συσκευές (%1)</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="232" />
        <source>P4 switch</source>
        <translation>Μεταγωγέας P4</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="235" />
        <source>switch</source>
        <translation>μεταγωγέας</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="236" />
        <source>backbone</source>
        <translation>κορμός</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="238" />
        <source>Target</source>
        <translation>Στόχος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="239" />
        <source>Management address</source>
        <translation>Διεύθυνση διαχείρισης</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="240" />
        <source>Ports</source>
        <translation>Θύρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="241" />
        <source>Links</source>
        <translation>Συνδέσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="245" />
        <source>to %1, %2 ms nominal</source>
        <translation>προς %1, %2 ms ονομαστικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="256" />
        <source>Link</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="259" />
        <source>link</source>
        <translation>σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="261" />
        <source>Endpoint A</source>
        <translation>Άκρο A</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="261" />
        <location filename="../app/widgets/InspectorPane.cpp" line="262" />
        <source>%1, port %2</source>
        <translation>%1, θύρα %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="262" />
        <source>Endpoint B</source>
        <translation>Άκρο B</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="264" />
        <source>Nominal latency</source>
        <translation>Ονομαστική καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="264" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="266" />
        <source>Latency</source>
        <translation>Καθυστέρηση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::LiveChart</name>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="57" />
        <source>nominal</source>
        <translation>ονομαστική</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="68" />
        <source>Select a node or a link on the canvas to see its live chart.</source>
        <translation>Επιλέξτε κόμβο ή σύνδεση στον καμβά για να δείτε το ζωντανό γράφημά του.</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="175" />
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="176" />
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="177" />
        <source>Memory %</source>
        <translation>Μνήμη %</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="190" />
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="191" />
        <source>Latency (ms)</source>
        <translation>Καθυστέρηση (ms)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::MainWindow</name>
    <message>
        <location filename="../app/MainWindow.cpp" line="45" />
        <location filename="../app/MainWindow.cpp" line="285" />
        <source>Continuo</source>
        <translation>Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="98" />
        <source>&amp;Connect to Daemon…</source>
        <translation>&amp;Σύνδεση σε δαίμονα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="100" />
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="103" />
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="110" />
        <source>&amp;Dark Theme</source>
        <translation>&amp;Σκούρο θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="113" />
        <source>&amp;Light Theme</source>
        <translation>&amp;Ανοιχτό θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="119" />
        <source>&amp;Fit to View</source>
        <translation>&amp;Προσαρμογή στην προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="121" />
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="123" />
        <source>Zoom &amp;In</source>
        <translation>&amp;Μεγέθυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="126" />
        <source>Zoom &amp;Out</source>
        <translation>Σμί&amp;κρυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="130" />
        <source>&amp;Cordon…</source>
        <translation>&amp;Απομόνωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="132" />
        <source>Stop placing new work on the selected node</source>
        <translation>Να μην τοποθετείται νέα εργασία στον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="134" />
        <source>&amp;Drain…</source>
        <translation>Ε&amp;κκένωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="136" />
        <source>Move work off the selected node</source>
        <translation>Μετακίνηση της εργασίας από τον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="138" />
        <source>&amp;Uncordon…</source>
        <translation>Ά&amp;ρση απομόνωσης…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="140" />
        <source>Make the selected node schedulable again</source>
        <translation>Ο επιλεγμένος κόμβος δέχεται ξανά εργασίες</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="143" />
        <source>&amp;Plugins…</source>
        <translation>&amp;Πρόσθετα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="146" />
        <source>&amp;About Continuo</source>
        <translation>&amp;Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="154" />
        <source>Inspector</source>
        <translation>Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="160" />
        <source>Live Chart</source>
        <translation>Ζωντανό γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="167" />
        <source>Event Log</source>
        <translation>Ημερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="180" />
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="185" />
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="194" />
        <source>&amp;Inspector</source>
        <translation>&amp;Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="198" />
        <source>Live &amp;Chart</source>
        <translation>Ζωντανό &amp;γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="202" />
        <source>&amp;Event Log</source>
        <translation>Η&amp;μερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="206" />
        <source>&amp;Node</source>
        <translation>&amp;Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="212" />
        <source>&amp;Tools</source>
        <translation>&amp;Εργαλεία</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="215" />
        <source>&amp;Help</source>
        <translation>&amp;Βοήθεια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="218" />
        <source>Main</source>
        <translation>Κύρια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="283" />
        <source>Continuo — %1</source>
        <translation>Continuo — %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="294" />
        <source>This build cannot connect to a daemon.</source>
        <translation>Αυτή η έκδοση δεν μπορεί να συνδεθεί σε δαίμονα.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="299" />
        <source>Cannot connect to %1.</source>
        <translation>Αδυναμία σύνδεσης στο %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="307" />
        <location filename="../app/MainWindow.cpp" line="484" />
        <source>Connecting to %1…</source>
        <translation>Σύνδεση στο %1…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="387" />
        <location filename="../app/MainWindow.cpp" line="391" />
        <source>waiting for data</source>
        <translation>αναμονή δεδομένων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="387" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="391" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="426" />
        <source>Engine: %1</source>
        <translation>Μηχανή: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="428" />
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform><numerusform>%n κόμβοι</numerusform></translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="429" />
        <source>%1 samples/s</source>
        <translation>%1 δείγματα/s</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="430" />
        <source>Revision %1</source>
        <translation>Αναθεώρηση %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="438" />
        <source>Not connected</source>
        <translation>Χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="444" />
        <source>Connected</source>
        <translation>Συνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="448" />
        <source>Connecting</source>
        <translation>Σύνδεση σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="452" />
        <source>Disconnected</source>
        <translation>Αποσυνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="480" />
        <source>Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.</source>
        <translation>Χωρίς σύνδεση. Χρησιμοποιήστε Αρχείο › Σύνδεση σε δαίμονα… για σύνδεση σε δαίμονα continuo.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="485" />
        <source>Not connected to %1.</source>
        <translation>Χωρίς σύνδεση με το %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="489" />
        <source>The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.</source>
        <translation>Η απογραφή είναι κενή. Ξεκινήστε ένα σενάριο (--scenario demo) ή ενεργοποιήστε ένα πρόσθετο υποδομής.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="514" />
        <source>Cordon</source>
        <translation>Απομόνωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="517" />
        <source>Drain</source>
        <translation>Εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="520" />
        <source>Uncordon</source>
        <translation>Άρση απομόνωσης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="527" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="528" />
        <source>Reason (recorded in the audit log):</source>
        <translation>Αιτία (καταγράφεται στο ημερολόγιο ελέγχου):</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="534" />
        <source>%1 %2…</source>
        <translation>%1 %2…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="538" />
        <source>%1: %2 is now %3.</source>
        <translation>%1: ο %2 είναι πλέον %3.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="541" />
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 απέτυχε: %3</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="574" />
        <source>About Continuo</source>
        <translation>Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="575" />
        <source>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Operations console for the edge–cloud–HPC continuum.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.&lt;/p&gt;&lt;p&gt;Συνδεδεμένο με: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="579" />
        <source>nothing</source>
        <translation>τίποτα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PluginsDialog</name>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="15" />
        <source>Plugins</source>
        <translation>Πρόσθετα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>Id</source>
        <translation>Αναγνωριστικό</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>Version</source>
        <translation>Έκδοση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>Category</source>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>Error</source>
        <translation>Σφάλμα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17" />
        <source>File</source>
        <translation>Αρχείο</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Topology</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="43" />
        <source>cordoned</source>
        <translation>απομονωμένος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="45" />
        <source>draining</source>
        <translation>σε εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="47" />
        <source>down</source>
        <translation>εκτός λειτουργίας</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="49" />
        <source>not ready</source>
        <translation>μη έτοιμος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="51" />
        <source>maintenance</source>
        <translation>συντήρηση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="143" />
        <source>State: %1</source>
        <translation>Κατάσταση: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="146" />
        <source>CPU: %1 %</source>
        <translation>CPU: %1 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="148" />
        <source>GPUs: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="150" />
        <source>FPGAs: %1</source>
        <translation>FPGA: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="345" />
        <source>EDGE</source>
        <translation>EDGE</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="348" />
        <source>CLOUD</source>
        <translation>CLOUD</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="351" />
        <source>HPC</source>
        <translation>HPC</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="354" />
        <source>SITE</source>
        <translation>ΤΟΠΟΘΕΣΙΑ</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyLegend</name>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106" />
        <source>Node CPU</source>
        <translation>CPU κόμβων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106" />
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106" />
        <source>50–90 %</source>
        <translation>50–90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106" />
        <source>&gt; 90 %</source>
        <translation>&gt; 90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106" />
        <location filename="../app/topology/TopologyView.cpp" line="107" />
        <source>no data</source>
        <translation>χωρίς δεδομένα</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107" />
        <source>Link latency</source>
        <translation>Καθυστέρηση συνδέσεων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107" />
        <source>≤ 1.5× nominal</source>
        <translation>≤ 1,5× ονομαστικής</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107" />
        <source>≤ 3×</source>
        <translation>≤ 3×</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107" />
        <source>&gt; 3×</source>
        <translation>&gt; 3×</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyScene</name>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="395" />
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform><numerusform>%n κόμβοι</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="397" />
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n συστοιχία</numerusform><numerusform>%n συστοιχίες</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="399" />
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n επιταχυντής</numerusform><numerusform>%n επιταχυντές</numerusform></translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="429" />
        <source>Unassigned nodes</source>
        <translation>Κόμβοι χωρίς τοποθεσία</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="el_GR">
<context>
    <name>Continuo::Gui::AlertDetailPane</name>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="95"/>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Επιβεβαίωση</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="96"/>
        <source>&amp;Silence…</source>
        <translation>&amp;Σίγαση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="100"/>
        <source>Record that someone is on the selected alert</source>
        <translation>Καταγραφή ότι κάποιος ασχολείται με την επιλεγμένη ειδοποίηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="101"/>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="104"/>
        <source>Mute alerts with the selected alert&apos;s labels for a while</source>
        <translation>Σίγαση για λίγο των ειδοποιήσεων με τις ετικέτες της επιλεγμένης ειδοποίησης</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="105"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="108"/>
        <source>Select an alert in the alert list or on the anomaly timeline.</source>
        <translation>Επιλέξτε μια ειδοποίηση στη λίστα ειδοποιήσεων ή στο χρονολόγιο ανωμαλιών.</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="127"/>
        <source>Show it on the canvas</source>
        <translation>Εμφάνιση στον καμβά</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="137"/>
        <source>This alert names no series.</source>
        <translation>Η ειδοποίηση δεν αναφέρει χρονοσειρές.</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="156"/>
        <source>Subject:</source>
        <translation>Αντικείμενο:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="157"/>
        <source>Rule:</source>
        <translation>Κανόνας:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="158"/>
        <source>State:</source>
        <translation>Κατάσταση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="159"/>
        <source>Started:</source>
        <translation>Έναρξη:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="160"/>
        <source>Fired:</source>
        <translation>Ενεργοποίηση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="161"/>
        <source>Resolved:</source>
        <translation>Επίλυση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="162"/>
        <source>Duration:</source>
        <translation>Διάρκεια:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="163"/>
        <source>Value:</source>
        <translation>Τιμή:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="164"/>
        <source>Anomaly score:</source>
        <translation>Βαθμός ανωμαλίας:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="165"/>
        <source>Acknowledged:</source>
        <translation>Επιβεβαιώθηκε:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="166"/>
        <source>Silenced:</source>
        <translation>Σε σίγαση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="176"/>
        <source>Contributions</source>
        <translation>Συνεισφορές</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="178"/>
        <source>Workloads involved</source>
        <translation>Εμπλεκόμενα φορτία εργασίας</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="180"/>
        <source>Offending series</source>
        <translation>Χρονοσειρές που την προκάλεσαν</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="304"/>
        <source>%1 (peak %2, threshold %3)</source>
        <translation>%1 (μέγιστο %2, κατώφλι %3)</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="308"/>
        <source>by %1 at %2</source>
        <translation>από %1 στις %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="309"/>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="310"/>
        <source>no</source>
        <translation>όχι</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="310"/>
        <source>by silence %1</source>
        <translation>από τη σίγαση %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="312"/>
        <source>None recorded on the node when the alert started.</source>
        <translation>Δεν είχε καταγραφεί κανένα στον κόμβο όταν ξεκίνησε η ειδοποίηση.</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="391"/>
        <source>Acknowledged the alert on %1.</source>
        <translation>Επιβεβαιώθηκε η ειδοποίηση για το %1.</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="393"/>
        <source>Acknowledging the alert on %1 failed: %2</source>
        <translation>Η επιβεβαίωση της ειδοποίησης για το %1 απέτυχε: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="408"/>
        <source>Silence Alerts Like %1</source>
        <translation>Σίγαση ειδοποιήσεων όπως αυτή για το %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="417"/>
        <source>Silenced alerts like the one on %1 until %2.</source>
        <translation>Σίγαση ειδοποιήσεων όπως αυτή για το %1 έως %2.</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertDetailPane.cpp" line="420"/>
        <source>Silencing the alert on %1 failed: %2</source>
        <translation>Η σίγαση της ειδοποίησης για το %1 απέτυχε: %2</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AlertListPane</name>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="31"/>
        <source>Filter alerts (subject, rule, summary, metric, workload)…</source>
        <translation>Φιλτράρισμα ειδοποιήσεων (αντικείμενο, κανόνας, περίληψη, μετρική, φορτίο)…</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="34"/>
        <source>All severities</source>
        <translation>Όλες οι σοβαρότητες</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="35"/>
        <source>Warning and critical</source>
        <translation>Προειδοποιήσεις και κρίσιμες</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="36"/>
        <source>Critical only</source>
        <translation>Μόνο κρίσιμες</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="38"/>
        <source>All states</source>
        <translation>Όλες οι καταστάσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="39"/>
        <source>Active</source>
        <translation>Ενεργές</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="40"/>
        <source>Firing</source>
        <translation>Σε ισχύ</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="41"/>
        <source>Pending</source>
        <translation>Σε αναμονή</translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="42"/>
        <source>Resolved</source>
        <translation>Επιλυμένες</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/AlertListPane.cpp" line="165"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n ενεργή</numerusform>
            <numerusform>%n ενεργές</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/AlertListPane.cpp" line="165"/>
        <source>%n listed</source>
        <translation>
            <numerusform>%n στη λίστα</numerusform>
            <numerusform>%n στη λίστα</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/AlertListPane.cpp" line="167"/>
        <source>%1 shown</source>
        <translation>%1 εμφανίζονται</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AlertModel</name>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="260"/>
        <source>Pending</source>
        <translation>Σε αναμονή</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="262"/>
        <source>Firing</source>
        <translation>Σε ισχύ</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="264"/>
        <source>Resolved</source>
        <translation>Επιλύθηκε</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="268"/>
        <location filename="../app/models/AlertModel.cpp" line="283"/>
        <source>Unknown</source>
        <translation>Άγνωστο</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="275"/>
        <source>Info</source>
        <translation>Πληροφορία</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="277"/>
        <source>Warning</source>
        <translation>Προειδοποίηση</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="279"/>
        <source>Critical</source>
        <translation>Κρίσιμο</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="311"/>
        <source>%1 s</source>
        <translation>%1 δευτ.</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="313"/>
        <source>%1 min %2 s</source>
        <translation>%1 λεπ. %2 δευτ.</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="315"/>
        <source>%1 h %2 min</source>
        <translation>%1 ώρ. %2 λεπ.</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="316"/>
        <source>%1 d %2 h</source>
        <translation>%1 ημ. %2 ώρ.</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="324"/>
        <source>ack</source>
        <translation>επιβεβ.</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="326"/>
        <source>silenced</source>
        <translation>σίγαση</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="386"/>
        <source>Acknowledged by %1</source>
        <translation>Επιβεβαιώθηκε από %1</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="388"/>
        <source>Silenced by %1</source>
        <translation>Σε σίγαση από %1</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="442"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="444"/>
        <source>Severity</source>
        <translation>Σοβαρότητα</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="446"/>
        <source>Subject</source>
        <translation>Αντικείμενο</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="448"/>
        <source>Rule</source>
        <translation>Κανόνας</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="450"/>
        <source>Summary</source>
        <translation>Περίληψη</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="452"/>
        <source>Started</source>
        <translation>Έναρξη</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="454"/>
        <source>Duration</source>
        <translation>Διάρκεια</translation>
    </message>
    <message>
        <location filename="../app/models/AlertModel.cpp" line="456"/>
        <source>Flags</source>
        <translation>Σημάνσεις</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::AnomalyTimeline</name>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="279"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="281"/>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="385"/>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="389"/>
        <source>now</source>
        <translation>τώρα</translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="379"/>
        <source>Last hour</source>
        <translation>Τελευταία ώρα</translation>
    </message>
    <message>
        <location filename="../app/widgets/AnomalyTimeline.cpp" line="399"/>
        <source>No alerts in the last hour.</source>
        <translation>Καμία ειδοποίηση την τελευταία ώρα.</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ChartPanel</name>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 5 min</source>
        <translation>Τελευταία 5 λεπτά</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 15 min</source>
        <translation>Τελευταία 15 λεπτά</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 1 h</source>
        <translation>Τελευταία 1 ώρα</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="40"/>
        <source>Last 6 h</source>
        <translation>Τελευταίες 6 ώρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 24 h</source>
        <translation>Τελευταίες 24 ώρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 7 d</source>
        <translation>Τελευταίες 7 ημέρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="41"/>
        <source>Last 30 d</source>
        <translation>Τελευταίες 30 ημέρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="45"/>
        <source>Time range; the chart follows now and adds live samples</source>
        <translation>Χρονικό εύρος· το γράφημα ακολουθεί το τώρα και προσθέτει ζωντανά δείγματα</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="48"/>
        <source>Live</source>
        <translation>Ζωντανά</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="51"/>
        <source>Follow now (scroll the chart to look back in time)</source>
        <translation>Ακολούθηση του τώρα (κυλήστε το γράφημα για να δείτε πίσω στον χρόνο)</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="53"/>
        <source>Pick series in the Metrics browser (double-click or Chart) to plot them here.</source>
        <translation>Επιλέξτε χρονοσειρές στον περιηγητή μετρικών (διπλό κλικ ή Γράφημα) για να σχεδιαστούν εδώ.</translation>
    </message>
    <message>
        <location filename="../app/widgets/ChartPanel.cpp" line="127"/>
        <source>No series</source>
        <translation>Καμία χρονοσειρά</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ChartPanel.cpp" line="136"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n χρονοσειρά</numerusform>
            <numerusform>%n χρονοσειρές</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ConnectDialog</name>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="20"/>
        <source>Connect to Daemon</source>
        <translation>Σύνδεση σε δαίμονα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="26"/>
        <source>The console talks to a `continuo --daemon` over gRPC. Enter its address as HOST:PORT.</source>
        <translation>Η κονσόλα επικοινωνεί με ένα `continuo --daemon` μέσω gRPC. Δώστε τη διεύθυνσή του ως HOST:PORT.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="28"/>
        <source>Connect</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectDialog.cpp" line="30"/>
        <source>Address:</source>
        <translation>Διεύθυνση:</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Console</name>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="81"/>
        <source>Operations console for the edge–cloud–HPC continuum.</source>
        <translation>Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="86"/>
        <source>Connect to a continuo daemon at HOST:PORT instead of embedding the engine.</source>
        <translation>Σύνδεση σε δαίμονα continuo στο HOST:PORT αντί για ενσωματωμένη μηχανή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="89"/>
        <source>Directory of the embedded engine&apos;s state.</source>
        <translation>Κατάλογος της κατάστασης της ενσωματωμένης μηχανής.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="92"/>
        <source>Simulator scenario: demo, none or a YAML file.</source>
        <translation>Σενάριο προσομοιωτή: demo, none ή αρχείο YAML.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="95"/>
        <source>Simulator seed.</source>
        <translation>Σπόρος του προσομοιωτή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="97"/>
        <source>Do not show this machine as a node.</source>
        <translation>Να μην εμφανίζεται αυτό το μηχάνημα ως κόμβος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="99"/>
        <source>Colour theme (remembered).</source>
        <translation>Θέμα χρωμάτων (απομνημονεύεται).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="102"/>
        <source>User interface language (en, el).</source>
        <translation>Γλώσσα διεπαφής (en, el).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="105"/>
        <source>Save a PNG of the main window and exit.</source>
        <translation>Αποθήκευση PNG του κύριου παραθύρου και έξοδος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="108"/>
        <source>Seconds to wait before the screenshot.</source>
        <translation>Δευτερόλεπτα αναμονής πριν από το στιγμιότυπο.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="142"/>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>άγνωστο θέμα &quot;%1&quot; (χρησιμοποιήστε dark ή light)</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="153"/>
        <source>--after needs a number of seconds</source>
        <translation>το --after θέλει αριθμό δευτερολέπτων</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="183"/>
        <source>--seed needs a non-negative integer</source>
        <translation>το --seed θέλει μη αρνητικό ακέραιο</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="191"/>
        <source>Continuo cannot start</source>
        <translation>Το Continuo δεν μπορεί να ξεκινήσει</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="192"/>
        <source>The engine could not start with the data in %1:
%2</source>
        <translation>Η μηχανή δεν μπόρεσε να ξεκινήσει με τα δεδομένα στο %1:
%2</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="215"/>
        <source>cannot save the screenshot to %1</source>
        <translation>αδυναμία αποθήκευσης του στιγμιότυπου στο %1</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ContributionBars</name>
    <message>
        <location filename="../app/widgets/ContributionBars.cpp" line="62"/>
        <source>No attribution for this alert.</source>
        <translation>Δεν υπάρχει απόδοση για αυτή την ειδοποίηση.</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogModel</name>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="92"/>
        <source>Debug</source>
        <translation>Αποσφαλμάτωση</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="94"/>
        <source>Info</source>
        <translation>Πληροφορία</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="96"/>
        <source>Warning</source>
        <translation>Προειδοποίηση</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="98"/>
        <source>Error</source>
        <translation>Σφάλμα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="100"/>
        <source>Critical</source>
        <translation>Κρίσιμο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="104"/>
        <source>Unknown</source>
        <translation>Άγνωστο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="178"/>
        <source>Time</source>
        <translation>Ώρα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="180"/>
        <source>Severity</source>
        <translation>Σοβαρότητα</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="182"/>
        <source>Type</source>
        <translation>Τύπος</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="184"/>
        <source>Source</source>
        <translation>Πηγή</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="186"/>
        <source>Subject</source>
        <translation>Αντικείμενο</translation>
    </message>
    <message>
        <location filename="../app/models/EventLogModel.cpp" line="188"/>
        <source>Message</source>
        <translation>Μήνυμα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::EventLogPane</name>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="31"/>
        <source>Filter events (type, source, subject, message)…</source>
        <translation>Φιλτράρισμα συμβάντων (τύπος, πηγή, αντικείμενο, μήνυμα)…</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="34"/>
        <source>All categories</source>
        <translation>Όλες οι κατηγορίες</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36"/>
        <source>General</source>
        <translation>Γενικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="36"/>
        <source>Telemetry</source>
        <translation>Τηλεμετρία</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37"/>
        <source>Resources</source>
        <translation>Πόροι</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="37"/>
        <source>Inventory</source>
        <translation>Απογραφή</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38"/>
        <source>Plugin</source>
        <translation>Πρόσθετο</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="38"/>
        <source>Deployment</source>
        <translation>Ανάπτυξη</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39"/>
        <source>Operator</source>
        <translation>Χειριστής</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="39"/>
        <source>Simulator</source>
        <translation>Προσομοιωτής</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="43"/>
        <source>All severities</source>
        <translation>Όλες οι σοβαρότητες</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="44"/>
        <source>Warnings and worse</source>
        <translation>Προειδοποιήσεις και σοβαρότερα</translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="45"/>
        <source>Errors only</source>
        <translation>Μόνο σφάλματα</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/EventLogPane.cpp" line="114"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n συμβάν</numerusform>
            <numerusform>%n συμβάντα</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/EventLogPane.cpp" line="114"/>
        <source>%1 of %2 events</source>
        <translation>%1 από %2 συμβάντα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::InspectorPane</name>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="87"/>
        <source>Property</source>
        <translation>Ιδιότητα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="87"/>
        <source>Value</source>
        <translation>Τιμή</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="149"/>
        <source>Nothing selected</source>
        <translation>Δεν έχει επιλεγεί τίποτα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="149"/>
        <source>Click a site, node, switch or link on the canvas.</source>
        <translation>Κάντε κλικ σε τοποθεσία, κόμβο, μεταγωγέα ή σύνδεση στον καμβά.</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="155"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="203"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="244"/>
        <source>Site</source>
        <translation>Τοποθεσία</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="156"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="200"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="241"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="265"/>
        <source>General</source>
        <translation>Γενικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="157"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="201"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="242"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="266"/>
        <source>Id</source>
        <translation>Αναγνωριστικό</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="158"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="202"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="243"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="267"/>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="159"/>
        <source>Location</source>
        <translation>Θέση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="172"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="210"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="271"/>
        <source>Capacity</source>
        <translation>Χωρητικότητα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="173"/>
        <source>Nodes</source>
        <translation>Κόμβοι</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="174"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="211"/>
        <source>CPU cores</source>
        <translation>Πυρήνες CPU</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="175"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="212"/>
        <source>Memory</source>
        <translation>Μνήμη</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="176"/>
        <source>Clusters</source>
        <translation>Συστοιχίες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="181"/>
        <source>Storage locations</source>
        <translation>Θέσεις αποθήκευσης</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="185"/>
        <source>%1, %2 ms</source>
        <translation>%1, %2 ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="188"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="227"/>
        <source>Labels</source>
        <translation>Ετικέτες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="199"/>
        <source>Node</source>
        <translation>Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="202"/>
        <source>node</source>
        <translation>κόμβος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="204"/>
        <source>Cluster</source>
        <translation>Συστοιχία</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="207"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="245"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="268"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="208"/>
        <source>Security tier</source>
        <translation>Επίπεδο ασφάλειας</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="209"/>
        <source>Architecture</source>
        <translation>Αρχιτεκτονική</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="213"/>
        <source>Disk</source>
        <translation>Δίσκος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="214"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="273"/>
        <source>Live</source>
        <translation>Ζωντανά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="215"/>
        <source>CPU utilisation</source>
        <translation>Χρήση CPU</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="217"/>
        <source>Devices (%1)</source>
        <translation>Συσκευές (%1)</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="240"/>
        <source>P4 switch</source>
        <translation>Μεταγωγέας P4</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="243"/>
        <source>switch</source>
        <translation>μεταγωγέας</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="244"/>
        <source>backbone</source>
        <translation>κορμός</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="246"/>
        <source>Target</source>
        <translation>Στόχος</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="247"/>
        <source>Management address</source>
        <translation>Διεύθυνση διαχείρισης</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="248"/>
        <source>Ports</source>
        <translation>Θύρες</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="249"/>
        <source>Links</source>
        <translation>Συνδέσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="253"/>
        <source>to %1, %2 ms nominal</source>
        <translation>προς %1, %2 ms ονομαστικά</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="264"/>
        <source>Link</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="267"/>
        <source>link</source>
        <translation>σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="269"/>
        <source>Endpoint A</source>
        <translation>Άκρο A</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="269"/>
        <location filename="../app/widgets/InspectorPane.cpp" line="270"/>
        <source>%1, port %2</source>
        <translation>%1, θύρα %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="270"/>
        <source>Endpoint B</source>
        <translation>Άκρο B</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="272"/>
        <source>Nominal latency</source>
        <translation>Ονομαστική καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="272"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="274"/>
        <source>Latency</source>
        <translation>Καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="289"/>
        <source>Latency series</source>
        <translation>Χρονοσειρές καθυστέρησης</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="296"/>
        <source>estimated</source>
        <translation>εκτίμηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="296"/>
        <source>measured</source>
        <translation>μέτρηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="297"/>
        <source>%1
Double-click to chart it</source>
        <translation>%1
Διπλό κλικ για γράφημα</translation>
    </message>
    <message>
        <location filename="../app/widgets/InspectorPane.cpp" line="299"/>
        <source>Estimated by network tomography from end-to-end paths: nothing measures this link</source>
        <translation>Εκτίμηση με τομογραφία δικτύου από διαδρομές άκρο προς άκρο: τίποτα δεν μετρά αυτή τη σύνδεση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::LiveChart</name>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="58"/>
        <source>nominal</source>
        <translation>ονομαστική</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="69"/>
        <source>Select a node or a link on the canvas to see its live chart.</source>
        <translation>Επιλέξτε κόμβο ή σύνδεση στον καμβά για να δείτε το ζωντανό γράφημά του.</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="177"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="178"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="179"/>
        <source>Memory %</source>
        <translation>Μνήμη %</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="194"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="195"/>
        <location filename="../app/charts/LiveChart.cpp" line="291"/>
        <source>Latency (ms)</source>
        <translation>Καθυστέρηση (ms)</translation>
    </message>
    <message>
        <location filename="../app/charts/LiveChart.cpp" line="291"/>
        <source>Latency, estimated (ms)</source>
        <translation>Καθυστέρηση, εκτίμηση (ms)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::MainWindow</name>
    <message>
        <location filename="../app/MainWindow.cpp" line="58"/>
        <location filename="../app/MainWindow.cpp" line="436"/>
        <source>Continuo</source>
        <translation>Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="113"/>
        <source>&amp;Connect to Daemon…</source>
        <translation>&amp;Σύνδεση σε δαίμονα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="115"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="118"/>
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="125"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Σκούρο θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="128"/>
        <source>&amp;Light Theme</source>
        <translation>&amp;Ανοιχτό θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="134"/>
        <source>&amp;Fit to View</source>
        <translation>&amp;Προσαρμογή στην προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="136"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="138"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Μεγέθυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="141"/>
        <source>Zoom &amp;Out</source>
        <translation>Σμί&amp;κρυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="145"/>
        <source>&amp;Cordon…</source>
        <translation>&amp;Απομόνωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="147"/>
        <source>Stop placing new work on the selected node</source>
        <translation>Να μην τοποθετείται νέα εργασία στον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="149"/>
        <source>&amp;Drain…</source>
        <translation>Ε&amp;κκένωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="151"/>
        <source>Move work off the selected node</source>
        <translation>Μετακίνηση της εργασίας από τον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="153"/>
        <source>&amp;Uncordon…</source>
        <translation>Ά&amp;ρση απομόνωσης…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="155"/>
        <source>Make the selected node schedulable again</source>
        <translation>Ο επιλεγμένος κόμβος δέχεται ξανά εργασίες</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="158"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Πρόσθετα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="161"/>
        <source>&amp;About Continuo</source>
        <translation>&amp;Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="169"/>
        <source>Inspector</source>
        <translation>Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="175"/>
        <source>Live Chart</source>
        <translation>Ζωντανό γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="182"/>
        <source>Event Log</source>
        <translation>Ημερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="240"/>
        <location filename="../app/MainWindow.cpp" line="258"/>
        <source>Alerts</source>
        <translation>Ειδοποιήσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="241"/>
        <source>Anomaly Timeline</source>
        <translation>Χρονολόγιο ανωμαλιών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="242"/>
        <source>Silences</source>
        <translation>Σιγάσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="243"/>
        <source>Alert Details</source>
        <translation>Λεπτομέρειες ειδοποίησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="249"/>
        <location filename="../app/MainWindow.cpp" line="349"/>
        <source>&amp;Alerts</source>
        <translation>Ει&amp;δοποιήσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="249"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="250"/>
        <source>Anomaly &amp;Timeline</source>
        <translation>Χ&amp;ρονολόγιο ανωμαλιών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="250"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="251"/>
        <source>Alert &amp;Details</source>
        <translation>&amp;Λεπτομέρειες ειδοποίησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="251"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="252"/>
        <source>&amp;Silences</source>
        <translation>Σ&amp;ιγάσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="258"/>
        <source>Alerts (%1)</source>
        <translation>Ειδοποιήσεις (%1)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="271"/>
        <source>Metrics</source>
        <translation>Μετρικές</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="272"/>
        <source>Series Chart</source>
        <translation>Γράφημα χρονοσειρών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="275"/>
        <source>&amp;Metrics Browser</source>
        <translation>Περιηγη&amp;τής μετρικών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="275"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <source>Series C&amp;hart</source>
        <translation>Γράφημα &amp;χρονοσειρών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="306"/>
        <source>Action Failed</source>
        <translation>Η ενέργεια απέτυχε</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="315"/>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="320"/>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="329"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="333"/>
        <source>Live &amp;Chart</source>
        <translation>Ζωντανό &amp;γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="337"/>
        <source>&amp;Event Log</source>
        <translation>Η&amp;μερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="343"/>
        <source>&amp;Node</source>
        <translation>&amp;Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="357"/>
        <source>&amp;Tools</source>
        <translation>&amp;Εργαλεία</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="360"/>
        <source>&amp;Help</source>
        <translation>&amp;Βοήθεια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="363"/>
        <source>Main</source>
        <translation>Κύρια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="434"/>
        <source>Continuo — %1</source>
        <translation>Continuo — %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="445"/>
        <source>This build cannot connect to a daemon.</source>
        <translation>Αυτή η έκδοση δεν μπορεί να συνδεθεί σε δαίμονα.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="450"/>
        <source>Cannot connect to %1.</source>
        <translation>Αδυναμία σύνδεσης στο %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="458"/>
        <location filename="../app/MainWindow.cpp" line="647"/>
        <source>Connecting to %1…</source>
        <translation>Σύνδεση στο %1…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="546"/>
        <location filename="../app/MainWindow.cpp" line="551"/>
        <source>waiting for data</source>
        <translation>αναμονή δεδομένων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="546"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="552"/>
        <source>%1 ms (estimated)</source>
        <translation>%1 ms (εκτίμηση)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="553"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="588"/>
        <source>Engine: %1</source>
        <translation>Μηχανή: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="590"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="591"/>
        <source>%1 samples/s</source>
        <translation>%1 δείγματα/s</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="592"/>
        <source>Revision %1</source>
        <translation>Αναθεώρηση %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="600"/>
        <source>Not connected</source>
        <translation>Χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="606"/>
        <source>Connected</source>
        <translation>Συνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="611"/>
        <source>Connecting</source>
        <translation>Σύνδεση σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="615"/>
        <source>Disconnected</source>
        <translation>Αποσυνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="643"/>
        <source>Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.</source>
        <translation>Χωρίς σύνδεση. Χρησιμοποιήστε Αρχείο › Σύνδεση σε δαίμονα… για σύνδεση σε δαίμονα continuo.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="648"/>
        <source>Not connected to %1.</source>
        <translation>Χωρίς σύνδεση με το %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="652"/>
        <source>The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.</source>
        <translation>Η απογραφή είναι κενή. Ξεκινήστε ένα σενάριο (--scenario demo) ή ενεργοποιήστε ένα πρόσθετο υποδομής.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="677"/>
        <source>Cordon</source>
        <translation>Απομόνωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="680"/>
        <source>Drain</source>
        <translation>Εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="683"/>
        <source>Uncordon</source>
        <translation>Άρση απομόνωσης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="690"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="691"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Αιτία (καταγράφεται στο ημερολόγιο ελέγχου):</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="697"/>
        <source>%1 %2…</source>
        <translation>%1 %2…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="701"/>
        <source>%1: %2 is now %3.</source>
        <translation>%1: ο %2 είναι πλέον %3.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="704"/>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 απέτυχε: %3</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="737"/>
        <source>About Continuo</source>
        <translation>Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="738"/>
        <source>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Operations console for the edge–cloud–HPC continuum.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.&lt;/p&gt;&lt;p&gt;Συνδεδεμένο με: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="742"/>
        <source>nothing</source>
        <translation>τίποτα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::MetricsBrowserPane</name>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="24"/>
        <source>Chart</source>
        <translation>Γράφημα</translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="28"/>
        <source>Metric name, or a selector: node_cpu_utilisation{site=~&quot;site-hpc.*&quot;}</source>
        <translation>Όνομα μετρικής ή επιλογέας: node_cpu_utilisation{site=~&quot;site-hpc.*&quot;}</translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="30"/>
        <source>A part of a metric name, or a series selector with =, !=, =~ and !~ (regular expressions match the whole value)</source>
        <translation>Τμήμα ονόματος μετρικής ή επιλογέας χρονοσειρών με =, !=, =~ και !~ (οι κανονικές εκφράσεις ταιριάζουν με ολόκληρη την τιμή)</translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="33"/>
        <source>Chart the selected series</source>
        <translation>Γράφημα των επιλεγμένων χρονοσειρών</translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="122"/>
        <source>Not a valid search: %1</source>
        <translation>Μη έγκυρη αναζήτηση: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="131"/>
        <source>Showing %1 of more than %1 series. Refine the search to see the rest.</source>
        <translation>Εμφανίζονται %1 από περισσότερες από %1 χρονοσειρές. Περιορίστε την αναζήτηση για να δείτε τις υπόλοιπες.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/MetricsBrowserPane.cpp" line="132"/>
        <source>Showing %n series.</source>
        <translation>
            <numerusform>Εμφανίζεται %n χρονοσειρά.</numerusform>
            <numerusform>Εμφανίζονται %n χρονοσειρές.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PluginsDialog</name>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="15"/>
        <source>Plugins</source>
        <translation>Πρόσθετα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Id</source>
        <translation>Αναγνωριστικό</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Version</source>
        <translation>Έκδοση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Category</source>
        <translation>Κατηγορία</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>Error</source>
        <translation>Σφάλμα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PluginsDialog.cpp" line="17"/>
        <source>File</source>
        <translation>Αρχείο</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SeriesChart</name>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="114"/>
        <source>Scroll or drag to move back in time</source>
        <translation>Κυλήστε ή σύρετε για να μετακινηθείτε πίσω στον χρόνο</translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="118"/>
        <source>No series selected.</source>
        <translation>Δεν έχουν επιλεγεί χρονοσειρές.</translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="200"/>
        <source>The chart query failed: %1</source>
        <translation>Το ερώτημα του γραφήματος απέτυχε: %1</translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="202"/>
        <source>No samples in this time range.</source>
        <translation>Κανένα δείγμα σε αυτό το χρονικό εύρος.</translation>
    </message>
    <message>
        <location filename="../app/charts/SeriesChart.cpp" line="246"/>
        <source>%1 (estimated)</source>
        <translation>%1 (εκτίμηση)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SeriesListModel</name>
    <message>
        <location filename="../app/models/SeriesListModel.cpp" line="110"/>
        <source>Metric</source>
        <translation>Μετρική</translation>
    </message>
    <message>
        <location filename="../app/models/SeriesListModel.cpp" line="112"/>
        <source>Labels</source>
        <translation>Ετικέτες</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilenceDialog</name>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="38"/>
        <source>New Silence</source>
        <translation>Νέα σίγαση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="39"/>
        <source>Alerts whose labels equal every checked matcher are silenced: they are still evaluated and listed, but raise no notification and trigger no remediation.</source>
        <translation>Οι ειδοποιήσεις των οποίων οι ετικέτες ισούνται με κάθε επιλεγμένο κριτήριο τίθενται σε σίγαση: εξακολουθούν να αξιολογούνται και να εμφανίζονται, αλλά δεν στέλνουν ειδοποίηση ούτε ενεργοποιούν αποκατάσταση.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="46"/>
        <source>Label</source>
        <translation>Ετικέτα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="46"/>
        <source>Value</source>
        <translation>Τιμή</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="53"/>
        <source>Add Matcher</source>
        <translation>Προσθήκη κριτηρίου</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="54"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="73"/>
        <source>Why, e.g. &quot;planned maintenance, ticket OPS-123&quot;</source>
        <translation>Γιατί, π.χ. &quot;προγραμματισμένη συντήρηση, αίτημα OPS-123&quot;</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>30 minutes</source>
        <translation>30 λεπτά</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>1 hour</source>
        <translation>1 ώρα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>2 hours</source>
        <translation>2 ώρες</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="76"/>
        <source>4 hours</source>
        <translation>4 ώρες</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>8 hours</source>
        <translation>8 ώρες</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>1 day</source>
        <translation>1 ημέρα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="77"/>
        <source>1 week</source>
        <translation>1 εβδομάδα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="89"/>
        <source>Comment:</source>
        <translation>Σχόλιο:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="90"/>
        <source>Duration:</source>
        <translation>Διάρκεια:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="92"/>
        <source>Silence</source>
        <translation>Σίγαση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="179"/>
        <source>Check at least one matcher: a silence that matches every alert is refused.</source>
        <translation>Επιλέξτε τουλάχιστον ένα κριτήριο: σίγαση που ταιριάζει με κάθε ειδοποίηση απορρίπτεται.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="181"/>
        <source>Say why in the comment; it is recorded in the audit log.</source>
        <translation>Γράψτε την αιτία στο σχόλιο· καταγράφεται στο ημερολόγιο ελέγχου.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/SilenceDialog.cpp" line="189"/>
        <source>until %1</source>
        <translation>έως %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/dialogs/SilenceDialog.cpp" line="201"/>
        <source>Silences %n active alert(s).</source>
        <translation>
            <numerusform>Θέτει σε σίγαση %n ενεργή ειδοποίηση.</numerusform>
            <numerusform>Θέτει σε σίγαση %n ενεργές ειδοποιήσεις.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilenceModel</name>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="154"/>
        <source>From %1 until %2</source>
        <translation>Από %1 έως %2</translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="175"/>
        <source>Matchers</source>
        <translation>Κριτήρια</translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="177"/>
        <source>Comment</source>
        <translation>Σχόλιο</translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="179"/>
        <source>Created by</source>
        <translation>Δημιουργός</translation>
    </message>
    <message>
        <location filename="../app/models/SilenceModel.cpp" line="181"/>
        <source>Ends</source>
        <translation>Λήξη</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::SilencesPane</name>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="23"/>
        <source>&amp;Expire Silence</source>
        <translation>&amp;Λήξη σίγασης</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="24"/>
        <source>&amp;New Silence…</source>
        <translation>&amp;Νέα σίγαση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="28"/>
        <source>End the selected silence now</source>
        <translation>Τερματισμός της επιλεγμένης σίγασης τώρα</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="31"/>
        <source>Mute alerts with chosen labels for a while</source>
        <translation>Σίγαση για λίγο των ειδοποιήσεων με επιλεγμένες ετικέτες</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="114"/>
        <source>Expired silence %1.</source>
        <translation>Η σίγαση %1 έληξε.</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="116"/>
        <source>Expiring silence %1 failed: %2</source>
        <translation>Η λήξη της σίγασης %1 απέτυχε: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="135"/>
        <source>Created silence %1.</source>
        <translation>Δημιουργήθηκε η σίγαση %1.</translation>
    </message>
    <message>
        <location filename="../app/widgets/SilencesPane.cpp" line="137"/>
        <source>Creating the silence failed: %1</source>
        <translation>Η δημιουργία της σίγασης απέτυχε: %1</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Topology</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="44"/>
        <source>cordoned</source>
        <translation>απομονωμένος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="46"/>
        <source>draining</source>
        <translation>σε εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="48"/>
        <source>down</source>
        <translation>εκτός λειτουργίας</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="50"/>
        <source>not ready</source>
        <translation>μη έτοιμος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="52"/>
        <source>maintenance</source>
        <translation>συντήρηση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="144"/>
        <source>State: %1</source>
        <translation>Κατάσταση: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="147"/>
        <source>CPU: %1 %</source>
        <translation>CPU: %1 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="149"/>
        <source>GPUs: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="151"/>
        <source>FPGAs: %1</source>
        <translation>FPGA: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="346"/>
        <source>EDGE</source>
        <translation>EDGE</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="349"/>
        <source>CLOUD</source>
        <translation>CLOUD</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="352"/>
        <source>HPC</source>
        <translation>HPC</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="355"/>
        <source>SITE</source>
        <translation>ΤΟΠΟΘΕΣΙΑ</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="548"/>
        <source>%1: latency estimated by network tomography (nothing measures this link)</source>
        <translation>%1: καθυστέρηση κατ’ εκτίμηση από τομογραφία δικτύου (τίποτα δεν μετρά αυτή τη σύνδεση)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyLegend</name>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>Node CPU</source>
        <translation>CPU κόμβων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>50–90 %</source>
        <translation>50–90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <source>&gt; 90 %</source>
        <translation>&gt; 90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="106"/>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>no data</source>
        <translation>χωρίς δεδομένα</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="107"/>
        <source>Link latency</source>
        <translation>Καθυστέρηση συνδέσεων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="108"/>
        <source>≤ 1.5× nominal</source>
        <translation>≤ 1,5× ονομαστικής</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="109"/>
        <source>≤ 3×</source>
        <translation>≤ 3×</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="110"/>
        <source>&gt; 3×</source>
        <translation>&gt; 3×</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="112"/>
        <source>estimated</source>
        <translation>εκτίμηση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyScene</name>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="572"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="574"/>
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n συστοιχία</numerusform>
            <numerusform>%n συστοιχίες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="576"/>
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n επιταχυντής</numerusform>
            <numerusform>%n επιταχυντές</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="606"/>
        <source>Unassigned nodes</source>
        <translation>Κόμβοι χωρίς τοποθεσία</translation>
    </message>
</context>
</TS>

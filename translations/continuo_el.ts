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
    <name>Continuo::Gui::BackendObjectModel</name>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="146"/>
        <source>Slurm job</source>
        <translation>Εργασία Slurm</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="148"/>
        <source>Slurm partition</source>
        <translation>Διαμέρισμα Slurm</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="150"/>
        <source>Virtual machine</source>
        <translation>Εικονική μηχανή</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="159"/>
        <location filename="../app/models/BackendObjectModel.cpp" line="161"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="163"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="166"/>
        <source>%1 min %2 s</source>
        <translation>%1 λεπ. %2 δ</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="167"/>
        <source>%1 h %2 min</source>
        <translation>%1 ώρ. %2 λεπ.</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="174"/>
        <source>CPU %1 %</source>
        <translation>CPU %1 %</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="182"/>
        <source>ran %1</source>
        <translation>έτρεξε %1</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="188"/>
        <source>%1/%2 CPUs idle</source>
        <translation>%1/%2 CPU αδρανείς</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="200"/>
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPU</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="207"/>
        <source>up in %1</source>
        <translation>σε λειτουργία σε %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="214"/>
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPU</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="217"/>
        <source>exit %1</source>
        <translation>έξοδος %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/BackendObjectModel.cpp" line="226"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="228"/>
        <source>%1 running</source>
        <translation>%1 εκτελούνται</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="230"/>
        <source>%1 pending</source>
        <translation>%1 σε αναμονή</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="233"/>
        <source>deployment %1</source>
        <translation>ανάπτυξη %1</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="317"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="319"/>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="321"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="323"/>
        <source>Node</source>
        <translation>Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="325"/>
        <source>Cluster</source>
        <translation>Συστάδα</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="327"/>
        <source>Usage</source>
        <translation>Χρήση</translation>
    </message>
    <message>
        <location filename="../app/models/BackendObjectModel.cpp" line="329"/>
        <source>Details</source>
        <translation>Λεπτομέρειες</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::BackendsPane</name>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="61"/>
        <source>&amp;Start</source>
        <translation>&amp;Εκκίνηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="63"/>
        <source>Shut &amp;Down</source>
        <translation>Τερ&amp;ματισμός</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="65"/>
        <source>Sus&amp;pend</source>
        <translation>Ανα&amp;στολή</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="67"/>
        <source>&amp;Resume</source>
        <translation>&amp;Συνέχιση</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="69"/>
        <source>&amp;Migrate…</source>
        <translation>&amp;Μετανάστευση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="71"/>
        <source>Force O&amp;ff…</source>
        <translation>Αναγκαστική δια&amp;κοπή…</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="73"/>
        <source>&amp;Delete Definition…</source>
        <translation>&amp;Διαγραφή ορισμού…</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="75"/>
        <source>&amp;Cancel Job…</source>
        <translation>&amp;Ακύρωση εργασίας…</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="88"/>
        <source>Show &amp;Output…</source>
        <translation>Εμφάνιση &amp;εξόδου…</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="97"/>
        <source>Filter jobs, partitions and VMs (name, node, state…)</source>
        <translation>Φιλτράρισμα εργασιών, διαμερισμάτων και VM (όνομα, κόμβος, κατάσταση…)</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="102"/>
        <source>Everything</source>
        <translation>Όλα</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="103"/>
        <source>Slurm jobs</source>
        <translation>Εργασίες Slurm</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="104"/>
        <source>Slurm partitions</source>
        <translation>Διαμερίσματα Slurm</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="105"/>
        <source>Virtual machines</source>
        <translation>Εικονικές μηχανές</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="146"/>
        <source>The selected job&apos;s output or virtual machine&apos;s serial console</source>
        <translation>Η έξοδος της επιλεγμένης εργασίας ή η σειριακή κονσόλα της εικονικής μηχανής</translation>
    </message>
    <message>
        <location filename="../app/widgets/BackendsPane.cpp" line="247"/>
        <source>%1 of %2</source>
        <translation>%1 από %2</translation>
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
    <name>Continuo::Gui::ConnectionDialog</name>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="27"/>
        <source>&amp;Both directions</source>
        <translation>&amp;Και οι δύο κατευθύνσεις</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="29"/>
        <source>Postcard &amp;telemetry (INT)</source>
        <translation>&amp;Τηλεμετρία postcard (INT)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="33"/>
        <source>Compute &amp;Path</source>
        <translation>&amp;Υπολογισμός διαδρομής</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="34"/>
        <source>&amp;Create</source>
        <translation>&amp;Δημιουργία</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="37"/>
        <source>New Connection</source>
        <translation>Νέα σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="39"/>
        <source>empty: from the name</source>
        <translation>κενό: από το όνομα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="41"/>
        <source>e.g. camera → analytics</source>
        <translation>π.χ. κάμερα → ανάλυση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="43"/>
        <source>Any</source>
        <translation>Οποιοδήποτε</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="44"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="45"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="49"/>
        <source>empty: computed; or switch ids, e.g. s1, s5, s2</source>
        <translation>κενό: υπολογίζεται· ή αναγνωριστικά μεταγωγέων, π.χ. s1, s5, s2</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="54"/>
        <source>table0 priority of the connection&apos;s entries</source>
        <translation>Προτεραιότητα table0 των καταχωρίσεων της σύνδεσης</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="61"/>
        <source>Ask the controller which path it would use; nothing is written</source>
        <translation>Ερώτηση στον ελεγκτή ποια διαδρομή θα χρησιμοποιούσε· δεν γράφεται τίποτα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="66"/>
        <source>Endpoint &amp;A</source>
        <translation>Άκρο &amp;A</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="67"/>
        <source>Endpoint &amp;B</source>
        <translation>Άκρο &amp;B</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="70"/>
        <source>&amp;Name:</source>
        <translation>Ό&amp;νομα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="71"/>
        <source>&amp;Id:</source>
        <translation>Ανα&amp;γνωριστικό:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="72"/>
        <source>P&amp;rotocol:</source>
        <translation>&amp;Πρωτόκολλο:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="74"/>
        <source>Pinned pat&amp;h:</source>
        <translation>Καρφιτσωμένη διαδρο&amp;μή:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="76"/>
        <source>Pri&amp;ority:</source>
        <translation>Προτε&amp;ραιότητα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="111"/>
        <source>node id or namespace/pod</source>
        <translation>αναγνωριστικό κόμβου ή namespace/pod</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="112"/>
        <source>10.244.1.5</source>
        <translation>10.244.1.5</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="113"/>
        <source>pods only: the node&apos;s VTEP IPv4</source>
        <translation>μόνο για pod: η IPv4 VTEP του κόμβου</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="121"/>
        <source>Port of the switch facing the host</source>
        <translation>Θύρα του μεταγωγέα προς τον υπολογιστή</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="125"/>
        <source>any</source>
        <translation>οποιαδήποτε</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="128"/>
        <source>Name:</source>
        <translation>Όνομα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="129"/>
        <source>IP:</source>
        <translation>IP:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="130"/>
        <source>VTEP:</source>
        <translation>VTEP:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="131"/>
        <source>Switch:</source>
        <translation>Μεταγωγέας:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="132"/>
        <source>Switch port:</source>
        <translation>Θύρα μεταγωγέα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="133"/>
        <source>L4 port:</source>
        <translation>Θύρα L4:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="151"/>
        <source>Edit Connection %1</source>
        <translation>Επεξεργασία σύνδεσης %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="169"/>
        <source>&amp;Save</source>
        <translation>&amp;Αποθήκευση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="233"/>
        <source>Computing the path…</source>
        <translation>Υπολογισμός της διαδρομής…</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="240"/>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="260"/>
        <source>The controller refuses this connection: %1</source>
        <translation>Ο ελεγκτής απορρίπτει αυτή τη σύνδεση: %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="244"/>
        <source>Path: %1 (no disjoint backup)</source>
        <translation>Διαδρομή: %1 (χωρίς διακριτή εφεδρική)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="245"/>
        <source>Path: %1; backup: %2</source>
        <translation>Διαδρομή: %1· εφεδρική: %2</translation>
    </message>
    <message>
        <location filename="../app/dialogs/ConnectionDialog.cpp" line="256"/>
        <source>Writing the connection&apos;s entries…</source>
        <translation>Εγγραφή των καταχωρίσεων της σύνδεσης…</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ConnectionModel</name>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="88"/>
        <source>%1 (avoiding %2)</source>
        <translation>%1 (παρακάμπτοντας %2)</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="91"/>
        <source>none</source>
        <translation>καμία</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="95"/>
        <source>on</source>
        <translation>ενεργή</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="95"/>
        <source>off</source>
        <translation>ανενεργή</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="131"/>
        <source>Name</source>
        <translation>Όνομα</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="133"/>
        <source>Endpoints</source>
        <translation>Άκρα</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="135"/>
        <source>Flow</source>
        <translation>Ροή</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="137"/>
        <source>Path</source>
        <translation>Διαδρομή</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="139"/>
        <source>Backup</source>
        <translation>Εφεδρική</translation>
    </message>
    <message>
        <location filename="../app/models/ConnectionModel.cpp" line="141"/>
        <source>Telemetry</source>
        <translation>Τηλεμετρία</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Console</name>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="82"/>
        <source>Operations console for the edge–cloud–HPC continuum.</source>
        <translation>Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="87"/>
        <source>Connect to a continuo daemon at HOST:PORT instead of embedding the engine.</source>
        <translation>Σύνδεση σε δαίμονα continuo στο HOST:PORT αντί για ενσωματωμένη μηχανή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="90"/>
        <source>Directory of the embedded engine&apos;s state.</source>
        <translation>Κατάλογος της κατάστασης της ενσωματωμένης μηχανής.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="93"/>
        <source>Simulator scenario: demo, none or a YAML file.</source>
        <translation>Σενάριο προσομοιωτή: demo, none ή αρχείο YAML.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="96"/>
        <source>Simulator seed.</source>
        <translation>Σπόρος του προσομοιωτή.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="98"/>
        <source>Do not show this machine as a node.</source>
        <translation>Να μην εμφανίζεται αυτό το μηχάνημα ως κόμβος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="100"/>
        <source>Colour theme (remembered).</source>
        <translation>Θέμα χρωμάτων (απομνημονεύεται).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="103"/>
        <source>User interface language (en, el).</source>
        <translation>Γλώσσα διεπαφής (en, el).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="106"/>
        <source>Save a PNG of the main window and exit.</source>
        <translation>Αποθήκευση PNG του κύριου παραθύρου και έξοδος.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="109"/>
        <source>Seconds to wait before the screenshot.</source>
        <translation>Δευτερόλεπτα αναμονής πριν από το στιγμιότυπο.</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="112"/>
        <source>Configuration file (plugin settings; default %1).</source>
        <translation>Αρχείο ρυθμίσεων (ρυθμίσεις πρόσθετων· προεπιλογή %1).</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="147"/>
        <source>unknown theme &quot;%1&quot; (use dark or light)</source>
        <translation>άγνωστο θέμα &quot;%1&quot; (χρησιμοποιήστε dark ή light)</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="158"/>
        <source>--after needs a number of seconds</source>
        <translation>το --after θέλει αριθμό δευτερολέπτων</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="188"/>
        <source>--seed needs a non-negative integer</source>
        <translation>το --seed θέλει μη αρνητικό ακέραιο</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="197"/>
        <location filename="../app/ConsoleApplication.cpp" line="206"/>
        <source>Continuo cannot start</source>
        <translation>Το Continuo δεν μπορεί να ξεκινήσει</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="207"/>
        <source>The engine could not start with the data in %1:
%2</source>
        <translation>Η μηχανή δεν μπόρεσε να ξεκινήσει με τα δεδομένα στο %1:
%2</translation>
    </message>
    <message>
        <location filename="../app/ConsoleApplication.cpp" line="230"/>
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
    <name>Continuo::Gui::DeploymentModel</name>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="117"/>
        <source>Submitted</source>
        <translation>Υποβλήθηκε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="119"/>
        <source>Pending</source>
        <translation>Σε αναμονή</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="121"/>
        <source>Scheduled</source>
        <translation>Προγραμματίστηκε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="123"/>
        <source>Assigned</source>
        <translation>Ανατέθηκε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="125"/>
        <source>Deploying</source>
        <translation>Σε ανάπτυξη</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="127"/>
        <source>Deployed</source>
        <translation>Αναπτύχθηκε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="129"/>
        <source>Failed</source>
        <translation>Απέτυχε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="131"/>
        <source>Redeployed</source>
        <translation>Αναπτύχθηκε ξανά</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="133"/>
        <source>Terminated</source>
        <translation>Τερματίστηκε</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="137"/>
        <location filename="../app/models/DeploymentModel.cpp" line="156"/>
        <source>Unknown</source>
        <translation>Άγνωστο</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="144"/>
        <source>Container</source>
        <translation>Κοντέινερ</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="146"/>
        <source>Virtual machine</source>
        <translation>Εικονική μηχανή</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="148"/>
        <source>Unikernel</source>
        <translation>Unikernel</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="150"/>
        <source>HPC job</source>
        <translation>Εργασία HPC</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="152"/>
        <source>Accelerated kernel</source>
        <translation>Επιταχυνόμενος πυρήνας</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="163"/>
        <source>%1 s ago</source>
        <translation>πριν από %1 δευτ.</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="165"/>
        <source>%1 min ago</source>
        <translation>πριν από %1 λεπ.</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="167"/>
        <source>%1 h ago</source>
        <translation>πριν από %1 ώρ.</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="168"/>
        <source>%1 d ago</source>
        <translation>πριν από %1 ημ.</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="214"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="221"/>
        <source>%1 (terminating)</source>
        <translation>%1 (σε τερματισμό)</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="258"/>
        <source>Backend constraints: %1</source>
        <translation>Περιορισμοί υποδομής: %1</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="277"/>
        <source>Deployment</source>
        <translation>Ανάπτυξη</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="279"/>
        <source>Workload</source>
        <translation>Φορτίο εργασίας</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="281"/>
        <source>Kind</source>
        <translation>Είδος</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="283"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="285"/>
        <source>Node</source>
        <translation>Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="287"/>
        <source>Cluster</source>
        <translation>Συστοιχία</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="289"/>
        <source>Attempts</source>
        <translation>Προσπάθειες</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="291"/>
        <source>Updated</source>
        <translation>Ενημέρωση</translation>
    </message>
    <message>
        <location filename="../app/models/DeploymentModel.cpp" line="293"/>
        <source>Message</source>
        <translation>Μήνυμα</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::DeploymentsPane</name>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="25"/>
        <source>&amp;Explain</source>
        <translation>Ε&amp;ξήγηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="26"/>
        <source>&amp;Terminate…</source>
        <translation>Τε&amp;ρματισμός…</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="27"/>
        <source>&amp;Pin to Node…</source>
        <translation>&amp;Καρφίτσωμα σε κόμβο…</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="28"/>
        <source>&amp;Re-optimise…</source>
        <translation>&amp;Επαναβελτιστοποίηση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="37"/>
        <source>Filter deployments (id, workload, node, state…)</source>
        <translation>Φιλτράρισμα αναπτύξεων (αναγνωριστικό, φορτίο, κόμβος, κατάσταση…)</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="74"/>
        <source>Why the selected deployment&apos;s workload is where it is</source>
        <translation>Γιατί το φορτίο εργασίας της επιλεγμένης ανάπτυξης βρίσκεται εκεί που βρίσκεται</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="76"/>
        <source>Terminate every deployment of the selected workload</source>
        <translation>Τερματισμός όλων των αναπτύξεων του επιλεγμένου φορτίου εργασίας</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="78"/>
        <source>Move the selected deployment to a node you choose (or drag it onto a node)</source>
        <translation>Μετακίνηση της επιλεγμένης ανάπτυξης σε κόμβο της επιλογής σας (ή σύρετέ την πάνω σε κόμβο)</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="80"/>
        <source>Compute moves that improve placement, review them, then apply</source>
        <translation>Υπολογισμός μετακινήσεων που βελτιώνουν την τοποθέτηση, έλεγχος και εφαρμογή τους</translation>
    </message>
    <message>
        <location filename="../app/widgets/DeploymentsPane.cpp" line="144"/>
        <source>%1 of %2</source>
        <translation>%1 από %2</translation>
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
    <name>Continuo::Gui::ExplanationView</name>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="65"/>
        <source>latency</source>
        <translation>καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="67"/>
        <source>execution time</source>
        <translation>χρόνος εκτέλεσης</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="69"/>
        <source>energy</source>
        <translation>ενέργεια</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="71"/>
        <source>cost</source>
        <translation>κόστος</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="73"/>
        <source>balance</source>
        <translation>εξισορρόπηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Item</source>
        <translation>Στοιχείο</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Score / count</source>
        <translation>Βαθμολογία / πλήθος</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="96"/>
        <source>Details</source>
        <translation>Λεπτομέρειες</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="126"/>
        <source>Nothing explained yet. Use Explain on a deployment or Dry run in the placement dialog.</source>
        <translation>Δεν υπάρχει ακόμη εξήγηση. Χρησιμοποιήστε την Εξήγηση σε μια ανάπτυξη ή τη Δοκιμαστική εκτέλεση στο παράθυρο τοποθέτησης.</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="172"/>
        <source>weight %1</source>
        <translation>βάρος %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="195"/>
        <source>Placed on %1 · %2 of %3 nodes feasible · strategy %4</source>
        <translation>Τοποθέτηση στον %1 · εφικτοί %2 από %3 κόμβους · στρατηγική %4</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="203"/>
        <source>Cannot be placed</source>
        <translation>Δεν μπορεί να τοποθετηθεί</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="208"/>
        <source>Decisions</source>
        <translation>Αποφάσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="212"/>
        <source>replica %1 → %2</source>
        <translation>αντίγραφο %1 → %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="215"/>
        <source>cluster %1, site %2, delegated to the backend</source>
        <translation>συστοιχία %1, τοποθεσία %2, ανατέθηκε στην υποδομή</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="217"/>
        <source>cluster %1, site %2</source>
        <translation>συστοιχία %1, τοποθεσία %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="221"/>
        <source>constraint</source>
        <translation>περιορισμός</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="227"/>
        <source>Platforms (in the order tried)</source>
        <translation>Πλατφόρμες (με τη σειρά δοκιμής)</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="234"/>
        <source>Ranked candidates</source>
        <translation>Υποψήφιοι κατά κατάταξη</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="238"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="255"/>
        <source>Rejected by filter</source>
        <translation>Απορρίφθηκαν από φίλτρο</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="269"/>
        <source>cluster %1</source>
        <translation>συστοιχία %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="271"/>
        <source>short by %1</source>
        <translation>έλλειμμα %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ExplanationView.cpp" line="277"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n ακόμη</numerusform>
            <numerusform>… %n ακόμη</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="283"/>
        <source>What would make it fit</source>
        <translation>Τι θα το έκανε να χωρέσει</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ExplanationView.cpp" line="288"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/ExplanationView.cpp" line="289"/>
        <source>relax the %1 filter</source>
        <translation>χαλάρωση του φίλτρου %1</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::FlowLatencyChart</name>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="57"/>
        <source>hop latency (ms)</source>
        <translation>καθυστέρηση άλματος (ms)</translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="61"/>
        <source>SLA threshold</source>
        <translation>Κατώφλι SLA</translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="72"/>
        <source>Select a connection to see the hop latency of its flow on every switch.</source>
        <translation>Επιλέξτε μια σύνδεση για να δείτε την καθυστέρηση άλματος της ροής της σε κάθε μεταγωγέα.</translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="213"/>
        <source>%1 max</source>
        <translation>%1 μέγ.</translation>
    </message>
    <message>
        <location filename="../app/charts/FlowLatencyChart.cpp" line="213"/>
        <source>%1 avg</source>
        <translation>%1 μ.ό.</translation>
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
        <location filename="../app/MainWindow.cpp" line="77"/>
        <location filename="../app/MainWindow.cpp" line="521"/>
        <source>Continuo</source>
        <translation>Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="134"/>
        <source>&amp;Connect to Daemon…</source>
        <translation>&amp;Σύνδεση σε δαίμονα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="136"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;Έξοδος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="146"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Σκούρο θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="149"/>
        <source>&amp;Light Theme</source>
        <translation>&amp;Ανοιχτό θέμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="155"/>
        <source>&amp;Fit to View</source>
        <translation>&amp;Προσαρμογή στην προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="157"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="159"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Μεγέθυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="162"/>
        <source>Zoom &amp;Out</source>
        <translation>Σμί&amp;κρυνση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="166"/>
        <source>&amp;Cordon…</source>
        <translation>&amp;Απομόνωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="168"/>
        <source>Stop placing new work on the selected node</source>
        <translation>Να μην τοποθετείται νέα εργασία στον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="170"/>
        <source>&amp;Drain…</source>
        <translation>Ε&amp;κκένωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="172"/>
        <source>Move work off the selected node</source>
        <translation>Μετακίνηση της εργασίας από τον επιλεγμένο κόμβο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="174"/>
        <source>&amp;Uncordon…</source>
        <translation>Ά&amp;ρση απομόνωσης…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="176"/>
        <source>Make the selected node schedulable again</source>
        <translation>Ο επιλεγμένος κόμβος δέχεται ξανά εργασίες</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="179"/>
        <source>&amp;Place Workload…</source>
        <translation>&amp;Τοποθέτηση φορτίου εργασίας…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="181"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="182"/>
        <source>Describe a workload, dry-run its placement, submit it</source>
        <translation>Περιγραφή φορτίου εργασίας, δοκιμαστική τοποθέτηση και υποβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="184"/>
        <source>&amp;What-if Mode</source>
        <translation>&amp;Λειτουργία υποθετικών σεναρίων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="187"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="188"/>
        <source>Try hypothetical changes on the topology and see what would move</source>
        <translation>Δοκιμή υποθετικών αλλαγών στην τοπολογία και προβολή του τι θα μετακινούνταν</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="191"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Πρόσθετα…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="194"/>
        <source>&amp;About Continuo</source>
        <translation>&amp;Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="202"/>
        <source>Inspector</source>
        <translation>Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="208"/>
        <source>Live Chart</source>
        <translation>Ζωντανό γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="215"/>
        <source>Event Log</source>
        <translation>Ημερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="276"/>
        <location filename="../app/MainWindow.cpp" line="294"/>
        <source>Alerts</source>
        <translation>Ειδοποιήσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="277"/>
        <source>Anomaly Timeline</source>
        <translation>Χρονολόγιο ανωμαλιών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="278"/>
        <source>Silences</source>
        <translation>Σιγάσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="279"/>
        <source>Alert Details</source>
        <translation>Λεπτομέρειες ειδοποίησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="285"/>
        <location filename="../app/MainWindow.cpp" line="385"/>
        <source>&amp;Alerts</source>
        <translation>Ει&amp;δοποιήσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="285"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="286"/>
        <source>Anomaly &amp;Timeline</source>
        <translation>Χ&amp;ρονολόγιο ανωμαλιών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="286"/>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="287"/>
        <source>Alert &amp;Details</source>
        <translation>&amp;Λεπτομέρειες ειδοποίησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="287"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="288"/>
        <source>&amp;Silences</source>
        <translation>Σ&amp;ιγάσεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="294"/>
        <source>Alerts (%1)</source>
        <translation>Ειδοποιήσεις (%1)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="307"/>
        <source>Metrics</source>
        <translation>Μετρικές</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="308"/>
        <source>Series Chart</source>
        <translation>Γράφημα χρονοσειρών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="311"/>
        <source>&amp;Metrics Browser</source>
        <translation>Περιηγη&amp;τής μετρικών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="311"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="312"/>
        <source>Series C&amp;hart</source>
        <translation>Γράφημα &amp;χρονοσειρών</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="312"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="342"/>
        <location filename="../app/MainWindow.cpp" line="1046"/>
        <location filename="../app/MainWindow.cpp" line="1057"/>
        <source>Action Failed</source>
        <translation>Η ενέργεια απέτυχε</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="351"/>
        <source>&amp;File</source>
        <translation>&amp;Αρχείο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="356"/>
        <source>&amp;View</source>
        <translation>&amp;Προβολή</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="365"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Επιθεωρητής</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="369"/>
        <source>Live &amp;Chart</source>
        <translation>Ζωντανό &amp;γράφημα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="373"/>
        <source>&amp;Event Log</source>
        <translation>Η&amp;μερολόγιο συμβάντων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="379"/>
        <source>&amp;Node</source>
        <translation>&amp;Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="393"/>
        <source>&amp;Workloads</source>
        <translation>&amp;Φορτία εργασίας</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="404"/>
        <source>Net&amp;work</source>
        <translation>Δί&amp;κτυο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="422"/>
        <source>&amp;Tools</source>
        <translation>&amp;Εργαλεία</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="425"/>
        <source>&amp;Help</source>
        <translation>&amp;Βοήθεια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="428"/>
        <source>Main</source>
        <translation>Κύρια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="519"/>
        <source>Continuo — %1</source>
        <translation>Continuo — %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="530"/>
        <source>This build cannot connect to a daemon.</source>
        <translation>Αυτή η έκδοση δεν μπορεί να συνδεθεί σε δαίμονα.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="535"/>
        <source>Cannot connect to %1.</source>
        <translation>Αδυναμία σύνδεσης στο %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="543"/>
        <location filename="../app/MainWindow.cpp" line="736"/>
        <source>Connecting to %1…</source>
        <translation>Σύνδεση στο %1…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="635"/>
        <location filename="../app/MainWindow.cpp" line="640"/>
        <source>waiting for data</source>
        <translation>αναμονή δεδομένων</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="635"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="641"/>
        <source>%1 ms (estimated)</source>
        <translation>%1 ms (εκτίμηση)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="642"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="677"/>
        <source>Engine: %1</source>
        <translation>Μηχανή: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="679"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="680"/>
        <source>%1 samples/s</source>
        <translation>%1 δείγματα/s</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="681"/>
        <source>Revision %1</source>
        <translation>Αναθεώρηση %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="689"/>
        <source>Not connected</source>
        <translation>Χωρίς σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="695"/>
        <source>Connected</source>
        <translation>Συνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="700"/>
        <source>Connecting</source>
        <translation>Σύνδεση σε εξέλιξη</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="704"/>
        <source>Disconnected</source>
        <translation>Αποσυνδεδεμένο</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="732"/>
        <source>Not connected. Use File › Connect to Daemon… to connect to a continuo daemon.</source>
        <translation>Χωρίς σύνδεση. Χρησιμοποιήστε Αρχείο › Σύνδεση σε δαίμονα… για σύνδεση σε δαίμονα continuo.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="737"/>
        <source>Not connected to %1.</source>
        <translation>Χωρίς σύνδεση με το %1.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="741"/>
        <source>The inventory is empty. Start a scenario (--scenario demo) or enable a backend plugin.</source>
        <translation>Η απογραφή είναι κενή. Ξεκινήστε ένα σενάριο (--scenario demo) ή ενεργοποιήστε ένα πρόσθετο υποδομής.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="766"/>
        <source>Cordon</source>
        <translation>Απομόνωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="769"/>
        <source>Drain</source>
        <translation>Εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="772"/>
        <source>Uncordon</source>
        <translation>Άρση απομόνωσης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="779"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="780"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Αιτία (καταγράφεται στο ημερολόγιο ελέγχου):</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="786"/>
        <source>%1 %2…</source>
        <translation>%1 %2…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="790"/>
        <source>%1: %2 is now %3.</source>
        <translation>%1: ο %2 είναι πλέον %3.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="793"/>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 απέτυχε: %3</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="826"/>
        <source>About Continuo</source>
        <translation>Σχετικά με το Continuo</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="827"/>
        <source>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Operations console for the edge–cloud–HPC continuum.&lt;/p&gt;&lt;p&gt;Connected to: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Continuo %1&lt;/h3&gt;&lt;p&gt;Κονσόλα λειτουργίας για το συνεχές edge–cloud–HPC.&lt;/p&gt;&lt;p&gt;Συνδεδεμένο με: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="831"/>
        <source>nothing</source>
        <translation>τίποτα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="860"/>
        <source>Deployments</source>
        <translation>Αναπτύξεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="861"/>
        <source>Placement Explanation</source>
        <translation>Εξήγηση τοποθέτησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="862"/>
        <source>What-if</source>
        <translation>Υποθετικά σενάρια</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="869"/>
        <source>&amp;Deployments</source>
        <translation>Αναπτύ&amp;ξεις</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="869"/>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="870"/>
        <source>Placement E&amp;xplanation</source>
        <translation>Εξήγηση τοπο&amp;θέτησης</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="890"/>
        <source>HPC Jobs &amp;&amp; VMs</source>
        <translation>Εργασίες HPC &amp;&amp; VM</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="892"/>
        <source>HPC &amp;Jobs &amp;&amp; VMs</source>
        <translation>&amp;Εργασίες HPC &amp;&amp; VM</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="893"/>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="907"/>
        <source>P4 Rules</source>
        <translation>Κανόνες P4</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="908"/>
        <source>Fabric</source>
        <translation>Fabric</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="911"/>
        <source>&amp;Fabric</source>
        <translation>&amp;Fabric</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="911"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="912"/>
        <source>P4 &amp;Rules</source>
        <translation>&amp;Κανόνες P4</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="912"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="913"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="914"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="915"/>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="944"/>
        <source>No other ready host in %1 to migrate %2 to.</source>
        <translation>Δεν υπάρχει άλλος έτοιμος κεντρικός υπολογιστής στο %1 για τη μετανάστευση του %2.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="950"/>
        <source>Migrate %1</source>
        <translation>Μετανάστευση %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="951"/>
        <source>Live-migrate %1 (now on %2) to host:</source>
        <translation>Ζωντανή μετανάστευση του %1 (τώρα στο %2) στον υπολογιστή:</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="953"/>
        <source>Migrate</source>
        <translation>Μετανάστευση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="968"/>
        <source>Cancel job %1? Its processes are killed.</source>
        <translation>Ακύρωση της εργασίας %1; Οι διεργασίες της τερματίζονται.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="970"/>
        <source>Force off %1? Like pulling the plug: the guest does not shut down cleanly.</source>
        <translation>Αναγκαστική διακοπή του %1; Σαν να τραβάτε το καλώδιο: ο επισκέπτης δεν τερματίζει ομαλά.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="972"/>
        <source>Delete the definition of %1? Its configuration is removed from the host.</source>
        <translation>Διαγραφή του ορισμού του %1; Οι ρυθμίσεις του αφαιρούνται από τον υπολογιστή.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="990"/>
        <source>Serial Console of %1</source>
        <translation>Σειριακή κονσόλα του %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="991"/>
        <source>Output of %1</source>
        <translation>Έξοδος του %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1000"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Ανανέωση</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1010"/>
        <source>Reading…</source>
        <translation>Ανάγνωση…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1014"/>
        <source>Cannot read the output: %1</source>
        <translation>Δεν είναι δυνατή η ανάγνωση της εξόδου: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1019"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n γραμμή</numerusform>
            <numerusform>%n γραμμές</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1032"/>
        <source>%1: %2…</source>
        <translation>%1: %2…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1036"/>
        <source>%1: %2 requested.</source>
        <translation>%1: ζητήθηκε %2.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1037"/>
        <source>%1 on %2 failed: %3</source>
        <translation>Το %1 στο %2 απέτυχε: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1072"/>
        <source>Submitted %n workload(s): %1 placed, %2 deployment(s) created.</source>
        <translation>
            <numerusform>Υποβλήθηκε %n φορτίο εργασίας (τοποθετήθηκαν: %1, νέες αναπτύξεις: %2).</numerusform>
            <numerusform>Υποβλήθηκαν %n φορτία εργασίας (τοποθετήθηκαν: %1, νέες αναπτύξεις: %2).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1090"/>
        <location filename="../app/MainWindow.cpp" line="1190"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1091"/>
        <source>Explaining %1…</source>
        <translation>Εξήγηση του %1…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1098"/>
        <source>Cannot explain %1: %2</source>
        <translation>Αδυναμία εξήγησης του %1: %2</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1110"/>
        <source>Terminate Workload</source>
        <translation>Τερματισμός φορτίου εργασίας</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1111"/>
        <source>Terminate every deployment of %1?</source>
        <translation>Τερματισμός όλων των αναπτύξεων του %1;</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1114"/>
        <source>Terminate</source>
        <translation>Τερματισμός</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1119"/>
        <source>Terminating %1.</source>
        <translation>Τερματισμός του %1 σε εξέλιξη.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1120"/>
        <source>Terminate %1 failed: %2</source>
        <translation>Ο τερματισμός του %1 απέτυχε: %2</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1137"/>
        <source>Pin %1</source>
        <translation>Καρφίτσωμα του %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1138"/>
        <source>Move %1 (now on %2) to node:</source>
        <translation>Μετακίνηση του %1 (τώρα στον %2) στον κόμβο:</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1141"/>
        <source>Pin</source>
        <translation>Καρφίτσωμα</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1154"/>
        <source>%1 already runs on %2.</source>
        <translation>Το %1 εκτελείται ήδη στον %2.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1161"/>
        <source>Pinning %1 to %2…</source>
        <translation>Καρφίτσωμα του %1 στον %2…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1166"/>
        <source>%1 is moving to %2.</source>
        <translation>Το %1 μετακινείται στον %2.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1167"/>
        <source>Pin %1 to %2 failed: %3</source>
        <translation>Το καρφίτσωμα του %1 στον %2 απέτυχε: %3</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1195"/>
        <source>Node Cannot Take It</source>
        <translation>Ο κόμβος δεν επαρκεί</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1196"/>
        <source>%1 does not fit on %2: %3</source>
        <translation>Το %1 δεν χωράει στον %2: %3</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1200"/>
        <source>Pin Anyway</source>
        <translation>Καρφίτσωμα παρ’ όλα αυτά</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1214"/>
        <source>Computing re-optimisation…</source>
        <translation>Υπολογισμός επαναβελτιστοποίησης…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1217"/>
        <location filename="../app/MainWindow.cpp" line="1241"/>
        <source>Re-optimisation failed: %1</source>
        <translation>Η επαναβελτιστοποίηση απέτυχε: %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1221"/>
        <source>Nothing to improve: no deployment would move.</source>
        <translation>Τίποτα προς βελτίωση: καμία ανάπτυξη δεν θα μετακινούνταν.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1226"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1227"/>
        <source>nowhere</source>
        <translation>πουθενά</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1228"/>
        <source>Re-optimise</source>
        <translation>Επαναβελτιστοποίηση</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1229"/>
        <source>%n deployment(s) would move.</source>
        <translation>
            <numerusform>%n ανάπτυξη θα μετακινούνταν.</numerusform>
            <numerusform>%n αναπτύξεις θα μετακινούνταν.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1234"/>
        <source>Apply Moves</source>
        <translation>Εφαρμογή μετακινήσεων</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/MainWindow.cpp" line="1240"/>
        <source>Re-optimisation started: %n move(s).</source>
        <translation>
            <numerusform>Η επαναβελτιστοποίηση ξεκίνησε: %n μετακίνηση.</numerusform>
            <numerusform>Η επαναβελτιστοποίηση ξεκίνησε: %n μετακινήσεις.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1254"/>
        <source>What-if mode: right-click the topology to try changes. Nothing is applied.</source>
        <translation>Λειτουργία υποθετικών σεναρίων: κάντε δεξί κλικ στην τοπολογία για να δοκιμάσετε αλλαγές. Τίποτα δεν εφαρμόζεται.</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1275"/>
        <source>What if %1 is drained</source>
        <translation>Τι θα γίνει αν εκκενωθεί ο %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1276"/>
        <source>What if %1 fails</source>
        <translation>Τι θα γίνει αν αποτύχει ο %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1277"/>
        <source>Add Load on %1…</source>
        <translation>Προσθήκη φόρτου στον %1…</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1279"/>
        <source>Add Load</source>
        <translation>Προσθήκη φόρτου</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1279"/>
        <source>Extra CPU on %1 (cores):</source>
        <translation>Επιπλέον CPU στον %1 (πυρήνες):</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1290"/>
        <source>What if link %1 fails</source>
        <translation>Τι θα γίνει αν αποτύχει η σύνδεση %1</translation>
    </message>
    <message>
        <location filename="../app/MainWindow.cpp" line="1292"/>
        <source>What if site %1 fails</source>
        <translation>Τι θα γίνει αν αποτύχει η τοποθεσία %1</translation>
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
    <name>Continuo::Gui::NetworkPane</name>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="74"/>
        <source>&amp;New Connection…</source>
        <translation>&amp;Νέα σύνδεση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="75"/>
        <source>&amp;Edit Connection…</source>
        <translation>&amp;Επεξεργασία σύνδεσης…</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="76"/>
        <source>&amp;Remove Connection…</source>
        <translation>&amp;Αφαίρεση σύνδεσης…</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="77"/>
        <source>Reroute &amp;Avoiding…</source>
        <translation>Επαναδρομολόγηση &amp;παρακάμπτοντας…</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="78"/>
        <source>Re&amp;store Path</source>
        <translation>Επανα&amp;φορά διαδρομής</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="79"/>
        <source>New &amp;SLA Rule</source>
        <translation>Νέος κανόνας &amp;SLA</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="80"/>
        <source>Remove SLA R&amp;ule</source>
        <translation>Αφαίρεση &amp;κανόνα SLA</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="86"/>
        <source>Re&amp;route on violation</source>
        <translation>Επανα&amp;δρομολόγηση σε παραβίαση</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="87"/>
        <source>E&amp;nabled</source>
        <translation>Ε&amp;νεργός</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="89"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="607"/>
        <source>Sa&amp;ve Rule</source>
        <translation>Απο&amp;θήκευση κανόνα</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="107"/>
        <source>Connect two hosts or pods through the fabric</source>
        <translation>Σύνδεση δύο υπολογιστών ή pod μέσω του fabric</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="108"/>
        <source>Change the selected connection</source>
        <translation>Αλλαγή της επιλεγμένης σύνδεσης</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="109"/>
        <source>Remove the selected connection and its entries</source>
        <translation>Αφαίρεση της επιλεγμένης σύνδεσης και των καταχωρίσεών της</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="110"/>
        <source>Move the selected connection off a switch</source>
        <translation>Μετακίνηση της επιλεγμένης σύνδεσης εκτός ενός μεταγωγέα</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="111"/>
        <source>Move the selected connection back to its own path</source>
        <translation>Επαναφορά της επιλεγμένης σύνδεσης στη δική της διαδρομή</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="112"/>
        <source>Start a new SLA rule in the editor</source>
        <translation>Έναρξη νέου κανόνα SLA στον επεξεργαστή</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="113"/>
        <source>Remove the selected SLA rule</source>
        <translation>Αφαίρεση του επιλεγμένου κανόνα SLA</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="163"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="167"/>
        <location filename="../app/widgets/NetworkPane.cpp" line="171"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="164"/>
        <source>Hop latency on any switch of the flow above this violates</source>
        <translation>Καθυστέρηση άλματος σε οποιονδήποτε μεταγωγέα της ροής πάνω από αυτή την τιμή αποτελεί παραβίαση</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="168"/>
        <source>How long the violation must last (0: the first violating postcard)</source>
        <translation>Πόσο πρέπει να διαρκεί η παραβίαση (0: το πρώτο postcard με παραβίαση)</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="172"/>
        <source>Averaging window of the average metric</source>
        <translation>Παράθυρο υπολογισμού του μέσου όρου για τη μετρική μέσου όρου</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="190"/>
        <source>SLA Rule</source>
        <translation>Κανόνας SLA</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="192"/>
        <source>&amp;Connection:</source>
        <translation>&amp;Σύνδεση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="193"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Μετρική:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="194"/>
        <source>&amp;Threshold:</source>
        <translation>&amp;Κατώφλι:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="195"/>
        <source>&amp;Persistence:</source>
        <translation>Δ&amp;ιάρκεια:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="196"/>
        <source>&amp;Window:</source>
        <translation>&amp;Παράθυρο:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="213"/>
        <source>&amp;Connections</source>
        <translation>&amp;Συνδέσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="214"/>
        <source>SLA R&amp;ules</source>
        <translation>Κανόνες S&amp;LA</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="215"/>
        <source>Reroute &amp;History</source>
        <translation>Ιστορικό &amp;επαναδρομολογήσεων</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="319"/>
        <source>%1 (flow %2)</source>
        <translation>%1 (ροή %2)</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="334"/>
        <source>Cannot list the connections: %1</source>
        <translation>Αδυναμία λήψης της λίστας συνδέσεων: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="363"/>
        <source>Cannot list the SLA rules: %1</source>
        <translation>Αδυναμία λήψης της λίστας κανόνων SLA: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="445"/>
        <source>Flow %1 — %2</source>
        <translation>Ροή %1 — %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="476"/>
        <source>Connection %1 uses %2.</source>
        <translation>Η σύνδεση %1 χρησιμοποιεί %2.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="495"/>
        <source>Telemetry on for %1.</source>
        <translation>Τηλεμετρία ενεργή για %1.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="495"/>
        <source>Telemetry off for %1.</source>
        <translation>Τηλεμετρία ανενεργή για %1.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="497"/>
        <source>Cannot turn telemetry %1 for %2: %3</source>
        <translation>Αδυναμία %1 της τηλεμετρίας για %2: %3</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="498"/>
        <source>on</source>
        <translation>ενεργοποίησης</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="498"/>
        <source>off</source>
        <translation>απενεργοποίησης</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="512"/>
        <source>Reroute %1</source>
        <translation>Επαναδρομολόγηση %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="513"/>
        <source>Move the connection off switch:</source>
        <translation>Μετακίνηση της σύνδεσης εκτός του μεταγωγέα:</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="515"/>
        <source>Reroute</source>
        <translation>Επαναδρομολόγηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="530"/>
        <source>Cannot reroute %1: %2</source>
        <translation>Αδυναμία επαναδρομολόγησης του %1: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="534"/>
        <source>%1 is back on %2.</source>
        <translation>Το %1 επέστρεψε στο %2.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="535"/>
        <source>%1 now avoids %2: %3.</source>
        <translation>Το %1 παρακάμπτει τώρα το %2: %3.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="549"/>
        <source>Remove Connection</source>
        <translation>Αφαίρεση σύνδεσης</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="550"/>
        <source>Remove %1 and delete its entries from every switch of its path?</source>
        <translation>Αφαίρεση του %1 και διαγραφή των καταχωρίσεών του από κάθε μεταγωγέα της διαδρομής του;</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="555"/>
        <source>Remove</source>
        <translation>Αφαίρεση</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="565"/>
        <source>Connection %1 removed.</source>
        <translation>Η σύνδεση %1 αφαιρέθηκε.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="566"/>
        <source>Cannot remove %1: %2</source>
        <translation>Αδυναμία αφαίρεσης του %1: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="607"/>
        <source>Cre&amp;ate Rule</source>
        <translation>Δημιουρ&amp;γία κανόνα</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="627"/>
        <source>The rule is refused: %1</source>
        <translation>Ο κανόνας απορρίπτεται: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="628"/>
        <source>Cannot save the SLA rule: %1</source>
        <translation>Αδυναμία αποθήκευσης του κανόνα SLA: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="631"/>
        <source>SLA rule saved: %1 above %2 ms on %3.</source>
        <translation>Ο κανόνας SLA αποθηκεύτηκε: %1 πάνω από %2 ms στο %3.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="646"/>
        <source>SLA rule %1 removed.</source>
        <translation>Ο κανόνας SLA %1 αφαιρέθηκε.</translation>
    </message>
    <message>
        <location filename="../app/widgets/NetworkPane.cpp" line="647"/>
        <source>Cannot remove the SLA rule %1: %2</source>
        <translation>Αδυναμία αφαίρεσης του κανόνα SLA %1: %2</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4EntryForm</name>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="48"/>
        <source>&amp;Priority:</source>
        <translation>Προτε&amp;ραιότητα:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="59"/>
        <source>What an entry that matches does</source>
        <translation>Τι κάνει μια καταχώριση που ταιριάζει</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="66"/>
        <source>Higher wins when several ternary or range entries match</source>
        <translation>Η μεγαλύτερη υπερισχύει όταν ταιριάζουν πολλές καταχωρίσεις ternary ή range</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="70"/>
        <source>Why this entry exists (not sent to the switch)</source>
        <translation>Γιατί υπάρχει αυτή η καταχώριση (δεν αποστέλλεται στον μεταγωγέα)</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="75"/>
        <source>&amp;Action:</source>
        <translation>&amp;Ενέργεια:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="77"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Σημείωση:</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="145"/>
        <source>%1: %2 match, %n bit(s)</source>
        <translation>
            <numerusform>%1: αντιστοίχιση %2, %n bit</numerusform>
            <numerusform>%1: αντιστοίχιση %2, %n bit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="164"/>
        <location filename="../app/widgets/P4EntryForm.cpp" line="175"/>
        <source>empty: any</source>
        <translation>κενό: οποιοδήποτε</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="170"/>
        <source> prefix length</source>
        <translation> μήκος προθέματος</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="176"/>
        <source>mask</source>
        <translation>μάσκα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="177"/>
        <source>empty: %1</source>
        <translation>κενό: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="180"/>
        <source>low (empty: any)</source>
        <translation>χαμηλό (κενό: οποιοδήποτε)</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="182"/>
        <source>high</source>
        <translation>υψηλό</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="187"/>
        <source>any</source>
        <translation>οποιοδήποτε</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="238"/>
        <source>%n bit(s)</source>
        <translation>
            <numerusform>%n bit</numerusform>
            <numerusform>%n bit</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="337"/>
        <source>a value is required (exact match)</source>
        <translation>απαιτείται τιμή (ακριβής αντιστοίχιση)</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="350"/>
        <source>a mask needs a value</source>
        <translation>η μάσκα χρειάζεται τιμή</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="359"/>
        <source>a range needs both a low and a high bound</source>
        <translation>το εύρος χρειάζεται κάτω και άνω όριο</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="368"/>
        <source>a value is required (or tick &quot;any&quot;)</source>
        <translation>απαιτείται τιμή (ή επιλέξτε &quot;οποιοδήποτε&quot;)</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="428"/>
        <source>This table has no action an entry may use.</source>
        <translation>Αυτός ο πίνακας δεν έχει ενέργεια που μπορεί να χρησιμοποιήσει μια καταχώριση.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="433"/>
        <source>a value is required</source>
        <translation>απαιτείται τιμή</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="490"/>
        <source>No table chosen.</source>
        <translation>Δεν επιλέχθηκε πίνακας.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="492"/>
        <source>The entry is not valid.</source>
        <translation>Η καταχώριση δεν είναι έγκυρη.</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4EntryModel</name>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="263"/>
        <source>pending insert</source>
        <translation>εκκρεμής εισαγωγή</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="265"/>
        <source>pending modify</source>
        <translation>εκκρεμής τροποποίηση</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="267"/>
        <source>pending delete</source>
        <translation>εκκρεμής διαγραφή</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="273"/>
        <source>installed</source>
        <translation>εγκατεστημένη</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="275"/>
        <source>desired, not installed</source>
        <translation>επιθυμητή, μη εγκατεστημένη</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="277"/>
        <source>installed, not desired</source>
        <translation>εγκατεστημένη, μη επιθυμητή</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="278"/>
        <source>unknown</source>
        <translation>άγνωστη</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="337"/>
        <source>%1 (default)</source>
        <translation>%1 (προεπιλογή)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/models/P4EntryModel.cpp" line="365"/>
        <source>%1 (%2, %n bit(s))</source>
        <translation>
            <numerusform>%1 (%2, %n bit)</numerusform>
            <numerusform>%1 (%2, %n bit)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="371"/>
        <source>Action</source>
        <translation>Ενέργεια</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="373"/>
        <source>Parameters</source>
        <translation>Παράμετροι</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="375"/>
        <source>Priority</source>
        <translation>Προτεραιότητα</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="377"/>
        <source>Packets</source>
        <translation>Πακέτα</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="379"/>
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="381"/>
        <source>State</source>
        <translation>Κατάσταση</translation>
    </message>
    <message>
        <location filename="../app/models/P4EntryModel.cpp" line="383"/>
        <source>Note</source>
        <translation>Σημείωση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::P4RuleEditor</name>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="42"/>
        <source>&amp;Stage Entry</source>
        <translation>&amp;Προσθήκη καταχώρισης</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="43"/>
        <source>&amp;New</source>
        <translation>&amp;Νέα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="44"/>
        <source>D&amp;iff</source>
        <translation>&amp;Διαφορές</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="45"/>
        <source>A&amp;pply</source>
        <translation>Ε&amp;φαρμογή</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="47"/>
        <source>Dry-&amp;run Packet</source>
        <translation>Δοκιμή π&amp;ακέτου</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="49"/>
        <source>&amp;New Entry</source>
        <translation>&amp;Νέα καταχώριση</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="50"/>
        <source>&amp;Edit Entry</source>
        <translation>&amp;Επεξεργασία καταχώρισης</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="51"/>
        <source>&amp;Delete Entry</source>
        <translation>&amp;Διαγραφή καταχώρισης</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="52"/>
        <source>Di&amp;scard Pending Changes</source>
        <translation>Α&amp;πόρριψη εκκρεμών αλλαγών</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="53"/>
        <source>Refresh &amp;Counters</source>
        <translation>Ανανέωση &amp;μετρητών</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="54"/>
        <source>&amp;Apply P4 Entries</source>
        <translation>Ε&amp;φαρμογή καταχωρίσεων P4</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="55"/>
        <source>&amp;Diff P4 Entries</source>
        <translation>Δ&amp;ιαφορές καταχωρίσεων P4</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="64"/>
        <source>Switch whose entries to show</source>
        <translation>Μεταγωγέας του οποίου εμφανίζονται οι καταχωρίσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="67"/>
        <source>Table of the switch&apos;s program</source>
        <translation>Πίνακας του προγράμματος του μεταγωγέα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="70"/>
        <source>Filter entries</source>
        <translation>Φιλτράρισμα καταχωρίσεων</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="98"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="99"/>
        <source>Start a new entry in the form</source>
        <translation>Έναρξη νέας καταχώρισης στη φόρμα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="100"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="101"/>
        <source>Load the selected entry into the form</source>
        <translation>Φόρτωση της επιλεγμένης καταχώρισης στη φόρμα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="103"/>
        <source>Stage the deletion of the selected entry</source>
        <translation>Προσθήκη της διαγραφής της επιλεγμένης καταχώρισης στις εκκρεμείς αλλαγές</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="104"/>
        <source>Forget every staged change</source>
        <translation>Απόρριψη κάθε εκκρεμούς αλλαγής</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="105"/>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="106"/>
        <source>Read the entries&apos; counters from the switch now</source>
        <translation>Ανάγνωση των μετρητών των καταχωρίσεων από τον μεταγωγέα τώρα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="108"/>
        <source>Write the pending changes to the switch</source>
        <translation>Εγγραφή των εκκρεμών αλλαγών στον μεταγωγέα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="110"/>
        <source>What the pending changes would insert, modify and delete</source>
        <translation>Τι θα εισήγαγαν, θα τροποποιούσαν και θα διέγραφαν οι εκκρεμείς αλλαγές</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="124"/>
        <source>Add the entry in the form to the pending changes</source>
        <translation>Προσθήκη της καταχώρισης της φόρμας στις εκκρεμείς αλλαγές</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="131"/>
        <source>Which entry this packet would hit, with the pending changes applied</source>
        <translation>Ποια καταχώριση θα ταίριαζε σε αυτό το πακέτο, με εφαρμοσμένες τις εκκρεμείς αλλαγές</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="138"/>
        <source>in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 dport=80</source>
        <translation>in_port=1 ip_src=10.0.0.1 ip_dst=10.0.0.2 proto=6 dport=80</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="145"/>
        <source>Diff, apply and packet dry-run results appear here.</source>
        <translation>Τα αποτελέσματα διαφορών, εφαρμογής και δοκιμής πακέτων εμφανίζονται εδώ.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="156"/>
        <source>S&amp;witch:</source>
        <translation>&amp;Μεταγωγέας:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="158"/>
        <source>&amp;Table:</source>
        <translation>Πί&amp;νακας:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="186"/>
        <source>Entry</source>
        <translation>Καταχώριση</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="201"/>
        <source>Pac&amp;ket:</source>
        <translation>Πα&amp;κέτο:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="291"/>
        <source>Cannot list the switches: %1</source>
        <translation>Αδυναμία λήψης της λίστας μεταγωγέων: %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="301"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="302"/>
        <source>%1 — disconnected</source>
        <translation>%1 — αποσυνδεδεμένος</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="303"/>
        <source>%1 runs %2; %3 desired, %4 installed entries</source>
        <translation>Ο %1 εκτελεί το %2· %3 επιθυμητές, %4 εγκατεστημένες καταχωρίσεις</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="304"/>
        <source>no program</source>
        <translation>κανένα πρόγραμμα</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="306"/>
        <source>unknown</source>
        <translation>άγνωστες</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="315"/>
        <source>No P4 switch is known.</source>
        <translation>Δεν είναι γνωστός κανένας μεταγωγέας P4.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="336"/>
        <source>Cannot read the program of %1: %2</source>
        <translation>Αδυναμία ανάγνωσης του προγράμματος του %1: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="377"/>
        <source>Cannot read the entries of %1: %2</source>
        <translation>Αδυναμία ανάγνωσης των καταχωρίσεων του %1: %2</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="469"/>
        <source>The entry cannot be staged:
%1</source>
        <translation>Η καταχώριση δεν μπορεί να προστεθεί στις εκκρεμείς αλλαγές:
%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="504"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n καταχώριση</numerusform>
            <numerusform>%n καταχωρίσεις</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="505"/>
        <source>, %n pending change(s)</source>
        <translation>
            <numerusform>, %n εκκρεμής αλλαγή</numerusform>
            <numerusform>, %n εκκρεμείς αλλαγές</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="523"/>
        <source>Computing the diff…</source>
        <translation>Υπολογισμός των διαφορών…</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="528"/>
        <source>The entries of %1 on %2 are refused:
%3</source>
        <translation>Οι καταχωρίσεις του %1 στον %2 απορρίπτονται:
%3</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="533"/>
        <source>%1 on %2: %3 to insert, %4 to modify, %5 to delete, %6 unchanged.</source>
        <translation>%1 στον %2: %3 για εισαγωγή, %4 για τροποποίηση, %5 για διαγραφή, %6 αμετάβλητες.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="550"/>
        <source>Insert:</source>
        <translation>Εισαγωγή:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="551"/>
        <source>Modify:</source>
        <translation>Τροποποίηση:</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="552"/>
        <source>Delete:</source>
        <translation>Διαγραφή:</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4RuleEditor.cpp" line="554"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… και %n ακόμη</numerusform>
            <numerusform>… και %n ακόμη</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="556"/>
        <source>Nothing to change: the switch already has these entries.</source>
        <translation>Τίποτα προς αλλαγή: ο μεταγωγέας έχει ήδη αυτές τις καταχωρίσεις.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="571"/>
        <source>Writing the entries of %1 to %2…</source>
        <translation>Εγγραφή των καταχωρίσεων του %1 στον %2…</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="577"/>
        <source>Writing %1 on %2 failed: %3</source>
        <translation>Η εγγραφή του %1 στον %2 απέτυχε: %3</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="584"/>
        <source>%1 on %2: %3 inserted, %4 modified, %5 deleted in %6 ms.</source>
        <translation>%1 στον %2: %3 εισήχθησαν, %4 τροποποιήθηκαν, %5 διαγράφηκαν σε %6 ms.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="591"/>
        <source>The write failed and the switch was restored.</source>
        <translation>Η εγγραφή απέτυχε και ο μεταγωγέας επανήλθε στην προηγούμενη κατάσταση.</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="609"/>
        <source>Evaluating the packet…</source>
        <translation>Αξιολόγηση του πακέτου…</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4RuleEditor.cpp" line="612"/>
        <source>The packet cannot be evaluated on %1: %2</source>
        <translation>Το πακέτο δεν μπορεί να αξιολογηθεί στον %1: %2</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PhaseChart</name>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="24"/>
        <source>Instantiation phases</source>
        <translation>Φάσεις δημιουργίας</translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="101"/>
        <source>Select a virtual machine or job that a backend started to see how long each phase took.</source>
        <translation>Επιλέξτε μια εικονική μηχανή ή εργασία που ξεκίνησε ένα σύστημα υποδομής για να δείτε πόσο κράτησε κάθε φάση.</translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="129"/>
        <source>milliseconds</source>
        <translation>χιλιοστά δευτερολέπτου</translation>
    </message>
    <message>
        <location filename="../app/widgets/PhaseChart.cpp" line="139"/>
        <source>%1: %2 in all (%3)</source>
        <translation>%1: %2 συνολικά (%3)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::PlacementDialog</name>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="78"/>
        <source>&amp;Dry Run</source>
        <translation>Δοκιμαστική &amp;εκτέλεση</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="79"/>
        <source>&amp;Submit</source>
        <translation>&amp;Υποβολή</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="82"/>
        <source>Place Workload</source>
        <translation>Τοποθέτηση φορτίου εργασίας</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="85"/>
        <source>Form</source>
        <translation>Φόρμα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="88"/>
        <source>Intents in Continuo&apos;s YAML format, or Kubernetes manifests</source>
        <translation>Προθέσεις στη μορφή YAML του Continuo ή manifests του Kubernetes</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="90"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="108"/>
        <source>Explain where it would go, without placing anything</source>
        <translation>Εξήγηση του πού θα τοποθετούνταν, χωρίς να τοποθετηθεί τίποτα</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="144"/>
        <source>(default: container)</source>
        <translation>(προεπιλογή: κοντέινερ)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="149"/>
        <source>registry/image:tag, disk image, kernel or job script</source>
        <translation>registry/image:tag, εικόνα δίσκου, πυρήνας ή σενάριο εργασίας</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="153"/>
        <source>no spread</source>
        <translation>χωρίς διασπορά</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="159"/>
        <source> cores</source>
        <translation> πυρήνες</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="162"/>
        <source>e.g. 4GiB</source>
        <translation>π.χ. 4GiB</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="164"/>
        <source>e.g. 10GiB</source>
        <translation>π.χ. 10GiB</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="169"/>
        <source>part of the model name, e.g. A100</source>
        <translation>τμήμα του ονόματος μοντέλου, π.χ. A100</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="173"/>
        <source>e.g. U280</source>
        <translation>π.χ. U280</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="174"/>
        <source>Accelerators through vAccel</source>
        <translation>Επιταχυντές μέσω vAccel</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="179"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="182"/>
        <source>any</source>
        <translation>οποιοδήποτε</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="186"/>
        <source>key=value, key=value</source>
        <translation>κλειδί=τιμή, κλειδί=τιμή</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="189"/>
        <source>free_memory &gt; 8GiB and gpu.model = A100</source>
        <translation>free_memory &gt; 8GiB and gpu.model = A100</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="193"/>
        <source>no bound</source>
        <translation>χωρίς όριο</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="196"/>
        <source>none</source>
        <translation>καμία</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="202"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="208"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="214"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="220"/>
        <source>Slurm partition</source>
        <translation>Διαμέριση Slurm</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="222"/>
        <source>e.g. 2h, 01:30:00</source>
        <translation>π.χ. 2h, 01:30:00</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="224"/>
        <source>workloads with the same group land together</source>
        <translation>τα φορτία εργασίας της ίδιας ομάδας τοποθετούνται μαζί</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="232"/>
        <source>(default: multi-objective)</source>
        <translation>(προεπιλογή: πολυκριτηριακή)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="236"/>
        <source>Workload</source>
        <translation>Φορτίο εργασίας</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="238"/>
        <source>&amp;Name:</source>
        <translation>Ό&amp;νομα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="239"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Είδος:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="240"/>
        <source>&amp;Image:</source>
        <translation>Ει&amp;κόνα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="241"/>
        <source>&amp;Replicas:</source>
        <translation>&amp;Αντίγραφα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="242"/>
        <source>S&amp;pread:</source>
        <translation>Δ&amp;ιασπορά:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="243"/>
        <source>&amp;Group:</source>
        <translation>&amp;Ομάδα:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="245"/>
        <source>Resources</source>
        <translation>Πόροι</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="247"/>
        <source>&amp;CPU:</source>
        <translation>&amp;CPU:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="248"/>
        <source>&amp;Memory:</source>
        <translation>&amp;Μνήμη:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="249"/>
        <source>&amp;Disk:</source>
        <translation>&amp;Δίσκος:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="250"/>
        <source>GP&amp;Us:</source>
        <translation>GP&amp;U:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="251"/>
        <source>GPU model:</source>
        <translation>Μοντέλο GPU:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="252"/>
        <source>&amp;FPGAs:</source>
        <translation>&amp;FPGA:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="253"/>
        <source>FPGA model:</source>
        <translation>Μοντέλο FPGA:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="256"/>
        <source>Constraints</source>
        <translation>Περιορισμοί</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="258"/>
        <source>&amp;Architecture:</source>
        <translation>Αρ&amp;χιτεκτονική:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="259"/>
        <source>Security &amp;tier:</source>
        <translation>Επίπεδο α&amp;σφάλειας:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="260"/>
        <source>I&amp;solation:</source>
        <translation>Α&amp;πομόνωση:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="261"/>
        <source>Node &amp;selector:</source>
        <translation>Επι&amp;λογέας κόμβων:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="262"/>
        <source>&amp;Where:</source>
        <translation>Συν&amp;θήκη:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="263"/>
        <source>Max &amp;latency to:</source>
        <translation>Μέγ. καθ&amp;υστέρηση προς:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="264"/>
        <source>Data &amp;location:</source>
        <translation>Θέσ&amp;η δεδομένων:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="265"/>
        <source>Partition (HPC):</source>
        <translation>Διαμέριση (HPC):</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="266"/>
        <source>Wall time (HPC):</source>
        <translation>Χρονικό όριο (HPC):</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="268"/>
        <source>Objectives</source>
        <translation>Στόχοι</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="270"/>
        <source>Latency:</source>
        <translation>Καθυστέρηση:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="271"/>
        <source>Execution time:</source>
        <translation>Χρόνος εκτέλεσης:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="272"/>
        <source>Energy:</source>
        <translation>Ενέργεια:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="273"/>
        <source>Cost:</source>
        <translation>Κόστος:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="274"/>
        <source>Balance:</source>
        <translation>Εξισορρόπηση:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="275"/>
        <source>S&amp;trategy:</source>
        <translation>Σ&amp;τρατηγική:</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="345"/>
        <source>Name: a workload needs a name.</source>
        <translation>Όνομα: ένα φορτίο εργασίας χρειάζεται όνομα.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="356"/>
        <source>Memory: %1</source>
        <translation>Μνήμη: %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="363"/>
        <source>Disk: %1</source>
        <translation>Δίσκος: %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="379"/>
        <source>Node selector: &apos;%1&apos; is not key=value.</source>
        <translation>Επιλογέας κόμβων: το &apos;%1&apos; δεν είναι της μορφής κλειδί=τιμή.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="393"/>
        <source>Max latency: give the bound to %1 in milliseconds.</source>
        <translation>Μέγ. καθυστέρηση: δώστε το όριο προς %1 σε χιλιοστά του δευτερολέπτου.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="408"/>
        <source>Wall time: %1</source>
        <translation>Χρονικό όριο: %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="425"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="491"/>
        <source>YAML: %1</source>
        <translation>YAML: %1</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="427"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="491"/>
        <source>YAML: no intents found.</source>
        <translation>YAML: δεν βρέθηκαν προθέσεις.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="496"/>
        <source>The YAML holds %1 intents; the form shows the first. Submit from the YAML tab to send them all.</source>
        <translation>Το YAML περιέχει %1 προθέσεις· η φόρμα δείχνει την πρώτη. Υποβάλετε από την καρτέλα YAML για να σταλούν όλες.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="516"/>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="553"/>
        <source>Not connected.</source>
        <translation>Χωρίς σύνδεση.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="522"/>
        <source>Explaining…</source>
        <translation>Εξήγηση…</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="532"/>
        <source>The engine returned no explanation.</source>
        <translation>Η μηχανή δεν επέστρεψε εξήγηση.</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="537"/>
        <source>%1 (and %2 more)</source>
        <translation>%1 (και %2 ακόμη)</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="570"/>
        <source>Refused</source>
        <translation>Απορρίφθηκε</translation>
    </message>
    <message>
        <location filename="../app/dialogs/PlacementDialog.cpp" line="571"/>
        <source>Some intents could not be placed: %1</source>
        <translation>Ορισμένες προθέσεις δεν μπόρεσαν να τοποθετηθούν: %1</translation>
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
    <name>Continuo::Gui::RerouteModel</name>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="51"/>
        <source>%1  →  %2</source>
        <translation>%1  →  %2</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="58"/>
        <source>manual</source>
        <translation>χειροκίνητη</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="59"/>
        <source>%1 ms &gt; %2 ms</source>
        <translation>%1 ms &gt; %2 ms</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="61"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="74"/>
        <source>Time</source>
        <translation>Ώρα</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="76"/>
        <source>Flow</source>
        <translation>Ροή</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="78"/>
        <source>From → To</source>
        <translation>Από → Προς</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="80"/>
        <source>Avoided</source>
        <translation>Παρακάμφθηκε</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="82"/>
        <source>Violation</source>
        <translation>Παραβίαση</translation>
    </message>
    <message>
        <location filename="../app/models/RerouteModel.cpp" line="84"/>
        <source>Reaction</source>
        <translation>Αντίδραση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::ResourceSearchBox</name>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="22"/>
        <source>find: free_memory &gt; 8GiB and gpu.model = A100</source>
        <translation>εύρεση: free_memory &gt; 8GiB and gpu.model = A100</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="25"/>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="119"/>
        <source>Find nodes with a resource query; Enter runs it, choosing a match selects the node</source>
        <translation>Εύρεση κόμβων με ερώτημα πόρων· το Enter το εκτελεί, η επιλογή αποτελέσματος επιλέγει τον κόμβο</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="95"/>
        <source>Not connected.</source>
        <translation>Χωρίς σύνδεση.</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Node</source>
        <translation>Κόμβος</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Cluster</source>
        <translation>Συστοιχία</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Site</source>
        <translation>Τοποθεσία</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="138"/>
        <source>Age</source>
        <translation>Ηλικία</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="144"/>
        <source>live</source>
        <translation>ζωντανά</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="149"/>
        <source>answered by %1</source>
        <translation>απάντηση από %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="153"/>
        <source>No node matches.</source>
        <translation>Κανένας κόμβος δεν ταιριάζει.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="155"/>
        <source>First %n matching node(s); refine the query to see others.</source>
        <translation>
            <numerusform>Ο πρώτος %n κόμβος που ταιριάζει· περιορίστε το ερώτημα για να δείτε άλλους.</numerusform>
            <numerusform>Οι πρώτοι %n κόμβοι που ταιριάζουν· περιορίστε το ερώτημα για να δείτε άλλους.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/ResourceSearchBox.cpp" line="156"/>
        <source>%n matching node(s)</source>
        <translation>
            <numerusform>%n κόμβος ταιριάζει</numerusform>
            <numerusform>%n κόμβοι ταιριάζουν</numerusform>
        </translation>
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
    <name>Continuo::Gui::SlaRuleModel</name>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="47"/>
        <source>average latency</source>
        <translation>μέση καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="49"/>
        <source>maximum latency</source>
        <translation>μέγιστη καθυστέρηση</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="53"/>
        <source>unknown</source>
        <translation>άγνωστη</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="84"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="86"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="88"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="90"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="92"/>
        <source>yes</source>
        <translation>ναι</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="90"/>
        <location filename="../app/models/SlaRuleModel.cpp" line="92"/>
        <source>no</source>
        <translation>όχι</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="105"/>
        <source>Connection</source>
        <translation>Σύνδεση</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="107"/>
        <source>Metric</source>
        <translation>Μετρική</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="109"/>
        <source>Threshold</source>
        <translation>Κατώφλι</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="111"/>
        <source>Persistence</source>
        <translation>Διάρκεια</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="113"/>
        <source>Window</source>
        <translation>Παράθυρο</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="115"/>
        <source>Reroute</source>
        <translation>Επαναδρομολόγηση</translation>
    </message>
    <message>
        <location filename="../app/models/SlaRuleModel.cpp" line="117"/>
        <source>Enabled</source>
        <translation>Ενεργός</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::Topology</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="45"/>
        <source>cordoned</source>
        <translation>απομονωμένος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="47"/>
        <source>draining</source>
        <translation>σε εκκένωση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="49"/>
        <source>down</source>
        <translation>εκτός λειτουργίας</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="51"/>
        <source>not ready</source>
        <translation>μη έτοιμος</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="53"/>
        <source>maintenance</source>
        <translation>συντήρηση</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="145"/>
        <source>State: %1</source>
        <translation>Κατάσταση: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="148"/>
        <source>CPU: %1 %</source>
        <translation>CPU: %1 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="150"/>
        <source>GPUs: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="152"/>
        <source>FPGAs: %1</source>
        <translation>FPGA: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="154"/>
        <source>Jobs running: %1</source>
        <translation>Εργασίες σε εκτέλεση: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="156"/>
        <source>Virtual machines: %1</source>
        <translation>Εικονικές μηχανές: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="364"/>
        <source>EDGE</source>
        <translation>EDGE</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="367"/>
        <source>CLOUD</source>
        <translation>CLOUD</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="370"/>
        <source>HPC</source>
        <translation>HPC</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="373"/>
        <source>SITE</source>
        <translation>ΤΟΠΟΘΕΣΙΑ</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="607"/>
        <source>%1: latency estimated by network tomography (nothing measures this link)</source>
        <translation>%1: καθυστέρηση κατ’ εκτίμηση από τομογραφία δικτύου (τίποτα δεν μετρά αυτή τη σύνδεση)</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyLegend</name>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>Node CPU</source>
        <translation>CPU κόμβων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>50–90 %</source>
        <translation>50–90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <source>&gt; 90 %</source>
        <translation>&gt; 90 %</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="111"/>
        <location filename="../app/topology/TopologyView.cpp" line="116"/>
        <source>no data</source>
        <translation>χωρίς δεδομένα</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="112"/>
        <source>Link latency</source>
        <translation>Καθυστέρηση συνδέσεων</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="113"/>
        <source>≤ 1.5× nominal</source>
        <translation>≤ 1,5× ονομαστικής</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="114"/>
        <source>≤ 3×</source>
        <translation>≤ 3×</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="115"/>
        <source>&gt; 3×</source>
        <translation>&gt; 3×</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyView.cpp" line="117"/>
        <source>estimated</source>
        <translation>εκτίμηση</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::TopologyScene</name>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="627"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n κόμβος</numerusform>
            <numerusform>%n κόμβοι</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="629"/>
        <source>%n cluster(s)</source>
        <translation>
            <numerusform>%n συστοιχία</numerusform>
            <numerusform>%n συστοιχίες</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/topology/TopologyScene.cpp" line="631"/>
        <source>%n accelerator(s)</source>
        <translation>
            <numerusform>%n επιταχυντής</numerusform>
            <numerusform>%n επιταχυντές</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="661"/>
        <source>Unassigned nodes</source>
        <translation>Κόμβοι χωρίς τοποθεσία</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1000"/>
        <source>%1 is unavailable in this what-if</source>
        <translation>Ο %1 δεν είναι διαθέσιμος σε αυτό το υποθετικό σενάριο</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1009"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1017"/>
        <source>%1 would have nowhere to go: %2</source>
        <translation>Η ανάπτυξη %1 δεν θα είχε πού να μετακινηθεί: %2</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1090"/>
        <source>Path before the reroute: %1</source>
        <translation>Διαδρομή πριν από την επαναδρομολόγηση: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1091"/>
        <source>Backup path: %1</source>
        <translation>Εφεδρική διαδρομή: %1</translation>
    </message>
    <message>
        <location filename="../app/topology/TopologyScene.cpp" line="1091"/>
        <source>Path: %1</source>
        <translation>Διαδρομή: %1</translation>
    </message>
</context>
<context>
    <name>Continuo::Gui::WhatIfPanel</name>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="22"/>
        <source>Apply as Re-optimisation…</source>
        <translation>Εφαρμογή ως επαναβελτιστοποίηση…</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="26"/>
        <source>Right-click nodes, links or sites on the topology to add hypothetical changes. Nothing is applied.</source>
        <translation>Κάντε δεξί κλικ σε κόμβους, συνδέσεις ή τοποθεσίες στην τοπολογία για να προσθέσετε υποθετικές αλλαγές. Τίποτα δεν εφαρμόζεται.</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="33"/>
        <source>Evacuate the drained or failed nodes for real, as a re-optimisation</source>
        <translation>Πραγματική εκκένωση των κόμβων σε εκκένωση ή σε αποτυχία, ως επαναβελτιστοποίηση</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="44"/>
        <source>Clear</source>
        <translation>Απαλοιφή</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="86"/>
        <source>Drain node %1</source>
        <translation>Εκκένωση κόμβου %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="88"/>
        <source>Fail node %1</source>
        <translation>Αποτυχία κόμβου %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="90"/>
        <source>Fail link %1</source>
        <translation>Αποτυχία σύνδεσης %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="92"/>
        <source>Fail site %1</source>
        <translation>Αποτυχία τοποθεσίας %1</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="94"/>
        <source>Add %1 cores, %2 on %3</source>
        <translation>Προσθήκη %1 πυρήνων και %2 στον %3</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="143"/>
        <source>Remove this change</source>
        <translation>Αφαίρεση αυτής της αλλαγής</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="157"/>
        <source>No changes.</source>
        <translation>Καμία αλλαγή.</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="158"/>
        <source>%1 node(s) unavailable · %2 deployment(s) would move · %3 would have nowhere to go</source>
        <translation>Μη διαθέσιμοι κόμβοι: %1 · αναπτύξεις που θα μετακινούνταν: %2 · χωρίς προορισμό: %3</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="176"/>
        <source>Computing…</source>
        <translation>Υπολογισμός…</translation>
    </message>
    <message>
        <location filename="../app/widgets/WhatIfPanel.cpp" line="182"/>
        <source>What-if failed: %1</source>
        <translation>Το υποθετικό σενάριο απέτυχε: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/topology/TopologyItems.cpp" line="471"/>
        <source>%1 (%2)
INT hop latency %3 ms</source>
        <translation>%1 (%2)
καθυστέρηση άλματος INT %3 ms</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="31"/>
        <source>10.0.0.1 or 0x0a000001</source>
        <translation>10.0.0.1 ή 0x0a000001</translation>
    </message>
    <message>
        <location filename="../app/widgets/P4EntryForm.cpp" line="33"/>
        <source>aa:bb:cc:dd:ee:ff</source>
        <translation>aa:bb:cc:dd:ee:ff</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/widgets/P4EntryForm.cpp" line="34"/>
        <source>decimal, 0x hex or 0b binary (%n bit(s))</source>
        <translation>
            <numerusform>δεκαδικό, 0x δεκαεξαδικό ή 0b δυαδικό (%n bit)</numerusform>
            <numerusform>δεκαδικό, 0x δεκαεξαδικό ή 0b δυαδικό (%n bit)</numerusform>
        </translation>
    </message>
</context>
</TS>

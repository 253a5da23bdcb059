#include "dialogs/PlacementDialog.h"

#include "control/IControlPlane.h"
#include "orchestration/IntentYaml.h"
#include "widgets/ExplanationView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Continuo::Gui {

namespace {

template<typename Enum>
void addEnumItems(QComboBox *combo, const QString &noneText, std::initializer_list<Enum> values)
{
    combo->addItem(noneText, int(Enum::Unknown));
    for (Enum value : values)
        combo->addItem(toString(value), int(value));
}

template<typename Enum>
Enum comboEnum(const QComboBox *combo)
{
    return Enum(combo->currentData().toInt());
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

QSlider *weightSlider()
{
    auto *slider = new QSlider(Qt::Horizontal);
    slider->setRange(0, 100);
    slider->setTickPosition(QSlider::TicksBelow);
    slider->setTickInterval(25);
    return slider;
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value());
    return parts.join(QStringLiteral(", "));
}

} // namespace

PlacementDialog::PlacementDialog(IControlPlane *controlPlane, QWidget *parent)
    : QDialog(parent)
    , m_controlPlane(controlPlane)
    , m_tabs(new QTabWidget)
    , m_yaml(new QPlainTextEdit)
    , m_error(new QLabel)
    , m_explanation(new ExplanationView)
    , m_dryRunButton(new QPushButton(tr("&Dry Run")))
    , m_submitButton(new QPushButton(tr("&Submit")))
{
    setObjectName(QStringLiteral("placementDialog"));
    setWindowTitle(tr("Place Workload"));

    m_tabs->setObjectName(QStringLiteral("placementTabs"));
    m_tabs->addTab(createForm(), tr("Form"));
    m_yaml->setObjectName(QStringLiteral("placementYaml"));
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setPlaceholderText(tr("Intents in Continuo's YAML format, or Kubernetes manifests"));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_yaml, tr("YAML"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &PlacementDialog::onTabChanged);

    m_error->setObjectName(QStringLiteral("placementError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #f04a4a; }"));
    m_error->hide();
    connect(m_yaml, &QPlainTextEdit::textChanged, m_error, [this] {
        if (currentTab() == Tab::Yaml)
            m_error->hide();
    });

    m_explanation->setObjectName(QStringLiteral("placementExplanation"));
    m_explanation->hide();

    auto *buttons = new QDialogButtonBox;
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setToolTip(tr("Explain where it would go, without placing anything"));
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setDefault(true);
    buttons->addButton(m_dryRunButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_submitButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_dryRunButton, &QPushButton::clicked, this, &PlacementDialog::dryRun);
    connect(m_submitButton, &QPushButton::clicked, this, &PlacementDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_explanation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(1100, 760);

    Workload initial;
    initial.name = QStringLiteral("my-workload");
    initial.kind = WorkloadKind::Container;
    initial.request.cpuCores = 1.0;
    initial.request.memoryBytes = qint64(1) << 30;
    setWorkload(initial);
}

QWidget *PlacementDialog::createForm()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    addEnumItems<WorkloadKind>(m_kind, tr("(default: container)"),
                               {WorkloadKind::Container, WorkloadKind::VirtualMachine,
                                WorkloadKind::Unikernel, WorkloadKind::HpcJob,
                                WorkloadKind::AcceleratedKernel});
    m_image = new QLineEdit;
    m_image->setPlaceholderText(tr("registry/image:tag, disk image, kernel or job script"));
    m_replicas = new QSpinBox;
    m_replicas->setRange(1, 10000);
    m_spread = new QComboBox;
    addEnumItems<SpreadScope>(m_spread, tr("no spread"), {SpreadScope::Node, SpreadScope::Site, SpreadScope::Zone});

    m_cpu = new QDoubleSpinBox;
    m_cpu->setObjectName(QStringLiteral("cpuSpin"));
    m_cpu->setRange(0.0, 4096.0);
    m_cpu->setDecimals(3);
    m_cpu->setSuffix(tr(" cores"));
    m_memory = new QLineEdit;
    m_memory->setObjectName(QStringLiteral("memoryEdit"));
    m_memory->setPlaceholderText(tr("e.g. 4GiB"));
    m_disk = new QLineEdit;
    m_disk->setPlaceholderText(tr("e.g. 10GiB"));
    m_gpus = new QSpinBox;
    m_gpus->setObjectName(QStringLiteral("gpuSpin"));
    m_gpus->setRange(0, 64);
    m_gpuModel = new QLineEdit;
    m_gpuModel->setPlaceholderText(tr("part of the model name, e.g. A100"));
    m_fpgas = new QSpinBox;
    m_fpgas->setRange(0, 64);
    m_fpgaModel = new QLineEdit;
    m_fpgaModel->setPlaceholderText(tr("e.g. U280"));
    m_vaccel = new QCheckBox(tr("Accelerators through vAccel"));
    m_arch = new QComboBox;
    m_arch->setEditable(true);
    m_arch->addItems({QString(), QStringLiteral("x86_64"), QStringLiteral("aarch64"), QStringLiteral("riscv64")});
    m_tier = new QComboBox;
    addEnumItems<SecurityTier>(m_tier, tr("any"),
                               {SecurityTier::Standard, SecurityTier::Hardened, SecurityTier::Confidential});
    m_isolation = new QComboBox;
    addEnumItems<IsolationKind>(m_isolation, tr("any"),
                                {IsolationKind::Runc, IsolationKind::Kata, IsolationKind::KataVaccel,
                                 IsolationKind::Unikernel});
    m_nodeSelector = new QLineEdit;
    m_nodeSelector->setPlaceholderText(tr("key=value, key=value"));
    m_where = new QLineEdit;
    m_where->setObjectName(QStringLiteral("whereEdit"));
    m_where->setPlaceholderText(tr("free_memory > 8GiB and gpu.model = A100"));

    m_latencySite = new QComboBox;
    m_latencySite->setObjectName(QStringLiteral("latencySiteCombo"));
    m_latencySite->addItem(tr("no bound"), QString());
    m_dataLocation = new QComboBox;
    m_dataLocation->setObjectName(QStringLiteral("dataLocationCombo"));
    m_dataLocation->addItem(tr("none"), QString());
    if (m_controlPlane) {
        const Inventory &inventory = m_controlPlane->inventory();
        QList<Site> sites = inventory.all<Site>().values();
        std::sort(sites.begin(), sites.end(), [](const Site &a, const Site &b) { return a.id < b.id; });
        for (const Site &site : std::as_const(sites))
            m_latencySite->addItem(site.name.isEmpty() ? site.id : tr("%1 (%2)").arg(site.name, site.id), site.id);
        QList<StorageLocation> storage = inventory.all<StorageLocation>().values();
        std::sort(storage.begin(), storage.end(),
                  [](const StorageLocation &a, const StorageLocation &b) { return a.id < b.id; });
        for (const StorageLocation &location : std::as_const(storage))
            m_dataLocation->addItem(location.name.isEmpty() ? location.id
                                                            : tr("%1 (%2)").arg(location.name, location.id),
                                    location.id);
    }
    m_latencyMs = new QDoubleSpinBox;
    m_latencyMs->setRange(0.0, 10000.0);
    m_latencyMs->setDecimals(1);
    m_latencyMs->setSuffix(tr(" ms"));
    auto *latencyRow = new QHBoxLayout;
    latencyRow->addWidget(m_latencySite, 1);
    latencyRow->addWidget(m_latencyMs);

    m_partition = new QLineEdit;
    m_partition->setPlaceholderText(tr("Slurm partition"));
    m_walltime = new QLineEdit;
    m_walltime->setPlaceholderText(tr("e.g. 2h, 01:30:00"));
    m_group = new QLineEdit;
    m_group->setPlaceholderText(tr("workloads with the same group land together"));

    m_latencyWeight = weightSlider();
    m_executionWeight = weightSlider();
    m_energyWeight = weightSlider();
    m_costWeight = weightSlider();
    m_balanceWeight = weightSlider();
    m_strategy = new QComboBox;
    addEnumItems<PlacementStrategy>(m_strategy, tr("(default: multi-objective)"),
                                    {PlacementStrategy::MultiObjective, PlacementStrategy::FirstFit,
                                     PlacementStrategy::BestFitSecurity, PlacementStrategy::GreedyResource});

    auto *workloadBox = new QGroupBox(tr("Workload"));
    auto *workloadForm = new QFormLayout(workloadBox);
    workloadForm->addRow(tr("&Name:"), m_name);
    workloadForm->addRow(tr("&Kind:"), m_kind);
    workloadForm->addRow(tr("&Image:"), m_image);
    workloadForm->addRow(tr("&Replicas:"), m_replicas);
    workloadForm->addRow(tr("S&pread:"), m_spread);
    workloadForm->addRow(tr("&Group:"), m_group);

    auto *resourceBox = new QGroupBox(tr("Resources"));
    auto *resourceForm = new QFormLayout(resourceBox);
    resourceForm->addRow(tr("&CPU:"), m_cpu);
    resourceForm->addRow(tr("&Memory:"), m_memory);
    resourceForm->addRow(tr("&Disk:"), m_disk);
    resourceForm->addRow(tr("GP&Us:"), m_gpus);
    resourceForm->addRow(tr("GPU model:"), m_gpuModel);
    resourceForm->addRow(tr("&FPGAs:"), m_fpgas);
    resourceForm->addRow(tr("FPGA model:"), m_fpgaModel);
    resourceForm->addRow(QString(), m_vaccel);

    auto *constraintBox = new QGroupBox(tr("Constraints"));
    auto *constraintForm = new QFormLayout(constraintBox);
    constraintForm->addRow(tr("&Architecture:"), m_arch);
    constraintForm->addRow(tr("Security &tier:"), m_tier);
    constraintForm->addRow(tr("I&solation:"), m_isolation);
    constraintForm->addRow(tr("Node &selector:"), m_nodeSelector);
    constraintForm->addRow(tr("&Where:"), m_where);
    constraintForm->addRow(tr("Max &latency to:"), latencyRow);
    constraintForm->addRow(tr("Data &location:"), m_dataLocation);
    constraintForm->addRow(tr("Partition (HPC):"), m_partition);
    constraintForm->addRow(tr("Wall time (HPC):"), m_walltime);

    auto *objectiveBox = new QGroupBox(tr("Objectives"));
    auto *objectiveForm = new QFormLayout(objectiveBox);
    objectiveForm->addRow(tr("Latency:"), m_latencyWeight);
    objectiveForm->addRow(tr("Execution time:"), m_executionWeight);
    objectiveForm->addRow(tr("Energy:"), m_energyWeight);
    objectiveForm->addRow(tr("Cost:"), m_costWeight);
    objectiveForm->addRow(tr("Balance:"), m_balanceWeight);
    objectiveForm->addRow(tr("S&trategy:"), m_strategy);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(workloadBox);
    layout->addWidget(resourceBox);
    layout->addWidget(constraintBox);
    layout->addWidget(objectiveBox);
    layout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("placementForm"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    return scroll;
}

void PlacementDialog::setWorkload(const Workload &workload)
{
    m_base = workload;
    m_name->setText(workload.name);
    selectData(m_kind, int(workload.kind));
    m_image->setText(workload.image);
    m_replicas->setValue(std::max(1, workload.requirements.replicas));
    selectData(m_spread, int(workload.requirements.spread));
    m_group->setText(workload.groupId);
    m_cpu->setValue(workload.request.cpuCores);
    m_memory->setText(workload.request.memoryBytes > 0 ? formatByteQuantity(workload.request.memoryBytes) : QString());
    m_disk->setText(workload.request.diskBytes > 0 ? formatByteQuantity(workload.request.diskBytes) : QString());
    m_gpus->setValue(workload.request.gpuCount);
    m_gpuModel->setText(workload.requirements.gpuModel);
    m_fpgas->setValue(workload.request.fpgaCount);
    m_fpgaModel->setText(workload.requirements.fpgaModel);
    m_vaccel->setChecked(workload.requirements.vaccel);
    m_arch->setEditText(workload.requirements.arch);
    selectData(m_tier, int(workload.requirements.minSecurityTier));
    selectData(m_isolation, int(workload.requirements.isolation));
    m_nodeSelector->setText(labelsText(workload.requirements.nodeSelector));
    m_where->setText(workload.requirements.where);
    const auto bound = std::find_if(workload.requirements.maxLatency.cbegin(), workload.requirements.maxLatency.cend(),
                                    [](const LatencyBound &b) { return !b.siteId.isEmpty(); });
    if (bound != workload.requirements.maxLatency.cend()) {
        if (m_latencySite->findData(bound->siteId) < 0)
            m_latencySite->addItem(bound->siteId, bound->siteId);
        selectData(m_latencySite, bound->siteId);
        m_latencyMs->setValue(bound->maxMs);
    } else {
        m_latencySite->setCurrentIndex(0);
        m_latencyMs->setValue(0.0);
    }
    if (!workload.requirements.dataLocation.isEmpty() && m_dataLocation->findData(workload.requirements.dataLocation) < 0)
        m_dataLocation->addItem(workload.requirements.dataLocation, workload.requirements.dataLocation);
    selectData(m_dataLocation, workload.requirements.dataLocation);
    m_partition->setText(workload.requirements.partition);
    m_walltime->setText(workload.requirements.walltimeSeconds > 0 ? formatDuration(workload.requirements.walltimeSeconds)
                                                                  : QString());
    m_latencyWeight->setValue(qRound(workload.objectives.latency * 100));
    m_executionWeight->setValue(qRound(workload.objectives.executionTime * 100));
    m_energyWeight->setValue(qRound(workload.objectives.energy * 100));
    m_costWeight->setValue(qRound(workload.objectives.cost * 100));
    m_balanceWeight->setValue(qRound(workload.objectives.balance * 100));
    selectData(m_strategy, int(workload.strategy));
    if (currentTab() == Tab::Yaml)
        m_yaml->setPlainText(QString::fromUtf8(intentsToYaml({workload})));
}

Result<Workload> PlacementDialog::formWorkload() const
{
    Workload workload = m_base;
    workload.name = m_name->text().trimmed();
    if (workload.name.isEmpty())
        return makeError(tr("Name: a workload needs a name."));
    workload.kind = comboEnum<WorkloadKind>(m_kind);
    workload.image = m_image->text().trimmed();
    workload.requirements.replicas = m_replicas->value();
    workload.requirements.spread = comboEnum<SpreadScope>(m_spread);
    workload.groupId = m_group->text().trimmed();
    workload.request.cpuCores = m_cpu->value();
    workload.request.memoryBytes = 0;
    if (const QString text = m_memory->text().trimmed(); !text.isEmpty()) {
        auto bytes = parseByteQuantity(text);
        if (!bytes)
            return makeError(tr("Memory: %1").arg(bytes.error()));
        workload.request.memoryBytes = *bytes;
    }
    workload.request.diskBytes = 0;
    if (const QString text = m_disk->text().trimmed(); !text.isEmpty()) {
        auto bytes = parseByteQuantity(text);
        if (!bytes)
            return makeError(tr("Disk: %1").arg(bytes.error()));
        workload.request.diskBytes = *bytes;
    }
    workload.request.gpuCount = m_gpus->value();
    workload.requirements.gpuModel = m_gpuModel->text().trimmed();
    workload.request.fpgaCount = m_fpgas->value();
    workload.requirements.fpgaModel = m_fpgaModel->text().trimmed();
    workload.requirements.vaccel = m_vaccel->isChecked();
    workload.requirements.arch = m_arch->currentText().trimmed();
    workload.requirements.minSecurityTier = comboEnum<SecurityTier>(m_tier);
    workload.requirements.isolation = comboEnum<IsolationKind>(m_isolation);
    workload.requirements.nodeSelector.clear();
    const QStringList pairs = m_nodeSelector->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return makeError(tr("Node selector: '%1' is not key=value.").arg(pair.trimmed()));
        workload.requirements.nodeSelector.insert(pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed());
    }
    workload.requirements.where = m_where->text().trimmed();
    // The form shows the first site bound; other bounds (user locations) are kept as they were.
    auto &bounds = workload.requirements.maxLatency;
    const auto siteBound = std::find_if(bounds.begin(), bounds.end(),
                                        [](const LatencyBound &b) { return !b.siteId.isEmpty(); });
    const QString siteId = m_latencySite->currentData().toString();
    if (siteId.isEmpty()) {
        if (siteBound != bounds.end())
            bounds.erase(siteBound);
    } else {
        if (m_latencyMs->value() <= 0.0)
            return makeError(tr("Max latency: give the bound to %1 in milliseconds.").arg(siteId));
        LatencyBound bound;
        bound.siteId = siteId;
        bound.maxMs = m_latencyMs->value();
        if (siteBound != bounds.end())
            *siteBound = bound;
        else
            bounds.append(bound);
    }
    workload.requirements.dataLocation = m_dataLocation->currentData().toString();
    workload.requirements.partition = m_partition->text().trimmed();
    workload.requirements.walltimeSeconds = 0;
    if (const QString text = m_walltime->text().trimmed(); !text.isEmpty()) {
        auto seconds = parseDurationSeconds(text);
        if (!seconds)
            return makeError(tr("Wall time: %1").arg(seconds.error()));
        workload.requirements.walltimeSeconds = *seconds;
    }
    workload.objectives.latency = m_latencyWeight->value() / 100.0;
    workload.objectives.executionTime = m_executionWeight->value() / 100.0;
    workload.objectives.energy = m_energyWeight->value() / 100.0;
    workload.objectives.cost = m_costWeight->value() / 100.0;
    workload.objectives.balance = m_balanceWeight->value() / 100.0;
    workload.strategy = comboEnum<PlacementStrategy>(m_strategy);
    return workload;
}

Result<QList<Workload>> PlacementDialog::intents() const
{
    if (currentTab() == Tab::Yaml) {
        auto parsed = parseIntents(m_yaml->toPlainText().toUtf8());
        if (!parsed)
            return makeError(tr("YAML: %1").arg(parsed.error()));
        if (parsed->isEmpty())
            return makeError(tr("YAML: no intents found."));
        return parsed;
    }
    auto workload = formWorkload();
    if (!workload)
        return makeError(workload.error());
    return QList<Workload>{*workload};
}

PlacementDialog::Tab PlacementDialog::currentTab() const
{
    return m_tabs->currentIndex() == 1 ? Tab::Yaml : Tab::Form;
}

bool PlacementDialog::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab == Tab::Yaml ? 1 : 0);
    return currentTab() == tab;
}

void PlacementDialog::setYaml(const QString &yaml)
{
    m_yaml->setPlainText(yaml);
}

QString PlacementDialog::yaml() const
{
    return m_yaml->toPlainText();
}

QString PlacementDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PlacementDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void PlacementDialog::onTabChanged(int index)
{
    if (m_switching)
        return;
    if (index == 1) {
        // Form -> YAML.
        auto workload = formWorkload();
        if (!workload) {
            showError(workload.error());
            m_switching = true;
            m_tabs->setCurrentIndex(0);
            m_switching = false;
            return;
        }
        m_yaml->setPlainText(QString::fromUtf8(intentsToYaml({*workload})));
        showError({});
    } else {
        // YAML -> form: a YAML that does not parse keeps the operator in the editor.
        auto parsed = parseIntents(m_yaml->toPlainText().toUtf8());
        if (!parsed || parsed->isEmpty()) {
            m_switching = true;
            m_tabs->setCurrentIndex(1);
            m_switching = false;
            showError(parsed ? tr("YAML: no intents found.") : tr("YAML: %1").arg(parsed.error()));
            return;
        }
        setWorkload(parsed->first());
        showError(parsed->size() > 1
                      ? tr("The YAML holds %1 intents; the form shows the first. Submit from the YAML tab to send them all.")
                            .arg(parsed->size())
                      : QString());
    }
}

void PlacementDialog::setBusy(bool busy)
{
    m_dryRunButton->setEnabled(!busy);
    m_submitButton->setEnabled(!busy);
}

void PlacementDialog::dryRun()
{
    auto list = intents();
    if (!list) {
        showError(list.error());
        return;
    }
    if (!m_controlPlane) {
        showError(tr("Not connected."));
        return;
    }
    showError({});
    setBusy(true);
    m_explanation->show();
    m_explanation->showMessage(tr("Explaining…"));
    m_controlPlane->submitWorkloads(*list, true, this, [this](const Result<SubmitResult> &result) {
        setBusy(false);
        if (!result) {
            m_explanation->showMessage(result.error());
            showError(result.error());
            Q_EMIT dryRunFinished(false);
            return;
        }
        if (result->explanations.isEmpty()) {
            m_explanation->showMessage(tr("The engine returned no explanation."));
        } else {
            const QString title = result->workloads.isEmpty()
                                      ? QString()
                                      : result->explanations.size() > 1
                                            ? tr("%1 (and %2 more)").arg(result->workloads.first().name).arg(result->explanations.size() - 1)
                                            : result->workloads.first().name;
            m_explanation->setExplanation(result->explanations.first(), title);
        }
        Q_EMIT dryRunFinished(true);
    });
}

void PlacementDialog::submit()
{
    auto list = intents();
    if (!list) {
        showError(list.error());
        return;
    }
    if (!m_controlPlane) {
        showError(tr("Not connected."));
        return;
    }
    showError({});
    setBusy(true);
    m_controlPlane->submitWorkloads(*list, false, this, [this](const Result<SubmitResult> &result) {
        setBusy(false);
        if (!result) {
            showError(result.error());
            return;
        }
        Q_EMIT submitted(*result);
        // Refused intents keep the dialog open with their explanation.
        const auto refused = std::find_if(result->explanations.cbegin(), result->explanations.cend(),
                                          [](const PlacementExplanation &e) { return !e.placed; });
        if (refused != result->explanations.cend()) {
            m_explanation->show();
            m_explanation->setExplanation(*refused, tr("Refused"));
            showError(tr("Some intents could not be placed: %1").arg(refused->error));
            return;
        }
        accept();
    });
}

} // namespace Continuo::Gui

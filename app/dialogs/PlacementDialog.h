#pragma once

#include "model/Workload.h"
#include "util/Result.h"

#include <QDialog>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
QT_END_NAMESPACE

namespace Continuo {
class IControlPlane;
struct SubmitResult;
}

namespace Continuo::Gui {

class ExplanationView;

/// Places a workload: a form with every field of an intent and a YAML editor (Continuo's intent
/// format or Kubernetes manifests) kept in sync, switching tabs converts. Dry run explains the
/// placement inline without changing anything; Submit places it for real.
class PlacementDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Tab { Unknown, Form, Yaml };
    Q_ENUM(Tab)

    explicit PlacementDialog(IControlPlane *controlPlane, QWidget *parent = nullptr);

    /// Fill the form (and the YAML) from an intent.
    void setWorkload(const Workload &workload);
    /// The intent the form describes; an error names the field that does not parse.
    Result<Workload> formWorkload() const;
    /// What Dry run and Submit send: the form's intent, or every intent of the YAML.
    Result<QList<Workload>> intents() const;

    Tab currentTab() const;
    /// Switch tabs, converting; false (and the error shown) when the YAML does not parse.
    bool setCurrentTab(Tab tab);
    void setYaml(const QString &yaml);
    QString yaml() const;
    /// The inline error (form field or YAML parse error); empty when there is none.
    QString errorText() const;

    /// Explain without placing; the answer shows in explanationView().
    void dryRun();
    /// Place for real; the dialog closes when every intent was placed.
    void submit();

    ExplanationView *explanationView() const { return m_explanation; }
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *yamlEdit() const { return m_yaml; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *dryRunButton() const { return m_dryRunButton; }
    QPushButton *submitButton() const { return m_submitButton; }

Q_SIGNALS:
    /// Submit succeeded (some intents may still have been refused: see the explanations).
    void submitted(const Continuo::SubmitResult &result);
    /// A dry run's answer arrived and is shown.
    void dryRunFinished(bool succeeded);

private:
    void onTabChanged(int index);
    void showError(const QString &error);
    void setBusy(bool busy);
    QWidget *createForm();

    QPointer<IControlPlane> m_controlPlane;
    Workload m_base; ///< What the form does not show (labels, pins, location bounds) survives.
    bool m_switching = false;

    QTabWidget *m_tabs;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_image = nullptr;
    QSpinBox *m_replicas = nullptr;
    QComboBox *m_spread = nullptr;
    QDoubleSpinBox *m_cpu = nullptr;
    QLineEdit *m_memory = nullptr;
    QLineEdit *m_disk = nullptr;
    QSpinBox *m_gpus = nullptr;
    QLineEdit *m_gpuModel = nullptr;
    QSpinBox *m_fpgas = nullptr;
    QLineEdit *m_fpgaModel = nullptr;
    QCheckBox *m_vaccel = nullptr;
    QComboBox *m_arch = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_isolation = nullptr;
    QLineEdit *m_nodeSelector = nullptr;
    QLineEdit *m_where = nullptr;
    QComboBox *m_latencySite = nullptr;
    QDoubleSpinBox *m_latencyMs = nullptr;
    QComboBox *m_dataLocation = nullptr;
    QLineEdit *m_partition = nullptr;
    QLineEdit *m_walltime = nullptr;
    QLineEdit *m_group = nullptr;
    QSlider *m_latencyWeight = nullptr;
    QSlider *m_executionWeight = nullptr;
    QSlider *m_energyWeight = nullptr;
    QSlider *m_costWeight = nullptr;
    QSlider *m_balanceWeight = nullptr;
    QComboBox *m_strategy = nullptr;
    QPlainTextEdit *m_yaml;
    QLabel *m_error;
    ExplanationView *m_explanation;
    QPushButton *m_dryRunButton;
    QPushButton *m_submitButton;
};

} // namespace Continuo::Gui

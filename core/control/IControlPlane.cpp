#include "control/IControlPlane.h"

namespace Continuo {

IControlPlane::IControlPlane(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<Continuo::InventoryDelta>>();
    qRegisterMetaType<QList<Continuo::Event>>();
    qRegisterMetaType<QList<Continuo::SeriesBatch>>();
    qRegisterMetaType<Continuo::EngineStatus>();
}

IControlPlane::~IControlPlane() = default;

} // namespace Continuo

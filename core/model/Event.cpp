#include "model/Event.h"

#include <QRegularExpression>

namespace Continuo {

bool isValidEventType(const QString &type)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z][A-Za-z0-9_]*$"));
    return pattern.match(type).hasMatch();
}

} // namespace Continuo

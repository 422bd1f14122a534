#include "SideMeasurement.h"

#include "BaselineSubject.h"
#include "BrowseBench.h"
#include "QuarrySubject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace quarry::bench {

QString SideMeasurement::run(const BenchOptions& options)
{
    std::unique_ptr<BrowseSubject> subject;
    if (options.measure == BenchOptions::Side::Quarry)
        subject = std::make_unique<QuarrySubject>();
    else
        subject = std::make_unique<BaselineSubject>();
    BrowseFigures figures;
    {
        BrowseBench bench(*subject, options);
        figures = bench.run();
    }
    QJsonObject object;
    object.insert(QStringLiteral("figures"), figures.toJson());
    object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(figures.notes));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace quarry::bench

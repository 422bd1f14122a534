#include "SideMeasurement.h"

#include "BaselineSubject.h"
#include "BrowseBench.h"
#include "QuarrySubject.h"
#include "ValueEditorBench.h"
#include "ValuesDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace quarry::bench {

namespace {

QString toText(const BrowseFigures& figures, const QJsonObject& editor = {})
{
    QJsonObject object;
    object.insert(QStringLiteral("figures"), figures.toJson());
    if (!editor.isEmpty())
        object.insert(QStringLiteral("editor"), editor);
    object.insert(QStringLiteral("notes"), QJsonArray::fromStringList(figures.notes));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A file of the huge-values scenario: browsed as the posts are (first rows, jump, scroll), then the value editor
// opened on the BLOB's and on the TEXT's cell (huge ones, or small values in the plain file).
QString runValues(const BenchOptions& options)
{
    QuarrySubject subject(QString::fromLatin1(ValuesDatabase::kTable));
    BrowseFigures figures;
    QJsonObject editor;
    {
        BrowseBench bench(subject, options);
        if (bench.browse(figures)) {
            const ValuesDatabase file(options);
            const bool huge = options.measure == BenchOptions::Side::Huge;
            const QByteArray text =
                huge ? ValuesDatabase::textHead(256) : ValuesDatabase::smallValue(file.textRowId()) + '\n';
            ValueEditorBench values(bench, subject, options);
            editor = values
                         .run(file.blobRowId(),
                              huge ? ValuesDatabase::blobHead(16) : ValuesDatabase::smallValue(file.blobRowId()),
                              file.textRowId(), QString::fromUtf8(text.left(text.indexOf('\n'))))
                         .toJson();
        }
        bench.finish(figures);
    }
    return toText(figures, editor);
}

} // namespace

QString SideMeasurement::run(const BenchOptions& options)
{
    if (options.values)
        return runValues(options);
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
    return toText(figures);
}

} // namespace quarry::bench

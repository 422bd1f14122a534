#include "ValuesBench.h"

#include "BenchHost.h"
#include "JsonText.h"
#include "ValueEditorBench.h"
#include "ValuesDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <optional>

namespace quarry::bench {

namespace {

// The browsing figures this scenario takes (BrowseBench::browse()); the value editor's follow them.
const QStringList& browseKeys()
{
    static const QStringList keys{QStringLiteral("first_rows_ms"), QStringLiteral("jump_to_last_ms"),
                                  QStringLiteral("peak_rss_mb"), QStringLiteral("max_stall_ms")};
    return keys;
}

std::optional<double> number(const QJsonObject& side, const QString& key)
{
    const QJsonValue value = side.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString numberText(const std::optional<double>& value, int decimals)
{
    if (!value)
        return QStringLiteral("null");
    const double scale = std::pow(10.0, decimals);
    return JsonText::value(QJsonValue(std::round(*value * scale) / scale));
}

QString sideText(const QJsonObject& side, const QStringList& keys)
{
    JsonText::Members members;
    for (const QString& key : keys)
        members.append({key, JsonText::value(side.value(key))});
    return JsonText::object(members);
}

// "12.3 ms", or "-" for a step that did not finish.
QString shown(const std::optional<double>& value, const QString& unit)
{
    return value ? QString::number(*value, 'f', 1) + QLatin1Char(' ') + unit : QStringLiteral("-");
}

} // namespace

ValuesBench::ValuesBench(BenchOptions options) : m_options(std::move(options)) {}

ValuesBench::~ValuesBench() = default;

int ValuesBench::prepareFiles(QTextStream& err)
{
    if (m_options.database.isEmpty()) {
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid()) {
            err << "quarry-bench: cannot create a temporary folder: " << m_folder->errorString() << Qt::endl;
            return 1;
        }
        m_plain = m_folder->filePath(QStringLiteral("plain.db"));
        m_huge = m_folder->filePath(QStringLiteral("huge.db"));
    } else {
        const QFileInfo named(m_options.database);
        const QString stem = named.dir().filePath(named.completeBaseName());
        m_plain = stem + QStringLiteral("-plain.db");
        m_huge = stem + QStringLiteral("-huge.db");
    }
    const ValuesDatabase files(m_options);
    for (const bool huge : {false, true}) {
        const QString& path = huge ? m_huge : m_plain;
        if (QFileInfo::exists(path)) {
            if (files.matches(path, huge)) {
                m_notes << QStringLiteral("%1 reused (it holds this scale)").arg(QFileInfo(path).fileName());
                err << "quarry-bench: reusing " << path << Qt::endl;
                continue;
            }
            err << "quarry-bench: " << path << " exists and does not hold this scale; remove it or name another file"
                << Qt::endl;
            return 1;
        }
        err << "quarry-bench: writing " << path << Qt::endl;
        QString error;
        if (!files.write(path, huge, error, m_notes)) {
            err << "quarry-bench: cannot write " << path << ": " << error << Qt::endl;
            return 1;
        }
    }
    return 0;
}

QJsonObject ValuesBench::measure(BenchOptions::Side side, const QString& path, QTextStream& err)
{
    BenchOptions child = m_options;
    child.database = path;
    // Five browsing and go-to steps and two value editors, each bounded by the limit, with their pauses.
    const int timeoutMs = 10 * (m_options.limitMs + m_options.pauseMs) + 120000;
    const QJsonObject result =
        BenchHost::runChild(BenchOptions::sideName(side), child.childArguments(side), timeoutMs, m_notes, err);
    QJsonObject figures = result.value(QStringLiteral("figures")).toObject();
    const QJsonObject editor = result.value(QStringLiteral("editor")).toObject();
    for (auto it = editor.begin(); it != editor.end(); ++it)
        figures.insert(it.key(), it.value());
    return figures;
}

int ValuesBench::run(QTextStream& out, QTextStream& err)
{
    m_notes << BenchHost::machineNote();
    if (const int status = prepareFiles(err); status != 0)
        return status;
    if (m_options.warmCache) {
        BenchHost::warmFile(m_plain, m_notes, err);
        BenchHost::warmFile(m_huge, m_notes, err);
    }
    const QJsonObject plain = measure(BenchOptions::Side::Plain, m_plain, err);
    const QJsonObject huge = measure(BenchOptions::Side::Huge, m_huge, err);
    m_notes << QStringLiteral("limits: %1 ms per step, %2 MB resident memory per side")
                   .arg(m_options.limitMs)
                   .arg(m_options.rssLimitMb);
    m_notes << QStringLiteral("load average at the end %1").arg(BenchHost::loadAverage());

    auto ratio = [&](const QString& key) -> std::optional<double> {
        const auto a = number(huge, key);
        const auto b = number(plain, key);
        return a && b && *b > 0 ? std::optional<double>(*a / *b) : std::nullopt;
    };
    const auto firstRows = ratio(QStringLiteral("first_rows_ms"));
    const auto jump = ratio(QStringLiteral("jump_to_last_ms"));
    const auto goTo = ratio(QStringLiteral("go_to_middle_row_ms"));
    const auto hugeRss = number(huge, QStringLiteral("peak_rss_mb"));
    const auto plainRss = number(plain, QStringLiteral("peak_rss_mb"));
    const std::optional<double> rssAbove =
        hugeRss && plainRss ? std::optional<double>(*hugeRss - *plainRss) : std::nullopt;
    const ValuesDatabase files(m_options);
    const QString text =
        JsonText::objectLines({
            {QStringLiteral("scale"),
             JsonText::object({{QStringLiteral("rows"), QString::number(m_options.valueRows)},
                               {QStringLiteral("huge_blob_bytes"), QString::number(files.blobBytes())},
                               {QStringLiteral("huge_text_bytes"), QString::number(files.textBytes())}})},
            {QStringLiteral("plain"), sideText(plain, browseKeys() + ValueEditorFigures::keys())},
            {QStringLiteral("huge"), sideText(huge, browseKeys() + ValueEditorFigures::keys())},
            {QStringLiteral("ratios"),
             JsonText::object({{QStringLiteral("first_rows_huge_over_plain"), numberText(firstRows, 2)},
                               {QStringLiteral("jump_to_last_huge_over_plain"), numberText(jump, 2)},
                               {QStringLiteral("go_to_middle_row_huge_over_plain"), numberText(goTo, 2)},
                               {QStringLiteral("peak_rss_huge_minus_plain_mb"), numberText(rssAbove, 1)}})},
            {QStringLiteral("notes"), JsonText::value(QJsonArray::fromStringList(m_notes))},
        }) +
        QLatin1Char('\n');

    // For a person: the two files side by side.
    auto row = [&](const QString& name, const QString& key, const QString& unit, const QString& comparison) {
        err << "  " << name.leftJustified(16) << shown(number(plain, key), unit).rightJustified(12)
            << shown(number(huge, key), unit).rightJustified(12) << "  " << comparison << Qt::endl;
    };
    err << "quarry-bench: huge values, " << m_options.valueRows << " rows; BLOB " << files.blobBytes()
        << " bytes, TEXT " << files.textBytes() << " bytes" << Qt::endl;
    err << "  " << QString().leftJustified(16) << QStringLiteral("plain").rightJustified(12)
        << QStringLiteral("huge").rightJustified(12) << Qt::endl;
    auto times = [](const std::optional<double>& value) {
        return value ? QStringLiteral("%1x").arg(*value, 0, 'f', 2) : QStringLiteral("-");
    };
    row(QStringLiteral("first rows"), QStringLiteral("first_rows_ms"), QStringLiteral("ms"), times(firstRows));
    row(QStringLiteral("jump to last"), QStringLiteral("jump_to_last_ms"), QStringLiteral("ms"), times(jump));
    row(QStringLiteral("peak RSS"), QStringLiteral("peak_rss_mb"), QStringLiteral("MB"),
        rssAbove ? QStringLiteral("%1 MB").arg(*rssAbove, 0, 'f', 1) : QStringLiteral("-"));
    row(QStringLiteral("go to middle row"), QStringLiteral("go_to_middle_row_ms"), QStringLiteral("ms"), times(goTo));
    row(QStringLiteral("longest stall"), QStringLiteral("max_stall_ms"), QStringLiteral("ms"), QString());
    row(QStringLiteral("editor: BLOB head"), QStringLiteral("value_editor_blob_first_bytes_ms"), QStringLiteral("ms"),
        QString());
    row(QStringLiteral("editor: BLOB read"), QStringLiteral("value_editor_blob_loaded_ms"), QStringLiteral("ms"),
        QString());
    row(QStringLiteral("editor: TEXT"), QStringLiteral("value_editor_text_ms"), QStringLiteral("ms"), QString());
    return BenchHost::publish(text, m_options.output, out, err);
}

} // namespace quarry::bench

#include "core/JsonLayout.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace quarry {

namespace {

QString layout(const QString& json, int indent, bool pretty)
{
    QString out;
    out.reserve(json.size() + json.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    auto newline = [&] {
        if (pretty)
            out += QLatin1Char('\n') + QString(depth * indent, QLatin1Char(' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            out += c;
            // An empty object or array stays on its line: {} and [].
            qsizetype next = i + 1;
            while (next < json.size() && json.at(next).isSpace())
                ++next;
            if (next < json.size() && (json.at(next) == u'}' || json.at(next) == u']')) {
                out += json.at(next);
                i = next;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case u'}':
        case u']':
            --depth;
            newline();
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += c;
            if (pretty)
                out += QLatin1Char(' ');
            break;
        default:
            if (!c.isSpace())
                out += c;
            break;
        }
    }
    return out;
}

} // namespace

QString JsonLayout::pretty(const QString& json, int indent)
{
    return layout(json, indent, true);
}

QString JsonLayout::compact(const QString& json)
{
    return layout(json, 0, false);
}

std::optional<QString> JsonLayout::problem(const QString& json)
{
    const QByteArray utf8 = json.toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return std::nullopt;
    // The offset counts UTF-8 bytes; people count lines and characters.
    const QString before = QString::fromUtf8(utf8.left(error.offset));
    const qsizetype lineStart = before.lastIndexOf(QLatin1Char('\n')) + 1;
    const qsizetype line = before.count(QLatin1Char('\n')) + 1;
    return QStringLiteral("line %1, column %2: %3")
        .arg(line)
        .arg(before.size() - lineStart + 1)
        .arg(error.errorString());
}

} // namespace quarry

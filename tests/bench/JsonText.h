#pragma once

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace quarry::bench {

// JSON text with members in the order given (QJsonObject sorts its keys), so the printed object reads in the
// order the issue lists them.
class JsonText {
public:
    using Members = QList<QPair<QString, QString>>; // name -> JSON text of the value

    static QString value(const QJsonValue& value);
    static QString string(const QString& text) { return value(QJsonValue(text)); }
    // One line: {"a": 1, "b": null}
    static QString object(const Members& members);
    // One member per line, indented by `indent` spaces.
    static QString objectLines(const Members& members, int indent = 2);
};

} // namespace quarry::bench

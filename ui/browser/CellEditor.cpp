#include "browser/CellEditor.h"

#include "database/ColumnAffinity.h"
#include "database/SqlValue.h"
#include "models/TypedText.h"

#include <limits>

namespace quarry {

namespace {
constexpr qsizetype kMaxInlineText = 16 * 1024;
}

CellEditor::CellEditor(QWidget* parent) : QLineEdit(parent)
{
    setFrame(false);
    setMaxLength(std::numeric_limits<int>::max()); // QLineEdit's default would cut text at 32,767 characters
}

bool CellEditor::editsInline(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
    case SqlValue::StorageClass::Integer:
    case SqlValue::StorageClass::Real:
        return true;
    case SqlValue::StorageClass::Blob:
        return false;
    case SqlValue::StorageClass::Text:
        break;
    }
    if (value.metaType() != QMetaType::fromType<QString>())
        return false; // TextBytes, CutValue
    const QString text = value.toString();
    if (text.size() > kMaxInlineText)
        return false;
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c == QChar(0) || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

QString CellEditor::editText(const QVariant& value)
{
    return TypedText::of(value);
}

QVariant CellEditor::typedValue(const QString& text, const QVariant& original)
{
    switch (SqlValue::storageClass(original)) {
    case SqlValue::StorageClass::Integer: {
        bool ok = false;
        const qlonglong number = text.trimmed().toLongLong(&ok);
        if (ok)
            return QVariant(number);
        break;
    }
    case SqlValue::StorageClass::Real:
        if (const std::optional<double> real = ColumnAffinity::realFromText(text))
            return QVariant(*real);
        break;
    default:
        break;
    }
    return QVariant(text.isNull() ? QStringLiteral("") : text);
}

void CellEditor::start(const QVariant& value)
{
    m_start = value;
    m_startText = editText(value);
    setText(m_startText);
    if (value.isNull())
        setPlaceholderText(QStringLiteral("NULL"));
}

} // namespace quarry

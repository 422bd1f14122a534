#include "database/SqlValue.h"

#include <QStringDecoder>

#include <sqlite3.h>

#include <cstring>
#include <limits>

namespace quarry {

namespace {

QVariant typedNull()
{
    return QVariant(QMetaType::fromType<QString>()); // a null QVariant that still says "text"
}

// The first `head` bytes of UTF-8 text, not ending inside a character.
QByteArray utf8Head(const char* data, qsizetype size, qsizetype head)
{
    qsizetype cut = std::min(size, head);
    if (cut < size) {
        qsizetype back = cut;
        while (back > 0 && back > cut - 4 && (static_cast<unsigned char>(data[back]) & 0xC0) == 0x80)
            --back;
        cut = back;
    }
    return QByteArray(data, cut);
}

QVariant fromBytes(int type, const void* data, qsizetype size, qsizetype limit, qsizetype head)
{
    const auto* bytes = static_cast<const char*>(data);
    if (limit >= 0 && size > limit) {
        CutValue cut;
        cut.isBlob = type == SQLITE_BLOB;
        cut.bytes = size;
        cut.head = cut.isBlob ? QByteArray(bytes, std::min(size, head)) : utf8Head(bytes, size, head);
        return QVariant::fromValue(cut);
    }
    if (type == SQLITE_BLOB)
        return QVariant(size > 0 ? QByteArray(bytes, size) : QByteArray(""));
    return SqlValue::fromText(bytes, size);
}

} // namespace

QVariant SqlValue::fromText(const char* data, qsizetype bytes)
{
    // Stateless, and a leading byte-order mark is part of the value: decoding must not drop it.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(QByteArrayView(data, bytes));
    if (decoder.hasError())
        return QVariant::fromValue(TextBytes{QByteArray(data, bytes)});
    if (text.isNull())
        text = QStringLiteral(""); // empty, not NULL
    return QVariant(text);
}

QVariant SqlValue::fromColumn(sqlite3_stmt* statement, int column)
{
    return fromColumn(statement, column, -1, 0);
}

QVariant SqlValue::fromColumn(sqlite3_stmt* statement, int column, qsizetype limit, qsizetype head)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(statement, column));
    case SQLITE_TEXT: {
        const unsigned char* text = sqlite3_column_text(statement, column);
        return fromBytes(SQLITE_TEXT, text, sqlite3_column_bytes(statement, column), limit, head);
    }
    case SQLITE_BLOB: {
        const void* blob = sqlite3_column_blob(statement, column);
        return fromBytes(SQLITE_BLOB, blob, sqlite3_column_bytes(statement, column), limit, head);
    }
    default:
        return typedNull();
    }
}

QVariant SqlValue::fromValue(sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_value_int64(value)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_value_double(value));
    case SQLITE_TEXT: {
        const unsigned char* text = sqlite3_value_text(value);
        return fromBytes(SQLITE_TEXT, text, sqlite3_value_bytes(value), -1, 0);
    }
    case SQLITE_BLOB: {
        const void* blob = sqlite3_value_blob(value);
        return fromBytes(SQLITE_BLOB, blob, sqlite3_value_bytes(value), -1, 0);
    }
    default:
        return typedNull();
    }
}

int SqlValue::bind(sqlite3_stmt* statement, int index, const QVariant& value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::ULongLong: {
        // SQLite has no unsigned integers: a value past int64 would wrap, so it is stored as the REAL it is.
        const qulonglong number = value.toULongLong();
        if (number > qulonglong(std::numeric_limits<qint64>::max()))
            return sqlite3_bind_double(statement, index, double(number));
        return sqlite3_bind_int64(statement, index, qint64(number));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
        return sqlite3_bind_blob64(statement, index, bytes.isEmpty() ? "" : bytes.constData(),
                                   sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    default:
        break;
    }
    if (value.metaType() == QMetaType::fromType<TextBytes>()) {
        const QByteArray bytes = value.value<TextBytes>().bytes;
        return sqlite3_bind_text64(statement, index, bytes.isEmpty() ? "" : bytes.constData(),
                                   sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    if (value.metaType() == QMetaType::fromType<CutValue>())
        return SQLITE_MISUSE;
    const QByteArray utf8 = value.toString().toUtf8();
    return sqlite3_bind_text64(statement, index, utf8.isEmpty() ? "" : utf8.constData(), sqlite3_uint64(utf8.size()),
                               SQLITE_TRANSIENT, SQLITE_UTF8);
}

SqlValue::StorageClass SqlValue::storageClass(const QVariant& value)
{
    if (value.isNull())
        return StorageClass::Null;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return StorageClass::Integer;
    case QMetaType::ULongLong:
        return value.toULongLong() > qulonglong(std::numeric_limits<qint64>::max()) ? StorageClass::Real
                                                                                    : StorageClass::Integer;
    case QMetaType::Double:
    case QMetaType::Float:
        return StorageClass::Real;
    case QMetaType::QByteArray:
        return StorageClass::Blob;
    default:
        break;
    }
    if (value.metaType() == QMetaType::fromType<CutValue>())
        return value.value<CutValue>().isBlob ? StorageClass::Blob : StorageClass::Text;
    return StorageClass::Text;
}

QString SqlValue::typeName(StorageClass type)
{
    switch (type) {
    case StorageClass::Null:
        return QStringLiteral("null");
    case StorageClass::Integer:
        return QStringLiteral("integer");
    case StorageClass::Real:
        return QStringLiteral("real");
    case StorageClass::Text:
        return QStringLiteral("text");
    case StorageClass::Blob:
        return QStringLiteral("blob");
    }
    return {};
}

QByteArray SqlValue::bytes(const QVariant& value)
{
    switch (storageClass(value)) {
    case StorageClass::Blob:
        return value.metaType() == QMetaType::fromType<CutValue>() ? value.value<CutValue>().head : value.toByteArray();
    case StorageClass::Text:
        if (value.metaType() == QMetaType::fromType<TextBytes>())
            return value.value<TextBytes>().bytes;
        if (value.metaType() == QMetaType::fromType<CutValue>())
            return value.value<CutValue>().head;
        return value.toString().toUtf8();
    default:
        return {};
    }
}

bool SqlValue::identical(const QVariant& a, const QVariant& b)
{
    const StorageClass type = storageClass(a);
    if (type != storageClass(b))
        return false;
    const bool aCut = a.metaType() == QMetaType::fromType<CutValue>();
    const bool bCut = b.metaType() == QMetaType::fromType<CutValue>();
    if (aCut || bCut)
        return aCut && bCut && a.value<CutValue>() == b.value<CutValue>();
    switch (type) {
    case StorageClass::Null:
        return true;
    case StorageClass::Integer:
        return a.toLongLong() == b.toLongLong();
    case StorageClass::Real: {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case StorageClass::Text:
    case StorageClass::Blob:
        return bytes(a) == bytes(b);
    }
    return false;
}

} // namespace quarry

#include "AwkwardValues.h"

#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace quarry::test {

namespace {

AwkwardValue ofInteger(qint64 v)
{
    AwkwardValue value;
    value.type = AwkwardValue::Type::Integer;
    value.integer = v;
    return value;
}

AwkwardValue ofReal(double v)
{
    AwkwardValue value;
    value.type = AwkwardValue::Type::Real;
    value.real = v;
    return value;
}

AwkwardValue ofText(const QByteArray& bytes)
{
    AwkwardValue value;
    value.type = AwkwardValue::Type::Text;
    value.bytes = bytes;
    return value;
}

AwkwardValue ofBlob(const QByteArray& bytes)
{
    AwkwardValue value;
    value.type = AwkwardValue::Type::Blob;
    value.bytes = bytes;
    return value;
}

QByteArray randomBytes(QRandomGenerator& random, int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QByteArray randomUtf8(QRandomGenerator& random, int characters)
{
    static const char32_t ranges[][2] = {
        {0x20, 0x7e}, {0xa0, 0x24f}, {0x391, 0x3c9}, {0x4e00, 0x4fff}, {0x1f600, 0x1f64f}};
    QString out;
    for (int i = 0; i < characters; ++i) {
        const auto& range = ranges[random.bounded(int(std::size(ranges)))];
        const char32_t c = range[0] + random.bounded(quint32(range[1] - range[0] + 1));
        out += QString::fromUcs4(&c, 1);
    }
    return out.toUtf8();
}

} // namespace

int AwkwardValue::bind(sqlite3_stmt* statement, int index) const
{
    switch (type) {
    case Type::Null:
        return sqlite3_bind_null(statement, index);
    case Type::Integer:
        return sqlite3_bind_int64(statement, index, integer);
    case Type::Real:
        return sqlite3_bind_double(statement, index, real);
    case Type::Text:
        return sqlite3_bind_text64(statement, index, bytes.constData() ? bytes.constData() : "",
                                   sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    case Type::Blob:
        return sqlite3_bind_blob64(statement, index, bytes.constData() ? bytes.constData() : "",
                                   sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    return SQLITE_MISUSE;
}

QString AwkwardValue::describe() const
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("NULL");
    case Type::Integer:
        return QStringLiteral("integer %1").arg(integer);
    case Type::Real:
        return QStringLiteral("real %1").arg(real, 0, 'g', 17);
    case Type::Text:
        return QStringLiteral("text (%1 bytes) %2").arg(bytes.size()).arg(QString::fromLatin1(bytes.left(24).toHex()));
    case Type::Blob:
        return QStringLiteral("blob (%1 bytes) %2").arg(bytes.size()).arg(QString::fromLatin1(bytes.left(24).toHex()));
    }
    return {};
}

QList<AwkwardValue> AwkwardValue::edgeCases()
{
    QList<AwkwardValue> values;
    values << AwkwardValue() << ofInteger(std::numeric_limits<qint64>::min())
           << ofInteger(std::numeric_limits<qint64>::max()) << ofInteger(0) << ofInteger(-1)
           << ofInteger(9007199254740993LL);
    values << ofReal(-0.0) << ofReal(0.0) << ofReal(1e308) << ofReal(5e-324)
           << ofReal(std::numeric_limits<double>::infinity()) << ofReal(-std::numeric_limits<double>::infinity())
           << ofReal(3.14159265358979) << ofReal(0.1) << ofReal(0.30000000000000004) << ofReal(2.2250738585072014e-308)
           << ofReal(1.7976931348623157e308) << ofReal(123456789012345680.0) << ofReal(3.0);
    values << ofText("") << ofText("00601") << ofText(" 7") << ofText("+1") << ofText("1e5") << ofText("0x1F")
           << ofText("9223372036854775808") << ofText("line one\nline two") << ofText(QByteArray("nul\0inside", 10))
           << ofText("\xef\xbb\xbf"
                     "bom first")
           << ofText("\xff\xfe not utf-8 \xc3") << ofText("\xed\xa0\x80 surrogate")
           << ofText(QByteArray(100 * 1024, 'a')) << ofText(QByteArray(70000, 'x') + "\xe2\x82\xac");
    values << ofBlob("") << ofBlob(QByteArray("\x00\xff\x10", 3)) << ofBlob(QByteArray(40000, '\0'))
           << ofBlob(QByteArray("\x89PNG\r\n\x1a\n", 8));
    return values;
}

AwkwardValue AwkwardValue::random(QRandomGenerator& random)
{
    switch (random.bounded(9)) {
    case 0:
        return AwkwardValue();
    case 1:
        return ofInteger(qint64(random.generate64()));
    case 2:
        return ofInteger(qint64(random.bounded(2000)) - 1000);
    case 3: {
        double v = 0;
        do {
            const quint64 bits = random.generate64();
            std::memcpy(&v, &bits, sizeof v);
        } while (std::isnan(v)); // SQLite stores NaN as NULL
        return ofReal(v);
    }
    case 4:
        return ofReal(random.generateDouble() * std::pow(10.0, random.bounded(40) - 20));
    case 5:
        return ofText(randomUtf8(random, random.bounded(40)));
    case 6: {
        static const char* const numeric[] = {"42", "-17", "3.5", "1e3", "00601", "0.1", " 12 ", "+8", "1.0", "abc"};
        return ofText(numeric[random.bounded(int(std::size(numeric)))]);
    }
    case 7:
        return ofText(randomBytes(random, random.bounded(1, 30))); // mostly not UTF-8
    default:
        return ofBlob(randomBytes(random, random.bounded(0, 64)));
    }
}

QStringList exactRows(const QString& path, const QString& sql, QString* error)
{
    QStringList rows;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        while (sqlite3_step(statement) == SQLITE_ROW) {
            QStringList cells;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                switch (sqlite3_column_type(statement, i)) {
                case SQLITE_INTEGER:
                    cells << QStringLiteral("integer:%1").arg(sqlite3_column_int64(statement, i));
                    break;
                case SQLITE_FLOAT: {
                    const double v = sqlite3_column_double(statement, i);
                    quint64 bits = 0;
                    std::memcpy(&bits, &v, sizeof bits);
                    cells << QStringLiteral("real:%1").arg(bits, 16, 16, QLatin1Char('0'));
                    break;
                }
                case SQLITE_TEXT: {
                    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
                    cells << QStringLiteral("text:") +
                                 QString::fromLatin1(QByteArray(data, sqlite3_column_bytes(statement, i)).toHex());
                    break;
                }
                case SQLITE_BLOB: {
                    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, i));
                    cells << QStringLiteral("blob:") +
                                 QString::fromLatin1(QByteArray(data, sqlite3_column_bytes(statement, i)).toHex());
                    break;
                }
                default:
                    cells << QStringLiteral("null:");
                    break;
                }
            }
            rows << cells.join(QLatin1Char('|'));
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

} // namespace quarry::test

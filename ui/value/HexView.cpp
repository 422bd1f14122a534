#include "value/HexView.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QScrollBar>

#include <optional>

namespace quarry {

namespace {

constexpr int kBytesPerLine = 16;

QPlainTextEdit* column(QWidget* parent, bool readOnly)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setReadOnly(readOnly);
    edit->setTabChangesFocus(true);
    return edit;
}

} // namespace

HexView::HexView(QWidget* parent)
    : QWidget(parent), m_offsets(column(this, true)), m_hex(column(this, false)), m_ascii(column(this, true))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const QFontMetrics metrics(m_hex->font());
    m_offsets->setFixedWidth(metrics.horizontalAdvance(QStringLiteral("00000000")) + 16);
    m_offsets->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ascii->setFixedWidth(metrics.horizontalAdvance(QString(kBytesPerLine, QLatin1Char('x'))) + 24);
    m_ascii->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Room for a whole line of sixteen bytes, so none hides behind a scroll bar.
    m_hex->setMinimumWidth(metrics.horizontalAdvance(QStringLiteral("00 ")) * kBytesPerLine + 24);
    m_hex->setAccessibleName(QStringLiteral("Hex bytes"));
    layout->addWidget(m_offsets);
    layout->addWidget(m_hex, 1);
    layout->addWidget(m_ascii);
    // The three columns scroll as one.
    for (QPlainTextEdit* side : {m_offsets, m_ascii})
        connect(m_hex->verticalScrollBar(), &QScrollBar::valueChanged, side->verticalScrollBar(),
                &QScrollBar::setValue);
    connect(m_hex, &QPlainTextEdit::textChanged, this, [this] {
        updateSide();
        emit edited();
    });
}

void HexView::setBytes(const QByteArray& bytes)
{
    QString text;
    text.reserve(bytes.size() * 3 + bytes.size() / kBytesPerLine);
    for (qsizetype i = 0; i < bytes.size(); i += kBytesPerLine) {
        if (i > 0)
            text += QLatin1Char('\n');
        text += QString::fromLatin1(bytes.mid(i, kBytesPerLine).toHex(' '));
    }
    const QSignalBlocker block(m_hex);
    m_hex->setPlainText(text);
    m_hex->document()->setModified(false);
    updateSide();
}

std::optional<QByteArray> HexView::bytes() const
{
    m_problem.clear();
    QByteArray out;
    const QString text = m_hex->toPlainText();
    int line = 1;
    int columnNumber = 1;
    int pending = -1; // the high nibble read so far
    for (const QChar c : text) {
        if (c == u'\n') {
            ++line;
            columnNumber = 1;
            continue;
        }
        if (!c.isSpace()) {
            const int digit = QStringLiteral("0123456789abcdef").indexOf(c.toLower());
            if (digit < 0) {
                m_problem =
                    QStringLiteral("“%1” at line %2, column %3 is not a hex digit.").arg(c).arg(line).arg(columnNumber);
                return std::nullopt;
            }
            if (pending < 0) {
                pending = digit;
            } else {
                out.append(char(pending * 16 + digit));
                pending = -1;
            }
        }
        ++columnNumber;
    }
    if (pending >= 0) {
        m_problem = QStringLiteral("The last byte at line %1 has one hex digit; a byte takes two.").arg(line);
        return std::nullopt;
    }
    return out;
}

void HexView::setReadOnly(bool readOnly)
{
    m_hex->setReadOnly(readOnly);
}

bool HexView::isModified() const
{
    return m_hex->document()->isModified();
}

void HexView::updateSide()
{
    // Offsets and ASCII follow the hex as it is edited, line by line.
    QStringList offsets;
    QStringList ascii;
    const QStringList lines = m_hex->toPlainText().split(QLatin1Char('\n'));
    qint64 offset = 0;
    for (const QString& line : lines) {
        offsets << QStringLiteral("%1").arg(offset, 8, 16, QLatin1Char('0'));
        const QByteArray bytes = QByteArray::fromHex(line.toLatin1());
        QString shown;
        for (const char b : bytes)
            shown += (b >= 0x20 && b < 0x7f) ? QLatin1Char(b) : QLatin1Char('.');
        ascii << shown;
        offset += bytes.size();
    }
    m_offsets->setPlainText(offsets.join(QLatin1Char('\n')));
    m_ascii->setPlainText(ascii.join(QLatin1Char('\n')));
    m_offsets->verticalScrollBar()->setValue(m_hex->verticalScrollBar()->value());
    m_ascii->verticalScrollBar()->setValue(m_hex->verticalScrollBar()->value());
}

} // namespace quarry

#include "value/ValuePages.h"

#include "core/JsonLayout.h"
#include "database/SqlValue.h"
#include "models/CellText.h"
#include "value/HexView.h"
#include "value/JsonPane.h"

#include <QCheckBox>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace quarry {

namespace {

bool looksLikeJson(const QString& text)
{
    const QString trimmed = text.trimmed();
    return (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['))) &&
           !JsonLayout::problem(trimmed).has_value();
}

} // namespace

ValuePages::ValuePages(QWidget* parent)
    : QStackedWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_wrap(new QCheckBox(QStringLiteral("Wrap lines"), this))
    , m_hex(new HexView(this))
    , m_imageArea(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_json(new JsonPane(this))
{
    m_text->setAccessibleName(QStringLiteral("Value as text"));
    auto* textPage = new QWidget(this);
    auto* textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_wrap);
    m_wrap->setChecked(true);
    connect(m_wrap, &QCheckBox::toggled, this, [this](bool wrap) {
        m_text->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    addWidget(textPage);
    addWidget(m_hex);
    addWidget(m_imageArea);
    addWidget(m_json);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ValuePages::changed);
    connect(m_json->editor(), &QPlainTextEdit::textChanged, this, &ValuePages::changed);
    connect(m_hex, &HexView::edited, this, &ValuePages::changed);
    connect(m_json, &JsonPane::checked, this, &ValuePages::jsonChecked);
}

ValuePages::Mode ValuePages::modeFor(const QVariant& value)
{
    const SqlValue::StorageClass type = SqlValue::storageClass(value);
    const QByteArray bytes = SqlValue::bytes(value);
    const bool isText = value.metaType() == QMetaType::fromType<QString>();
    if (type == SqlValue::StorageClass::Blob)
        return CellText::imageKind(bytes).isEmpty() || QImage::fromData(bytes).isNull() ? Mode::Hex : Mode::Image;
    if (type == SqlValue::StorageClass::Text && (!isText || value.toString().contains(QChar(0))))
        return Mode::Hex; // not UTF-8, NUL characters, or only a head: bytes as they are
    if (isText && looksLikeJson(value.toString()))
        return Mode::Json;
    return Mode::Text;
}

void ValuePages::show(const QVariant& value, Mode mode, bool editable, bool modified)
{
    const QByteArray bytes = SqlValue::bytes(value);
    const bool whole = value.metaType() != QMetaType::fromType<CutValue>();
    {
        const QSignalBlocker blockText(m_text);
        const QSignalBlocker blockJson(m_json->editor());
        m_text->setPlainText(mode == Mode::Text ? TypedText::of(value) : QString());
        m_json->editor()->setPlainText(mode == Mode::Json ? TypedText::of(value) : QString());
    }
    m_hex->setBytes(mode == Mode::Hex ? bytes.left(MaxHexBytes) : QByteArray());
    const QImage image = mode == Mode::Image ? QImage::fromData(bytes) : QImage();
    m_image->setPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image));
    m_image->setText(image.isNull() ? QStringLiteral("Not an image Quarry can show.") : QString());
    m_text->setReadOnly(!editable || !whole);
    m_json->editor()->setReadOnly(!editable || !whole);
    m_hex->setReadOnly(!editable || !whole || bytes.size() > MaxHexBytes);
    setCurrentIndex(int(mode));
    for (QPlainTextEdit* page : {m_text, m_json->editor(), m_hex->editor()})
        page->document()->setModified(false);
    if (modified && mode != Mode::Image) {
        QPlainTextEdit* page = mode == Mode::Text ? m_text : mode == Mode::Json ? m_json->editor() : m_hex->editor();
        page->document()->setModified(true);
    }
    emit jsonChecked();
}

bool ValuePages::isModified() const
{
    switch (mode()) {
    case Mode::Text:
        return m_text->document()->isModified();
    case Mode::Json:
        return m_json->editor()->document()->isModified();
    case Mode::Hex:
        return m_hex->isModified();
    case Mode::Image:
        return false;
    }
    return false;
}

Result<QVariant> ValuePages::edited(TypedText::Storage storage, const QVariant& original) const
{
    switch (mode()) {
    case Mode::Image:
        return original;
    case Mode::Hex: {
        const std::optional<QByteArray> bytes = m_hex->bytes();
        if (!bytes)
            return Error::make(Error::Kind::Validation, m_hex->problem());
        return TypedText::fromBytes(*bytes, storage);
    }
    default:
        break;
    }
    const QPlainTextEdit* editor = mode() == Mode::Json ? m_json->editor() : m_text;
    return TypedText::fromText(editor->toPlainText(), storage, TypedText::usesCrLf(TypedText::of(original)));
}

QString ValuePages::jsonProblem() const
{
    return mode() == Mode::Json ? m_json->problem() : QString();
}

QPlainTextEdit* ValuePages::jsonEditor() const
{
    return m_json->editor();
}

} // namespace quarry

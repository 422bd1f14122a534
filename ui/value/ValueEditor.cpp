#include "value/ValueEditor.h"

#include "Dialogs.h"
#include "core/JsonLayout.h"
#include "core/ValueText.h"
#include "database/ColumnAffinity.h"
#include "database/SqlValue.h"
#include "models/CellText.h"
#include "models/TableModel.h"
#include "models/ValueFile.h"
#include "value/HexView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace quarry {

namespace {

enum Storage { StoreText, StoreInteger, StoreReal, StoreBlob };

QPlainTextEdit* textPane(QWidget* parent, const QString& name)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setAccessibleName(name);
    edit->setTabChangesFocus(false);
    return edit;
}

bool looksLikeJson(const QString& text)
{
    const QString trimmed = text.trimmed();
    return (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('['))) &&
           !JsonLayout::problem(trimmed).has_value();
}

// The text a value is edited as in the text and JSON modes.
QString textOf(const QVariant& value)
{
    switch (SqlValue::storageClass(value)) {
    case SqlValue::StorageClass::Null:
        return {};
    case SqlValue::StorageClass::Integer:
        return QString::number(value.toLongLong());
    case SqlValue::StorageClass::Real:
        return ValueText::real(value.toDouble());
    default:
        return QString::fromUtf8(SqlValue::bytes(value));
    }
}

} // namespace

ValueEditor::ValueEditor(QString path, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_path(std::move(path))
    , m_dialogs(dialogs)
    , m_reader(std::make_unique<ValueReader>(m_path))
    , m_title(new QLabel(this))
    , m_info(new QLabel(this))
    , m_modeBox(new QComboBox(this))
    , m_storage(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_text(textPane(this, QStringLiteral("Value as text")))
    , m_wrap(new QCheckBox(QStringLiteral("Wrap lines"), this))
    , m_hex(new HexView(this))
    , m_imageArea(new QScrollArea(this))
    , m_image(new QLabel(this))
    , m_json(textPane(this, QStringLiteral("Value as JSON")))
    , m_problemLabel(new QLabel(this))
    , m_import(new QPushButton(QStringLiteral("Import\u2026"), this))
    , m_export(new QPushButton(QStringLiteral("Export\u2026"), this))
    , m_null(new QPushButton(QStringLiteral("Set NULL"), this))
    , m_apply(new QPushButton(QStringLiteral("Apply"), this))
{
    connect(m_reader.get(), &ValueReader::read, this, &ValueEditor::onRead, Qt::QueuedConnection);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);
    m_modeBox->addItems(
        {QStringLiteral("Text"), QStringLiteral("Hex"), QStringLiteral("Image"), QStringLiteral("JSON")});
    m_modeBox->setToolTip(QStringLiteral("How the value is shown; picked from its content"));
    m_storage->addItems(
        {QStringLiteral("Text"), QStringLiteral("Integer"), QStringLiteral("Real"), QStringLiteral("BLOB")});
    m_storage->setToolTip(QStringLiteral("The storage class Apply and Import write; the column's affinity has the last "
                                         "word, as in SQLite"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b00000"));
    m_problemLabel->hide();

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
    auto* jsonPage = new QWidget(this);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    jsonLayout->addWidget(m_json, 1);
    auto* jsonButtons = new QHBoxLayout;
    auto* pretty = new QPushButton(QStringLiteral("Pretty"), jsonPage);
    auto* compact = new QPushButton(QStringLiteral("Compact"), jsonPage);
    jsonButtons->addWidget(pretty);
    jsonButtons->addWidget(compact);
    jsonButtons->addStretch();
    jsonLayout->addLayout(jsonButtons);
    connect(pretty, &QPushButton::clicked, this, [this] { formatJson(true); });
    connect(compact, &QPushButton::clicked, this, [this] { formatJson(false); });
    connect(m_json, &QPlainTextEdit::textChanged, this, &ValueEditor::checkJson);
    m_pages->addWidget(textPage);
    m_pages->addWidget(m_hex);
    m_pages->addWidget(m_imageArea);
    m_pages->addWidget(jsonPage);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(new QLabel(QStringLiteral("Mode:"), this));
    top->addWidget(m_modeBox);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(QStringLiteral("Store as:"), this));
    bottom->addWidget(m_storage);
    bottom->addWidget(m_import);
    bottom->addWidget(m_export);
    bottom->addWidget(m_null);
    bottom->addStretch();
    bottom->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_info);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problemLabel);
    layout->addLayout(bottom);

    m_apply->setToolTip(QStringLiteral("Make the edit pending (Ctrl+Return); Write Changes writes it"));
    connect(m_apply, &QPushButton::clicked, this, &ValueEditor::apply);
    auto* applyKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &ValueEditor::apply);
    applyKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_null, &QPushButton::clicked, this, &ValueEditor::setNull);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString file = m_dialogs.openFileName(this, QStringLiteral("Import a Value from a File"));
        if (!file.isEmpty() && !loadFromFile(file))
            m_dialogs.warn(this, QStringLiteral("Import"), m_problem);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = m_dialogs.saveFileName(this, QStringLiteral("Export the Value to a File"), QString());
        if (!file.isEmpty() && !saveToFile(file))
            m_dialogs.warn(this, QStringLiteral("Export"), m_problem);
    });
    connect(m_modeBox, &QComboBox::activated, this, [this](int mode) { setMode(Mode(mode)); });
    for (QPlainTextEdit* edit : {m_text, m_json})
        connect(edit, &QPlainTextEdit::textChanged, this, &ValueEditor::updateButtons);
    connect(m_hex, &HexView::edited, this, &ValueEditor::updateButtons);
    setCell(nullptr, {});
}

ValueEditor::~ValueEditor() = default;

void ValueEditor::setCell(TableModel* model, const QModelIndex& index)
{
    if (m_model && m_index.isValid() && isModified() && isEditable())
        apply();
    m_model = model;
    m_index = index;
    m_loaded = false;
    m_modified = false;
    m_problem.clear();
    ++m_generation;
    if (!model || !index.isValid()) {
        m_title->setText(QStringLiteral("No cell selected"));
        m_info->setText(QStringLiteral("Select a cell to see its whole value here."));
        showValue(QVariant());
        m_loaded = false;
        updateButtons();
        return;
    }
    const QString column = model->headerData(index.column(), Qt::Horizontal, TableModel::ColumnNameRole).toString();
    m_title->setText(QStringLiteral("%1.%2, row %3")
                         .arg(model->table().name,
                              column.isEmpty() ? model->headerData(index.column(), Qt::Horizontal).toString() : column)
                         .arg(model->headerData(index.row(), Qt::Vertical).toString()));
    const QVariant value = index.data(Qt::EditRole);
    if (value.metaType() == QMetaType::fromType<CutValue>() && !model->isComputedColumn(index.column())) {
        // The grid holds only the head: read the whole value from the file.
        const TableInfo& table = model->table();
        CellAddress cell{table.name, column, table.hasRowid ? QStringLiteral("rowid") : table.primaryKey().value(0),
                         index.data(TableModel::IdentityRole), table.hasRowid};
        showValue(value);
        m_info->setText(QStringLiteral("Reading %1\u2026").arg(ValueText::byteSize(value.value<CutValue>().bytes)));
        m_reader->request(m_generation, cell, kMaxEditBytes);
        updateButtons();
        return;
    }
    showValue(value);
    m_loaded = true;
    showInfo();
    updateButtons();
}

void ValueEditor::onRead(quint64 generation, const CellRead& result)
{
    if (generation != m_generation)
        return;
    if (!result.error.isEmpty() || !result.found) {
        m_problem = result.found ? QStringLiteral("Cannot read the value: %1").arg(result.error)
                                 : QStringLiteral("The row is no longer in the file.");
        updateButtons();
        return;
    }
    showValue(result.value);
    m_bytes = result.bytes;
    m_loaded = true;
    showInfo();
    updateButtons();
}

void ValueEditor::showValue(const QVariant& value)
{
    m_value = value;
    const SqlValue::StorageClass type = SqlValue::storageClass(value);
    const QByteArray bytes = SqlValue::bytes(value);
    m_bytes = value.metaType() == QMetaType::fromType<CutValue>() ? value.value<CutValue>().bytes : bytes.size();
    const bool isText = value.metaType() == QMetaType::fromType<QString>();
    Mode mode = Mode::Text;
    if (type == SqlValue::StorageClass::Blob)
        mode = CellText::imageKind(bytes).isEmpty() || QImage::fromData(bytes).isNull() ? Mode::Hex : Mode::Image;
    else if (type == SqlValue::StorageClass::Text && (!isText || value.toString().contains(QChar(0))))
        mode = Mode::Hex; // not UTF-8, NUL characters, or only a head: bytes as they are
    else if (isText && looksLikeJson(value.toString()))
        mode = Mode::Json;
    switch (type) {
    case SqlValue::StorageClass::Integer:
        m_storage->setCurrentIndex(StoreInteger);
        break;
    case SqlValue::StorageClass::Real:
        m_storage->setCurrentIndex(StoreReal);
        break;
    case SqlValue::StorageClass::Blob:
        m_storage->setCurrentIndex(StoreBlob);
        break;
    default:
        m_storage->setCurrentIndex(StoreText);
        break;
    }
    setMode(mode);
}

ValueEditor::Mode ValueEditor::mode() const
{
    return Mode(m_pages->currentIndex());
}

void ValueEditor::setMode(Mode mode)
{
    // Switching shows the value as edited so far, not as it was read.
    QVariant value = m_value;
    bool carried = false;
    if (isModified()) {
        if (const std::optional<QVariant> edited = editedValue()) {
            value = *edited;
            carried = true;
        }
    }
    const QByteArray bytes = SqlValue::bytes(value);
    const bool whole = value.metaType() != QMetaType::fromType<CutValue>();
    // Only the page shown is filled: laying out megabytes of text nobody looks at would stall the window.
    {
        const QSignalBlocker blockText(m_text);
        const QSignalBlocker blockJson(m_json);
        m_text->setPlainText(mode == Mode::Text ? textOf(value) : QString());
        m_json->setPlainText(mode == Mode::Json ? textOf(value) : QString());
        m_text->document()->setModified(false);
        m_json->document()->setModified(false);
    }
    m_hex->setBytes(mode == Mode::Hex ? bytes.left(kMaxHexBytes) : QByteArray());
    const QImage image = mode == Mode::Image ? QImage::fromData(bytes) : QImage();
    m_image->setPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image));
    m_image->setText(image.isNull() ? QStringLiteral("Not an image Quarry can show.") : QString());
    const bool editable = isEditable() && whole;
    m_text->setReadOnly(!editable);
    m_json->setReadOnly(!editable);
    m_hex->setReadOnly(!editable || bytes.size() > kMaxHexBytes);
    m_pages->setCurrentIndex(int(mode));
    m_modeBox->setCurrentIndex(int(mode));
    if (carried) { // the edit goes on in the new mode
        QPlainTextEdit* page = mode == Mode::Text ? m_text : mode == Mode::Json ? m_json : m_hex->editor();
        page->document()->setModified(mode != Mode::Image);
    }
    checkJson();
    updateButtons();
}

void ValueEditor::showInfo()
{
    const SqlValue::StorageClass type = SqlValue::storageClass(m_value);
    QString info = SqlValue::typeName(type);
    if (type == SqlValue::StorageClass::Text || type == SqlValue::StorageClass::Blob)
        info += QStringLiteral(", %1").arg(ValueText::byteSize(m_bytes));
    if (m_value.metaType() == QMetaType::fromType<TextBytes>())
        info += QStringLiteral(", not valid UTF-8 (shown as bytes)");
    if (type == SqlValue::StorageClass::Blob) {
        const QString image = CellText::imageKind(SqlValue::bytes(m_value));
        if (!image.isEmpty())
            info += QStringLiteral(", ") + image;
    }
    if (m_value.metaType() == QMetaType::fromType<CutValue>())
        info +=
            QStringLiteral(". Larger than the editor takes (%1): shown by its first bytes; Export saves it whole and "
                           "Import replaces it.")
                .arg(ValueText::byteSize(kMaxEditBytes));
    else if (SqlValue::bytes(m_value).size() > kMaxHexBytes && mode() == Mode::Hex)
        info += QStringLiteral(". The hex view shows the first %1, read-only.").arg(ValueText::byteSize(kMaxHexBytes));
    if (m_model && !isEditable())
        info += QStringLiteral(" Read-only here.");
    m_info->setText(info);
}

bool ValueEditor::isEditable() const
{
    return m_model && m_index.isValid() && (m_model->flags(m_index) & Qt::ItemIsEditable) &&
           !m_model->table().foreignKey(
               m_model->headerData(m_index.column(), Qt::Horizontal, TableModel::ColumnNameRole).toString());
}

bool ValueEditor::isModified() const
{
    switch (mode()) {
    case Mode::Text:
        return m_text->document()->isModified();
    case Mode::Json:
        return m_json->document()->isModified();
    case Mode::Hex:
        return m_hex->isModified();
    case Mode::Image:
        return false;
    }
    return false;
}

std::optional<QVariant> ValueEditor::editedValue()
{
    m_problem.clear();
    const Storage storage = Storage(m_storage->currentIndex());
    if (mode() == Mode::Hex) {
        const std::optional<QByteArray> bytes = m_hex->bytes();
        if (!bytes) {
            m_problem = m_hex->problem();
            return std::nullopt;
        }
        if (storage == StoreText)
            return SqlValue::fromText(bytes->constData(), bytes->size());
        if (storage != StoreBlob) {
            m_problem = QStringLiteral("Bytes are stored as BLOB or as Text; choose one of them under Store as.");
            return std::nullopt;
        }
        return QVariant(bytes->isNull() ? QByteArray("") : *bytes);
    }
    if (mode() == Mode::Image)
        return m_value;
    QString text = (mode() == Mode::Json ? m_json : m_text)->toPlainText();
    // A text whose lines all ended in CR LF keeps them: the editor shows line breaks, not their bytes.
    const QString original = textOf(m_value);
    if (original.contains(QStringLiteral("\r\n")) &&
        original.count(QLatin1Char('\n')) == original.count(QStringLiteral("\r\n")))
        text.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    switch (storage) {
    case StoreInteger: {
        bool ok = false;
        const qlonglong number = text.trimmed().toLongLong(&ok);
        if (!ok) {
            m_problem =
                QStringLiteral("\u201c%1\u201d is not an integer from -9223372036854775808 to 9223372036854775807.")
                    .arg(text.left(40));
            return std::nullopt;
        }
        return QVariant(number);
    }
    case StoreReal:
        if (const std::optional<double> real = ColumnAffinity::realFromText(text))
            return QVariant(*real);
        m_problem = QStringLiteral("\u201c%1\u201d is not a number.").arg(text.left(40));
        return std::nullopt;
    case StoreBlob:
        return QVariant(text.toUtf8());
    default:
        return QVariant(text.isNull() ? QStringLiteral("") : text);
    }
}

bool ValueEditor::apply()
{
    if (!isModified() || !isEditable())
        return true;
    const std::optional<QVariant> value = editedValue();
    if (!value) {
        updateButtons();
        return false;
    }
    if (!m_model->setData(m_index, *value)) {
        m_problem = QStringLiteral("This cell cannot take that value.");
        updateButtons();
        return false;
    }
    showValue(m_index.data(Qt::EditRole)); // what the column will store, affinity applied
    showInfo();
    emit applied();
    return true;
}

void ValueEditor::setNull()
{
    if (!isEditable())
        return;
    m_model->setData(m_index, QVariant());
    showValue(m_index.data(Qt::EditRole));
    showInfo();
    emit applied();
}

bool ValueEditor::loadFromFile(const QString& file)
{
    if (!isEditable()) {
        m_problem = QStringLiteral("This cell cannot be edited.");
        return false;
    }
    const Result<QByteArray> bytes = ValueFile::read(file);
    if (!bytes) {
        m_problem = bytes.error().message;
        return false;
    }
    // Text when asked for and the file is UTF-8; otherwise the bytes, as a BLOB.
    QVariant value = QVariant(bytes->isNull() ? QByteArray("") : *bytes);
    if (m_storage->currentIndex() == StoreText) {
        const QVariant text = SqlValue::fromText(bytes->constData(), bytes->size());
        if (text.metaType() == QMetaType::fromType<QString>())
            value = text;
    }
    if (!m_model->setData(m_index, value)) {
        m_problem = QStringLiteral("This cell cannot take that value.");
        return false;
    }
    showValue(m_index.data(Qt::EditRole));
    m_loaded = true;
    showInfo();
    emit applied();
    return true;
}

bool ValueEditor::saveToFile(const QString& file)
{
    if (!m_loaded) {
        m_problem = QStringLiteral("The value has not been read yet.");
        return false;
    }
    if (m_value.metaType() == QMetaType::fromType<CutValue>()) {
        // Too large to hold: copied from the file a piece at a time, on a thread of its own.
        const TableInfo& table = m_model->table();
        const QString column =
            m_model->headerData(m_index.column(), Qt::Horizontal, TableModel::ColumnNameRole).toString();
        const CellAddress cell{table.name, column, QStringLiteral("rowid"), m_index.data(TableModel::IdentityRole),
                               table.hasRowid};
        auto problem = std::make_shared<QString>();
        QThread* copy = QThread::create([path = m_path, cell, file, problem] {
            if (const Status saved = ValueFile::copyCell(path, cell, file); !saved)
                *problem = saved.error().message;
        });
        connect(copy, &QThread::finished, this, [this, copy, file, problem] {
            copy->deleteLater();
            emit exported(file, *problem);
        });
        m_info->setText(QStringLiteral("Exporting %1 to “%2”…").arg(ValueText::byteSize(m_bytes), file));
        copy->start();
        return true;
    }
    const SqlValue::StorageClass type = SqlValue::storageClass(m_value);
    const bool bytes = type == SqlValue::StorageClass::Text || type == SqlValue::StorageClass::Blob;
    const Status saved = ValueFile::write(file, bytes ? SqlValue::bytes(m_value) : textOf(m_value).toUtf8());
    if (!saved) {
        m_problem = saved.error().message;
        return false;
    }
    emit exported(file, QString());
    return true;
}

QString ValueEditor::infoText() const
{
    return m_info->text();
}

QString ValueEditor::problemText() const
{
    return m_problem;
}

void ValueEditor::formatJson(bool pretty)
{
    const QString text = m_json->toPlainText();
    if (JsonLayout::problem(text))
        return; // the problem is shown; a layout of broken JSON would only move it
    m_json->setPlainText(pretty ? JsonLayout::pretty(text) : JsonLayout::compact(text));
    m_json->document()->setModified(true);
}

void ValueEditor::checkJson()
{
    if (mode() != Mode::Json)
        return;
    const std::optional<QString> problem = JsonLayout::problem(m_json->toPlainText());
    m_problem = problem ? QStringLiteral("Not valid JSON at %1.").arg(*problem) : QString();
    updateButtons();
}

void ValueEditor::updateButtons()
{
    const bool editable = isEditable() && m_loaded;
    m_apply->setEnabled(editable && isModified());
    m_null->setEnabled(editable && !m_value.isNull());
    m_import->setEnabled(editable);
    m_export->setEnabled(m_loaded && m_model);
    m_storage->setEnabled(editable);
    m_modeBox->setEnabled(m_model != nullptr);
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
}

} // namespace quarry

#include "value/ValueEditor.h"

#include "Dialogs.h"
#include "core/ValueText.h"
#include "database/SqlValue.h"
#include "models/CellText.h"
#include "models/TableModel.h"
#include "models/TypedText.h"
#include "models/ValueFile.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace quarry {

ValueEditor::ValueEditor(QString path, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_path(std::move(path))
    , m_dialogs(dialogs)
    , m_reader(std::make_unique<ValueReader>(m_path))
    , m_title(new QLabel(this))
    , m_info(new QLabel(this))
    , m_modeBox(new QComboBox(this))
    , m_storage(new QComboBox(this))
    , m_pages(new ValuePages(this))
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
    connect(this, &ValueEditor::exported, this, [this](const QString&, const QString& problem) {
        if (!problem.isEmpty())
            m_dialogs.warn(this, QStringLiteral("Export"), problem);
        showInfo();
    });
    connect(m_modeBox, &QComboBox::activated, this, [this](int mode) { setMode(Mode(mode)); });
    connect(m_pages, &ValuePages::changed, this, &ValueEditor::updateButtons);
    connect(m_pages, &ValuePages::jsonChecked, this, [this] {
        m_problem = m_pages->jsonProblem();
        updateButtons();
    });
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
        const CellAddress cell = CellAddress::of(table, column, index.data(TableModel::IdentityRole));
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
    m_bytes = value.metaType() == QMetaType::fromType<CutValue>() ? value.value<CutValue>().bytes
                                                                  : SqlValue::bytes(value).size();
    m_storage->setCurrentIndex(int(TypedText::storageOf(value)));
    setMode(ValuePages::modeFor(value));
}

ValueEditor::Mode ValueEditor::mode() const
{
    return m_pages->mode();
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
    m_pages->show(value, mode, isEditable(), carried);
    m_modeBox->setCurrentIndex(int(mode));
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
    else if (SqlValue::bytes(m_value).size() > ValuePages::MaxHexBytes && mode() == Mode::Hex)
        info += QStringLiteral(". The hex view shows the first %1, read-only.")
                    .arg(ValueText::byteSize(ValuePages::MaxHexBytes));
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

std::optional<QVariant> ValueEditor::editedValue()
{
    m_problem.clear();
    Result<QVariant> value = m_pages->edited(TypedText::Storage(m_storage->currentIndex()), m_value);
    if (!value) {
        m_problem = value.error().message;
        return std::nullopt;
    }
    return *value;
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
    if (m_storage->currentIndex() == int(TypedText::Storage::Text)) {
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
        const CellAddress cell = CellAddress::of(table, column, m_index.data(TableModel::IdentityRole));
        auto problem = std::make_shared<QString>();
        QThread* copy = QThread::create([path = m_path, cell, file, problem] {
            if (const Status saved = ValueFile::copyCell(path, cell, file); !saved)
                *problem = saved.error().message;
        });
        connect(copy, &QThread::finished, copy, &QObject::deleteLater);
        connect(copy, &QThread::finished, this, [this, file, problem] { emit exported(file, *problem); });
        m_info->setText(QStringLiteral("Exporting %1 to “%2”…").arg(ValueText::byteSize(m_bytes), file));
        copy->start();
        return true;
    }
    const SqlValue::StorageClass type = SqlValue::storageClass(m_value);
    const bool bytes = type == SqlValue::StorageClass::Text || type == SqlValue::StorageClass::Blob;
    const Status saved = ValueFile::write(file, bytes ? SqlValue::bytes(m_value) : TypedText::of(m_value).toUtf8());
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

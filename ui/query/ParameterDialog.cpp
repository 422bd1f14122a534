#include "ParameterDialog.h"

#include "core/ValueText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quarry {

namespace {

// How a value given earlier comes back into the dialog.
ParameterDialog::Type typeOf(const QVariant& value)
{
    switch (ValueText::typeOf(value)) {
    case ResultCell::Type::Null:
        return ParameterDialog::Type::Null;
    case ResultCell::Type::Integer:
        return ParameterDialog::Type::Integer;
    case ResultCell::Type::Real:
        return ParameterDialog::Type::Real;
    default:
        return ParameterDialog::Type::Text;
    }
}

} // namespace

ParameterDialog::ParameterDialog(const QList<QueryParameter>& parameters, const QHash<QString, QVariant>& previous,
                                 QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(QStringLiteral("Parameter Values"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(QStringLiteral("The statement has placeholders. Their values are bound to it, never pasted "
                                  "into the SQL."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    for (const QueryParameter& parameter : parameters) {
        Row row{parameter, new QComboBox(this), new QLineEdit(this)};
        row.type->addItems(
            {QStringLiteral("Text"), QStringLiteral("Integer"), QStringLiteral("Real"), QStringLiteral("NULL")});
        row.type->setAccessibleName(QStringLiteral("Type of %1").arg(parameter.name));
        row.text->setAccessibleName(QStringLiteral("Value of %1").arg(parameter.name));
        auto* line = new QHBoxLayout;
        line->addWidget(row.type);
        line->addWidget(row.text, 1);
        form->addRow(parameter.name, line);
        const QVariant earlier = previous.value(parameter.name, QVariant(QStringLiteral("")));
        row.type->setCurrentIndex(int(typeOf(earlier)));
        row.text->setText(earlier.isNull() ? QString() : ValueText::plain(earlier));
        connect(row.type, &QComboBox::currentIndexChanged, this, &ParameterDialog::validate);
        connect(row.text, &QLineEdit::textChanged, this, &ParameterDialog::validate);
        m_rows.append(row);
    }
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(QStringLiteral("Run"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void ParameterDialog::setValue(int row, Type type, const QString& text)
{
    m_rows.at(row).type->setCurrentIndex(int(type));
    m_rows.at(row).text->setText(text);
}

QString ParameterDialog::problem() const
{
    for (const Row& row : m_rows) {
        const QString text = row.text->text().trimmed();
        bool ok = true;
        switch (Type(row.type->currentIndex())) {
        case Type::Integer:
            text.toLongLong(&ok);
            if (!ok)
                return QStringLiteral("%1 needs a whole number.").arg(row.parameter.name);
            break;
        case Type::Real:
            text.toDouble(&ok);
            if (!ok)
                return QStringLiteral("%1 needs a number such as 2.5.").arg(row.parameter.name);
            break;
        default:
            break;
        }
    }
    return {};
}

void ParameterDialog::validate()
{
    for (const Row& row : std::as_const(m_rows))
        row.text->setEnabled(Type(row.type->currentIndex()) != Type::Null);
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

ParameterValues ParameterDialog::values() const
{
    ParameterValues out;
    for (const Row& row : m_rows) {
        const QString text = row.text->text();
        switch (Type(row.type->currentIndex())) {
        case Type::Text:
            out << QVariant(text);
            break;
        case Type::Integer:
            out << QVariant(text.trimmed().toLongLong());
            break;
        case Type::Real:
            out << QVariant(text.trimmed().toDouble());
            break;
        case Type::Null:
            out << QVariant();
            break;
        }
    }
    return out;
}

} // namespace quarry
